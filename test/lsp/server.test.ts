import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { ruleDocUrl } from "../../server/src/core/rules/rule-docs";
import { LspTestClient, SERVER_PATH } from "../support/lsp-client";
import { fixtureDigest } from "../unit/fixture-digest";

const MANIFEST = `apiVersion: genesis/v1
kind: DatasetManifest
id: ocean-temps
version: 1.0.0
name: Ocean temperatures
description: Hourly sea surface temperatures from the coastal buoy array, 2020-2024.
license: CC-BY-4.0
creators:
  - name: Ada Lovelace
datePublished: 2026-01-15
classification:
  level: public
distribution:
  - id: temps
    path: data/temps.json
    format: json
    sha256: ${fixtureDigest("a")}
`;

describe("language server over stdio", function () {
  let workspace: string;
  let client: LspTestClient;
  const uriOf = (name: string) => pathToFileURL(path.join(workspace, name)).toString();

  before(async function () {
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run "npm run build" first`);
    workspace = mkdtempSync(path.join(tmpdir(), "genesis-lsp-"));
    writeFileSync(path.join(workspace, "genesis.config.yaml"), "profile: dev\nrules:\n  container/latest: error\n");
    client = new LspTestClient(pathToFileURL(workspace).toString());
    const result = (await client.initialize()) as { capabilities: { textDocumentSync: { change: number } } };
    assert.equal(result.capabilities.textDocumentSync.change, 2, "incremental sync");
  });

  after(async function () {
    await client?.shutdown();
    rmSync(workspace, { recursive: true, force: true });
  });

  it("publishes no diagnostics for a clean manifest, then reports a typed mistake and clears it when fixed", async function () {
    // Its data file exists with the declared digest: the io rules, which answer on open at a time
    // of their own, find nothing, so every publish below is the keystroke's alone.
    mkdirSync(path.join(workspace, "typing"), { recursive: true });
    writeFileSync(path.join(workspace, "typing/temps.json"), "[1]\n");
    const digest = createHash("sha256").update("[1]\n").digest("hex");
    const uri = uriOf("typing/ocean.dataset.yaml");
    // A clean document gets an empty publish only if it had diagnostics before; so start with a mistake.
    const broken = MANIFEST.replace("version: 1.0.0", "version: 1.0")
      .replace("data/temps.json", "temps.json")
      .replace(fixtureDigest("a"), digest);
    const first = client.diagnosticsFor(uri);
    await client.open(uri, "yaml", broken, 1);
    const opened = await first;
    assert.deepEqual(
      opened.diagnostics.map((d) => d.code),
      ["version/semver"],
    );
    assert.equal(opened.version, 1);
    assert.deepEqual(opened.diagnostics[0].range.start, { line: 3, character: 9 });

    // Type the missing ".0" with an incremental change.
    const fixed = client.diagnosticsFor(uri, (p) => p.version === 2);
    await client.changeRange(uri, 2, { start: { line: 3, character: 12 }, end: { line: 3, character: 12 } }, ".0");
    assert.deepEqual((await fixed).diagnostics, []);

    // Type a new mistake: an enum typo.
    const typo = client.diagnosticsFor(uri, (p) => p.version === 3);
    await client.changeRange(uri, 3, { start: { line: 11, character: 9 }, end: { line: 11, character: 15 } }, "pubic");
    const afterTypo = await typo;
    assert.deepEqual(
      afterTypo.diagnostics.map((d) => d.code),
      ["schema/enum"],
    );
    assert.match(afterTypo.diagnostics[0].message, /Did you mean "public"\?/);
    await client.close(uri);
  });

  it("does not send an open document's diagnostics again when a re-check finds the same", async function () {
    // Its data file exists with the declared digest, so the io rules (which answer later) add nothing.
    mkdirSync(path.join(workspace, "same"), { recursive: true });
    writeFileSync(path.join(workspace, "same/temps.json"), "[]\n");
    const digest = createHash("sha256").update("[]\n").digest("hex");
    const text = MANIFEST.replace("version: 1.0.0", "version: 1.0")
      .replace("data/temps.json", "temps.json")
      .replace(fixtureDigest("a"), digest);
    const uri = uriOf("same/unchanged.dataset.yaml");
    const seen: number[] = [];
    const listener = client.onDiagnostics((p) => p.uri === uri && seen.push(p.version ?? -1));
    try {
      const first = client.diagnosticsFor(uri);
      await client.open(uri, "yaml", text, 1);
      assert.deepEqual(
        (await first).diagnostics.map((d) => d.code),
        ["version/semver"],
      );
      // Settings changed: every document is checked again, and this one comes out the same.
      await client.changeConfiguration({});
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.deepEqual(seen, [1], "one publish for version 1");
      // A change that alters nothing the rules see is still answered, under its new version.
      const second = client.diagnosticsFor(uri, (p) => p.version === 2);
      await client.changeRange(uri, 2, { start: { line: 4, character: 6 }, end: { line: 4, character: 6 } }, " ");
      assert.deepEqual(
        (await second).diagnostics.map((d) => d.code),
        ["version/semver"],
      );
    } finally {
      listener.dispose();
      await client.close(uri);
    }
  });

  it("checks a Markdown model card's front matter at the exact range", async function () {
    const uri = uriOf("surrogate.modelcard.md");
    const text = "---\napiVersion: genesis/v1\nkind: ModelCard\nid: Surrogate Model\n---\n# Surrogate\n";
    const published = client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === "schema/pattern"));
    await client.open(uri, "markdown", text);
    const pattern = (await published).diagnostics.find((d) => d.code === "schema/pattern")!;
    assert.deepEqual(pattern.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 19 } });
    assert.deepEqual(pattern.codeDescription, { href: ruleDocUrl("schema/pattern") }, "the code links to the rule's page");
    await client.close(uri);
  });

  it("leaves files that are not Genesis documents alone", async function () {
    const uri = uriOf("dvc.yaml");
    const probe = uriOf("probe.dataset.yaml");
    await client.open(uri, "yaml", "stages:\n  train:\n    cmd: python train.py\n");
    // Diagnostics arrive in order; once the probe's arrive, dvc.yaml has had its turn.
    const probed = client.diagnosticsFor(probe);
    await client.open(probe, "yaml", "kind: DatasetManifest\n");
    await probed;
    assert.equal(client.latest.has(uri), false);
  });

  it("applies genesis.config.yaml severity overrides from the workspace root", async function () {
    const uri = uriOf("train.pipeline.yaml");
    const text =
      "apiVersion: genesis/v1\nkind: PipelineConfig\nsteps:\n  - id: a\n" +
      "    run: echo\n    container:\n      image: ghcr.io/lab/tool:latest\n";
    const published = client.diagnosticsFor(uri);
    await client.open(uri, "yaml", text);
    const latest = (await published).diagnostics.find((d) => d.code === "container/latest");
    assert.ok(latest, "container/latest is reported");
    assert.equal(latest.severity, 1, "the config raises container/latest from warning to error");
  });

  it("re-reads genesis.config.yaml when it changes on disk, and re-checks open documents", async function () {
    const uri = uriOf("train.pipeline.yaml");
    writeFileSync(path.join(workspace, "genesis.config.yaml"), "profile: dev\nrules:\n  container/latest: off\n");
    const republished = client.diagnosticsFor(uri, (p) => !p.diagnostics.some((d) => d.code === "container/latest"));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: uriOf("genesis.config.yaml"), type: 2 }],
    });
    await republished;
  });

  it("checks an open genesis.config.yaml and applies its unsaved text", async function () {
    const config = uriOf("genesis.config.yaml");
    const own = client.diagnosticsFor(config, (p) => p.diagnostics.some((d) => d.code === "schema/enum"));
    const pipeline = client.diagnosticsFor(uriOf("train.pipeline.yaml"), (p) =>
      p.diagnostics.some((d) => d.code === "container/latest" && d.severity === 2),
    );
    await client.open(config, "yaml", "profile: relase\n");
    assert.match((await own).diagnostics[0].message, /Did you mean "release"\?/);
    await pipeline;
    await client.close(config);
  });

  it("publishes an untitled document's diagnostics under its own URI and version", async function () {
    // An untitled document belongs to no folder; its diagnostics must still reach the editor's tab.
    const uri = "untitled:Untitled-7";
    const published = client.diagnosticsFor(uri);
    await client.open(uri, "yaml", MANIFEST.replace("version: 1.0.0", "version: 1.0"), 3);
    const diagnostics = await published;
    assert.equal(diagnostics.uri, uri);
    assert.equal(diagnostics.version, 3);
    assert.deepEqual(
      diagnostics.diagnostics.map((d) => d.code),
      ["version/semver"],
    );
  });

  it("keeps serving after a document it cannot parse", async function () {
    const bad = uriOf("binary.dataset.yaml");
    const published = client.diagnosticsFor(bad);
    await client.open(bad, "yaml", "\u0000\u0001\u0002garbage");
    assert.ok((await published).diagnostics.length >= 1);
    const next = uriOf("after.dataset.yaml");
    const again = client.diagnosticsFor(next);
    await client.open(next, "yaml", "kind: DatasetManifest\nid: x\n");
    assert.ok((await again).diagnostics.length >= 1);
  });
});
