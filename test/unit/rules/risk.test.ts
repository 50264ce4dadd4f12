import * as assert from "node:assert/strict";
import { Engine } from "../../../server/src/core/engine";
import { configWith, diagnose, engine, expectWants } from "../harness";

const CARD = "models/surrogate.model.yaml";
const RMF = ["risk/rmf-id"];
const GENERATIVE = ["risk/generative"];

/** A card's header and a risk block; the other required fields do not matter to these rules. */
function card(risk: string, extra = ""): string {
  return `apiVersion: genesis/v1\nkind: ModelCard\nid: surrogate\n${extra}${risk}`;
}

function reportsOn(path: string, text: string, rule: string): { message: string; pointer: string; data?: Record<string, unknown> }[] {
  return engine
    .analyze({ path, text })
    .diagnostics.filter((d) => d.rule === rule)
    .map((d) => ({ message: d.message, pointer: d.pointer, data: d.data }));
}

function noInternalErrors(path: string, text: string): void {
  assert.deepEqual(
    diagnose(path, text).filter((d) => d.rule === "internal/rule-error"),
    [],
  );
}

describe("risk/rmf-id", () => {
  it("accepts every category and the first and last subcategory of each", () => {
    const ids = [
      "GOVERN-1",
      "GOVERN-1.1",
      "GOVERN-1.7",
      "GOVERN-2.3",
      "GOVERN-3.2",
      "GOVERN-4.3",
      "GOVERN-5.2",
      "GOVERN-6",
      "GOVERN-6.2",
      "MAP-1.6",
      "MAP-2.3",
      "MAP-3.5",
      "MAP-4.2",
      "MAP-5",
      "MAP-5.2",
      "MEASURE-1.3",
      "MEASURE-2.13",
      "MEASURE-3.3",
      "MEASURE-4",
      "MEASURE-4.3",
      "MANAGE-1.4",
      "MANAGE-2.4",
      "MANAGE-3.2",
      "MANAGE-4",
      "MANAGE-4.3",
    ];
    expectWants(CARD, card(`risk:\n  rmf:\n${ids.map((id) => `    - ${id}\n`).join("")}  residual: low\n`), { rules: RMF });
  });

  it("reports unknown ids in block and flow lists, each on its item", () => {
    const text = card(`risk:
  rmf:
    - GOVERN-2
    - MEASURE-7 # want: risk/rmf-id
    - MAP-2.7 # want: risk/rmf-id
  residual: low
extra:
  rmf: [MAP-9]
`);
    expectWants(CARD, text, { rules: RMF });
    const flow = card("risk: { rmf: [GOVERN-1.8, MAP-1], residual: low } # want: risk/rmf-id\n");
    const [seen] = expectWants(CARD, flow, { rules: RMF });
    assert.equal(seen.covered, "GOVERN-1.8");
  });

  it("names the category range when a category is out of range", () => {
    const [seen] = reportsOn(CARD, card("risk:\n  rmf: [MEASURE-7]\n"), "risk/rmf-id");
    assert.equal(seen.pointer, "/risk/rmf/0");
    assert.match(seen.message, /"MEASURE-7" is not an AI RMF 1\.0 category: MEASURE has categories 1–4/);
    assert.match(reportsOn(CARD, card("risk:\n  rmf: [GOVERN-0]\n"), "risk/rmf-id")[0].message, /GOVERN has categories 1–6/);
  });

  it("names the subcategory range when a subcategory is out of range", () => {
    const [seen] = reportsOn(CARD, card("risk:\n  rmf: [ok, MEASURE-2.14]\n"), "risk/rmf-id").slice(1);
    assert.equal(seen.pointer, "/risk/rmf/1");
    assert.match(seen.message, /"MEASURE-2\.14" is not an AI RMF 1\.0 subcategory: MEASURE 2 has subcategories 2\.1–2\.13/);
    assert.match(reportsOn(CARD, card("risk:\n  rmf: [MANAGE-3.0]\n"), "risk/rmf-id")[0].message, /MANAGE 3 has subcategories 3\.1–3\.2/);
  });

  it("suggests the canonical form for lower case, abbreviations, spaces and misspellings", () => {
    const cases: [string, string, RegExp][] = [
      ["map-2.3", "MAP-2.3", /upper case/],
      ["MP-2.3", "MAP-2.3", /Playbook abbreviation "MP"/],
      ["GOVERN 1.1", "GOVERN-1.1", /FUNCTION-category\[\.subcategory\]/],
      ["MESURE-2", "MEASURE-2", /"MESURE" is not an AI RMF function/],
      ["MAP-02", "MAP-2", /FUNCTION-category/],
      ["GV-1.1-001", "GOVERN-1.1", /AI 600-1 suggested-action id/],
    ];
    for (const [written, canonical, why] of cases) {
      const [seen] = reportsOn(CARD, card(`risk:\n  rmf: ["${written}"]\n`), "risk/rmf-id");
      assert.ok(seen, `${written} is reported`);
      assert.match(seen.message, why);
      assert.ok(seen.message.endsWith(`write "${canonical}".`), seen.message);
      assert.deepEqual(seen.data, { replacement: canonical });
    }
  });

  it("reports the range of what a loosely written id would mean", () => {
    const [seen] = reportsOn(CARD, card("risk:\n  rmf: [map-9]\n"), "risk/rmf-id");
    assert.match(seen.message, /"map-9" \(read as "MAP-9"\) is not an AI RMF 1\.0 category: MAP has categories 1–5/);
    assert.equal(seen.data, undefined);
  });

  it("names the functions for an unknown function and the form for free text", () => {
    const [unknown, text] = reportsOn(CARD, card("risk:\n  rmf: [RISK-1, privacy review]\n"), "risk/rmf-id");
    assert.match(unknown.message, /"RISK" is not one of GOVERN, MAP, MEASURE, MANAGE/);
    assert.match(text.message, /"privacy review" is not an AI RMF 1\.0 id; write FUNCTION-category/);
  });

  it("reports non-string items instead of a schema type error", () => {
    const text = card(
      "risk:\n  rmf:\n    - 2.3 # want: risk/rmf-id\n    - null # want: risk/rmf-id\n" +
        "    - [MAP-1] # want: risk/rmf-id\n    - { id: MAP-1 } # want: risk/rmf-id\n  residual: low\n",
    );
    expectWants(CARD, text, { rules: [...RMF, "schema/type"] });
    assert.match(reportsOn(CARD, text, "risk/rmf-id")[0].message, /The number 2\.3 is not an AI RMF 1\.0 id; write a string/);
    noInternalErrors(CARD, text);
  });

  it("checks the JSON form", () => {
    const text = JSON.stringify(
      { apiVersion: "genesis/v1", kind: "ModelCard", risk: { rmf: ["MAP-2.3", "measure-2.7", "MANAGE-5"], residual: "low" } },
      null,
      2,
    );
    const seen = diagnose("models/surrogate.model.json", text).filter((d) => d.rule === "risk/rmf-id");
    assert.deepEqual(
      seen.map((d) => d.covered),
      ['"measure-2.7"', '"MANAGE-5"'],
    );
  });

  it("checks the front matter of a Markdown card", () => {
    const text = "---\napiVersion: genesis/v1\nkind: ModelCard\nrisk:\n  rmf: [MAP-6]\n---\n# Card\n";
    const [seen] = diagnose("models/surrogate.modelcard.md", text).filter((d) => d.rule === "risk/rmf-id");
    assert.equal(seen.line, 4);
    assert.equal(seen.covered, "MAP-6");
  });

  it("leaves a missing or non-list rmf to the schema", () => {
    for (const risk of ["risk:\n  residual: low\n", "risk:\n  rmf: MAP-1\n", "risk: 3\n", "risk:\n", "risk:\n  rmf: { a: 1 }\n"]) {
      assert.deepEqual(reportsOn(CARD, card(risk), "risk/rmf-id"), [], risk);
      noInternalErrors(CARD, card(risk));
    }
  });

  it("can be suppressed with a reason", () => {
    const text = card(
      "risk:\n  rmf:\n    # genesis-ignore risk/rmf-id: internal taxonomy id, mapped in the binder\n" +
        "    - LAB-7\n    - MAP-9 # genesis-ignore risk/rmf-id: draft\n",
    );
    assert.deepEqual(
      diagnose(CARD, text).filter((d) => d.rule === "risk/rmf-id" || d.rule === "suppress/no-reason"),
      [],
    );
  });
});

describe("risk/generative", () => {
  it("warns on the risk key of a generative card without risk.generative", () => {
    const text = card("risk: # want: risk/generative\n  rmf: [MAP-1]\n  residual: low\n", "pipeline_tag: text-generation\n");
    const [seen] = expectWants(CARD, text, { rules: GENERATIVE });
    assert.equal(seen.covered, "risk");
    assert.equal(seen.severity, "warning");
    assert.match(seen.message, /"text-generation" is a generative task, so risk\.generative must list the NIST AI 600-1 risks/);
    assert.match(seen.message, /confabulation/);
    assert.match(seen.message, /information-integrity/);
  });

  it("warns on an empty or null generative list, on the list", () => {
    for (const list of ["[]", "null"]) {
      const text = card(
        `risk:\n  rmf: [MAP-1]\n  generative: ${list} # want: risk/generative\n  residual: low\n`,
        "pipeline_tag: text-to-image\n",
      );
      const [seen] = expectWants(CARD, text, { rules: [...GENERATIVE, "schema/type"] });
      assert.match(seen.message, /risk\.generative is empty/);
    }
  });

  it("warns on pipeline_tag when the card has no risk at all", () => {
    const text = card("", "pipeline_tag: image-to-text # want: risk/generative\n");
    const [seen] = expectWants(CARD, text, { rules: GENERATIVE });
    assert.equal(seen.covered, "image-to-text");
    assert.deepEqual(reportsOn(CARD, text, "risk/generative")[0].data, { pipelineTag: "image-to-text" });
  });

  it("is silent when risk.generative lists risks", () => {
    const text = card(
      "risk:\n  rmf: [MAP-1]\n  generative: [confabulation, data-privacy]\n  residual: low\n",
      "pipeline_tag: text-generation\n",
    );
    expectWants(CARD, text, { rules: GENERATIVE });
  });

  it("is silent for tasks that do not generate content", () => {
    for (const tag of [
      "time-series-forecasting",
      "text-classification",
      "automatic-speech-recognition",
      "fill-mask",
      "question-answering",
    ]) {
      const text = card("risk:\n  rmf: [MAP-1]\n  residual: low\n", `pipeline_tag: ${tag}\n`);
      assert.deepEqual(reportsOn(CARD, text, "risk/generative"), [], tag);
    }
  });

  it("covers the generative tasks of the Hugging Face hub", () => {
    for (const tag of [
      "text2text-generation",
      "image-text-to-text",
      "text-to-speech",
      "text-to-audio",
      "text-to-video",
      "image-to-image",
      "visual-question-answering",
      "summarization",
      "any-to-any",
    ]) {
      const text = card("risk:\n  rmf: [MAP-1]\n  residual: low\n", `pipeline_tag: ${tag}\n`);
      assert.equal(reportsOn(CARD, text, "risk/generative").length, 1, tag);
    }
  });

  it("is raised to an error in the release profile", () => {
    const text = card("risk:\n  rmf: [MAP-1]\n  residual: low\n", "pipeline_tag: text-generation\n");
    const [seen] = diagnose(CARD, text, configWith({ profile: "release" })).filter((d) => d.rule === "risk/generative");
    assert.equal(seen.severity, "error");
  });

  it("checks the JSON form", () => {
    const text = JSON.stringify(
      { apiVersion: "genesis/v1", kind: "ModelCard", pipeline_tag: "text-generation", risk: { rmf: ["MAP-1"], residual: "low" } },
      null,
      2,
    );
    const [seen] = diagnose("models/surrogate.model.json", text).filter((d) => d.rule === "risk/generative");
    assert.equal(seen.covered, '"risk"');
  });

  it("leaves a Hugging Face card without the Genesis header to modelcard/not-genesis", () => {
    const text = "---\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n# Model\n";
    assert.deepEqual(reportsOn("README.md", text, "risk/generative"), []);
    assert.equal(reportsOn("README.md", text, "modelcard/not-genesis").length, 1);
  });

  it("can be suppressed with a reason", () => {
    const text = card(
      "# genesis-ignore risk/generative: assessed in the binder, GOV-12\nrisk:\n  rmf: [MAP-1]\n",
      "pipeline_tag: text-generation\n",
    );
    assert.deepEqual(
      diagnose(CARD, text).filter((d) => d.rule === "risk/generative" || d.rule === "suppress/no-reason"),
      [],
    );
  });

  it("never throws on odd values", () => {
    for (const [tag, risk] of [
      ["[text-generation]", "risk: { rmf: [MAP-1] }\n"],
      ["text-generation", "risk: high\n"],
      ["text-generation", "risk:\n  generative: confabulation\n"],
      ["42", "risk: null\n"],
      ["null", ""],
    ]) {
      noInternalErrors(CARD, card(risk, `pipeline_tag: ${tag}\n`));
    }
    assert.deepEqual(reportsOn(CARD, card("risk: high\n", "pipeline_tag: text-generation\n"), "risk/generative"), []);
  });
});

describe("risk/review-overdue", () => {
  const TODAY = "2026-12-07";
  const dated = new Engine({ today: () => TODAY });
  const OVERDUE = "risk/review-overdue";

  function overdue(text: string, checker: Engine = dated, path = CARD) {
    return checker
      .analyze({ path, text })
      .diagnostics.filter((d) => d.rule === OVERDUE)
      .map((d) => ({ message: d.message, pointer: d.pointer, severity: d.severity, data: d.data }));
  }

  it("warns on a review date in the past, with the date, the days overdue and what to do", () => {
    const found = overdue(card("risk:\n  rmf: [MAP-1]\n  reviewDate: 2026-11-07\n"));
    assert.equal(found.length, 1);
    assert.equal(found[0].pointer, "/risk/reviewDate");
    assert.equal(found[0].severity, "warning");
    assert.match(found[0].message, /2026-11-07/);
    assert.match(found[0].message, /30 days ago/);
    assert.match(found[0].message, /Review the model's risks, then set risk\.reviewDate to the date of the next review/);
    assert.deepEqual(found[0].data, { reviewDate: "2026-11-07", today: TODAY, daysOverdue: 30 });
  });

  it("says one day for yesterday, and accepts today and later dates", () => {
    assert.match(overdue(card("risk: { rmf: [MAP-1], reviewDate: 2026-12-06 }\n"))[0].message, /1 day ago/);
    assert.deepEqual(overdue(card("risk: { rmf: [MAP-1], reviewDate: 2026-12-07 }\n")), []);
    assert.deepEqual(overdue(card("risk: { rmf: [MAP-1], reviewDate: 2027-01-01 }\n")), []);
  });

  it("counts across years and leap days", () => {
    assert.equal(overdue(card("risk: { rmf: [MAP-1], reviewDate: 2023-12-07 }\n"))[0].data?.daysOverdue, 1096);
  });

  it("reads a quoted date and a Markdown card's front matter", () => {
    assert.equal(overdue(card('risk: { rmf: [MAP-1], reviewDate: "2026-01-01" }\n')).length, 1);
    const markdown = `---\n${card("risk:\n  rmf: [MAP-1]\n  reviewDate: 2025-10-21\n")}---\n\n# Model\n`;
    assert.equal(overdue(markdown, dated, "models/surrogate.modelcard.md").length, 1);
  });

  it("does not run without today's date", () => {
    assert.deepEqual(overdue(card("risk: { rmf: [MAP-1], reviewDate: 2020-01-01 }\n"), engine), []);
  });

  it("leaves a date that is not YYYY-MM-DD to the schema, and never throws on odd values", () => {
    for (const risk of [
      "risk: { reviewDate: 2026-13-01 }\n",
      "risk: { reviewDate: soon }\n",
      "risk: { reviewDate: 20 }\n",
      "risk: old\n",
    ]) {
      assert.deepEqual(overdue(card(risk)), []);
      assert.deepEqual(
        dated.analyze({ path: CARD, text: card(risk) }).diagnostics.filter((d) => d.rule === "internal/rule-error"),
        [],
      );
    }
  });

  it("follows the configuration (off) and can be waived with a reason", () => {
    const text = card("risk: { rmf: [MAP-1], reviewDate: 2026-01-01 }\n");
    const off = dated.analyze({ path: CARD, text }, configWith({ rules: { [OVERDUE]: "off" } })).diagnostics;
    assert.ok(!off.some((d) => d.rule === OVERDUE));
    const waived = card(
      "risk:\n  rmf: [MAP-1]\n  # genesis-ignore risk/review-overdue: review booked for January\n  reviewDate: 2026-01-01\n",
    );
    assert.deepEqual(overdue(waived), []);
  });
});
