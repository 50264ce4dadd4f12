import * as assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { dataset, modelCard } from "../unit/workspace/harness";
import { LspTestClient } from "../support/lsp-client";

describe("language server: untrusted workspace (limited mode)", function () {
  let root: string;
  let client: LspTestClient;
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();

  before(async function () {
    root = mkdtempSync(path.join(tmpdir(), "genesis-untrusted-"));
    writeFileSync(path.join(root, "genesis.config.yaml"), "rules:\n  schema/unknown-property: off\n");
    writeFileSync(path.join(root, "broken.dataset.yaml"), dataset("broken", "1.0.0", "lineage:\n  derivedFrom: [nowhere@1.0.0]\n"));
    client = new LspTestClient(pathToFileURL(root).toString());
    await client.initialize({ trusted: false });
  });

  after(async function () {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it("reads no file but the open document: no scan, no config from disk, no workspace rules", async function () {
    const uri = uriOf("m.model.yaml");
    const published = client.diagnosticsFor(uri);
    await client.open(uri, "yaml", modelCard("m", "1.0.0", ["gone@1.0.0"]) + "x-extra: 1\n");
    const codes = (await published).diagnostics.map((d) => String(d.code));
    assert.ok(codes.includes("schema/unknown-property"), "the config on disk (which turns it off) was not read");
    assert.ok(!codes.some((c) => c.startsWith("ref/") && c !== "ref/unversioned"), "no workspace rule ran");
    assert.equal(client.latest.has(uriOf("broken.dataset.yaml")), false, "the workspace was not scanned");
    assert.ok(client.logs.join("").includes("Untrusted workspace"));
  });
});
