import * as assert from "node:assert/strict";
import { configWith } from "../harness";
import { DOWNGRADE, dataOf, derived, jsonDataset, seen } from "./classification-fixtures";
import { dataset, edit, modelCard, pipeline, workspaceOf, wsDiagnose } from "./harness";

describe("workspace: classification/downgrade", function () {
  it("reports a dataset classified below an input, on its level, naming the input and its line", function () {
    const index = workspaceOf({
      "data/partner-cycling.dataset.json": jsonDataset("partner-cycling", "2.0.0", { level: "cui" }),
      "data/cycling.dataset.yaml": derived("cycling", ["partner-cycling@2.0.0"], "internal"),
    });
    const [found, ...rest] = seen(index, "data/cycling.dataset.yaml", DOWNGRADE);
    assert.deepEqual(rest, []);
    assert.equal(
      found.message,
      'This dataset is "internal" but it is derived from partner-cycling@2.0.0, ' +
        'which is "cui" (data/partner-cycling.dataset.json:16); classify it "cui" or higher.',
    );
    assert.equal(found.covered, "internal");
    assert.equal(found.line, 10, "0-based: the line of level");
    assert.equal(found.severity, "error");
    assert.deepEqual(dataOf(index, "data/cycling.dataset.yaml", DOWNGRADE), [{ required: "cui" }]);
    assert.deepEqual(seen(index, "data/partner-cycling.dataset.json", DOWNGRADE), [], "the input itself is not reported");
  });

  it("does not fire when the output is at or above every input, or every input is public", function () {
    const index = workspaceOf({
      "a.dataset.yaml": dataset("a", "1.0.0", "", "cui"),
      "b.dataset.yaml": dataset("b", "1.0.0", "", "internal"),
      "p.dataset.yaml": dataset("p", "1.0.0"),
      "same.dataset.yaml": derived("same", ["a@1.0.0", "b@1.0.0"], "cui"),
      "higher.dataset.yaml": derived("higher", ["a@1.0.0"], "cui-specified", ["categories: [PRVCY]"]),
      "from-public.dataset.yaml": derived("from-public", ["p@1.0.0"], "public"),
    });
    for (const path of ["same.dataset.yaml", "higher.dataset.yaml", "from-public.dataset.yaml"])
      assert.deepEqual(seen(index, path, DOWNGRADE), [], path);
  });

  it("names only the inputs at the highest level, and all of them", function () {
    const index = workspaceOf({
      "a.dataset.yaml": dataset("a", "1.0.0", "", "cui"),
      "b.dataset.yaml": dataset("b", "1.0.0", "", "cui"),
      "c.dataset.yaml": dataset("c", "1.0.0", "", "internal"),
      "out.dataset.yaml": derived("out", ["c@1.0.0", "a@1.0.0", "b@1.0.0"], "public"),
    });
    const [found] = seen(index, "out.dataset.yaml", DOWNGRADE);
    assert.equal(
      found.message,
      'This dataset is "public" but it is derived from a@1.0.0 (a.dataset.yaml:11) ' +
        'and b@1.0.0 (b.dataset.yaml:11), which are "cui"; classify it "cui" or higher.',
    );
  });

  it("diamond: the bottom answers for its two direct inputs, and a too-low side is reported where it is", function () {
    const files = {
      "top.dataset.yaml": dataset("top", "1.0.0", "", "cui"),
      "left.dataset.yaml": derived("left", ["top@1.0.0"], "cui"),
      "right.dataset.yaml": derived("right", ["top@1.0.0"], "cui"),
      "bottom.dataset.yaml": derived("bottom", ["left@1.0.0", "right@1.0.0"], "internal"),
    };
    let index = workspaceOf(files);
    assert.equal(seen(index, "bottom.dataset.yaml", DOWNGRADE).length, 1);
    assert.match(
      seen(index, "bottom.dataset.yaml", DOWNGRADE)[0].message,
      /derived from left@1\.0\.0 \(left\.dataset\.yaml:11\) and right@1\.0\.0 \(right\.dataset\.yaml:11\), which are "cui"/,
    );
    for (const path of ["top.dataset.yaml", "left.dataset.yaml", "right.dataset.yaml"])
      assert.deepEqual(seen(index, path, DOWNGRADE), [], path);

    index = workspaceOf({
      ...files,
      "right.dataset.yaml": derived("right", ["top@1.0.0"], "internal"),
      "bottom.dataset.yaml": derived("bottom", ["left@1.0.0", "right@1.0.0"], "cui"),
    });
    assert.equal(seen(index, "right.dataset.yaml", DOWNGRADE).length, 1);
    assert.match(seen(index, "right.dataset.yaml", DOWNGRADE)[0].message, /derived from top@1\.0\.0, which is "cui"/);
    assert.deepEqual(seen(index, "bottom.dataset.yaml", DOWNGRADE), []);
  });

  it("chain of three: each document answers for its direct input, so one mistake gives one diagnostic", function () {
    const raw = dataset("a", "1.0.0", "", "cui");
    let index = workspaceOf({
      "a.dataset.yaml": raw,
      "b.dataset.yaml": derived("b", ["a@1.0.0"], "cui"),
      "c.dataset.yaml": derived("c", ["b@1.0.0"], "internal"),
    });
    const [found] = seen(index, "c.dataset.yaml", DOWNGRADE);
    assert.match(found.message, /derived from b@1\.0\.0, which is "cui" \(b\.dataset\.yaml:11\)/);
    assert.deepEqual(seen(index, "b.dataset.yaml", DOWNGRADE), []);

    index = workspaceOf({
      "a.dataset.yaml": raw,
      "b.dataset.yaml": derived("b", ["a@1.0.0"], "internal"),
      "c.dataset.yaml": derived("c", ["b@1.0.0"], "internal"),
    });
    assert.equal(seen(index, "b.dataset.yaml", DOWNGRADE).length, 1);
    assert.deepEqual(seen(index, "c.dataset.yaml", DOWNGRADE), []);
  });

  it("pipeline: a declared output classification is judged on its own level, an inheriting output on the pipeline's", function () {
    const files = {
      "raw.dataset.yaml": dataset("raw", "1.0.0", "", "cui"),
      "p.pipeline.yaml": pipeline("p", "1.0.0", ["raw@1.0.0"], ["clean@1.0.0", "summary@1.0.0"], "internal", "", {
        outputClassifications: ["{ level: cui }"],
      }),
    };
    let index = workspaceOf(files);
    const [inherited, ...rest] = seen(index, "p.pipeline.yaml", DOWNGRADE);
    assert.deepEqual(rest, []);
    assert.equal(
      inherited.message,
      `Output "out1" takes the pipeline's classification "internal" but the pipeline reads raw@1.0.0, ` +
        `which is "cui" (raw.dataset.yaml:11); raise the pipeline's classification to "cui" or higher, ` +
        `or give output "out1" a classification of its own, "cui" or higher.`,
    );
    assert.equal(inherited.covered, "internal");
    assert.equal(inherited.line, 6, "on the pipeline's classification.level");

    index = workspaceOf({
      ...files,
      "p.pipeline.yaml": pipeline("p", "1.0.0", ["raw@1.0.0"], ["clean@1.0.0", "summary@1.0.0"], "cui", "", {
        outputClassifications: ["{ level: internal }"],
      }),
    });
    const [declared] = seen(index, "p.pipeline.yaml", DOWNGRADE);
    assert.equal(
      declared.message,
      `Output "out0" is "internal" but the pipeline reads raw@1.0.0, which is "cui" (raw.dataset.yaml:11); classify it "cui" or higher.`,
    );
    assert.equal(declared.covered, "internal");
    assert.equal(declared.line, 11, "on outputs[0].classification.level");
    assert.equal(seen(index, "p.pipeline.yaml", DOWNGRADE).length, 1);
  });

  it("pipeline: two outputs inheriting a too-low classification give one diagnostic each, each naming its output", function () {
    const index = workspaceOf({
      "raw.dataset.yaml": dataset("raw", "1.0.0", "", "cui"),
      "p.pipeline.yaml": pipeline("p", "1.0.0", ["raw@1.0.0"], ["a@1.0.0", "b@1.0.0"], "public"),
    });
    const found = seen(index, "p.pipeline.yaml", DOWNGRADE);
    assert.deepEqual(
      found.map((d) => [d.line, d.covered]),
      [
        [6, "public"],
        [6, "public"],
      ],
    );
    assert.ok(found.some((d) => d.message.startsWith('Output "out0"')) && found.some((d) => d.message.startsWith('Output "out1"')));
  });

  it("model: training data counts as input, evaluation data does not", function () {
    const index = workspaceOf({
      "train.dataset.yaml": dataset("train", "1.0.0", "", "cui"),
      "open.dataset.yaml": dataset("open", "1.0.0"),
      "secret-eval.dataset.yaml": dataset("secret-eval", "1.0.0", "", "cui"),
      "m.model.yaml": modelCard("m", "1.0.0", ["train@1.0.0"], "internal"),
      "n.model.yaml": modelCard("n", "1.0.0", ["open@1.0.0"], "public", "apache-2.0", "", { evaluation: ["secret-eval@1.0.0"] }),
    });
    const [found] = seen(index, "m.model.yaml", DOWNGRADE);
    assert.equal(
      found.message,
      'This model is "internal" but it is trained on train@1.0.0, which is "cui" (train.dataset.yaml:11); classify it "cui" or higher.',
    );
    assert.equal(found.covered, "internal");
    assert.deepEqual(seen(index, "n.model.yaml", DOWNGRADE), []);
  });

  it("ouo counts as cui, on both sides", function () {
    const index = workspaceOf({
      "legacy.dataset.yaml": dataset("legacy", "1.0.0", "", "ouo"),
      "cui.dataset.yaml": dataset("cui", "1.0.0", "", "cui"),
      "specified.dataset.yaml": dataset("specified", "1.0.0", "", "cui-specified", { classification: ["categories: [PRVCY]"] }),
      "low.dataset.yaml": derived("low", ["legacy@1.0.0"], "internal"),
      "fine.dataset.yaml": derived("fine", ["cui@1.0.0"], "ouo"),
      "under.dataset.yaml": derived("under", ["specified@1.0.0"], "ouo", ["categories: [PRVCY]"]),
    });
    const [low] = seen(index, "low.dataset.yaml", DOWNGRADE);
    assert.match(
      low.message,
      /derived from legacy@1\.0\.0, which is "ouo" \(read as "cui"\) \(legacy\.dataset\.yaml:11\); classify it "cui" or higher\./,
    );
    assert.deepEqual(seen(index, "fine.dataset.yaml", DOWNGRADE), []);
    const [under] = seen(index, "under.dataset.yaml", DOWNGRADE);
    assert.match(under.message, /^This dataset is "ouo" \(read as "cui"\) but .*classify it "cui-specified" or higher\.$/);
  });

  it("fails closed (docs/checklist.md#how-an-item-is-decided): an unknown level is its match in any case, else cui-specified", function () {
    const index = workspaceOf({
      "marked.dataset.yaml": dataset("marked", "1.0.0", "", "secret"),
      "typo.dataset.yaml": dataset("typo", "1.0.0", "", "CUI"),
      "cui.dataset.yaml": dataset("cui", "1.0.0", "", "cui"),
      "from-marked.dataset.yaml": derived("from-marked", ["marked@1.0.0", "typo@1.0.0"], "public"),
      "odd-output.dataset.yaml": derived("odd-output", ["cui@1.0.0"], "bogus"),
      "number-output.dataset.yaml": derived("number-output", ["cui@1.0.0"], "3"),
    });
    const [marked, ...rest] = seen(index, "from-marked.dataset.yaml", DOWNGRADE);
    assert.deepEqual(rest, []);
    assert.equal(
      marked.message,
      'This dataset is "public" but it is derived from marked@1.0.0, which is "secret" (outside the lattice, ' +
        'counted as "cui-specified") (marked.dataset.yaml:11); classify it "cui-specified" or higher.',
    );
    assert.deepEqual(dataOf(index, "from-marked.dataset.yaml", DOWNGRADE), [{ required: "cui-specified" }]);
    for (const path of ["odd-output.dataset.yaml", "number-output.dataset.yaml"]) {
      assert.deepEqual(
        seen(index, path, DOWNGRADE),
        [],
        `${path}: an output outside the lattice counts as the top, so is never below an input`,
      );
    }
  });

  it("a public model trained on a dataset written level: CUI is told the true floor, cui, and which input sets it", function () {
    const index = workspaceOf({
      "ocean.dataset.yaml": dataset("ocean", "1.0.0", "", "CUI"),
      "tides.dataset.yaml": dataset("tides", "1.0.0", "", "internal"),
      "m.model.yaml": modelCard("m", "1.0.0", ["tides@1.0.0", "ocean@1.0.0"], "public"),
    });
    const [found, ...rest] = seen(index, "m.model.yaml", DOWNGRADE);
    assert.deepEqual(rest, []);
    assert.equal(
      found.message,
      'This model is "public" but it is trained on ocean@1.0.0, ' +
        'which is "CUI" (counted as "cui") (ocean.dataset.yaml:11); classify it "cui" or higher.',
    );
    assert.deepEqual(dataOf(index, "m.model.yaml", DOWNGRADE), [{ required: "cui" }]);
  });

  it("a misspelt input level counts as cui-specified, and the message offers to correct it", function () {
    const index = workspaceOf({
      "typo.dataset.yaml": dataset("typo", "1.0.0", "", "interal"),
      "out.dataset.yaml": derived("out", ["typo@1.0.0"], "cui"),
    });
    const [found] = seen(index, "out.dataset.yaml", DOWNGRADE);
    assert.match(
      found.message,
      new RegExp(
        /which is "interal" \(outside the lattice, counted as "cui-specified"\) .*; /.source +
          /classify it "cui-specified" or higher, or correct the level of typo@1\.0\.0 if it is lower\.$/.source,
      ),
    );
  });

  it("inputs at the top written differently: each is named, the odd one with what it wrote", function () {
    const index = workspaceOf({
      "a.dataset.yaml": dataset("a", "1.0.0", "", "cui"),
      "b.dataset.yaml": dataset("b", "1.0.0", "", "Cui"),
      "out.dataset.yaml": derived("out", ["a@1.0.0", "b@1.0.0"], "internal"),
    });
    const [found] = seen(index, "out.dataset.yaml", DOWNGRADE);
    assert.equal(
      found.message,
      'This dataset is "internal" but it is derived from a@1.0.0 (a.dataset.yaml:11) ' +
        'and b@1.0.0 (b.dataset.yaml:11, written "Cui"), which count as "cui"; classify it "cui" or higher.',
    );
  });

  it("an output level outside the lattice is judged as what it counts as", function () {
    const index = workspaceOf({
      "cui.dataset.yaml": dataset("cui", "1.0.0", "", "cui"),
      "out.dataset.yaml": derived("out", ["cui@1.0.0"], "Internal"),
    });
    const [found] = seen(index, "out.dataset.yaml", DOWNGRADE);
    assert.match(found.message, /^This dataset is "Internal" \(counted as "internal"\) but it is derived from cui@1\.0\.0/);
    assert.equal(found.covered, "Internal");
  });

  it("a classification written as a scalar takes part with the level it names, on both sides", function () {
    const scalar = (text: string, level: string) => text.replace(`classification:\n  level: ${level}\n`, `classification: ${level}\n`);
    const index = workspaceOf({
      "in.dataset.yaml": scalar(dataset("in", "1.0.0", "", "CUI"), "CUI"),
      "out.dataset.yaml": scalar(derived("out", ["in@1.0.0"], "public"), "public"),
    });
    const [found, ...rest] = seen(index, "out.dataset.yaml", DOWNGRADE);
    assert.deepEqual(rest, []);
    assert.equal(found.covered, "public", "on the scalar itself");
    assert.match(
      found.message,
      new RegExp(
        /^This dataset is "public" but it is derived from in@1\.0\.0, /.source +
          /which is "CUI" \(counted as "cui"\) \(in\.dataset\.yaml:10\); classify it "cui" or higher\.$/.source,
      ),
    );
  });

  it("an input with no level sets no floor; the inputs that state one still count", function () {
    const noLevel = dataset("bare", "1.0.0", "", "cui").replace(
      "classification:\n  level: cui\n",
      "classification:\n  categories: [PRVCY]\n",
    );
    const index = workspaceOf({
      "bare.dataset.yaml": noLevel,
      "low.dataset.yaml": dataset("low", "1.0.0", "", "internal"),
      "out.dataset.yaml": derived("out", ["bare@1.0.0", "low@1.0.0"], "public"),
      "only.dataset.yaml": derived("only", ["bare@1.0.0"], "public"),
    });
    const [found, ...rest] = seen(index, "out.dataset.yaml", DOWNGRADE);
    assert.deepEqual(rest, []);
    assert.match(found.message, /derived from low@1\.0\.0, which is "internal"/);
    assert.deepEqual(seen(index, "only.dataset.yaml", DOWNGRADE), []);
  });

  it("an output with no classification, or no level, is reported at the document's anchor or the classification key", function () {
    const noClassification = derived("bare", ["cui@1.0.0"], "public").replace("classification:\n  level: public\n", "");
    const noLevel = derived("nolevel", ["cui@1.0.0"], "public").replace(
      "classification:\n  level: public\n",
      "classification:\n  categories: [PRVCY]\n",
    );
    const index = workspaceOf({
      "cui.dataset.yaml": dataset("cui", "1.0.0", "", "cui"),
      "bare.dataset.yaml": noClassification,
      "nolevel.dataset.yaml": noLevel,
    });
    const [bare] = seen(index, "bare.dataset.yaml", DOWNGRADE);
    assert.equal(bare.covered, "kind");
    assert.match(bare.message, /^This dataset has no classification level but it is derived from cui@1\.0\.0/);
    const [nolevel] = seen(index, "nolevel.dataset.yaml", DOWNGRADE);
    assert.equal(nolevel.covered, "classification");
  });

  it("genesis-ignore with a reason on the line silences it; the release profile leaves it an error", function () {
    const index = workspaceOf({
      "cui.dataset.yaml": dataset("cui", "1.0.0", "", "cui"),
      "approved.dataset.yaml": derived(
        "approved",
        ["cui@1.0.0"],
        "internal # genesis-ignore classification/downgrade: aggregated, release approved in SEC-41",
      ),
      "other-rule.dataset.yaml": derived("other-rule", ["cui@1.0.0"], "internal # genesis-ignore classification/propagation: not this one"),
    });
    assert.deepEqual(seen(index, "approved.dataset.yaml", DOWNGRADE), []);
    assert.equal(seen(index, "other-rule.dataset.yaml", DOWNGRADE).length, 1, "a suppression of another rule does not silence it");
    const release = seen(index, "other-rule.dataset.yaml", DOWNGRADE, configWith({ profile: "release" }));
    assert.deepEqual(
      release.map((d) => d.severity),
      ["error"],
    );
    assert.deepEqual(seen(index, "other-rule.dataset.yaml", DOWNGRADE, configWith({ rules: { [DOWNGRADE]: "off" } })), []);
  });

  it("editing an input's classification re-checks the dependent, whose diagnostic appears and goes", function () {
    const index = workspaceOf({
      "data/raw.dataset.yaml": dataset("raw", "1.0.0"),
      "data/clean.dataset.yaml": derived("clean", ["raw@1.0.0"], "internal"),
      "data/unrelated.dataset.yaml": dataset("unrelated", "1.0.0"),
    });
    assert.deepEqual(seen(index, "data/clean.dataset.yaml", DOWNGRADE), []);
    const affected = edit(index, "data/raw.dataset.yaml", dataset("raw", "1.0.0", "", "cui"));
    assert.ok(affected.has("data/clean.dataset.yaml"), "the dependent is in the affected set");
    assert.ok(!affected.has("data/unrelated.dataset.yaml"));
    assert.equal(seen(index, "data/clean.dataset.yaml", DOWNGRADE).length, 1);
    edit(index, "data/raw.dataset.yaml", dataset("raw", "1.0.0", "", "internal"));
    assert.deepEqual(seen(index, "data/clean.dataset.yaml", DOWNGRADE), []);
  });
});

describe("workspace: classification flow rules on odd values", function () {
  it("never throws on values of the wrong type", function () {
    const odd = [
      "classification: null",
      "classification: cui",
      "classification: [cui]",
      "classification: { level: 42, categories: PRVCY, dissemination: [1, null, [NOFORN], { a: 1 }], exportControl: itar }",
      "classification: { level: cui, categories: [null, 7, PRVCY], dissemination: " +
        '["REL TO", "REL TO ,,"], exportControl: { regime: [itar], eccn: 5 } }',
      "classification: { level: [cui], exportControl: { eccn: 5D002 } }",
    ];
    const files: Record<string, string> = {};
    odd.forEach((line, i) => {
      const text = (id: string, body: string) =>
        `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ${id}\nversion: 1.0.0\nlicense: 42\n${body}\n` +
        `lineage: { derivedFrom: [odd0@1.0.0, odd1@1.0.0, odd2@1.0.0, odd3@1.0.0, odd4@1.0.0, odd5@1.0.0, "x", 3, null] }\n`;
      files[`odd${i}.dataset.yaml`] = text(`odd${i}`, line);
    });
    files["p.pipeline.yaml"] =
      `apiVersion: genesis/v1\nkind: PipelineConfig\nid: p\nversion: 1.0.0\nclassification: { level: cui }\n` +
      `inputs: [{ ref: odd3@1.0.0 }, { ref: odd4@1.0.0 }, 5]\n` +
      `outputs: [null, 3, { classification: null }, { classification: { level: public, dissemination: "NOFORN" } }, {}]\n`;
    files["m.model.yaml"] =
      `apiVersion: genesis/v1\nkind: ModelCard\nid: m\nversion: 1.0.0\nlicense: [MIT]\ntraining: { datasets: [odd3@1.0.0, odd4@1.0.0] }\n`;
    const index = workspaceOf(files);
    for (const facts of index.all()) {
      const found = wsDiagnose(index, facts.path);
      assert.deepEqual(
        found.filter((d) => d.rule === "internal/rule-error"),
        [],
        facts.path,
      );
    }
    assert.ok(
      seen(index, "p.pipeline.yaml", DOWNGRADE).length >= 1,
      "the pipeline output classified public below cui inputs is still judged",
    );
  });
});

describe("workspace: classification flow, editing a scalar classification", function () {
  it("re-checks the dependents when a classification written as a scalar changes", function () {
    const scalarInput = (level: string) =>
      dataset("raw", "1.0.0").replace("classification:\n  level: public\n", `classification: ${level}\n`);
    const index = workspaceOf({
      "raw.dataset.yaml": scalarInput("public"),
      "clean.dataset.yaml": dataset("clean", "1.0.0", "lineage:\n  derivedFrom: [raw@1.0.0]\n"),
    });
    assert.deepEqual(seen(index, "clean.dataset.yaml", DOWNGRADE), []);
    const affected = edit(index, "raw.dataset.yaml", scalarInput("CUI"));
    assert.ok(affected.has("clean.dataset.yaml"), "the dependent is affected");
    assert.equal(seen(index, "clean.dataset.yaml", DOWNGRADE).length, 1);
  });
});
