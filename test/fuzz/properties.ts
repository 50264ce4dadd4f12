import * as assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import * as fc from "fast-check";
import { stringify } from "yaml";
import { complete } from "../../server/src/core/completion/complete";
import type { Engine } from "../../server/src/core/engine";
import { schemaHover } from "../../server/src/core/hover";
import { documentSymbols } from "../../server/src/core/symbols";
import { extractFacts } from "../../server/src/core/workspace/facts";
import { WorkspaceIndex } from "../../server/src/core/workspace/workspace-index";

/**
 * Properties that must hold for any input, checked with fast-check over generated and mutated
 * Genesis documents: nothing throws (a rule that fails shows up as `internal/rule-error`, which
 * counts as a failure here), every range lies inside the document, and every call returns within a
 * bound. The unit suite runs a bounded number of cases; `npm run fuzz` runs a long campaign.
 */

const EXAMPLES = path.resolve(__dirname, "../../examples");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** The example Genesis documents: (workspace path, text). */
export const EXAMPLE_DOCUMENTS: readonly [string, string][] = files(EXAMPLES)
  .filter((file) => /\.(ya?ml|json|md)$/.test(file))
  .map((file) => [path.relative(EXAMPLES, file).split(path.sep).join("/"), readFileSync(file, "utf8")] as [string, string]);

const NAMES = [
  "a.dataset.yaml",
  "b.dataset.json",
  "c.pipeline.yaml",
  "d.model.yaml",
  "e.modelcard.md",
  "README.md",
  "f.pipeline.json",
  "g.model.json",
];
const PIECES = [
  "\n",
  "\r\n",
  " ",
  "  ",
  "\t",
  ":",
  ": ",
  "- ",
  "#",
  " # genesis-ignore schema/enum",
  "'",
  '"',
  "[",
  "]",
  "{",
  "}",
  ",",
  "&a ",
  "*a",
  "!!str ",
  "|",
  ">-",
  "---\n",
  "...\n",
  "~",
  "null",
  "@",
  "@1.0.0",
  "\\",
  "\u0000",
  "\uFEFF",
  "\uFFFD",
  "é",
  "🌊",
  "apiVersion: genesis/v1\n",
  "kind: DatasetManifest\n",
  "kind: ModelCard\n",
  "kind: PipelineConfig\n",
  "id: x\n",
  "version: 1.0\n",
  "classification: {level: secret}\n",
  "<!-- genesis-ignore modelcard/section-missing -->",
  "## Evaluation\n",
  "[More Information Needed]",
];

/** A random edit of a text: insert, delete or replace, at a random place. */
const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat(12),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: "grapheme", maxLength: 4 })),
});

/** Mutated example documents (one to eight edits). */
export const mutatedExample = fc
  .tuple(fc.constantFrom(...EXAMPLE_DOCUMENTS), fc.array(edit, { minLength: 1, maxLength: 8 }))
  .map(([[file, text], edits]) => {
    let result = text;
    for (const { at, remove, insert } of edits) {
      const position = Math.floor(at * result.length);
      result = result.slice(0, position) + insert + result.slice(position + remove);
    }
    return { path: file, text: result };
  });

/** Random bytes decoded as text, under a Genesis file name. */
export const randomBytes = fc
  .tuple(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 600 }))
  .map(([name, bytes]) => ({ path: name, text: new TextDecoder("utf-8").decode(bytes) }));

/** Random data written as YAML or JSON behind a real header, so the schemas and rules see odd shapes. */
export const generatedDocument = fc
  .tuple(
    fc.constantFrom("DatasetManifest", "ModelCard", "PipelineConfig"),
    fc.dictionary(
      fc.constantFrom(
        "id",
        "version",
        "license",
        "classification",
        "distribution",
        "steps",
        "training",
        "risk",
        "lineage",
        "inputs",
        "outputs",
        "artifacts",
        "recordSets",
        "evaluation",
        "x",
      ),
      fc.anything({ maxDepth: 3 }),
    ),
    fc.constantFrom("yaml", "json", "md"),
  )
  .map(([kind, body, syntax]) => {
    const value = { apiVersion: "genesis/v1", kind, ...body };
    const yaml = safeStringify(value);
    if (syntax === "json")
      return {
        path: `gen.${kind === "DatasetManifest" ? "dataset" : kind === "ModelCard" ? "model" : "pipeline"}.json`,
        text: JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? String(v) : v)) ?? "{}",
      };
    if (syntax === "md") return { path: "gen.modelcard.md", text: `---\n${yaml}---\n# Card\n\n## Uses\n\nTODO\n` };
    return { path: `gen.${kind === "DatasetManifest" ? "dataset" : kind === "ModelCard" ? "model" : "pipeline"}.yaml`, text: yaml };
  });

function safeStringify(value: unknown): string {
  try {
    return stringify(value, { aliasDuplicateObjects: false });
  } catch {
    return "apiVersion: genesis/v1\n";
  }
}

export const anyDocument = fc.oneof(
  { weight: 5, arbitrary: mutatedExample },
  { weight: 2, arbitrary: generatedDocument },
  { weight: 1, arbitrary: randomBytes },
);

/** Milliseconds a single call may take on any input up to a few kilobytes. */
export const CALL_BOUND_MS = 2000;

function timed<T>(label: string, call: () => T): T {
  const started = Date.now();
  const result = call();
  const took = Date.now() - started;
  assert.ok(took < CALL_BOUND_MS, `${label} took ${took} ms`);
  return result;
}

function assertInside(label: string, text: string, span: { start: number; end: number }): void {
  assert.ok(
    span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${label}: span ${JSON.stringify(span)} outside a text of ${text.length}`,
  );
}

/** Every feature of the core over one file; throws (fails the property) when a property does not hold. */
export function checkEverything(engine: Engine, file: { path: string; text: string }): void {
  const analysis = timed("analyze", () => engine.analyze(file));
  for (const d of analysis.diagnostics) {
    assert.notEqual(d.rule, "internal/rule-error", `a rule failed: ${d.message}`);
    assertInside(`${d.rule} diagnostic`, file.text, d.span);
  }
  const document = analysis.document;
  if (!document) return;
  const index = new WorkspaceIndex();
  const facts = extractFacts(document);
  index.set(facts);
  for (const d of timed("checkWorkspace", () => engine.checkWorkspace(facts, index))) {
    assert.notEqual(d.rule, "internal/rule-error", `a workspace rule failed: ${d.message}`);
    assertInside(`${d.rule} diagnostic`, file.text, d.span);
  }
  for (const symbol of timed("documentSymbols", () => documentSymbols(document))) assertInside("symbol", file.text, symbol.span);
  for (const offset of [0, Math.floor(file.text.length / 3), Math.floor(file.text.length / 2), file.text.length]) {
    for (const item of timed("complete", () => complete(document, offset, { index })))
      if (item.replace) assertInside("completion", file.text, item.replace);
    const hover = timed("hover", () => schemaHover(document, offset));
    if (hover) assertInside("hover", file.text, hover.span);
  }
}

export function runs(defaultRuns: number): number {
  return Number(process.env.FUZZ_RUNS ?? defaultRuns);
}

export { fc };
