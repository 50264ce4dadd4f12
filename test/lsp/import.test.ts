import * as assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { CodeAction, WorkspaceEdit } from "vscode-languageserver-protocol";
import { LspTestClient } from "../support/lsp-client";

const FIXTURES = path.resolve(__dirname, "../fixtures/import");

/**
 * "Create Genesis ... from this file" (issue 16, import): offered on a file of the field's formats,
 * it asks the client to create the new document beside the source with a CreateFile that never
 * overwrites, and is not even sent when the file exists.
 */
describe("language server: import from the field's formats", function () {
  let root: string;
  let client: LspTestClient;
  const edits: WorkspaceEdit[] = [];
  const messages: string[] = [];
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();

  before(async function () {
    root = mkdtempSync(path.join(tmpdir(), "genesis-import-lsp-"));
    writeFileSync(path.join(root, "genesis.config.yaml"), "profile: dev\n");
    copyFileSync(path.join(FIXTURES, "dvc/example-get-started/dvc.yaml"), path.join(root, "dvc.yaml"));
    copyFileSync(path.join(FIXTURES, "croissant/minimal_recommended.json"), path.join(root, "metadata.json"));
    client = new LspTestClient(pathToFileURL(root).toString());
    client.connection.onRequest("workspace/applyEdit", (params: { edit: WorkspaceEdit }) => (edits.push(params.edit), { applied: true }));
    client.connection.onRequest("window/showMessageRequest", (params: { message: string }) => (messages.push(params.message), null));
    const indexed = client.indexed();
    await client.initialize();
    await indexed;
  });

  after(async function () {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  async function actionsFor(name: string, languageId: string): Promise<CodeAction[]> {
    const uri = uriOf(name);
    await client.connection.sendNotification("textDocument/didOpen", {
      textDocument: { uri, languageId, version: 1, text: readFileSync(path.join(root, name), "utf8") },
    });
    return client.connection.sendRequest<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
  }

  it("offers the action on a dvc.yaml and a Croissant file, and on nothing else", async function () {
    const dvc = await actionsFor("dvc.yaml", "yaml");
    assert.deepEqual(
      dvc.map((action) => [action.title, action.kind, action.command?.command]),
      [["Create Genesis pipeline config from this file", "refactor.rewrite.genesis.import", "genesis.importFromFile"]],
    );
    const croissant = await actionsFor("metadata.json", "json");
    assert.equal(croissant[0]?.title, "Create Genesis dataset manifest from this file");
    assert.deepEqual(await actionsFor("genesis.config.yaml", "yaml"), []);
  });

  it("the command creates the document beside the source, without overwriting", async function () {
    await client.connection.sendRequest("workspace/executeCommand", {
      command: "genesis.importFromFile",
      arguments: [uriOf("metadata.json")],
    });
    assert.equal(edits.length, 1);
    const created = uriOf("minimal_example_with_recommended_fields.dataset.yaml");
    const [create, fill] = edits[0].documentChanges ?? [];
    assert.deepEqual(create, { kind: "create", uri: created, options: { overwrite: false, ignoreIfExists: false } });
    assert.ok(fill && "edits" in fill && /^# Imported by genesis-readiness/.test(fill.edits[0].newText));

    writeFileSync(path.join(root, "minimal_example_with_recommended_fields.dataset.yaml"), "keep me\n");
    await client.connection.sendRequest("workspace/executeCommand", {
      command: "genesis.importFromFile",
      arguments: [uriOf("metadata.json")],
    });
    assert.equal(edits.length, 1, "no edit is sent when the file exists");
    assert.ok(
      messages.some((message) => /already exists beside metadata\.json; it was left as it is/.test(message)),
      messages.join("\n"),
    );
    assert.equal(readFileSync(path.join(root, "minimal_example_with_recommended_fields.dataset.yaml"), "utf8"), "keep me\n");
  });
});
