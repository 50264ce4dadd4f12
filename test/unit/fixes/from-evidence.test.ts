import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import type { EvidenceMap, FileEvidence } from "../../../server/src/core/evidence/types";
import { applyEdits, fixAll, fixesFor, type Fix } from "../../../server/src/core/fixes/fix-providers";
import { engine } from "../harness";
import { diagnosticsOf } from "./support";

/** Fixes from evidence: "Update checksum from file", "Fill bytes from file", "Generate fields from file". */

const OLD = "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb";
const NEW = "2e7d2c03a9507ae265ecf5b5356885a53393a2029d241394997265a1a25aefc6";

function manifest(distribution: string, rest = ""): string {
  return `apiVersion: genesis/v1
kind: DatasetManifest
id: evidence
version: 1.0.0
name: Evidence fixes
description: A manifest for the quick fixes that write what the files say.
license: CC-BY-4.0
creators: [{ name: Test Author }]
datePublished: 2026-01-15
classification: { level: public }
distribution:
${distribution}${rest}`;
}

const FILE = "data/sets/a.dataset.yaml";
const readFile = (facts: Partial<Extract<FileEvidence, { status: "ok" }>> = {}): FileEvidence => ({
  status: "ok",
  kind: "file",
  size: 1024,
  sha256: NEW,
  ...facts,
});
const evidenceFor = (entry: FileEvidence): EvidenceMap => new Map([["data/sets/files/a.json", entry]]);

/** The fixes titled `title` of every diagnostic of `rule`. */
function fixesOf(text: string, rule: string, title: RegExp, evidence?: EvidenceMap): Fix[] {
  const { document, diagnostics } = diagnosticsOf(FILE, text, undefined, DEFAULT_CONFIG, evidence);
  const ofRule = diagnostics.filter((d) => d.rule === rule);
  assert.ok(ofRule.length > 0, `no ${rule}: ${diagnostics.map((d) => d.rule).join(", ")}`);
  return ofRule.flatMap((d) => fixesFor(document, d, { config: DEFAULT_CONFIG, evidence })).filter((fix) => title.test(fix.title));
}

function applyOnly(text: string, fixes: readonly Fix[]): string {
  assert.equal(fixes.length, 1, `fixes: ${fixes.map((f) => f.title).join(" | ")}`);
  return applyEdits(text, fixes[0].edits);
}

describe("quick fixes from evidence", function () {
  const mismatched = manifest(`  - id: a
    path: files/a.json # the export
    format: json
    sha256: ${OLD} # as published
`);

  it("Update checksum from file: checkEvidence reports no mismatch afterwards, and the comments stay", function () {
    const evidence = evidenceFor(readFile());
    const fixed = applyOnly(mismatched, fixesOf(mismatched, "integrity/checksum-mismatch", /^Update checksum from file$/, evidence));
    assert.equal(fixed, mismatched.replace(OLD, NEW));
    const { document } = diagnosticsOf(FILE, fixed);
    assert.deepEqual(
      engine.checkEvidence(document, evidence).map((d) => d.rule),
      [],
    );
    assert.ok(
      engine.checkEvidence(diagnosticsOf(FILE, mismatched).document, evidence).some((d) => d.rule === "integrity/checksum-mismatch"),
    );
  });

  it("Update checksum from file for a template's placeholder digest, and for no other placeholder", function () {
    const evidence = evidenceFor(readFile());
    const empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    const placeholder = mismatched.replace(OLD, empty);
    const fixed = applyOnly(placeholder, fixesOf(placeholder, "placeholder/value", /^Update checksum from file$/, evidence));
    assert.equal(fixed, mismatched.replace(OLD, NEW));
    const named = placeholder.replace("Test Author", "Full Name");
    const { document, diagnostics } = diagnosticsOf(FILE, named, undefined, DEFAULT_CONFIG, evidence);
    const onName = diagnostics.find((d) => d.rule === "placeholder/value" && d.pointer === "/creators/0/name");
    assert.ok(onName);
    assert.deepEqual(
      fixesFor(document, onName, { config: DEFAULT_CONFIG, evidence }).map((f) => f.title),
      ["Suppress placeholder/value on this line, with a reason"],
    );
  });

  it("Update checksum from file for a missing sha256: the digest is added, and neither checksum rule reports", function () {
    const text = manifest(`  - id: a
    path: files/a.json
    format: json # bytes unknown
`);
    const evidence = evidenceFor(readFile());
    const fixed = applyOnly(text, fixesOf(text, "integrity/checksum-missing", /^Update checksum from file$/, evidence));
    assert.ok(fixed.includes(`    format: json # bytes unknown\n    sha256: ${NEW}\n`), fixed);
    const after = diagnosticsOf(FILE, fixed, undefined, DEFAULT_CONFIG, evidence).diagnostics.map((d) => d.rule);
    assert.ok(!after.includes("integrity/checksum-missing") && !after.includes("integrity/checksum-mismatch"), after.join(", "));
  });

  it("Update checksum from file replaces a placeholder, empty or null sha256 in place, keeping quotes and comments", function () {
    const evidence = evidenceFor(readFile());
    const cases = [
      ["sha256: TODO # fill in", `sha256: ${NEW} # fill in`],
      ['sha256: "" # fill in', `sha256: "${NEW}" # fill in`],
      ["sha256: # fill in", `sha256: ${NEW} # fill in`],
      ["sha256:", `sha256: ${NEW}`],
    ];
    for (const [written, replaced] of cases) {
      const text = manifest(`  - id: a # the export
    path: files/a.json
    ${written}
    format: json
`);
      const fixed = applyOnly(text, fixesOf(text, "integrity/checksum-format", /^Update checksum from file$/, evidence));
      assert.equal(fixed, text.replace(written, replaced), `for "${written}"`);
      const after = diagnosticsOf(FILE, fixed, undefined, DEFAULT_CONFIG, evidence).diagnostics.map((d) => d.rule);
      assert.ok(!after.some((rule) => rule.startsWith("integrity/checksum")), after.join(", "));
    }
  });

  it("Update checksum from file for a model artifact without a sha256", function () {
    const card = `apiVersion: genesis/v1
kind: ModelCard
id: surrogate
artifacts:
  # the exported graph
  - format: onnx
    path: files/a.json
`;
    const { document, diagnostics } = diagnosticsOf("data/sets/m.model.yaml", card, undefined, DEFAULT_CONFIG, evidenceFor(readFile()));
    const missing = diagnostics.find((d) => d.rule === "integrity/checksum-missing");
    assert.ok(missing, diagnostics.map((d) => d.rule).join(", "));
    const fixes = fixesFor(document, missing, { config: DEFAULT_CONFIG, evidence: evidenceFor(readFile()) }).filter(
      (f) => f.title === "Update checksum from file",
    );
    assert.equal(applyOnly(card, fixes), `${card}    sha256: ${NEW}\n`);
  });

  it("Fill bytes from file adds a missing bytes after the item's last key", function () {
    const text = manifest(`  - { id: a, path: files/a.json, format: json }\n`);
    const fixed = applyOnly(
      text,
      fixesOf(text, "integrity/checksum-missing", /^Fill bytes from file/, evidenceFor(readFile({ size: 77 }))),
    );
    assert.ok(fixed.endsWith("  - { id: a, path: files/a.json, format: json, bytes: 77 }\n"), fixed);
  });

  it("offers nothing without evidence, for a missing file, for a folder, or when the document already agrees", function () {
    const text = manifest(`  - id: a\n    path: files/a.json\n    format: json\n`);
    assert.deepEqual(
      fixesOf(text, "integrity/checksum-missing", /from file/).map((f) => f.title),
      [],
    );
    assert.deepEqual(
      fixesOf(text, "integrity/checksum-missing", /from file/, evidenceFor({ status: "missing" })).map((f) => f.title),
      [],
    );
    assert.deepEqual(
      fixesOf(text, "integrity/checksum-missing", /from file/, evidenceFor({ status: "ok", kind: "folder", size: 0 })).map((f) => f.title),
      [],
    );
    const agreeing = manifest(`  - id: a\n    path: files/a.json\n    format: json\n    bytes: 1024\n`);
    assert.deepEqual(
      fixesOf(agreeing, "integrity/checksum-missing", /from file/, evidenceFor(readFile({ sha256: undefined }))).map((f) => f.title),
      [],
    );
  });

  it("is never preferred: fixing all leaves a mismatched digest to the user", function () {
    const evidence = evidenceFor(readFile());
    const { document, diagnostics } = diagnosticsOf(FILE, mismatched, undefined, DEFAULT_CONFIG, evidence);
    assert.ok(fixesOf(mismatched, "integrity/checksum-mismatch", /from file/, evidence).every((fix) => !fix.isPreferred));
    assert.deepEqual(fixAll(document, diagnostics, { config: DEFAULT_CONFIG, evidence }), []);
  });

  it("Generate fields from file writes a null fields from the columns; no schema drift is left", function () {
    const text = manifest(
      `  - { id: a, path: files/a.csv, format: csv, sha256: ${NEW} }\n`,
      `recordSets:\n  - id: rows\n    source: a\n    fields:\n`,
    );
    const evidence: EvidenceMap = new Map([
      [
        "data/sets/files/a.csv",
        readFile({
          table: {
            format: "csv",
            sampledRows: 1,
            columns: [
              { name: "when", type: "date", sampled: { date: "2026-01-15" } },
              { name: "count", type: "integer", sampled: { integer: "3" } },
            ],
          },
        }),
      ],
    ]);
    const { document, diagnostics } = diagnosticsOf(FILE, text, undefined, DEFAULT_CONFIG, evidence);
    const nullFields = diagnostics.find((d) => d.rule === "schema/type" && d.pointer === "/recordSets/0/fields");
    assert.ok(nullFields, diagnostics.map((d) => d.rule).join(", "));
    const fixes = fixesFor(document, nullFields, { config: DEFAULT_CONFIG, evidence }).filter(
      (f) => f.title === "Generate fields from file",
    );
    assert.equal(fixes.length, 1);
    const fixed = applyEdits(text, fixes[0].edits);
    assert.ok(fixed.endsWith("    fields:\n      - name: when\n        type: date\n      - name: count\n        type: integer\n"), fixed);
    const after = diagnosticsOf(FILE, fixed, undefined, DEFAULT_CONFIG, evidence).diagnostics;
    assert.deepEqual(
      after.filter((d) => d.rule === "data/schema-drift" || d.rule.startsWith("schema/")).map((d) => d.message),
      [],
    );
  });
});
