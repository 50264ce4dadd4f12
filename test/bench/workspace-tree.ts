/**
 * The generated workspace the workspace and CLI benchmarks share: `total` documents written below
 * `root` as YAML files. 60% datasets (each derived from an earlier one, or from a shared "hub"
 * dataset), 20% pipelines, 20% model cards. Each document carries one unknown key, so that every
 * one of them has a diagnostic (the server's cold index is timed to its last publish).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { DocumentKind } from "../../server/src/core/types";
import { dataset, modelCard, pipeline } from "../unit/workspace/harness";

export interface GeneratedTree {
  /** Workspace-relative paths of every document written, in writing order. */
  readonly files: readonly string[];
  /** The dataset every other document references (directly or along its lineage). */
  readonly hub: string;
  /** A dataset at the end of a lineage chain: few documents depend on it. */
  readonly ordinary: string;
  /** The folders holding the documents of each kind, relative to the root (no other kind is in them). */
  readonly folders: Readonly<Record<DocumentKind, string>>;
}

export function writeWorkspaceTree(root: string, total: number): GeneratedTree {
  const files: string[] = [];
  const write = (name: string, text: string) => {
    text += "x-generated: true\n";
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files.push(name);
  };
  const datasets = Math.floor(total * 0.6);
  const pipelines = Math.floor(total * 0.2);
  const cards = total - datasets - pipelines - 1;
  write("data/hub.dataset.yaml", dataset("hub", "1.0.0"));
  for (let i = 0; i < datasets; i++) {
    const upstream = i % 10 === 0 ? ["hub@1.0.0"] : [`d${i - 1}@1.0.0`];
    write(
      `data/${i % 50}/d${i}.dataset.yaml`,
      dataset(
        `d${i}`,
        "1.0.0",
        `lineage:\n  derivedFrom: [${upstream.join(", ")}]\n  generatedBy: { pipeline: p${i % pipelines}@1.0.0 }\n`,
      ),
    );
  }
  for (let i = 0; i < pipelines; i++)
    write(`pipelines/${i % 20}/p${i}.pipeline.yaml`, pipeline(`p${i}`, "1.0.0", ["hub@1.0.0"], [`d${i}@1.0.0`]));
  for (let i = 0; i < cards; i++)
    write(`models/${i % 20}/m${i}.model.yaml`, modelCard(`m${i}`, "1.0.0", [`hub@1.0.0`, `d${(i * 7) % datasets}@1.0.0`]));
  return {
    files,
    hub: "data/hub.dataset.yaml",
    ordinary: `data/${(datasets - 1) % 50}/d${datasets - 1}.dataset.yaml`,
    folders: { DatasetManifest: "data", PipelineConfig: "pipelines", ModelCard: "models" },
  };
}
