import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { serialise, snippetFiles } from "../../scripts/snippets";
import { DOCUMENT_TEMPLATES } from "../../server/src/core/templates/documents";
import { jsonTemplateFromYaml } from "../../server/src/core/templates/json-form";
import { PARTIAL_TEMPLATES } from "../../server/src/core/templates/partials";
import { expandSnippet } from "../../server/src/core/templates/snippet-syntax";
import { diagnose } from "./harness";

const errorsOf = (fileName: string, text: string) => diagnose(fileName, text).filter((d) => d.severity === "error");

describe("templates and snippets", function () {
  it("snippets/ is generated from the templates (run `npm run docs:snippets` after changing them)", function () {
    for (const [name, content] of Object.entries(snippetFiles())) {
      assert.equal(readFileSync(path.resolve(__dirname, "../../snippets", name), "utf8"), serialise(content), `snippets/${name} is stale`);
    }
  });

  it("expands placeholders, choices and mirrors", function () {
    assert.equal(expandSnippet("id: ${1:a}\nref: ${1}\nlevel: ${2|public,cui|}\n$0"), "id: a\nref: a\nlevel: public\n");
    assert.equal(expandSnippet("id: ${1:a}\nx: $2", { 1: "ocean" }), "id: ocean\nx: ");
    assert.equal(expandSnippet("cost: \\$5 ${1:x\\}y}"), "cost: $5 x}y");
  });

  for (const template of DOCUMENT_TEMPLATES) {
    it(`a new ${template.id} has no errors`, function () {
      const text = expandSnippet(template.body, { 1: "new-document" });
      assert.deepEqual(errorsOf(template.fileName("new-document"), text), []);
      if (template.language === "yaml") {
        const json = expandSnippet(jsonTemplateFromYaml(template.body), { 1: "new-document" });
        assert.deepEqual(JSON.parse(json).id, "new-document");
        assert.deepEqual(errorsOf(template.fileName("new-document").replace(/\.ya?ml$/, ".json"), json), []);
      }
    });
  }

  it("a new Markdown model card has every section of docs/formats/model-card.md#sections and no section diagnostics", function () {
    const card = DOCUMENT_TEMPLATES.find((t) => t.id === "model-card-markdown")!;
    const seen = diagnose("m.modelcard.md", expandSnippet(card.body)).filter((d) => d.rule.startsWith("modelcard/"));
    assert.deepEqual(seen, []);
  });

  it("each list item snippet, added to a new document, adds no errors", function () {
    const base = (id: string) => expandSnippet(DOCUMENT_TEMPLATES.find((t) => t.id === id)!.body);
    const insertUnder = (text: string, key: string, item: string, indent: string) => {
      const at = text.indexOf(`\n${key}:\n`) + key.length + 3;
      return (
        text.slice(0, at) +
        item
          .split("\n")
          .map((line) => (line ? indent + line : line))
          .join("\n") +
        "\n" +
        text.slice(at)
      );
    };
    const cases: [string, string, string, string, string][] = [
      ["distribution", "dataset-manifest", "d.dataset.yaml", "distribution", "  "],
      ["step", "pipeline-config", "p.pipeline.yaml", "steps", "  "],
      ["artifact", "model-card-yaml", "m.model.yaml", "artifacts", "  "],
    ];
    for (const [partialId, templateId, fileName, key, indent] of cases) {
      const partial = PARTIAL_TEMPLATES.find((p) => p.id === partialId)!;
      let item = expandSnippet(partial.body).trimEnd();
      if (partialId === "distribution") item = item.replace("id: records", "id: second");
      if (partialId === "step") item = item.replace("id: step", "id: second").replace("previous-step", "prepare");
      const text = insertUnder(base(templateId), key, item, indent);
      assert.deepEqual(errorsOf(fileName, text), [], `${partialId}:\n${text}`);
    }
  });
});
