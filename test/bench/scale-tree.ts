/**
 * The lab workspace of the workspace-scale benchmark (test/bench/scale.ts): `total` small documents
 * written below `root` that reference each other, with one calibration dataset that a fifth of them
 * depend on. Documents are numbered in writing order; every fifth (number 0, 5, 10, ...) names the
 * calibration dataset, the others name a nearby dataset. 60% are datasets (in lineage chains of ten),
 * 20% pipelines, 20% model cards. Each carries one unknown key, so that every document has a
 * diagnostic and is published at the cold index. Deterministic: the same `total` writes the same tree.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { dataset, modelCard, pipeline } from "../unit/workspace/harness";

export interface LabTree {
  /** Workspace-relative paths of every document written. */
  readonly files: readonly string[];
  /** The calibration dataset. */
  readonly hub: string;
  /** The documents that name the calibration dataset (a fifth of the others). */
  readonly dependents: readonly string[];
  /** A model card nothing references and that references nothing but an ordinary dataset. */
  readonly leaf: string;
}

const HUB_ID = "calibration";

export function writeLabTree(root: string, total: number): LabTree {
  const files: string[] = [];
  const dependents: string[] = [];
  let number = 0;
  const write = (name: string, text: string, namesHub: boolean) => {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${text}x-generated: true\n`);
    files.push(name);
    if (namesHub) dependents.push(name);
  };
  const others = Math.max(5, total - 1);
  const datasets = Math.floor(others * 0.6);
  const pipelines = Math.floor(others * 0.2);
  const cards = others - datasets - pipelines;
  write("calibration/calibration.dataset.yaml", dataset(HUB_ID, "1.0.0"), false);
  for (let i = 0; i < datasets; i++) {
    const namesHub = number++ % 5 === 0;
    const upstream = namesHub ? `${HUB_ID}@1.0.0` : i % 10 === 0 ? undefined : `d${i - 1}@1.0.0`;
    const lineage = upstream ? `lineage:\n  derivedFrom: [${upstream}]\n` : "";
    write(`data/${i % 100}/d${i}.dataset.yaml`, dataset(`d${i}`, "1.0.0", lineage), namesHub);
  }
  for (let i = 0; i < pipelines; i++) {
    const namesHub = number++ % 5 === 0;
    const input = namesHub ? `${HUB_ID}@1.0.0` : `d${(i * 3) % datasets}@1.0.0`;
    write(`pipelines/${i % 50}/p${i}.pipeline.yaml`, pipeline(`p${i}`, "1.0.0", [input], [`d${i % datasets}@1.0.0`]), namesHub);
  }
  let leaf = "";
  for (let i = 0; i < cards; i++) {
    const namesHub = number++ % 5 === 0;
    const training = namesHub ? `${HUB_ID}@1.0.0` : `d${(i * 7) % datasets}@1.0.0`;
    const name = `models/${i % 50}/m${i}.model.yaml`;
    write(name, modelCard(`m${i}`, "1.0.0", [training]), namesHub);
    if (!namesHub) leaf = name;
  }
  return { files, hub: files[0], dependents, leaf };
}
