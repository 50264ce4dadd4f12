import { DEFAULT_CONFIG, type GenesisConfig } from "../../../server/src/core/config";
import { parseGenesisDocument } from "../../../server/src/core/parse/document";
import { LineIndex } from "../../../server/src/core/text";
import { extractFacts } from "../../../server/src/core/workspace/facts";
import { WorkspaceIndex } from "../../../server/src/core/workspace/workspace-index";
import { engine } from "../harness";
import { fixtureDigest } from "../fixture-digest";

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

/** Optional parts of the fixture documents; without them the documents are as before. */
export interface FixtureOptions {
  /** Replaces the dataset's license (`CC-BY-4.0`). */
  readonly license?: string;
  /** More entries of the document's `classification` mapping, e.g. `categories: [PRVCY]`. */
  readonly classification?: readonly string[];
  /** A pipeline's `outputs[i].classification`, as a YAML flow mapping; none where undefined. */
  readonly outputClassifications?: readonly (string | undefined)[];
  /** A model card's `evaluation.datasets` (and the dataset of its one result); default: the first training dataset. */
  readonly evaluation?: readonly string[];
}

/** The entries of `options.classification` after `{ level: X`, for a flow mapping. */
function flowEntries(options: FixtureOptions): string {
  return (options.classification ?? []).map((entry) => `, ${entry}`).join("");
}

/** The classification entry of pipeline output `index`, when the options give it one. */
function outputClassification(options: FixtureOptions, index: number): string {
  const classification = options.outputClassifications?.[index];
  return classification ? `, classification: ${classification}` : "";
}

/** Small valid documents for fixtures; override fields with YAML lines appended or replaced. */
export function dataset(id: string, version: string, extra = "", level = "public", options: FixtureOptions = {}): string {
  return `apiVersion: genesis/v1
kind: DatasetManifest
id: ${id}
version: ${version}
name: Dataset ${id}
description: A small dataset used by the workspace tests, described at length.
license: ${options.license ?? "CC-BY-4.0"}
creators: [{ name: Test Author }]
datePublished: 2026-01-15
classification:
  level: ${level}
${(options.classification ?? []).map((entry) => `  ${entry}\n`).join("")}distribution:
  - { id: data, path: data.json, format: json, sha256: ${fixtureDigest("a")} }
${extra}`;
}

export function pipeline(
  id: string,
  version: string,
  inputs: string[],
  outputs: string[],
  level = "public",
  extra = "",
  options: FixtureOptions = {},
): string {
  return `apiVersion: genesis/v1
kind: PipelineConfig
id: ${id}
version: ${version}
description: A pipeline used by the workspace tests.
owner: { name: Test Owner }
classification: { level: ${level}${flowEntries(options)} }
engine: { type: shell }
inputs:${inputs.length ? "" : " []"}
${inputs.map((r, i) => `  - { name: in${i}, ref: ${r} }`).join("\n")}
outputs:
${outputs.map((r, i) => `  - { name: out${i}, ref: ${r}${outputClassification(options, i)} }`).join("\n")}
steps:
  - id: run
    run: ./run.sh
    container: { image: "registry.example.gov/x/y:1.0.0@sha256:${fixtureDigest("b")}" }
environment: { site: test, maxClassification: cui-specified }
reproducibility: { lockfile: lock.txt }
${level === "public" ? "" : "provenance: { emit: ro-crate }\n"}${extra}`;
}

export function modelCard(
  id: string,
  version: string,
  trainingData: string[],
  level = "public",
  license = "apache-2.0",
  extra = "",
  options: FixtureOptions = {},
): string {
  const evaluation = options.evaluation ?? [trainingData[0] ?? "none@1.0.0"];
  return `apiVersion: genesis/v1
kind: ModelCard
id: ${id}
version: ${version}
license: ${license}
owner: { name: Test Owner }
contact: owner@example.gov
classification: { level: ${level}${flowEntries(options)} }
training:
  datasets: [${trainingData.join(", ")}]
  run: { tracker: mlflow, runId: r1, commit: ${fixtureDigest("c", 40)}, seed: 1 }
  environment: { lockfile: lock.txt }
evaluation:
  datasets: [${evaluation.join(", ")}]
  results: [{ metric: rmse, value: 0.1, dataset: ${evaluation[0]} }]
artifacts:
  - { format: onnx, path: model.onnx, sha256: ${fixtureDigest("d")} }
intendedUse: Tests.
outOfScopeUse: Everything else.
risk: { rmf: [MAP-2.3], residual: low }
${extra}`;
}
