import * as assert from "node:assert/strict";
import { LineIndex } from "../../server/src/core/text";
import { engine } from "./harness";

/** The diagnostic of `rule`, with its 0-based start position and the exact text it underlines. */
function locate(path: string, text: string, rule: string) {
  const found = engine.analyze({ path, text }).diagnostics.find((d) => d.rule === rule);
  assert.ok(found, `no ${rule} diagnostic in:\n${text}`);
  const lines = new LineIndex(text);
  return {
    start: lines.positionAt(found.span.start),
    end: lines.positionAt(found.span.end),
    covered: text.slice(found.span.start, found.span.end),
  };
}

const HEADER = "apiVersion: genesis/v1\nkind: DatasetManifest\n";

describe("ranges", function () {
  it("block YAML: an enum value, an unknown key, a missing property on its parent key", function () {
    const text = `${HEADER}id: ocean\nclassification:\n  level: pubic\ncreators:\n  - name: Ada\n    emial: ada@example.gov\n`;
    assert.deepEqual(locate("a.dataset.yaml", text, "schema/enum"), {
      start: { line: 4, character: 9 },
      end: { line: 4, character: 14 },
      covered: "pubic",
    });
    assert.equal(locate("a.dataset.yaml", text, "schema/unknown-property").covered, "emial");
    const pipeline = "apiVersion: genesis/v1\nkind: PipelineConfig\nreproducibility:\n  seed: 1\n";
    assert.equal(
      locate("p.pipeline.yaml", pipeline, "schema/required").covered,
      "kind",
      "top-level properties are reported on the kind key",
    );
    const required = engine.analyze({ path: "p.pipeline.yaml", text: pipeline }).diagnostics.filter((d) => d.rule === "schema/required");
    const lockfile = required.find((d) => /"lockfile"/.test(d.message));
    assert.ok(lockfile, "reproducibility.lockfile is required");
    assert.equal(pipeline.slice(lockfile.span.start, lockfile.span.end), "reproducibility", "reported on the parent key");
  });

  it("flow YAML: the value inside braces and brackets", function () {
    const text = `${HEADER}classification: {level: pubic, categories: [PRVCY]}\nkeywords: [ocean, 42]\n`;
    assert.deepEqual(locate("a.dataset.yaml", text, "schema/enum"), {
      start: { line: 2, character: 24 },
      end: { line: 2, character: 29 },
      covered: "pubic",
    });
    assert.equal(locate("a.dataset.yaml", text, "schema/type").covered, "42");
  });

  it("JSON: the value and the key", function () {
    const text =
      `{\n  "apiVersion": "genesis/v1",\n  "kind": "DatasetManifest",\n` +
      `  "classification": { "level": "pubic" },\n  "publsher": "ORNL"\n}\n`;
    assert.deepEqual(locate("a.dataset.json", text, "schema/enum"), {
      start: { line: 3, character: 31 },
      end: { line: 3, character: 38 },
      covered: '"pubic"',
    });
    assert.equal(locate("a.dataset.json", text, "schema/unknown-property").covered, '"publsher"');
  });

  it("Markdown front matter: offsets into the whole file", function () {
    const text = `---\napiVersion: genesis/v1\nkind: ModelCard\nclassification:\n  level: pubic\n---\n# Card\n`;
    assert.deepEqual(locate("m.modelcard.md", text, "schema/enum"), {
      start: { line: 4, character: 9 },
      end: { line: 4, character: 14 },
      covered: "pubic",
    });
  });

  it("CRLF line endings", function () {
    const text = `${HEADER}classification:\r\n  level: pubic\r\n`.replace(/\n/g, "\r\n").replace(/\r\r/g, "\r");
    assert.deepEqual(locate("a.dataset.yaml", text, "schema/enum"), {
      start: { line: 3, character: 9 },
      end: { line: 3, character: 14 },
      covered: "pubic",
    });
  });

  it("a byte order mark before YAML, JSON and front matter", function () {
    const yaml = `\uFEFF${HEADER}classification:\n  level: pubic\n`;
    assert.deepEqual(locate("a.dataset.yaml", yaml, "schema/enum"), {
      start: { line: 3, character: 9 },
      end: { line: 3, character: 14 },
      covered: "pubic",
    });
    const json = `\uFEFF{"apiVersion": "genesis/v1", "kind": "DatasetManifest", "classification": {"level": "pubic"}}`;
    assert.equal(locate("a.dataset.json", json, "schema/enum").covered, '"pubic"');
    const markdown = `\uFEFF---\napiVersion: genesis/v1\nkind: ModelCard\nclassification:\n  level: pubic\n---\n`;
    assert.equal(locate("m.modelcard.md", markdown, "schema/enum").covered, "pubic");
  });

  it("multi-byte characters before the error (UTF-16 columns, as LSP counts them)", function () {
    const text = `${HEADER}name: "Océan 🌊 températures"\nclassification: {level: pubic}\n`;
    assert.deepEqual(locate("a.dataset.yaml", text, "schema/enum"), {
      start: { line: 3, character: 24 },
      end: { line: 3, character: 29 },
      covered: "pubic",
    });
    const sameLine = `${HEADER}name: "🌊🌊"\nkeywords: ["🌊", 7]\n`;
    assert.deepEqual(locate("a.dataset.yaml", sameLine, "schema/type"), {
      start: { line: 3, character: 17 },
      end: { line: 3, character: 18 },
      covered: "7",
    });
  });

  it("syntax errors at their exact position, never line 0 by default", function () {
    const text = `${HEADER}name: [unclosed\nid: x\n`;
    const syntax = engine.analyze({ path: "a.dataset.yaml", text }).diagnostics.filter((d) => d.rule === "syntax/yaml");
    assert.ok(syntax.length > 0);
    const lines = new LineIndex(text);
    assert.ok(
      syntax.every((d) => lines.positionAt(d.span.start).line >= 2),
      "the error is on or after the broken line",
    );
    const duplicate = locate("a.dataset.yaml", `${HEADER}id: a\nid: b\n`, "syntax/duplicate-key");
    assert.deepEqual(duplicate, { start: { line: 3, character: 0 }, end: { line: 3, character: 2 }, covered: "id" });
    const json = locate("a.dataset.json", `{\n  "kind": "DatasetManifest",\n  "id": "a",,\n}`, "syntax/json");
    assert.equal(json.start.line, 2);
  });

  it("every diagnostic lies inside the text and is never empty", function () {
    const texts = ["", "\n", "# only a comment\n", "kind: DatasetManifest", "[1, 2]", "just text", "---\n---\n", `${HEADER}---\n${HEADER}`];
    for (const text of texts) {
      for (const path of ["a.dataset.yaml", "m.modelcard.md", "a.dataset.json"]) {
        for (const d of engine.analyze({ path, text }).diagnostics) {
          assert.ok(
            d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end,
            `${path} ${JSON.stringify(text)} ${d.rule} ${JSON.stringify(d.span)}`,
          );
          if (text.length > 0) assert.ok(d.span.end > d.span.start, `${path} ${JSON.stringify(text)}: ${d.rule} has an empty span`);
        }
      }
    }
  });
});
