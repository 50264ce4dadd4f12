import * as assert from "node:assert/strict";
import { createRequire } from "node:module";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { applyEdits } from "../../../server/src/core/fixes/apply";
import { fixesFor } from "../../../server/src/core/fixes/fix-providers";
import { engine } from "../harness";

/** js-yaml reads front matter as the Hub's JavaScript tools do; the project has no types for it. */
const jsYaml = createRequire(__filename)("js-yaml") as { load(text: string): unknown };

const README = "README.md";
const CARD = "models/trainer.modelcard.md";

/** A card as the Hugging Face Trainer generates it (transformers' modelcard.py), with the Hub's own keys. */
const TRAINER_BODY = `
# bert-finetuned-spectra

This model is a fine-tuned version of [bert-base-uncased](https://huggingface.co/bert-base-uncased) on an unknown dataset.
It achieves the following results on the evaluation set:
- Loss: 0.2811
- Accuracy: 0.9123

## Model description

More information needed

## Intended uses & limitations

More information needed

## Training and evaluation data

More information needed

## Training procedure

### Training hyperparameters

The following hyperparameters were used during training:
- learning_rate: 2e-05
- train_batch_size: 16
- seed: 42

### Framework versions

- Transformers 4.41.2
- Pytorch 2.3.0
`;

const TRAINER_FRONT = `---
license: apache-2.0
base_model: bert-base-uncased
tags:
- generated_from_trainer
metrics:
- accuracy
model-index:
- name: bert-finetuned-spectra
  results:
  - task:
      type: text-classification
      name: Text Classification
    dataset:
      name: spectra
      type: spectra
    metrics:
    - type: accuracy
      value: 0.9123
      name: Accuracy
---
`;

const TRAINER_CARD = TRAINER_FRONT + TRAINER_BODY;

const GENESIS_FRONT = `---
apiVersion: genesis/v1
kind: ModelCard
id: trainer
---
`;

function diagnostics(path: string, text: string) {
  return engine.analyze({ path, text }).diagnostics;
}

function frontMatterOf(text: string): string {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  assert.ok(match, "the card has front matter");
  return match[1];
}

function convert(text: string): string {
  const analysis = engine.analyze({ path: README, text });
  const diagnostic = analysis.diagnostics.find((d) => d.rule === "modelcard/not-genesis");
  assert.ok(analysis.document && diagnostic, "the card gets modelcard/not-genesis");
  const fixes = fixesFor(analysis.document, diagnostic, { config: DEFAULT_CONFIG });
  const convert = fixes.find((fix) => fix.title === "Convert to a Genesis card");
  assert.ok(convert, `fixes: ${fixes.map((f) => f.title).join(" | ")}`);
  return applyEdits(text, convert.edits);
}

describe("a plain Hugging Face card", () => {
  it("gets one diagnostic, modelcard/not-genesis, counting the missing fields and sections", () => {
    const seen = diagnostics(README, TRAINER_CARD);
    assert.deepEqual(
      seen.map((d) => d.rule),
      ["modelcard/not-genesis"],
    );
    assert.match(seen[0].message, /lacks 13 Genesis fields \(apiVersion, kind, id, version, owner, /);
    assert.match(seen[0].message, /and 10 of the 10 Genesis sections \(Model Details, Uses, /);
    assert.equal(seen[0].severity, "warning");
  });

  it("keeps what the schema says about its Hugging Face keys", () => {
    const text = TRAINER_CARD.replace(
      / {2}- task:\n[\s\S]*?name: spectra\n {6}type: spectra\n/,
      "  - tasks:\n      type: text-classification\n",
    );
    assert.notEqual(text, TRAINER_CARD);
    const seen = diagnostics(README, text);
    const inModelIndex = seen.filter((d) => d.pointer.startsWith("/model-index/0/results/0"));
    assert.ok(
      inModelIndex.some((d) => d.rule === "schema/required" && d.data?.property === "dataset"),
      seen.map((d) => `${d.rule} ${d.pointer}: ${d.message}`).join("\n"),
    );
    assert.equal(seen.filter((d) => d.rule === "modelcard/not-genesis").length, 1);
    assert.deepEqual(
      seen.filter((d) => d.rule.startsWith("modelcard/section")),
      [],
    );
  });

  it("keeps a license other without license_name and license_link, which the Hub documents", () => {
    const seen = diagnostics(README, TRAINER_CARD.replace("license: apache-2.0", "license: other"));
    assert.deepEqual(
      seen.filter((d) => d.rule === "schema/required").map((d) => d.data?.property),
      ["license_name", "license_link"],
    );
  });

  it("gets no section diagnostics even when its front matter is broken", () => {
    const seen = diagnostics(README, "---\nlibrary_name: transformers\npipeline_tag: [unclosed\n---\n# Model\n\n## Uses\nTODO\n");
    assert.deepEqual(
      seen.filter((d) => d.rule.startsWith("modelcard/section")),
      [],
    );
  });
});

describe('"Convert to a Genesis card"', () => {
  const converted = convert(TRAINER_CARD);

  it("leaves a card js-yaml still reads, with every Hugging Face key as it was", () => {
    const before = jsYaml.load(frontMatterOf(TRAINER_CARD)) as Record<string, unknown>;
    const after = jsYaml.load(frontMatterOf(converted)) as Record<string, unknown>;
    for (const [key, value] of Object.entries(before)) assert.deepEqual(after[key], value, key);
    assert.equal(after.apiVersion, "genesis/v1");
    assert.equal(after.kind, "ModelCard");
  });

  it("leaves no schema/required error and no modelcard/not-genesis", () => {
    const seen = diagnostics(README, converted);
    assert.deepEqual(
      seen.filter((d) => d.rule === "schema/required" || d.rule === "modelcard/not-genesis" || d.rule.startsWith("syntax/")),
      [],
    );
  });

  it("gives the card every section, the Hugging Face headings renamed and the text kept", () => {
    const seen = diagnostics(README, converted);
    assert.deepEqual(
      seen.filter((d) => d.rule === "modelcard/section-missing"),
      [],
    );
    assert.ok(
      seen.some((d) => d.rule === "modelcard/section-placeholder"),
      "the inserted TODOs still show",
    );
    const headingsOf = (text: string) => text.split("\n").filter((line) => /^#{2,} /.test(line));
    assert.deepEqual(headingsOf(converted.slice(converted.indexOf("# bert-finetuned-spectra"))), [
      "## Model Details",
      "## Uses",
      "### Out-of-Scope Use",
      "## Bias, Risks, and Limitations",
      "## Evaluation",
      "## Environmental Impact",
      "## Training Details",
      "### Training hyperparameters",
      "## Technical Specifications",
      "## Reproducibility",
      "## Security and Classification",
      "## Risk Management",
    ]);
    const textLines = (text: string) =>
      text.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("#") && !line.startsWith("TODO"));
    assert.deepEqual(textLines(converted.slice(converted.indexOf("# bert-finetuned-spectra"))), textLines(TRAINER_BODY));
  });

  it("adds Out-of-Scope Use to a Uses section the card already has", () => {
    const once = convert("---\nlibrary_name: transformers\n---\n# M\n\n## Uses\nScreening spectra.\n\n## Evaluation\nMAE 0.3.\n");
    assert.match(once, /## Uses\nScreening spectra\.\n\n### Out-of-Scope Use\n\nTODO: describe the uses the model is not suited/);
    assert.deepEqual(
      diagnostics(README, once).filter((d) => d.rule === "modelcard/section-missing"),
      [],
    );
  });

  it("converts a card without a body or sections too, and a second conversion is not offered", () => {
    const bare = "---\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n";
    const once = convert(bare);
    assert.deepEqual(jsYaml.load(frontMatterOf(once)) instanceof Object, true);
    const seen = diagnostics(README, once);
    assert.deepEqual(
      seen.filter((d) => ["schema/required", "modelcard/not-genesis", "modelcard/section-missing"].includes(d.rule)),
      [],
    );
  });
});

describe("Hugging Face headings on a Genesis card", () => {
  it("names the section each heading stands for, on the heading", () => {
    const seen = diagnostics(CARD, GENESIS_FRONT + TRAINER_BODY).filter((d) => d.rule === "modelcard/section-missing");
    const standIns = seen.filter((d) => typeof d.data?.heading === "string").map((d) => [d.data?.heading, d.data?.section]);
    assert.deepEqual(standIns, [
      ["Model description", "Model Details"],
      ["Intended uses & limitations", "Uses"],
      ["Training and evaluation data", "Evaluation"],
      ["Training procedure", "Training Details"],
      ["Framework versions", "Technical Specifications"],
    ]);
    const uses = seen.find((d) => d.data?.section === "Uses");
    assert.match(
      uses?.message ?? "",
      /^"## Intended uses & limitations" is the Hugging Face heading for the Uses section; rename it "## Uses"/,
    );
    const missing = seen.filter((d) => Array.isArray(d.data?.sections));
    assert.deepEqual(
      missing.map((d) => d.data?.sections),
      [["Bias, Risks, and Limitations", "Environmental Impact", "Reproducibility", "Security and Classification", "Risk Management"]],
    );
  });

  it("reads Training and evaluation data as Training Details when nothing else is", () => {
    const body = "# M\n\n## Training and evaluation data\nDFT relaxations.\n\n## Limitations\nLayered oxides only.\n";
    const seen = diagnostics(CARD, GENESIS_FRONT + body).filter((d) => typeof d.data?.heading === "string");
    assert.deepEqual(
      seen.map((d) => [d.data?.heading, d.data?.section]),
      [
        ["Training and evaluation data", "Training Details"],
        ["Limitations", "Bias, Risks, and Limitations"],
      ],
    );
  });

  it("renames the heading with the fix, keeping a comment on its line", () => {
    const text = GENESIS_FRONT + "# M\n\n## Limitations <!-- reviewed -->\nLayered oxides only.\n";
    const analysis = engine.analyze({ path: CARD, text });
    const diagnostic = analysis.diagnostics.find((d) => d.data?.heading === "Limitations <!-- reviewed -->");
    assert.ok(analysis.document && diagnostic);
    const [fix] = fixesFor(analysis.document, diagnostic, { config: DEFAULT_CONFIG });
    assert.equal(fix.title, 'Rename "Limitations" to "## Bias, Risks, and Limitations"');
    assert.match(applyEdits(text, fix.edits), /\n## Bias, Risks, and Limitations <!-- reviewed -->\nLayered oxides only\.\n$/);
  });

  it("leaves a Hugging Face heading alone when its section is there", () => {
    const body = "# M\n\n## Bias, Risks, and Limitations\nOxides.\n\n## Limitations\nMore.\n";
    const seen = diagnostics(CARD, GENESIS_FRONT + body).filter((d) => typeof d.data?.heading === "string");
    assert.deepEqual(seen, []);
  });
});
