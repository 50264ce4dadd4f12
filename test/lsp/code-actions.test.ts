import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { CodeAction, Diagnostic, TextEdit } from "vscode-languageserver-protocol";
import { daysBetween, isoDateOf } from "../../server/src/core/dates";
import { LineIndex } from "../../server/src/core/text";
import { dataset } from "../unit/workspace/harness";
import { LspTestClient } from "../support/lsp-client";
import { fixtureDigest } from "../unit/fixture-digest";

const MISTAKES = `# Mistakes a quick fix corrects; this comment stays.
apiVersion: genesis/v1
kind: DatasetManifest
id: mistakes
version: "1.2"
name: A manifest with mistakes
description: A manifest with a short version, a spelled-out license and an unversioned reference.
license: Apache 2   # as the vendor wrote it
creators: [{ name: Test Author }]
datePublished: 2026-01-15
classification:
  level: public
distribution:
  - { id: data, path: data.json, format: json, sha256: ${fixtureDigest("a")} }
lineage:
  derivedFrom: [upstream]
  generatedBy: { pipeline: "doi:10.1234/pipeline" }
`;

const FIXED = MISTAKES.replace('version: "1.2"', 'version: "1.2.0"')
  .replace("license: Apache 2 ", "license: Apache-2.0 ")
  .replace("[upstream]", "[upstream@1.1.0]");

const NO_CLASSIFICATION = dataset("unclassified", "1.0.0").replace("classification:\n  level: public\n", "");

const FILES: Record<string, string> = {
  "data/upstream.dataset.yaml": dataset("upstream", "1.1.0"),
  "data/mistakes.dataset.yaml": MISTAKES,
  "data/unclassified.dataset.yaml": NO_CLASSIFICATION,
};

function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  return sorted.reduce((current, e) => current.slice(0, e.start) + e.text + current.slice(e.end), text);
}

describe("language server: quick fixes and fix-all", function () {
  let root: string;
  let client: LspTestClient;
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
  const codeActions = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    });

  before(async function () {
    root = mkdtempSync(path.join(tmpdir(), "genesis-fixes-"));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    client = new LspTestClient(pathToFileURL(root).toString());
    const scanned = client.diagnosticsFor(uriOf("data/mistakes.dataset.yaml"));
    const result = (await client.initialize()) as { capabilities: Record<string, unknown> };
    assert.deepEqual(result.capabilities.codeActionProvider, { codeActionKinds: ["quickfix", "source.fixAll.genesis"] });
    await scanned;
  });

  after(async function () {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  async function openedDiagnostics(name: string, text = FILES[name]): Promise<Diagnostic[]> {
    const published = client.diagnosticsFor(uriOf(name), (p) => p.version === 1);
    await client.open(uriOf(name), "yaml", text, 1);
    return (await published).diagnostics;
  }

  it("offers the rule's fix for a diagnostic, preferred, then the suppression", async function () {
    const uri = uriOf("data/mistakes.dataset.yaml");
    const diagnostics = await openedDiagnostics("data/mistakes.dataset.yaml");
    const semver = diagnostics.find((d) => d.code === "version/semver");
    assert.ok(semver, JSON.stringify(diagnostics));
    const actions = await codeActions(uri, [semver]);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind, a.isPreferred === true]),
      [
        ['Change the version to "1.2.0"', "quickfix", true],
        ["Suppress version/semver on this line for 90 days, with a reason", "quickfix", false],
      ],
    );
    assert.deepEqual(actions[0].diagnostics, [semver]);
    const edits = actions[0].edit?.changes?.[uri] ?? [];
    assert.deepEqual(edits, [{ range: { start: { line: 4, character: 9 }, end: { line: 4, character: 14 } }, newText: '"1.2.0"' }]);
    const suppressed = apply(MISTAKES, actions[1].edit?.changes?.[uri] ?? []);
    // The server passes today's date: the waiver expires 90 days on (a day less if midnight passed meanwhile).
    const until = /\n# genesis-ignore version\/semver: \(until (\d{4}-\d{2}-\d{2})\)\nversion: "1\.2"\n/.exec(suppressed)?.[1];
    assert.ok(until, suppressed);
    assert.ok([89, 90].includes(daysBetween(isoDateOf(new Date()), until)), until);
  });

  it("pins an unversioned reference to the one version in the workspace", async function () {
    const uri = uriOf("data/mistakes.dataset.yaml");
    const unversioned = (client.latest.get(uri)?.diagnostics ?? []).find((d) => d.code === "ref/unversioned");
    assert.ok(unversioned);
    const [pin] = await codeActions(uri, [unversioned]);
    assert.equal(pin.title, 'Pin to "upstream@1.1.0"');
    assert.equal(pin.isPreferred, true);
    assert.match(apply(MISTAKES, pin.edit?.changes?.[uri] ?? []), /derivedFrom: \[upstream@1\.1\.0\]/);
  });

  it("applies every determinate fix with source.fixAll.genesis, and only when asked for", async function () {
    const uri = uriOf("data/mistakes.dataset.yaml");
    for (const only of [["source.fixAll.genesis"], ["source.fixAll"], ["source"]]) {
      const actions = await codeActions(uri, [], only);
      assert.deepEqual(
        actions.map((a) => [a.title, a.kind]),
        [["Fix all determinate Genesis problems", "source.fixAll.genesis"]],
        `only ${only}`,
      );
      assert.equal(apply(MISTAKES, actions[0].edit?.changes?.[uri] ?? []), FIXED);
    }
    assert.deepEqual(await codeActions(uri, [], ["quickfix"]), []);
    assert.deepEqual(await codeActions(uri, []), [], "no fix-all without `only`");
  });

  it("computes fixes from the current text when the request's ranges are stale", async function () {
    const uri = uriOf("data/mistakes.dataset.yaml");
    const license = (client.latest.get(uri)?.diagnostics ?? []).find((d) => d.code === "license/spdx");
    assert.ok(license);
    const moved = `# one more line above\n${MISTAKES}`;
    await client.changeFull(uri, 2, moved);
    const [fix] = await codeActions(uri, [license]);
    assert.equal(fix.title, 'Change the license to "Apache-2.0"');
    const edits = fix.edit?.changes?.[uri] ?? [];
    assert.equal(edits[0].range.start.line, license.range.start.line + 1, "the edit is on the license's line in the new text");
    assert.match(apply(moved, edits), /\nlicense: Apache-2\.0   # as the vendor wrote it\n/);
    await client.changeFull(uri, 3, MISTAKES);
  });

  it("writes placeholders as plain text for a client without snippet edits", async function () {
    const uri = uriOf("data/unclassified.dataset.yaml");
    const required = (await openedDiagnostics("data/unclassified.dataset.yaml")).find((d) => d.code === "schema/required");
    assert.ok(required);
    const [add] = await codeActions(uri, [required]);
    assert.equal(add.title, 'Add the required property "classification"');
    assert.notEqual(add.isPreferred, true, "a placeholder is never preferred");
    assert.match(apply(NO_CLASSIFICATION, add.edit?.changes?.[uri] ?? []), /\nclassification:\n  level: public\n/);
  });
});

describe("language server: snippet edits for a client that takes them", function () {
  let root: string;
  let client: LspTestClient;

  before(async function () {
    root = mkdtempSync(path.join(tmpdir(), "genesis-snippets-"));
    writeFileSync(path.join(root, "unclassified.dataset.yaml"), NO_CLASSIFICATION);
    client = new LspTestClient(pathToFileURL(root).toString());
    const scanned = client.diagnosticsFor(pathToFileURL(path.join(root, "unclassified.dataset.yaml")).toString());
    await client.connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: "workspace" }],
      capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true, snippetEditSupport: true } } },
    });
    await client.connection.sendNotification("initialized", {});
    await scanned;
  });

  after(async function () {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it("sends a versioned snippet edit with tab stops, a choice for an enum", async function () {
    const uri = pathToFileURL(path.join(root, "unclassified.dataset.yaml")).toString();
    const published = client.diagnosticsFor(uri, (p) => p.version === 7);
    await client.open(uri, "yaml", NO_CLASSIFICATION, 7);
    const required = (await published).diagnostics.find((d) => d.code === "schema/required");
    assert.ok(required);
    const [add, suppress] = await client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: required.range,
      context: { diagnostics: [required] },
    });
    const change = add.edit?.documentChanges?.[0] as unknown as {
      textDocument: { uri: string; version: number };
      edits: { snippet: { kind: string; value: string } }[];
    };
    assert.deepEqual(change.textDocument, { uri, version: 7 });
    assert.deepEqual(
      change.edits.map((e) => e.snippet),
      [{ kind: "snippet", value: "classification:\n  level: ${1|public,internal,cui,cui-specified|}\n" }],
    );
    // The suppression: the reason and the expiry (today's date from the server's clock, 90 days on) are tab stops.
    const waiver = (suppress.edit?.documentChanges?.[0] as unknown as { edits: { snippet: { value: string } }[] }).edits[0].snippet.value;
    assert.match(waiver, /^# genesis-ignore schema\/required: \$\{1:reason\} \(until \$\{2:\d{4}-\d{2}-\d{2}\}\)\n$/);
  });
});
