import * as assert from "node:assert/strict";
import { CARD_SECTIONS } from "../../../server/src/core/rules/sections";
import { configWith, diagnose, engine, expectWants } from "../harness";

const SECTION_RULES = ["modelcard/section-missing", "modelcard/section-placeholder"];
const CARD_SECTION_TITLES = CARD_SECTIONS.map((section) => section.title);
const CARD = "models/surrogate.modelcard.md";

const FRONT = "---\napiVersion: genesis/v1\nkind: ModelCard\nid: surrogate\n---\n";

/** A body with every section of docs/formats/model-card.md#sections filled in; tests replace or remove parts of it. */
const COMPLETE_BODY = `# Cathode surrogate

## Model Details
A graph network that predicts relaxed lattice parameters.

## Uses
Screening candidate cathode materials.

### Out-of-Scope Use
Not for safety qualification.

## Bias, Risks, and Limitations
Trained on layered oxides only.

## Training Details
DFT relaxations, 40 epochs.

## Evaluation
RMSE 0.012 Å on the held-out split.

## Environmental Impact
12 GPU hours.

## Technical Specifications
MACE architecture.

## Reproducibility
MLflow run 3f2a9c, seed 42.

## Security and Classification
Internal.

## Risk Management
MAP-2.3, residual risk low.
`;

function data(text: string, rule: string, path = CARD): Record<string, unknown>[] {
  return engine
    .analyze({ path, text })
    .diagnostics.filter((d) => d.rule === rule)
    .map((d) => d.data ?? {});
}

function noInternalErrors(path: string, text: string): void {
  const internal = diagnose(path, text).filter((d) => d.rule === "internal/rule-error");
  assert.deepEqual(internal, []);
}

describe("modelcard/section-missing", () => {
  it("stays silent on a card with every section", () => {
    expectWants(CARD, FRONT + COMPLETE_BODY, { rules: SECTION_RULES });
  });

  it("reports all missing sections in one diagnostic, on the card's title", () => {
    const body = COMPLETE_BODY.replace("# Cathode surrogate", "# Cathode surrogate <!-- want: modelcard/section-missing -->")
      .replace("## Evaluation\nRMSE 0.012 Å on the held-out split.\n\n", "")
      .replace("## Environmental Impact\n12 GPU hours.\n\n", "");
    const [seen] = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.match(seen.message, /^The card lacks 2 of the 10 model card sections: "## Evaluation" \(how the model was evaluated/);
    assert.match(seen.message, /"## Environmental Impact" \(the hardware, compute hours/);
    assert.equal(seen.severity, "warning");
    assert.match(seen.covered, /^# Cathode surrogate/);
    assert.deepEqual(data(FRONT + body, "modelcard/section-missing"), [{ sections: ["Evaluation", "Environmental Impact"], level: 2 }]);
  });

  it("says where a single missing section goes", () => {
    const text = FRONT + COMPLETE_BODY.replace("## Evaluation\nRMSE 0.012 Å on the held-out split.\n\n", "");
    const [seen] = diagnose(CARD, text).filter((d) => d.rule === "modelcard/section-missing");
    assert.match(
      seen.message,
      /^The card has no "## Evaluation" section; add it after "## Training Details", with how the model was evaluated/,
    );
  });

  it("carries the section and level for a quick fix", () => {
    const text = FRONT + COMPLETE_BODY.replace("## Evaluation\nRMSE 0.012 Å on the held-out split.\n\n", "");
    assert.deepEqual(data(text, "modelcard/section-missing"), [{ sections: ["Evaluation"], level: 2 }]);
  });

  it("warns when Uses, Bias/Risks/Limitations or Evaluation is among the missing, and informs for the others alone", () => {
    const severities = (text: string) =>
      diagnose(CARD, text)
        .filter((d) => d.rule === "modelcard/section-missing")
        .map((d) => d.severity);
    assert.deepEqual(severities(FRONT + "# Title\n"), ["warning"]);
    for (const key of ["## Uses\n", "## Bias, Risks, and Limitations\n", "## Evaluation\n"]) {
      const section = new RegExp(`${key}[^#]*(### Out-of-Scope Use\\n[^#]*)?`);
      assert.deepEqual(severities(FRONT + COMPLETE_BODY.replace(section, "")), ["warning"], key);
    }
    const withoutInfoSections = COMPLETE_BODY.replace("## Model Details\nA graph network that predicts relaxed lattice parameters.\n\n", "")
      .replace("## Environmental Impact\n12 GPU hours.\n\n", "")
      .replace("## Risk Management\nMAP-2.3, residual risk low.\n", "");
    assert.deepEqual(severities(FRONT + withoutInfoSections), ["info"]);
  });

  it("raises missing key sections to an error in the release profile, never missing info ones", () => {
    const release = configWith({ profile: "release" });
    const severities = (text: string) =>
      diagnose(CARD, text, release)
        .filter((d) => d.rule === "modelcard/section-missing")
        .map((d) => d.severity);
    assert.deepEqual(severities(FRONT + "# Title\n"), ["error"]);
    assert.deepEqual(severities(FRONT + COMPLETE_BODY.replace("## Environmental Impact\n12 GPU hours.\n\n", "")), ["info"]);
  });

  it("matches headings case-insensitively, with spaces, trailing colons and & for and", () => {
    const body = COMPLETE_BODY.replace("## Evaluation", "##   evaluation:  ")
      .replace("## Bias, Risks, and Limitations", "## Bias, Risks & Limitations")
      .replace("## Security and Classification", "## SECURITY & CLASSIFICATION:")
      .replace("### Out-of-Scope Use", "### Out of scope uses");
    expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
  });

  it("accepts the Hugging Face spelling Bias, Risks and Limitations", () => {
    expectWants(CARD, FRONT + COMPLETE_BODY.replace("## Bias, Risks, and Limitations", "## Bias, Risks and Limitations"), {
      rules: SECTION_RULES,
    });
  });

  it("ignores headings inside fenced code blocks", () => {
    const body = COMPLETE_BODY.replace("# Cathode surrogate", "# Cathode surrogate <!-- want: modelcard/section-missing -->").replace(
      "## Evaluation\nRMSE 0.012 Å on the held-out split.\n",
      "```markdown\n## Evaluation\nRMSE\n```\n",
    );
    const seen = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.match(seen[0].message, /"## Evaluation"/);
  });

  it("reports a section heading at the wrong level on that heading", () => {
    const body = COMPLETE_BODY.replace("## Evaluation", "### Evaluation <!-- want: modelcard/section-missing -->");
    const [seen] = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.match(seen.message, /level-3 heading; the Evaluation section must be a level-2 heading, "## Evaluation"/);
    assert.equal(seen.severity, "warning");
  });

  it("reports a missing Out-of-Scope Use on the Uses heading, as a warning", () => {
    const body = COMPLETE_BODY.replace("## Uses", "## Uses <!-- want: modelcard/section-missing -->").replace(
      "### Out-of-Scope Use\nNot for safety qualification.\n\n",
      "",
    );
    const [seen] = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.match(seen.message, /"## Uses" has no "### Out-of-Scope Use" subsection/);
    assert.equal(seen.severity, "warning");
    assert.deepEqual(data(FRONT + body, "modelcard/section-missing"), [{ section: "Out-of-Scope Use", level: 3, parent: "Uses" }]);
    assert.equal(
      diagnose(CARD, FRONT + body, configWith({ profile: "release" })).find((d) => d.rule === "modelcard/section-missing")?.severity,
      "error",
    );
  });

  it("accepts Out-of-Scope Use at any level below 3 inside Uses", () => {
    const body = COMPLETE_BODY.replace("### Out-of-Scope Use", "### Direct Use\nResearch.\n\n#### Out-of-Scope Use");
    expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
  });

  it("reports an Out-of-Scope Use heading outside Uses on that heading", () => {
    const body = COMPLETE_BODY.replace("### Out-of-Scope Use\nNot for safety qualification.\n\n", "").replace(
      "## Training Details",
      "## Out-of-Scope Use <!-- want: modelcard/section-missing -->\nNot for safety.\n\n## Training Details",
    );
    const [seen] = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.match(seen.message, /is not inside "## Uses"; move it there as a level-3 heading/);
  });

  it("falls back to the front matter's closing fence when the card has no title", () => {
    const body = COMPLETE_BODY.replace("# Cathode surrogate\n", "").replace("## Risk Management\nMAP-2.3, residual risk low.\n", "");
    const seen = diagnose(CARD, FRONT + body).filter((d) => d.rule === "modelcard/section-missing");
    assert.equal(seen.length, 1);
    assert.equal(seen[0].line, 4);
    assert.equal(seen[0].covered, "---");
    assert.match(seen[0].message, /after "## Security and Classification"/);
  });

  it("falls back to the first line of a card without front matter, and still checks the body", () => {
    const text = "Draft card.\n\n## Evaluation\nTBD\n";
    const seen = diagnose(CARD, text);
    assert.ok(
      seen.some((d) => d.rule === "schema/header"),
      "the missing front matter is reported",
    );
    const missing = seen.filter((d) => d.rule === "modelcard/section-missing");
    assert.equal(missing.length, 1);
    assert.equal((data(text, "modelcard/section-missing")[0].sections as string[]).length, 9);
    assert.ok(missing.every((d) => d.line === 0 && d.covered === "Draft card."));
    assert.deepEqual(
      seen.filter((d) => d.rule === "modelcard/section-placeholder").map((d) => [d.line, d.covered]),
      [[3, "TBD"]],
    );
  });

  it("handles CRLF line endings", () => {
    const text = (FRONT + COMPLETE_BODY.replace("## Evaluation\nRMSE 0.012 Å on the held-out split.\n\n", "")).replace(/\n/g, "\r\n");
    const [seen] = diagnose(CARD, text).filter((d) => d.rule === "modelcard/section-missing");
    assert.equal(seen.covered, "# Cathode surrogate");
  });

  it("can be suppressed on the title line with a reason", () => {
    const body = COMPLETE_BODY.replace(
      "# Cathode surrogate",
      "# Cathode surrogate <!-- genesis-ignore modelcard/section-missing: draft, evaluation pending -->",
    ).replace("## Evaluation\nRMSE 0.012 Å on the held-out split.\n\n", "");
    const seen = diagnose(CARD, FRONT + body);
    assert.deepEqual(
      seen.filter((d) => d.rule === "modelcard/section-missing" || d.rule === "suppress/no-reason"),
      [],
    );
  });

  it("does not check sections of a YAML model card", () => {
    const seen = diagnose("models/surrogate.model.yaml", "apiVersion: genesis/v1\nkind: ModelCard\nid: surrogate\n");
    assert.deepEqual(
      seen.filter((d) => SECTION_RULES.includes(d.rule)),
      [],
    );
  });

  it("never throws on odd documents", () => {
    for (const text of [
      "",
      "---\n",
      "---\n- a\n- b\n---\n## Uses\n",
      "---\nkind: ModelCard\n---\n#\n##\n###\n",
      "## Uses\n### Out-of-Scope Use\n<!-- unterminated",
      "\uFEFF---\nkind: ModelCard\n---\n",
    ]) {
      noInternalErrors(CARD, text);
    }
  });
});

describe("modelcard/section-placeholder", () => {
  it("reports the Hugging Face placeholder on its exact text", () => {
    const body = COMPLETE_BODY.replace(
      "RMSE 0.012 Å on the held-out split.",
      "Results: [More Information Needed] <!-- want: modelcard/section-placeholder -->",
    );
    const [seen] = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.equal(seen.covered, "[More Information Needed]");
    assert.equal(seen.severity, "warning");
    assert.match(seen.message, /placeholder in the Evaluation section; replace it with how the model was evaluated/);
  });

  it("reports TODO and TBD as whole upper-case words only, once per section", () => {
    const body = COMPLETE_BODY.replace(
      "DFT relaxations, 40 epochs.",
      "DFT relaxations, TODO: epochs. <!-- want: modelcard/section-placeholder -->\n" +
        "Batch size _TBD_.\nTodo, TODOs, MASTODON, TBDX are words.",
    );
    const seen = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.deepEqual(
      seen.map((d) => [d.covered, d.severity]),
      [["TODO", "info"]],
    );
    assert.match(seen[0].message, /"TODO" is a placeholder in the Training Details section \(and 1 more placeholder in it\); replace them/);
    assert.deepEqual(data(FRONT + body, "modelcard/section-placeholder"), [{ section: "Training Details", placeholder: "TODO", count: 2 }]);
  });

  it("counts the placeholders of subsections with their section, in one diagnostic", () => {
    const body = COMPLETE_BODY.replace(
      "Screening candidate cathode materials.",
      "### Direct Use\n[More Information Needed] <!-- want: modelcard/section-placeholder -->\n" +
        "### Downstream Use\n[more information needed]",
    );
    expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.deepEqual(data(FRONT + body, "modelcard/section-placeholder"), [
      { section: "Uses", placeholder: "[More Information Needed]", count: 2 },
    ]);
  });

  it('reads the Trainer\'s "More information needed" as the placeholder', () => {
    const body = COMPLETE_BODY.replace("12 GPU hours.", "More information needed <!-- want: modelcard/section-placeholder -->");
    const [seen] = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.equal(seen.covered, "More information needed");
  });

  it("names Out-of-Scope Use for a placeholder inside it", () => {
    const body = COMPLETE_BODY.replace("Not for safety qualification.", "TBD <!-- want: modelcard/section-placeholder -->");
    const [seen] = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.match(seen.message, /in the Out-of-Scope Use section; replace it with the uses the model is not suited or not approved for/);
    assert.equal(seen.severity, "warning");
  });

  it("ignores placeholders inside HTML comments", () => {
    const body = COMPLETE_BODY.replace(
      "12 GPU hours.",
      "12 GPU hours. <!-- TODO: add the carbon estimate -->\n<!--\n[More Information Needed]\n-->",
    );
    expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
  });

  it("reports an empty section (only blanks and comments) on its heading", () => {
    const body = COMPLETE_BODY.replace(
      "## Evaluation\nRMSE 0.012 Å on the held-out split.",
      "## Evaluation <!-- want: modelcard/section-placeholder -->\n<!-- Describe the evaluation. -->\n   ",
    ).replace(
      "## Technical Specifications\nMACE architecture.",
      "## Technical Specifications <!-- want: modelcard/section-placeholder -->",
    );
    const seen = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.match(seen[0].message, /The "## Evaluation .*" section is empty; write how the model was evaluated/);
    assert.equal(seen[0].severity, "warning");
    assert.equal(seen[1].severity, "info");
    assert.deepEqual(data(FRONT + body, "modelcard/section-placeholder"), [
      { section: "Evaluation", empty: true },
      { section: "Technical Specifications", empty: true },
    ]);
  });

  it("counts a section holding only empty subsections as empty", () => {
    const body = COMPLETE_BODY.replace(
      "## Training Details\nDFT relaxations, 40 epochs.",
      "## Training Details <!-- want: modelcard/section-placeholder -->\n### Training Data\n\n### Training Procedure\n",
    );
    expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
  });

  it("reports an empty Uses once, not its empty Out-of-Scope Use as well", () => {
    const body = COMPLETE_BODY.replace(
      "## Uses\nScreening candidate cathode materials.\n\n### Out-of-Scope Use\nNot for safety qualification.",
      "## Uses <!-- want: modelcard/section-placeholder -->\n\n### Out-of-Scope Use\n",
    );
    expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    const emptyUses = COMPLETE_BODY.replace(
      "## Uses\nScreening candidate cathode materials.\n\n### Out-of-Scope Use\nNot for safety qualification.",
      "## Uses <!-- want: modelcard/section-placeholder -->\n",
    );
    expectWants(CARD, FRONT + emptyUses, { rules: SECTION_RULES });
  });

  it("reports an empty Out-of-Scope Use on its heading", () => {
    const body = COMPLETE_BODY.replace(
      "### Out-of-Scope Use\nNot for safety qualification.",
      "### Out-of-Scope Use <!-- want: modelcard/section-placeholder -->\n<!-- none yet -->",
    );
    const [seen] = expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
    assert.equal(seen.severity, "warning");
  });

  it("raises key-section placeholders to errors in the release profile only", () => {
    const body = COMPLETE_BODY.replace("RMSE 0.012 Å on the held-out split.", "TBD").replace("12 GPU hours.", "TBD");
    const seen = diagnose(CARD, FRONT + body, configWith({ profile: "release" })).filter((d) => d.rule === "modelcard/section-placeholder");
    assert.deepEqual(
      seen.map((d) => d.severity),
      ["error", "info"],
    );
  });

  it("can be suppressed on the line before with a reason", () => {
    const body = COMPLETE_BODY.replace(
      "RMSE 0.012 Å on the held-out split.",
      "<!-- genesis-ignore modelcard/section-placeholder: results land next sprint -->\nRMSE TBD on the held-out split.",
    );
    const seen = diagnose(CARD, FRONT + body);
    assert.deepEqual(
      seen.filter((d) => d.rule === "modelcard/section-placeholder" || d.rule === "suppress/no-reason"),
      [],
    );
  });

  it("leaves sections outside docs/formats/model-card.md#sections alone", () => {
    const body = COMPLETE_BODY + "\n## Citation\n[More Information Needed]\n\n## Glossary\n";
    expectWants(CARD, FRONT + body, { rules: SECTION_RULES });
  });
});

describe("modelcard/not-genesis", () => {
  const HF = "README.md";

  it("warns once, on the first front matter key, and lists only the missing Genesis fields", () => {
    const text =
      "---\nlicense: mit # want: modelcard/not-genesis\nlibrary_name: transformers\n" +
      "pipeline_tag: time-series-forecasting\nowner: { name: Ada }\n---\n# Model\n\n## Evaluation\nMAE 0.3.\n";
    const [seen] = expectWants(HF, text, { rules: ["modelcard/not-genesis", "schema/required", "schema/header"] });
    assert.equal(seen.covered, "license");
    assert.match(seen.message, /^This Hugging Face card is not yet Genesis-ready/);
    assert.match(
      seen.message,
      new RegExp(
        /lacks 12 Genesis fields \(apiVersion, kind, id, version, contact, classification, /.source +
          /training, evaluation, artifacts, intendedUse, outOfScopeUse, risk\) and 9 of the 10 Genesis sections \(Model Details, /.source,
      ),
    );
    assert.match(seen.message, /"Convert to a Genesis card" adds them/);
    assert.deepEqual(data(text, "modelcard/not-genesis", HF), [
      {
        missing: [
          "apiVersion",
          "kind",
          "id",
          "version",
          "contact",
          "classification",
          "training",
          "evaluation",
          "artifacts",
          "intendedUse",
          "outOfScopeUse",
          "risk",
        ],
        sections: CARD_SECTION_TITLES.filter((title) => title !== "Evaluation"),
      },
    ]);
  });

  it("lists license when the Hugging Face card has none", () => {
    const text = "---\nlibrary_name: transformers\n---\n";
    const [missing] = data(text, "modelcard/not-genesis", HF);
    assert.ok((missing.missing as string[]).includes("license"));
  });

  it("is silent on a README card that has the Genesis header", () => {
    const text = "---\napiVersion: genesis/v1\nkind: ModelCard\nlibrary_name: transformers\n---\n";
    assert.deepEqual(data(text, "modelcard/not-genesis", HF), []);
  });

  it("is silent on a card recognised by its file name", () => {
    const text = "---\nlibrary_name: transformers\n---\n# Model\n";
    assert.deepEqual(data(text, "modelcard/not-genesis"), []);
  });

  it("can be suppressed with a reason", () => {
    const text = "---\n# genesis-ignore modelcard/not-genesis: upstream card, mirrored as is\nlibrary_name: transformers\n---\n";
    const seen = diagnose(HF, text).filter((d) => d.rule === "modelcard/not-genesis" || d.rule === "suppress/no-reason");
    assert.deepEqual(seen, []);
  });

  it("never throws on odd Hugging Face front matter", () => {
    for (const text of [
      "---\nlibrary_name: null\nrisk: [1, 2]\ntraining: 3\n---\n",
      "---\npipeline_tag: [text-generation]\n---\n## Uses\n",
    ])
      noInternalErrors(HF, text);
  });
});
