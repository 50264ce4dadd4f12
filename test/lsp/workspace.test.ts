import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { dataset, modelCard, pipeline } from "../unit/workspace/harness";
import { LspTestClient } from "../support/lsp-client";

describe("language server: the workspace", function () {
  let root: string;
  let client: LspTestClient;
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
  const write = (name: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  };
  const codes = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.map((d) => String(d.code));

  before(async function () {
    root = mkdtempSync(path.join(tmpdir(), "genesis-ws-"));
    write("data/raw.dataset.yaml", dataset("raw", "1.0.0"));
    write(
      "data/clean.dataset.yaml",
      dataset("clean", "1.0.0", "lineage:\n  derivedFrom: [raw@1.0.0]\n  generatedBy: { pipeline: cleaning@1.0.0 }\n"),
    );
    write("pipelines/cleaning.pipeline.yaml", pipeline("cleaning", "1.0.0", ["raw@1.0.0"], ["clean@1.0.0"]));
    write("models/m.model.yaml", modelCard("m", "1.0.0", ["clean@1.0.0"]));
    write("node_modules/pkg/x.dataset.yaml", "kind: DatasetManifest\n");
    client = new LspTestClient(pathToFileURL(root).toString());
  });

  after(async function () {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it("indexes the workspace at start and publishes diagnostics for documents that are not open", async function () {
    write("data/broken.dataset.yaml", dataset("broken", "1.0.0", "lineage:\n  derivedFrom: [nowhere@1.0.0]\n"));
    const broken = client.diagnosticsFor(uriOf("data/broken.dataset.yaml"));
    const indexed = client.indexed();
    await client.initialize();
    assert.equal((await indexed).documents, 5, "four documents and the broken one; node_modules is skipped");
    assert.ok(codes(await broken).includes("ref/unresolved"));
    assert.equal(client.latest.has(uriOf("models/m.model.yaml")), false, "a clean document that is not open needs no message");
    assert.equal(client.latest.has(uriOf("node_modules/pkg/x.dataset.yaml")), false, "node_modules is skipped");
    unlinkSync(path.join(root, "data/broken.dataset.yaml"));
    const cleared = client.diagnosticsFor(uriOf("data/broken.dataset.yaml"), (p) => p.diagnostics.length === 0);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("data/broken.dataset.yaml"), type: 3 }],
    });
    await cleared;
  });

  it("an edit of one document changes the published diagnostics of another", async function () {
    const uri = uriOf("data/clean.dataset.yaml");
    const text = dataset("clean", "1.0.0", "lineage:\n  derivedFrom: [raw@1.0.0]\n  generatedBy: { pipeline: cleaning@1.0.0 }\n");
    const opened = client.diagnosticsFor(uri, (p) => p.version === 1);
    await client.open(uri, "yaml", text, 1);
    assert.deepEqual(codes(await opened), []);

    const cardBroken = client.diagnosticsFor(uriOf("models/m.model.yaml"), (p) => codes(p).includes("ref/version-mismatch"));
    await client.changeFull(uri, 2, text.replace("version: 1.0.0", "version: 2.0.0"));
    const broken = await cardBroken;
    assert.match(broken.diagnostics[0].message, /has no version 1\.0\.0; the workspace has 2\.0\.0 in data\/clean\.dataset\.yaml/);

    const cardFixed = client.diagnosticsFor(uriOf("models/m.model.yaml"), (p) => codes(p).length === 0);
    await client.changeFull(uri, 3, text);
    await cardFixed;
    await client.close(uri);
  });

  it("deleting a dataset on disk makes references to it fail at once, and recreating it clears them", async function () {
    const cleanText = dataset("clean", "1.0.0", "lineage:\n  derivedFrom: [raw@1.0.0]\n  generatedBy: { pipeline: cleaning@1.0.0 }\n");
    unlinkSync(path.join(root, "data/clean.dataset.yaml"));
    const failing = client.diagnosticsFor(uriOf("models/m.model.yaml"), (p) => codes(p).includes("ref/unresolved"));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("data/clean.dataset.yaml"), type: 3 }],
    });
    await failing;

    write("data/clean.dataset.yaml", cleanText);
    const cleared = client.diagnosticsFor(uriOf("models/m.model.yaml"), (p) => codes(p).length === 0);
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("data/clean.dataset.yaml"), type: 1 }],
    });
    await cleared;
  });

  it("a new file on disk joins the index", async function () {
    const lower = client.diagnosticsFor(uriOf("models/n.model.yaml"), (p) => codes(p).includes("ref/unresolved"));
    write("models/n.model.yaml", modelCard("n", "1.0.0", ["later@1.0.0"]));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("models/n.model.yaml"), type: 1 }],
    });
    await lower;
    const resolved = client.diagnosticsFor(uriOf("models/n.model.yaml"), (p) => codes(p).length === 0);
    write("data/later.dataset.yaml", dataset("later", "1.0.0"));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("data/later.dataset.yaml"), type: 1 }],
    });
    await resolved;
  });
});
