import * as assert from "node:assert/strict";
import { schemaHover } from "../../server/src/core/hover";
import { parseGenesisDocument } from "../../server/src/core/parse/document";
import { atCursor } from "./cursor-marker";

const DATASET = "apiVersion: genesis/v1\nkind: DatasetManifest\n";
const CARD = "apiVersion: genesis/v1\nkind: ModelCard\n";

/** The hover at the marked cursor, with the text it covers. */
function hoverAt(path: string, marked: string): { markdown: string; covered: string } | undefined {
  const { document, offset, text } = atCursor(path, marked);
  const hover = schemaHover(document, offset);
  return hover && { markdown: hover.markdown, covered: text.slice(hover.span.start, hover.span.end) };
}

describe("hover", function () {
  it("describes a key: its description, its type and whether it is required", function () {
    const hover = hoverAt("a.dataset.yaml", `${DATASET}lic|ense: MIT\n`)!;
    assert.equal(hover.covered, "license");
    assert.match(hover.markdown, /^\*\*license\*\* · required · string\n\n/);
    assert.match(hover.markdown, /The dataset's license as an SPDX expression/);
    const optional = hoverAt("a.dataset.yaml", `${DATASET}publ|isher: Lab\n`)!;
    assert.match(optional.markdown, /^\*\*publisher\*\* · string\n/);
  });

  it("lists an enum's allowed values on its key", function () {
    const hover = hoverAt("a.dataset.yaml", `${DATASET}distribution:\n  - id: a\n    for|mat: csv\n`)!;
    assert.equal(hover.covered, "format");
    assert.match(hover.markdown, /^\*\*format\*\* · required · one of 9 values/);
    assert.match(hover.markdown, /Allowed values: `csv`, `parquet`, `hdf5`, `json`, `jsonl`, `netcdf`, `zarr`, `tiff`, `other`\./);
  });

  it("names the type of nested values: lists, objects, dates, references", function () {
    assert.match(hoverAt("a.dataset.yaml", `${DATASET}cre|ators: []\n`)!.markdown, /^\*\*creators\*\* · required · list of objects/);
    assert.match(hoverAt("a.dataset.yaml", `${DATASET}access:\n  pol|icy: a.md\n`)!.markdown, /^\*\*policy\*\* · required · string/);
    assert.match(hoverAt("a.dataset.yaml", `${DATASET}datePub|lished: 2026-01-01\n`)!.markdown, /date \(ISO 8601\)/);
    const lineage = hoverAt("a.dataset.yaml", `${DATASET}lineage:\n  derived|From: [a@1.0.0]\n`)!.markdown;
    assert.match(lineage, /^\*\*derivedFrom\*\* · list of references/);
    assert.match(lineage, /Names a dataset manifest of the workspace as `id@version`/);
    const output = hoverAt(
      "p.pipeline.yaml",
      `apiVersion: genesis/v1\nkind: PipelineConfig\noutputs:\n  - name: m\n    r|ef: m@1.0.0\n`,
    )!.markdown;
    assert.match(output, /Names a dataset manifest or a model card of the workspace as `id@version`/);
    assert.match(hoverAt("m.model.yaml", `${CARD}lang|uage: en\n`)!.markdown, /string or list of strings/);
  });

  it("marks the current value among an enum's values", function () {
    const hover = hoverAt("a.dataset.yaml", `${DATASET}classification:\n  level: c|ui\n`)!;
    assert.equal(hover.covered, "cui");
    assert.match(hover.markdown, /^\*\*level\*\*: one of/);
    assert.match(hover.markdown, /^- \*\*`cui`\*\* \(current\)$/m);
    assert.match(hover.markdown, /^- `public`$/m);
  });

  it("names the nearest allowed value when the current one is not allowed", function () {
    const hover = hoverAt("a.dataset.yaml", `${DATASET}distribution:\n  - format: parq|et\n`)!;
    assert.ok(!hover.markdown.includes("(current)"));
    assert.match(hover.markdown, /`parqet` is not one of them\. Did you mean `parquet`\?/);
  });

  it("says nothing on other values, unknown properties, or outside the document's fields", function () {
    assert.equal(hoverAt("a.dataset.yaml", `${DATASET}license: M|IT\n`), undefined);
    assert.equal(hoverAt("a.dataset.yaml", `${DATASET}licence|: MIT\n`), undefined);
    assert.equal(hoverAt("m.modelcard.md", `---\n${CARD}---\n# Ca|rd\n`), undefined);
  });

  it("works on JSON keys and values", function () {
    const key = hoverAt("a.dataset.json", '{ "kind": "DatasetManifest", "classification": { "le|vel": "cui" } }')!;
    assert.equal(key.covered, '"level"');
    assert.match(key.markdown, /^\*\*level\*\* · required · one of 5 values/);
    const value = hoverAt("a.dataset.json", '{ "kind": "DatasetManifest", "classification": { "level": "in|ternal" } }')!;
    assert.match(value.markdown, /\*\*`internal`\*\* \(current\)/);
  });

  it("works in a Markdown card's front matter", function () {
    const hover = hoverAt("m.modelcard.md", `---\n${CARD}risk:\n  resid|ual: low\n---\n# Card\n`)!;
    assert.equal(hover.covered, "residual");
    assert.match(hover.markdown, /^\*\*residual\*\* · required · one of 3 values/);
    assert.match(hoverAt("m.modelcard.md", `---\n${CARD}risk:\n  residual: hi|gh\n---\n`)!.markdown, /\*\*`high`\*\* \(current\)/);
  });

  it("never throws on odd documents", function () {
    const text = `${DATASET}distribution: [1, null, { format: [x] }]\nclassification: 3\n"x~/y": { level: [] }\n`;
    const document = parseGenesisDocument({ path: "a.dataset.yaml", text })!;
    for (let offset = 0; offset <= text.length; offset++) schemaHover(document, offset);
  });
});
