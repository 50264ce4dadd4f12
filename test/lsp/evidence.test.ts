import * as assert from "node:assert/strict";
import type { VerifyFilesResult } from "../../server/src/protocol";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver-protocol";
import { LineIndex } from "../../server/src/core/text";
import { LspTestClient } from "../support/lsp-client";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function manifest(checksum: string): string {
  return `apiVersion: genesis/v1
kind: DatasetManifest
id: temps
version: 1.0.0
name: Temperatures
description: Hourly temperatures from the buoy array, for the evidence test.
license: CC-BY-4.0
creators: [{ name: Test Author }]
datePublished: 2026-01-15
classification: { level: public }
distribution:
  - { id: table, path: files/temps.csv, format: csv, sha256: ${checksum} }
recordSets:
  - id: rows
    source: table
    fields:
      - { name: time, type: datetime }
      - { name: value, type: number }
`;
}

/** A manifest whose distribution declares no sha256, with comments that a fix must keep. */
const UNDIGESTED = `apiVersion: genesis/v1
kind: DatasetManifest
id: readings
version: 1.0.0
name: Readings
description: Raw buoy readings, exported before anyone computed their checksum.
license: CC-BY-4.0
creators: [{ name: Test Author }]
datePublished: 2026-01-15
classification: { level: public }
distribution:
  # the nightly export
  - id: export
    path: files/readings.json # written by the buoy gateway
    format: json # bytes unknown
`;

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  return sorted.reduce((current, e) => current.slice(0, e.start) + e.text + current.slice(e.end), text);
}

describe("language server: the io rules (files the documents name)", function () {
  let root: string;
  let client: LspTestClient;
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
  const csv = "time,value\n2026-01-01T00:00:00Z,1.5\n2026-01-01T01:00:00Z,2.5\n";

  before(async function () {
    root = mkdtempSync(path.join(tmpdir(), "genesis-io-"));
    mkdirSync(path.join(root, "files"));
    writeFileSync(path.join(root, "files/temps.csv"), csv);
    client = new LspTestClient(pathToFileURL(root).toString());
    const indexed = client.indexed();
    await client.initialize();
    await indexed;
  });

  after(async function () {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it("verifies a document's files when it is opened, and again when a file changes on disk", async function () {
    const uri = uriOf("temps.dataset.yaml");
    const text = manifest(sha256(csv));
    writeFileSync(path.join(root, "temps.dataset.yaml"), text);
    const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code));

    const clean = client.diagnosticsFor(uri, (p) => p.version === 1);
    await client.open(uri, "yaml", text, 1);
    assert.deepEqual(codes(await clean), []);

    const drifted = client.diagnosticsFor(uri, (p) => codes(p).includes("integrity/checksum-mismatch"), 20_000);
    writeFileSync(path.join(root, "files/temps.csv"), csv.replace("value", "reading"));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: uriOf("files/temps.csv"), type: 2 }] });
    const seen = await drifted;
    assert.ok(codes(seen).includes("data/schema-drift"), `the renamed column is reported too: ${codes(seen).join(", ")}`);
    assert.match(seen.diagnostics.find((d) => d.code === "integrity/checksum-mismatch")!.message, new RegExp(sha256(csv)));

    // Typing never reads a file: the io diagnostics stay, moved with the text.
    const typed = client.diagnosticsFor(uri, (p) => p.version === 2);
    await client.changeFull(uri, 2, `# a comment line\n${text}`);
    const afterTyping = await typed;
    const mismatch = afterTyping.diagnostics.find((d) => d.code === "integrity/checksum-mismatch")!;
    assert.equal(mismatch.range.start.line, 12, "the diagnostic follows its line");
  });

  it('Verify Files hashes a file whose distribution has no sha256, and then offers "Update checksum from file"', async function () {
    const readings = '{"buoy":"b-07","temp":12.5}';
    writeFileSync(path.join(root, "files/readings.json"), readings);
    const uri = uriOf("readings.dataset.yaml");
    writeFileSync(path.join(root, "readings.dataset.yaml"), UNDIGESTED);
    const opened = client.diagnosticsFor(uri, (p) => p.version === 1);
    await client.open(uri, "yaml", UNDIGESTED, 1);
    const missing = (await opened).diagnostics.filter((d) => d.code === "integrity/checksum-missing");
    assert.equal(missing.length, 1, "the distribution's missing sha256 is reported");
    const quickFixes = (diagnostics: Diagnostic[]) =>
      client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", {
        textDocument: { uri },
        range: diagnostics[0].range,
        context: { diagnostics },
      });
    const fromFile = async () => (await quickFixes(missing)).map((a) => a.title).filter((title) => title.includes("from file"));

    // Opening reads the file (its size, for "Fill bytes") but does not hash it: no digest yet.
    const fillBytes = "Fill bytes from file (27)";
    for (const deadline = Date.now() + 10_000; !(await fromFile()).includes(fillBytes) && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(await fromFile(), [fillBytes]);

    const verified = await client.connection.sendRequest<VerifyFilesResult>("workspace/executeCommand", {
      command: "genesis.verifyFiles",
      arguments: [],
    });
    // Both named files read; the CSV changed in the test above, so its digest no longer matches.
    assert.deepEqual(verified, { files: 2, mismatches: 1, missing: 0, unreadable: 0 }, "the summary the notification words");
    const actions = await quickFixes(missing);
    assert.deepEqual(
      actions.map((a) => a.title).filter((title) => title.includes("from file")),
      ["Update checksum from file", fillBytes],
    );
    const update = actions.find((a) => a.title === "Update checksum from file");
    assert.ok(update?.edit?.changes?.[uri], `actions: ${actions.map((a) => a.title).join(" | ")}`);
    const fixed = applyEdits(UNDIGESTED, update.edit.changes[uri]);
    assert.equal(
      fixed,
      `${UNDIGESTED}    sha256: ${sha256(readings)}\n`,
      "the digest is added as the item's last key; every comment stays",
    );
  });
});
