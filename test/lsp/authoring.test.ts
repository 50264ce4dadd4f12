import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { CompletionItem, CompletionList, DocumentSymbol, Hover, Position } from "vscode-languageserver-protocol";
import { LineIndex } from "../../server/src/core/text";
import { dataset, pipeline } from "../unit/workspace/harness";
import { LspTestClient } from "../support/lsp-client";

const FILES: Record<string, string> = {
  "data/raw.dataset.yaml": dataset("raw", "1.0.0"),
  "data/raw-next.dataset.yaml": dataset("raw", "1.1.0"),
  "pipelines/p.pipeline.yaml": pipeline("prep", "1.0.0", ["raw@1.0.0"], ["raw@1.1.0"]),
  "models/m.modelcard.md": `---
apiVersion: genesis/v1
kind: ModelCard
id: m
version: 1.0.0
training:
  datasets: [raw@1.0.0]
risk:
  residual: low
---

# Model m

## Uses

Forecasts.

### Out-of-Scope Use

Navigation.

## Evaluation

Good.
`,
};

/** The position of the end of `text` (where a cursor typing it is). */
function endOf(text: string): Position {
  return new LineIndex(text).positionAt(text.length);
}

/** The position `shift` characters into the first `needle` of `text`. */
function inside(text: string, needle: string, shift = 1): Position {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  return new LineIndex(text).positionAt(at + shift);
}

describe("language server: authoring", function () {
  let root: string;
  let client: LspTestClient;
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
  const request = <T>(method: string, params: unknown) => client.connection.sendRequest<T>(method, params);
  const completion = async (name: string, position: Position) =>
    (await request<CompletionList>("textDocument/completion", { textDocument: { uri: uriOf(name) }, position })).items;
  const labels = (items: readonly CompletionItem[]) => items.map((item) => item.label);

  before(async function () {
    root = mkdtempSync(path.join(tmpdir(), "genesis-authoring-"));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    client = new LspTestClient(pathToFileURL(root).toString());
    const indexed = client.indexed();
    const result = (await client.initialize()) as {
      capabilities: { completionProvider?: { triggerCharacters?: string[] }; documentSymbolProvider?: boolean; hoverProvider?: boolean };
    };
    assert.deepEqual(result.capabilities.completionProvider, { triggerCharacters: [":", " ", "-", "@"] });
    assert.equal(result.capabilities.documentSymbolProvider, true);
    assert.equal(result.capabilities.hoverProvider, true);
    await indexed;
  });

  after(async function () {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it("completes references from the workspace in a document being typed, without waiting for its diagnostics", async function () {
    const name = "data/new.dataset.yaml";
    const start = "apiVersion: genesis/v1\nkind: DatasetManifest\nid: new\nlineage:\n  derivedFrom:\n    - ";
    await client.open(uriOf(name), "yaml", start);
    const items = await completion(name, endOf(start));
    assert.deepEqual(labels(items), ["raw@1.1.0", "raw@1.0.0"]);
    assert.ok(items[0].sortText! < items[1].sortText!, "newest first");
    assert.deepEqual(
      items.map((i) => i.kind),
      [18, 18],
      "Reference",
    );
    assert.equal(items[0].detail, "Dataset raw · data/raw-next.dataset.yaml");
    assert.deepEqual(items[0].textEdit, { range: { start: endOf(start), end: endOf(start) }, newText: "raw@1.1.0" });

    // The next keystrokes: completion reads the editor's text at once.
    const typed = `${start}raw@1.1.0\nclassification:\n  level: c`;
    await client.changeFull(uriOf(name), 2, typed);
    const values = await completion(name, endOf(typed));
    assert.deepEqual(labels(values), ["cui", "cui-specified", "public", "internal", "ouo"]);
    const cui = values[0];
    assert.equal(cui.kind, 20, "EnumMember");
    assert.deepEqual(cui.textEdit, { range: { start: { line: endOf(typed).line, character: 9 }, end: endOf(typed) }, newText: "cui" });
    assert.match((cui.documentation as { value: string }).value, /sensitivity level/);
  });

  it("completes property names, required first, and whole list items as snippets inserted as written", async function () {
    const name = "data/other.dataset.yaml";
    const text = "apiVersion: genesis/v1\nkind: DatasetManifest\ndistribution:\n  - ";
    await client.open(uriOf(name), "yaml", text);
    const items = await completion(name, endOf(text));
    const snippet = items.find((i) => i.kind === 15)!;
    assert.equal(snippet.label, "distribution (new item)");
    assert.equal(snippet.insertTextFormat, 2, "snippet syntax");
    assert.equal(snippet.insertTextMode, 1, "as is: the server indents every line");
    assert.match((snippet.textEdit as { newText: string }).newText, /^- id: \$\{1:records\}\n {4}path: /);
    const keys = items.filter((i) => i.kind === 10).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(labels(keys).slice(0, 3), ["id", "path", "format"]);
    assert.deepEqual(keys.find((k) => k.label === "format")!.command, { title: "Suggest values", command: "editor.action.triggerSuggest" });

    const top = await completion(name, { line: 2, character: 0 });
    assert.ok(labels(top).indexOf("license") < labels(top).indexOf("publisher"));
  });

  it("hovers on keys and enum values with the schema, and on references with what they name", async function () {
    const card = FILES["models/m.modelcard.md"];
    const key = await request<Hover>("textDocument/hover", {
      textDocument: { uri: uriOf("models/m.modelcard.md") },
      position: inside(card, "residual", 2),
    });
    assert.deepEqual(key.range, { start: inside(card, "residual", 0), end: inside(card, "residual", 8) });
    assert.match((key.contents as { value: string }).value, /^\*\*residual\*\* · required · one of 3 values/);
    const value = await request<Hover>("textDocument/hover", {
      textDocument: { uri: uriOf("models/m.modelcard.md") },
      position: inside(card, "low", 1),
    });
    assert.match((value.contents as { value: string }).value, /\*\*`low`\*\* \(current\)/);
    const reference = await request<Hover>("textDocument/hover", {
      textDocument: { uri: uriOf("models/m.modelcard.md") },
      position: inside(card, "raw@1.0.0", 2),
    });
    assert.match((reference.contents as { value: string }).value, /\*\*Dataset raw\*\* · `raw@1\.0\.0`/);
    assert.equal(
      await request("textDocument/hover", {
        textDocument: { uri: uriOf("models/m.modelcard.md") },
        position: inside(card, "Forecasts", 2),
      }),
      null,
    );
  });

  it("outlines a document as a tree of symbols", async function () {
    const card = FILES["models/m.modelcard.md"];
    const symbols = await request<DocumentSymbol[]>("textDocument/documentSymbol", {
      textDocument: { uri: uriOf("models/m.modelcard.md") },
    });
    const shape = (list: readonly DocumentSymbol[]): unknown[] =>
      list.map((s) => [s.name, s.kind, ...(s.children?.length ? [shape(s.children)] : [])]);
    assert.deepEqual(shape(symbols), [
      [
        "front matter",
        19,
        [
          ["id", 20],
          ["version", 20],
          ["training", 19, [["datasets", 18, [["raw@1.0.0", 20]]]]],
          ["risk", 19],
        ],
      ],
      ["Uses", 2, [["Out-of-Scope Use", 2]]],
      ["Evaluation", 2],
    ]);
    const uses = symbols[1];
    assert.deepEqual(uses.selectionRange, { start: inside(card, "## Uses", 0), end: inside(card, "## Uses", 7) });
    assert.deepEqual(uses.range.end, inside(card, "Navigation.", 11));

    const steps = await request<DocumentSymbol[]>("textDocument/documentSymbol", {
      textDocument: { uri: uriOf("pipelines/p.pipeline.yaml") },
    });
    assert.deepEqual(
      steps.find((s) => s.name === "steps")?.children?.map((s) => [s.name, s.kind]),
      [["run", 2]],
    );
  });
});
