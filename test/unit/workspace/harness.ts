import { DEFAULT_CONFIG, type GenesisConfig } from "../../../server/src/core/config";
import { parseGenesisDocument } from "../../../server/src/core/parse/document";
import { LineIndex } from "../../../server/src/core/text";
import { extractFacts } from "../../../server/src/core/workspace/facts";
import { WorkspaceIndex } from "../../../server/src/core/workspace/index";
import { engine } from "../harness";

/** A workspace built from inline files: path -> text. Files that are not Genesis documents are skipped. */
export function workspaceOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [path, text] of Object.entries(files)) {
    const document = parseGenesisDocument({ path, text });
    if (document) index.load(extractFacts(document));
  }
  return index;
}

export interface SeenWs {
  readonly line: number;
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly covered: string;
}

/** The workspace diagnostics of one document of `index`, with 0-based lines and underlined text. */
export function wsDiagnose(index: WorkspaceIndex, path: string, config: GenesisConfig = DEFAULT_CONFIG): SeenWs[] {
  const facts = index.get(path);
  if (!facts) throw new Error(`${path} is not in the workspace`);
  const lines = new LineIndex(facts.document.text);
  return engine.checkWorkspace(facts, index, config).map((d) => ({
    line: lines.positionAt(d.span.start).line,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    covered: facts.document.text.slice(d.span.start, d.span.end),
  }));
}

/** Replaces one document of the index as an edit would, returning the affected paths. */
export function edit(index: WorkspaceIndex, path: string, text: string): Set<string> {
  const document = parseGenesisDocument({ path, text });
  if (!document) throw new Error(`${path} is not a Genesis document`);
  return index.set(extractFacts(document));
}

/** Small valid documents for fixtures; override fields with YAML lines appended or replaced. */
export function dataset(id: string, version: string, extra = "", level = "public"): string {
  return `apiVersion: genesis/v1
kind: DatasetManifest
id: ${id}
version: ${version}
name: Dataset ${id}
description: A small dataset used by the workspace tests, described at length.
license: CC-BY-4.0
creators: [{ name: Test Author }]
datePublished: 2026-01-15
classification:
  level: ${level}
distribution:
  - { id: data, path: data.json, format: json, sha256: ${"a".repeat(64)} }
${extra}`;
}

export function pipeline(id: string, version: string, inputs: string[], outputs: string[], level = "public", extra = ""): string {
  return `apiVersion: genesis/v1
kind: PipelineConfig
id: ${id}
version: ${version}
description: A pipeline used by the workspace tests.
owner: { name: Test Owner }
classification: { level: ${level} }
engine: { type: shell }
inputs:${inputs.length ? "" : " []"}
${inputs.map((r, i) => `  - { name: in${i}, ref: ${r} }`).join("\n")}
outputs:
${outputs.map((r, i) => `  - { name: out${i}, ref: ${r} }`).join("\n")}
steps:
  - id: run
    run: ./run.sh
    container: { image: "registry.example.gov/x/y:1.0.0@sha256:${"b".repeat(64)}" }
environment: { site: test, maxClassification: cui-specified }
reproducibility: { lockfile: lock.txt }
${level === "public" ? "" : "provenance: { emit: ro-crate }\n"}${extra}`;
}

export function modelCard(id: string, version: string, trainingData: string[], level = "public", license = "apache-2.0", extra = ""): string {
  return `apiVersion: genesis/v1
kind: ModelCard
id: ${id}
version: ${version}
license: ${license}
owner: { name: Test Owner }
contact: owner@example.gov
classification: { level: ${level} }
training:
  datasets: [${trainingData.join(", ")}]
  run: { tracker: mlflow, runId: r1, commit: ${"c".repeat(40)}, seed: 1 }
  environment: { lockfile: lock.txt }
evaluation:
  datasets: [${trainingData[0] ?? "none@1.0.0"}]
  results: [{ metric: rmse, value: 0.1, dataset: ${trainingData[0] ?? "none@1.0.0"} }]
artifacts:
  - { format: onnx, path: model.onnx, sha256: ${"d".repeat(64)} }
intendedUse: Tests.
outOfScopeUse: Everything else.
risk: { rmf: [MAP-2.3], residual: low }
${extra}`;
}
