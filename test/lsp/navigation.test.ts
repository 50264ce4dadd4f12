import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type {
  DocumentLink,
  Hover,
  Location,
  LocationLink,
  Range,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-protocol";
import { LineIndex } from "../../server/src/core/text";
import { dataset, modelCard, pipeline } from "../unit/workspace/harness";
import { LspTestClient } from "../support/lsp-client";

const FILES: Record<string, string> = {
  "data/raw.dataset.yaml": dataset("raw", "1.0.0"),
  "data/clean.dataset.yaml": dataset(
    "clean",
    "1.0.0",
    "lineage:\n  derivedFrom: ['raw@1.0.0']\n  generatedBy: { pipeline: cleaning@1.0.0 }\n",
  ),
  "pipelines/cleaning.pipeline.yaml": pipeline("cleaning", "1.0.0", ["raw@1.0.0"], ["clean@1.0.0"]),
  "models/m.model.yaml": modelCard("m", "1.0.0", ["clean@1.0.0"]),
  // Always has a diagnostic (clean files that are not open get no publish): its first publish marks the end of the scan.
  "models/broken.model.yaml": modelCard("broken", "1.0.0", ["gone@1.0.0"]),
};

/** The range of the `nth` occurrence of `needle` in `text` (0-based lines, as LSP). */
function rangeOf(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) is not in the text`);
  }
  const lines = new LineIndex(text);
  return { start: lines.positionAt(at), end: lines.positionAt(at + needle.length) };
}

/** A position inside the `nth` occurrence of `needle`, `shift` characters from its start. */
function inside(text: string, needle: string, shift = 1, nth = 0) {
  const { start } = rangeOf(text, needle, nth);
  return { line: start.line, character: start.character + shift };
}

/** The range of a document's own id value (`id: <id>` in the fixtures). */
function idRangeOf(text: string, id: string): Range {
  const { start } = rangeOf(text, `id: ${id}`);
  return { start: { line: start.line, character: 4 }, end: { line: start.line, character: 4 + id.length } };
}

function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  return sorted.reduce((current, e) => current.slice(0, e.start) + e.text + current.slice(e.end), text);
}

describe("language server: navigation", function () {
  let root: string;
  let client: LspTestClient;
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
  const request = <T>(method: string, params: unknown) => client.connection.sendRequest<T>(method, params);
  const at = (name: string, needle: string, shift = 1, nth = 0) => ({
    textDocument: { uri: uriOf(name) },
    position: inside(FILES[name], needle, shift, nth),
  });

  before(async function () {
    root = mkdtempSync(path.join(tmpdir(), "genesis-nav-"));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    client = new LspTestClient(pathToFileURL(root).toString());
    // The first publish comes after the scan of the folder: the index is complete then.
    const scanned = client.diagnosticsFor(uriOf("models/broken.model.yaml"));
    const result = (await client.initialize()) as { capabilities: Record<string, unknown> };
    assert.deepEqual(
      [
        result.capabilities.definitionProvider,
        result.capabilities.documentLinkProvider,
        result.capabilities.referencesProvider,
        result.capabilities.renameProvider,
        result.capabilities.hoverProvider,
        result.capabilities.workspaceSymbolProvider,
      ],
      [true, { resolveProvider: false }, true, { prepareProvider: true }, true, true],
    );
    await scanned;
  });

  after(async function () {
    await client?.shutdown();
    rmSync(root, { recursive: true, force: true });
  });

  it("goes from a reference to the id of the document it names", async function () {
    const links = await request<LocationLink[]>("textDocument/definition", at("data/clean.dataset.yaml", "'raw@1.0.0'", 3));
    assert.deepEqual(links, [
      {
        originSelectionRange: rangeOf(FILES["data/clean.dataset.yaml"], "'raw@1.0.0'"),
        targetUri: uriOf("data/raw.dataset.yaml"),
        targetRange: idRangeOf(FILES["data/raw.dataset.yaml"], "raw"),
        targetSelectionRange: idRangeOf(FILES["data/raw.dataset.yaml"], "raw"),
      },
    ]);
    assert.equal(idRangeOf(FILES["data/raw.dataset.yaml"], "raw").start.line, 2, "the id line");
    assert.equal(await request("textDocument/definition", at("data/clean.dataset.yaml", "CC-BY-4.0")), null, "not on a reference");
  });

  it("finds every reference to a document, from its id or from a reference, with the declaration when asked", async function () {
    const fromId = await request<Location[]>("textDocument/references", {
      ...at("data/raw.dataset.yaml", "id: raw", 5),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(fromId, [
      { uri: uriOf("data/raw.dataset.yaml"), range: idRangeOf(FILES["data/raw.dataset.yaml"], "raw") },
      { uri: uriOf("data/clean.dataset.yaml"), range: rangeOf(FILES["data/clean.dataset.yaml"], "'raw@1.0.0'") },
      { uri: uriOf("pipelines/cleaning.pipeline.yaml"), range: rangeOf(FILES["pipelines/cleaning.pipeline.yaml"], "raw@1.0.0") },
    ]);
    const fromReference = await request<Location[]>("textDocument/references", {
      ...at("pipelines/cleaning.pipeline.yaml", "clean@1.0.0"),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      fromReference.map((l) => [l.uri, l.range.start.line]),
      [
        [uriOf("models/m.model.yaml"), rangeOf(FILES["models/m.model.yaml"], "clean@1.0.0").start.line],
        [uriOf("models/m.model.yaml"), rangeOf(FILES["models/m.model.yaml"], "clean@1.0.0", 1).start.line],
        [uriOf("models/m.model.yaml"), rangeOf(FILES["models/m.model.yaml"], "clean@1.0.0", 2).start.line],
        [uriOf("pipelines/cleaning.pipeline.yaml"), rangeOf(FILES["pipelines/cleaning.pipeline.yaml"], "clean@1.0.0").start.line],
      ],
    );
  });

  it("prepares a rename on an id or a reference: the id part only", async function () {
    assert.deepEqual(await request("textDocument/prepareRename", at("data/raw.dataset.yaml", "id: raw", 4)), {
      range: idRangeOf(FILES["data/raw.dataset.yaml"], "raw"),
      placeholder: "raw",
    });
    const quoted = rangeOf(FILES["data/clean.dataset.yaml"], "'raw@1.0.0'");
    assert.deepEqual(await request("textDocument/prepareRename", at("data/clean.dataset.yaml", "'raw@1.0.0'", 6)), {
      range: {
        start: { ...quoted.start, character: quoted.start.character + 1 },
        end: { ...quoted.start, character: quoted.start.character + 4 },
      },
      placeholder: "raw",
    });
    assert.equal(await request("textDocument/prepareRename", at("data/raw.dataset.yaml", "CC-BY-4.0")), null);
  });

  it("renames an id in its document and in every document that references it, as one edit", async function () {
    const edit = await request<WorkspaceEdit>("textDocument/rename", {
      ...at("pipelines/cleaning.pipeline.yaml", "raw@1.0.0"),
      newName: "raw-data",
    });
    const changes = edit.changes ?? {};
    assert.deepEqual(
      Object.keys(changes).sort(),
      [uriOf("data/clean.dataset.yaml"), uriOf("data/raw.dataset.yaml"), uriOf("pipelines/cleaning.pipeline.yaml")].sort(),
    );
    const quoted = rangeOf(FILES["data/clean.dataset.yaml"], "'raw@1.0.0'");
    assert.deepEqual(changes[uriOf("data/clean.dataset.yaml")], [
      {
        range: {
          start: { ...quoted.start, character: quoted.start.character + 1 },
          end: { ...quoted.start, character: quoted.start.character + 4 },
        },
        newText: "raw-data",
      },
    ]);
    assert.match(apply(FILES["data/clean.dataset.yaml"], changes[uriOf("data/clean.dataset.yaml")]), /derivedFrom: \['raw-data@1\.0\.0'\]/);
    assert.match(apply(FILES["data/raw.dataset.yaml"], changes[uriOf("data/raw.dataset.yaml")]), /^id: raw-data$/m);
    assert.match(
      apply(FILES["pipelines/cleaning.pipeline.yaml"], changes[uriOf("pipelines/cleaning.pipeline.yaml")]),
      /ref: raw-data@1\.0\.0 \}/,
    );
  });

  it("refuses a rename to an invalid or taken id with the reason", async function () {
    await assert.rejects(
      request("textDocument/rename", { ...at("data/raw.dataset.yaml", "id: raw", 5), newName: "Raw Data" }),
      /"Raw Data" is not a valid id/,
    );
    await assert.rejects(
      request("textDocument/rename", { ...at("data/raw.dataset.yaml", "id: raw", 5), newName: "clean" }),
      /already has the id "clean"/,
    );
  });

  it("hovers on a reference with what it names, and nowhere else", async function () {
    const hover = await request<Hover>("textDocument/hover", at("models/m.model.yaml", "clean@1.0.0"));
    assert.deepEqual(hover.range, rangeOf(FILES["models/m.model.yaml"], "clean@1.0.0"));
    const contents = hover.contents as { kind: string; value: string };
    assert.equal(contents.kind, "markdown");
    assert.match(contents.value, /\*\*Dataset clean\*\* · `clean@1\.0\.0`/);
    assert.match(contents.value, /Dataset manifest · classification \*\*public\*\*/);
    assert.match(contents.value, /`data\/clean\.dataset\.yaml`/);
    assert.equal(await request("textDocument/hover", at("models/m.model.yaml", "apache-2.0")), null);
    const missing = await request<Hover>("textDocument/hover", at("models/broken.model.yaml", "gone@1.0.0"));
    assert.equal(
      (missing.contents as { value: string }).value,
      "**No dataset manifest in the workspace has the id `gone`**, in any version.",
    );
  });

  it("links each resolved reference to the file of the document it names, at its id line", async function () {
    const links = await request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri: uriOf("data/clean.dataset.yaml") } });
    const idLine = (name: string, id: string) => rangeOf(FILES[name], `id: ${id}`).start.line + 1;
    assert.deepEqual(
      links.map((l) => [l.range, l.target]),
      [
        [
          rangeOf(FILES["data/clean.dataset.yaml"], "'raw@1.0.0'"),
          `${uriOf("data/raw.dataset.yaml")}#L${idLine("data/raw.dataset.yaml", "raw")},5`,
        ],
        [
          rangeOf(FILES["data/clean.dataset.yaml"], "cleaning@1.0.0"),
          `${uriOf("pipelines/cleaning.pipeline.yaml")}#L${idLine("pipelines/cleaning.pipeline.yaml", "cleaning")},5`,
        ],
      ],
    );
  });

  it("lists documents as workspace symbols, prefix matches first", async function () {
    const symbols = await request<SymbolInformation[]>("workspace/symbol", { query: "clean" });
    assert.deepEqual(
      symbols.map((s) => [s.name, s.containerName, s.location.uri]),
      [
        ["clean@1.0.0", "DatasetManifest", uriOf("data/clean.dataset.yaml")],
        ["cleaning@1.0.0", "PipelineConfig", uriOf("pipelines/cleaning.pipeline.yaml")],
      ],
    );
    assert.deepEqual(symbols[0].location.range, idRangeOf(FILES["data/clean.dataset.yaml"], "clean"));
  });

  it("uses the editor's text for an open document", async function () {
    const uri = uriOf("models/m.model.yaml");
    const text = `# opened in the editor\n\n${FILES["models/m.model.yaml"]}`;
    const published = client.diagnosticsFor(uri, (p) => p.version === 1);
    await client.open(uri, "yaml", text, 1);
    await published;
    const links = await request<LocationLink[]>("textDocument/definition", {
      textDocument: { uri },
      position: inside(text, "clean@1.0.0"),
    });
    assert.deepEqual(
      links.map((l) => [l.originSelectionRange, l.targetUri]),
      [[rangeOf(text, "clean@1.0.0"), uriOf("data/clean.dataset.yaml")]],
    );
    const references = await request<Location[]>("textDocument/references", {
      ...at("data/clean.dataset.yaml", "id: clean", 5),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      references.filter((l) => l.uri === uri).map((l) => l.range),
      [rangeOf(text, "clean@1.0.0"), rangeOf(text, "clean@1.0.0", 1), rangeOf(text, "clean@1.0.0", 2)],
    );
    await client.close(uri);
  });
});
