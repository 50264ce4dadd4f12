import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
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
});
