import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG, type GenesisConfig } from "../../../server/src/core/config";
import type { FileEvidence } from "../../../server/src/core/evidence/types";
import type { Diagnostic, Waiver } from "../../../server/src/core/types";
import { computeReadiness } from "../../../server/src/core/readiness/compute";
import type { ReadinessInput, ReadinessItem, ReadinessModel, ReadinessStatus } from "../../../server/src/core/readiness/model";
import { WorkspaceHost } from "../../../server/src/core/index";
import { engine } from "../harness";
import { dataset, modelCard, pipeline } from "../workspace/harness";
import { fixtureDigest } from "../fixture-digest";

/**
 * Fixture workspaces for the readiness checklist: Genesis documents and other files by path, the
 * facts the io rules would read (`evidence`), and the workspace's trust. The fixture is loaded into
 * a workspace host, as the editor and the CLI load a folder, so the checklist sees what they see.
 */
export interface Fixture {
  /** Every path is a file of the workspace; Genesis documents among them are checked. */
  readonly files: Readonly<Record<string, string>>;
  /** Files that exist with no text that matters (data files, lockfiles, diagrams). */
  readonly extraFiles?: readonly string[];
  /** What the io rules read: when given, every document counts as verified. */
  readonly evidence?: Readonly<Record<string, FileEvidence>>;
  readonly trusted?: boolean;
  readonly config?: GenesisConfig;
  /**
   * Waives diagnostics as a `genesis-ignore` would (docs/rules.md#waivers): each one this gives a waiver for moves to
   * its document's `waived`, with the waiver set.
   */
  readonly waive?: (diagnostic: Diagnostic, path: string) => Omit<Waiver, "span"> | undefined;
}

/** The fixture loaded as a folder: every file, its documents, their evidence, the trust. */
export function hostOf(fixture: Fixture): WorkspaceHost {
  const host = new WorkspaceHost(engine);
  host.configure(fixture.config ?? DEFAULT_CONFIG);
  host.trusted = fixture.trusted ?? true;
  host.setFiles([...Object.keys(fixture.files), ...(fixture.extraFiles ?? [])]);
  for (const [path, text] of Object.entries(fixture.files)) host.update(path, text);
  host.finishLoading();
  const evidence = fixture.evidence ? new Map(Object.entries(fixture.evidence)) : undefined;
  if (evidence) for (const path of host.paths()) host.setEvidence(path, evidence);
  return host;
}

export function readinessOf(fixture: Fixture): ReadinessModel {
  return fixture.waive ? computeReadiness(inputOf(fixture)) : hostOf(fixture).readiness();
}

/** What the host computes the checklist from, with the fixture's `waive` applied. */
export function inputOf(fixture: Fixture): ReadinessInput {
  const input = hostOf(fixture).readinessInput();
  if (!fixture.waive) return input;
  const documents = input.documents.map((document) => {
    const diagnostics: Diagnostic[] = [];
    const waived: Diagnostic[] = [...(document.waived ?? [])];
    for (const d of document.diagnostics) {
      const waiver = fixture.waive?.(d, document.facts.path);
      if (waiver) waived.push({ ...d, waiver: { ...waiver, span: d.span } });
      else diagnostics.push(d);
    }
    return { ...document, diagnostics, ...(waived.length ? { waived } : {}) };
  });
  return { ...input, documents };
}

export function itemOf(model: ReadinessModel, id: string): ReadinessItem {
  const item = model.groups.flatMap((g) => g.items).find((i) => i.id === id);
  assert.ok(item, `no item ${id}`);
  return item;
}

/** The item's status, with its reason and evidence in the failure message. */
export function expectStatus(fixture: Fixture, id: string, status: ReadinessStatus): ReadinessItem {
  const item = itemOf(readinessOf(fixture), id);
  const evidence = item.evidence.map((e) => `  ${e.status} ${e.path} ${e.rule ?? ""} ${e.message}`).join("\n");
  assert.equal(item.status, status, `${id} is ${item.status}, not ${status}: ${item.reason}\n${evidence}`);
  return item;
}

const SHA = (c: string) => fixtureDigest(c);
const SIGNATURE =
  "signature: { inputs: [{ name: x, dtype: float32, shape: [batch, 1] }], outputs: [{ name: y, dtype: float32, shape: [batch, 1] }] }";

/** The raw dataset: public, a JSON and a CSV distribution, the CSV described by a typed record set. */
export const RAW = dataset(
  "raw",
  "1.0.0",
  `  - { id: table, path: table.csv, format: csv, sha256: ${SHA("e")} }
keywords: [test]
recordSets:
  - id: table
    source: table
    fields:
      - { name: x, type: number }
`,
);

/** Derived from raw by the cleaning pipeline; internal, with an access policy. */
export const CLEAN = dataset(
  "clean",
  "1.0.0",
  `keywords: [test]
access: { policy: /governance/access.md }
lineage:
  derivedFrom: [raw@1.0.0]
  generatedBy: { pipeline: cleaning@1.0.0 }
`,
  "internal",
);

/** The pipeline: internal with an access policy, steps isolated, Slurm, CI, audit, docs. */
export const CLEANING = pipeline(
  "cleaning",
  "1.0.0",
  ["raw@1.0.0"],
  ["clean@1.0.0"],
  "internal",
  `access: { policy: /governance/access.md }
scheduler: { type: slurm }
ci: { provider: github-actions, workflow: /.github/workflows/ci.yml }
audit: { log: /logs/audit.jsonl, retentionDays: 30 }
docs: { dataFlowDiagram: /docs/flow.md, architectureDiagram: /docs/arch.md }
`,
).replace("    run: ./run.sh\n", "    run: ./run.sh\n    network: none\n");

/** The model card: internal with an access policy, trained and evaluated on clean, an ONNX artifact with a signature, a binder. */
const MODEL_GOVERNANCE = "access: { policy: /governance/access.md }\ngovernance: { binder: /governance/binder.md }\n";
export const MODEL = modelCard("m", "1.0.0", ["clean@1.0.0"], "internal", "apache-2.0", MODEL_GOVERNANCE).replace(
  `sha256: ${SHA("d")} }`,
  `sha256: ${SHA("d")}, ${SIGNATURE} }`,
);

/** A workspace where every item passes. */
export const GOOD: Fixture = {
  files: {
    "data/raw.dataset.yaml": RAW,
    "data/clean.dataset.yaml": CLEAN,
    "pipelines/cleaning.pipeline.yaml": CLEANING,
    "models/m.model.yaml": MODEL,
  },
  extraFiles: [
    "data/data.json",
    "data/table.csv",
    "pipelines/lock.txt",
    "models/lock.txt",
    "models/model.onnx",
    ".github/workflows/ci.yml",
    "docs/flow.md",
    "docs/arch.md",
    "governance/access.md",
    "governance/binder.md",
    "logs/audit.jsonl",
  ],
  evidence: {
    "data/data.json": { status: "ok", kind: "file", size: 10, sha256: SHA("a") },
    "data/table.csv": {
      status: "ok",
      kind: "file",
      size: 10,
      sha256: SHA("e"),
      table: { format: "csv", columns: [{ name: "x", type: "number" }] },
    },
  },
};

/** GOOD with some files replaced (a path mapped to undefined is removed). */
export function variant(changes: {
  files?: Record<string, string | undefined>;
  extraFiles?: readonly string[];
  evidence?: Record<string, FileEvidence> | null;
  trusted?: boolean;
  config?: GenesisConfig;
  removeFiles?: readonly string[];
  waive?: Fixture["waive"];
}): Fixture {
  const files: Record<string, string> = { ...GOOD.files };
  for (const [path, text] of Object.entries(changes.files ?? {})) {
    if (text === undefined) delete files[path];
    else files[path] = text;
  }
  const removed = new Set(changes.removeFiles ?? []);
  return {
    files,
    extraFiles: (changes.extraFiles ?? GOOD.extraFiles ?? []).filter((p) => !removed.has(p)),
    evidence: changes.evidence === null ? undefined : (changes.evidence ?? GOOD.evidence),
    trusted: changes.trusted,
    config: changes.config,
    waive: changes.waive,
  };
}

/** Replaces `from` with `to` in a text, failing the test when `from` is not there. */
export function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `the fixture has no ${JSON.stringify(from)}`);
  return text.replace(from, to);
}
