import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { DEFAULT_CONFIG } from "../../server/src/core/config";
import { findFrontMatter } from "../../server/src/core/parse/markdown";
import { blankTabsInFlowIndentation } from "../../server/src/core/parse/yaml-1.1";
import { parseGenesisDocument } from "../../server/src/core/parse/document";
import type { Diagnostic } from "../../server/src/core/types";
import { engine } from "./harness";

/** js-yaml, the reader on the Hub's web side (a dependency of the toolchain, without type declarations). */
const jsYaml = createRequire(__filename)("js-yaml") as { load(text: string): unknown };

const CARDS = path.resolve(__dirname, "../fixtures/hf-cards");

function cardFiles(): { name: string; text: string }[] {
  return readdirSync(CARDS)
    .filter((name) => name.endsWith(".md") && name !== "SOURCES.md")
    .map((name) => ({ name, text: readFileSync(path.join(CARDS, name), "utf8") }));
}

function diagnosticsOf(filePath: string, text: string): readonly Diagnostic[] {
  return engine.analyze({ path: filePath, text }, DEFAULT_CONFIG).diagnostics;
}

function frontMatterText(text: string): string {
  const front = findFrontMatter(text);
  assert.ok(front?.closed, "the card has closed front matter");
  return text.slice(front.content.start, front.content.end);
}

/** Syntax errors, and unknown properties: what a Hub-valid card must never get. */
function misreadings(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics
    .filter((d) => d.rule.startsWith("syntax/") || d.rule === "schema/unknown-property")
    .map((d) => `${d.rule} at ${d.pointer}: ${d.message}`);
}

describe("public Hugging Face cards (test/fixtures/hf-cards)", function () {
  it("vendors 8 to 12 cards, each named in SOURCES.md and under 8 KB", function () {
    const cards = cardFiles();
    assert.ok(cards.length >= 8 && cards.length <= 12, `${cards.length} cards`);
    const sources = readFileSync(path.join(CARDS, "SOURCES.md"), "utf8");
    for (const card of cards) {
      assert.ok(sources.includes(`\`${card.name}\``), `${card.name} is named in SOURCES.md`);
      assert.ok(card.text.length < 8192, `${card.name} is under 8 KB`);
    }
  });

  it("a card js-yaml reads gets no syntax error and no unknown property, as a README.md and as a Genesis card", function () {
    let read = 0;
    for (const card of cardFiles()) {
      try {
        jsYaml.load(frontMatterText(card.text));
      } catch {
        continue; // not Hub-valid: nothing to hold us to
      }
      read++;
      for (const filePath of [`models/${card.name}/README.md`, `models/${card.name}/MODEL_CARD.md`]) {
        assert.deepEqual(misreadings(diagnosticsOf(filePath, card.text)), [], `${card.name} as ${filePath}`);
      }
    }
    assert.ok(read >= 8, `js-yaml read only ${read} cards`);
  });

  it("every card with a Hugging Face key is recognised as a model card by its README.md name", function () {
    for (const card of cardFiles()) {
      const front = frontMatterText(card.text);
      if (!/^(?:model-index|library_name|pipeline_tag|base_model)\s*:/m.test(front)) continue;
      const document = parseGenesisDocument({ path: "README.md", text: card.text });
      assert.equal(document?.kind, "ModelCard", card.name);
    }
  });
});

describe("card front matter read as the Hub's tools read it", function () {
  const header = "---\nlicense: apache-2.0\nlibrary_name: transformers\n";

  it("accepts tabs as separators inside a flow sequence, on its line and starting a continuation line, with exact positions", function () {
    for (const tags of ["[nlp,\tbert]", "[nlp,\n\tbert]", "[\n\tnlp,\n\tbert\n  ]"]) {
      const text = `${header}tags: ${tags}\n---\n# Model\n`;
      assert.doesNotThrow(() => jsYaml.load(frontMatterText(text)));
      assert.deepEqual(misreadings(diagnosticsOf("README.md", text)), [], JSON.stringify(tags));
      const document = parseGenesisDocument({ path: "README.md", text });
      assert.deepEqual((document?.tree.value as { tags: unknown }).tags, ["nlp", "bert"]);
      const second = document?.tree.locations.get("/tags/1")?.value;
      assert.ok(second);
      assert.equal(text.slice(second.start, second.end), "bert", "the span is the item as written");
    }
  });

  it("blanks only the tabs that start a line inside a flow collection, keeping the text's length", function () {
    const cases: [string, string][] = [
      ["tags: [a,\n\tb]\n", "tags: [a,\n b]\n"],
      ["- [a,\n\t\tb]\n", "- [a,\n  b]\n"],
      ["x: |\n  [a,\n\tb\n", "x: |\n  [a,\n\tb\n"], // a block scalar's text is not a flow list
      ["k: 'a [b'\n\tc: 1\n", "k: 'a [b'\n\tc: 1\n"], // a bracket inside quotes
      ["a: b # [\n\tc: 1\n", "a: b # [\n\tc: 1\n"], // a bracket inside a comment
      ["w: x [y\n\tz: 1\n", "w: x [y\n\tz: 1\n"], // a bracket inside a plain scalar
    ];
    for (const [source, expected] of cases) {
      const blanked = blankTabsInFlowIndentation(source);
      assert.equal(blanked, expected, JSON.stringify(source));
      assert.equal(blanked.length, source.length);
    }
  });

  it("still reports tabs that indent block content, which js-yaml rejects too", function () {
    const text = `${header}widget:\n- text: hello\n\texample_title: greeting\n---\n`;
    assert.throws(() => jsYaml.load(frontMatterText(text)));
    assert.ok(diagnosticsOf("README.md", text).some((d) => d.rule === "syntax/yaml"));
  });

  it("reads 1e-4 as the string YAML 1.1 makes of it in a card, and as a number in a Genesis YAML file", function () {
    const card = parseGenesisDocument({ path: "README.md", text: `${header}learning_rate: 1e-4\nepsilon: 1.0e-8\nshared: yes\n---\n` });
    assert.deepEqual(card?.tree.value, {
      license: "apache-2.0",
      library_name: "transformers",
      learning_rate: "1e-4",
      epsilon: 1e-8,
      shared: true,
    });
    const manifest = parseGenesisDocument({ path: "a.dataset.yaml", text: "kind: DatasetManifest\nrate: 1e-4\nshared: yes\n" });
    assert.deepEqual(manifest?.tree.value, { kind: "DatasetManifest", rate: 0.0001, shared: "yes" });
  });

  it("knows the keys the Hub documents, with their shapes", function () {
    const text =
      `${header}base_model: org/base\nbase_model_relation: finetune\nnew_version: org/model-v2\nthumbnail: https://example.org/a.png\n` +
      "datasets: org/data\nmetrics: accuracy\ninstance_prompt: a photo of sks dog\ninference:\n  parameters:\n    temperature: 0.7\n" +
      "widget:\n- text: Hello\n  example_title: Greeting\n- source_sentence: a\n  sentences: [b, c]\n" +
      "co2_eq_emissions:\n  emissions: 12.5\n  source: CodeCarbon\n  training_type: fine-tuning\n" +
      "extra_gated_prompt: Agree to the terms\nextra_gated_fields:\n  Name: text\n" +
      "model-index:\n- name: m\n  results:\n  - task: {type: text-classification, name: Classification}\n" +
      "    dataset: {type: glue, name: GLUE, config: cola, split: validation, revision: abc, args: {x: 1}}\n" +
      "    metrics:\n    - {type: accuracy, value: 0.9, name: Accuracy, config: c, args: {k: 1}, verified: false}\n" +
      "    source: {name: Leaderboard, url: https://example.org}\n---\n# Model\n";
    assert.doesNotThrow(() => jsYaml.load(frontMatterText(text)));
    const schemaFindings = diagnosticsOf("README.md", text).filter((d) => d.rule.startsWith("schema/") || d.rule.startsWith("syntax/"));
    assert.deepEqual(
      schemaFindings.map((d) => `${d.rule} ${d.pointer}`),
      [],
    );
  });

  it("checks model-index as the Hub validates it: `tasks:` without a dataset is reported", function () {
    const modelIndex = "model-index:\n- name: m\n  results:\n  - tasks:\n      type: text-classification\n    metrics: []\n";
    const plain = diagnosticsOf("README.md", `${header}${modelIndex}---\n`).map((d) => `${d.rule} ${d.pointer}`);
    assert.ok(plain.includes("schema/unknown-property /model-index/0/results/0/tasks"), plain.join("\n"));
    const genesis = diagnosticsOf("MODEL_CARD.md", `---\napiVersion: genesis/v1\nkind: ModelCard\n${modelIndex}---\n`).map(
      (d) => `${d.rule} ${d.pointer} ${d.message}`,
    );
    assert.ok(
      genesis.some((r) => r.startsWith("schema/required /model-index/0/results/0 ") && r.includes("dataset")),
      genesis.join("\n"),
    );
  });
});

describe("a card whose front matter does not parse", function () {
  // A flow sequence never closed: the parser recovers by reading what follows as fragments.
  const broken =
    "---\nlicense: apache-2.0\nlearning_rat: 0.1\nlibrary_name: transformers\n" +
    "tags: [nlp, bert\nfoo: 1\npipeline_tag: fill-mask\n---\n# M\n";

  it("is still recognised, by its top-level keys, and gets its syntax error", function () {
    const document = parseGenesisDocument({ path: "models/m/README.md", text: broken });
    assert.equal(document?.kind, "ModelCard");
    assert.equal(document?.recognisedBy, "hugging-face");
    assert.ok(diagnosticsOf("models/m/README.md", broken).some((d) => d.rule === "syntax/yaml"));
    const genesis = broken.replace("license: apache-2.0\n", "apiVersion: genesis/v1\nkind: ModelCard\n");
    const named = parseGenesisDocument({ path: "docs/surrogate.md", text: genesis });
    assert.equal(named?.kind, "ModelCard", "kind: ModelCard is found by the scan too");
  });

  it("gets no schema finding from the fragments of the broken region, and keeps those before it", function () {
    const diagnostics = diagnosticsOf("models/m/README.md", broken);
    const brokenAt = broken.indexOf("tags:");
    const schemaAfter = diagnostics.filter((d) => d.rule.startsWith("schema/") && d.span.start >= brokenAt);
    assert.deepEqual(
      schemaAfter.map((d) => `${d.rule} ${d.pointer}`),
      [],
    );
    const before = diagnostics.filter((d) => d.rule === "schema/unknown-property" && d.pointer === "/learning_rat");
    assert.equal(before.length, 1, "an unknown key before the broken region is still reported");
  });

  it("is left alone when it is a README.md without card keys", function () {
    assert.equal(parseGenesisDocument({ path: "README.md", text: "---\ntitle: x\ntags: [a, b\n---\n# Hello\n" }), undefined);
  });
});
