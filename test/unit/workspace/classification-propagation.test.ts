import * as assert from "node:assert/strict";
import { configWith } from "../harness";
import { PROPAGATION, dataOf, derived, seen } from "./classification-fixtures";
import type { WorkspaceIndex } from "../../../server/src/core/workspace/workspace-index";
import { dataset, edit, modelCard, pipeline, workspaceOf } from "./harness";

describe("workspace: classification/propagation", function () {
  const only = (index: WorkspaceIndex, path: string) => seen(index, path, PROPAGATION);

  it("categories: the missing ones together, on the categories key, naming the inputs that carry each", function () {
    const index = workspaceOf({
      "a.dataset.yaml": dataset("a", "1.0.0", "", "cui", { classification: ["categories: [PRVCY]"] }),
      "b.dataset.yaml": dataset("b", "1.0.0", "", "cui", { classification: ["categories: [PROPIN, PRVCY]"] }),
      "partial.dataset.yaml": derived("partial", ["a@1.0.0", "b@1.0.0"], "cui", ["categories: [PRVCY]"]),
      "none.dataset.yaml": derived("none", ["a@1.0.0", "b@1.0.0"], "cui"),
      "all.dataset.yaml": derived("all", ["a@1.0.0", "b@1.0.0"], "cui", ["categories: [PROPIN, PRVCY, EXPT]"]),
    });
    const [partial, ...rest] = only(index, "partial.dataset.yaml");
    assert.deepEqual(rest, []);
    assert.equal(
      partial.message,
      "This dataset lacks the CUI category PROPIN of its inputs: " +
        "PROPIN from b@1.0.0 (b.dataset.yaml:12); add it to classification.categories.",
    );
    assert.equal(partial.covered, "categories");
    assert.deepEqual(dataOf(index, "partial.dataset.yaml", PROPAGATION), [{ missing: ["PROPIN"] }]);
    const [none] = only(index, "none.dataset.yaml");
    assert.equal(
      none.message,
      "This dataset lacks the CUI categories PRVCY and PROPIN of its inputs: PRVCY from a@1.0.0 (a.dataset.yaml:12) " +
        "and b@1.0.0 (b.dataset.yaml:12), PROPIN from b@1.0.0 (b.dataset.yaml:12); add them to classification.categories.",
    );
    assert.equal(none.covered, "classification", "no categories key: on the classification key");
    assert.deepEqual(only(index, "all.dataset.yaml"), []);
  });

  it("dissemination: every control of every input is on the output", function () {
    const index = workspaceOf({
      "a.dataset.yaml": dataset("a", "1.0.0", "", "cui", { classification: ["dissemination: [FEDONLY]"] }),
      "b.dataset.yaml": dataset("b", "1.0.0", "", "cui", { classification: ['dissemination: ["DL ONLY", FEDONLY]'] }),
      "missing.dataset.yaml": derived("missing", ["a@1.0.0", "b@1.0.0"], "cui", ["dissemination: [FEDONLY]"]),
      "kept.dataset.yaml": derived("kept", ["a@1.0.0", "b@1.0.0"], "cui", ['dissemination: [FEDONLY, "DL ONLY", NOCON]']),
    });
    const [missing] = only(index, "missing.dataset.yaml");
    assert.equal(
      missing.message,
      "This dataset lacks the dissemination control DL ONLY of its inputs: " +
        'DL ONLY from b@1.0.0 (b.dataset.yaml:12); add "DL ONLY" to classification.dissemination.',
    );
    assert.equal(missing.covered, "dissemination");
    assert.deepEqual(only(index, "kept.dataset.yaml"), []);
  });

  describe("REL TO: the output may be released only to the countries all inputs allow", function () {
    const inputs = {
      "gbr.dataset.yaml": dataset("gbr", "1.0.0", "", "cui", { classification: ['dissemination: ["REL TO USA, GBR"]'] }),
      "can.dataset.yaml": dataset("can", "1.0.0", "", "cui", { classification: ['dissemination: ["REL TO USA CAN"]'] }),
    };
    const withOutput = (...dissemination: string[]) =>
      workspaceOf({
        ...inputs,
        "out.dataset.yaml": derived(
          "out",
          ["gbr@1.0.0", "can@1.0.0"],
          "cui",
          dissemination.length ? [`dissemination: [${dissemination.join(", ")}]`] : [],
        ),
      });

    it("REL TO USA passes; so does NOFORN", function () {
      assert.deepEqual(only(withOutput('"REL TO USA"'), "out.dataset.yaml"), []);
      assert.deepEqual(only(withOutput("NOFORN"), "out.dataset.yaml"), []);
      assert.deepEqual(only(withOutput('"rel to  usa"'), "out.dataset.yaml"), [], "spelling is normalised");
    });

    it("REL TO USA, GBR fails, naming GBR and each input's list", function () {
      const [found] = only(withOutput('"REL TO USA, GBR"'), "out.dataset.yaml");
      assert.equal(
        found.message,
        "This dataset is releasable to GBR, which its inputs do not allow: together they allow release only to USA (gbr@1.0.0 " +
          'is "REL TO USA, GBR" at gbr.dataset.yaml:12, can@1.0.0 is "REL TO USA CAN" at can.dataset.yaml:12); ' +
          'replace "REL TO USA, GBR" with "REL TO USA" in classification.dissemination ' +
          '(NOFORN in place of "REL TO USA" satisfies the inputs too).',
      );
      assert.deepEqual(dataOf(withOutput('"REL TO USA, GBR"'), "out.dataset.yaml", PROPAGATION), [{ missing: [], releasableTo: ["USA"] }]);
    });

    it("no release marking at all fails", function () {
      const [found] = only(withOutput(), "out.dataset.yaml");
      assert.match(
        found.message,
        new RegExp(
          /^This dataset carries no release marking, which its inputs require: /.source +
            /together they allow release only to USA .*; add "REL TO USA" to classification\.dissemination/.source,
        ),
      );
      assert.equal(found.covered, "classification");
    });

    it("inputs that share no country leave NOFORN", function () {
      const index = workspaceOf({
        "gbr.dataset.yaml": dataset("gbr", "1.0.0", "", "cui", { classification: ['dissemination: ["REL TO GBR"]'] }),
        "can.dataset.yaml": dataset("can", "1.0.0", "", "cui", { classification: ['dissemination: ["REL TO CAN"]'] }),
        "out.dataset.yaml": derived("out", ["gbr@1.0.0", "can@1.0.0"], "cui", ['dissemination: ["REL TO GBR"]']),
      });
      const [found] = only(index, "out.dataset.yaml");
      assert.match(found.message, /they share no country it may be released to .*replace "REL TO GBR" with "NOFORN"/);
    });
  });

  it("NOFORN on an input forces NOFORN on the output, which also settles a REL TO of another input", function () {
    const files = {
      "nf.dataset.yaml": dataset("nf", "1.0.0", "", "cui", { classification: ["dissemination: [NOFORN]"] }),
      "rel.dataset.yaml": dataset("rel", "1.0.0", "", "cui", { classification: ['dissemination: ["REL TO USA, GBR"]'] }),
    };
    let index = workspaceOf({
      ...files,
      "out.dataset.yaml": derived("out", ["nf@1.0.0", "rel@1.0.0"], "cui", ['dissemination: ["REL TO USA"]']),
    });
    const found = only(index, "out.dataset.yaml");
    assert.equal(found.length, 1, "one diagnostic for the dissemination kind");
    assert.equal(
      found[0].message,
      "This dataset lacks the dissemination control NOFORN of its inputs: " +
        'NOFORN from nf@1.0.0 (nf.dataset.yaml:12); add "NOFORN" to classification.dissemination.',
    );
    index = workspaceOf({ ...files, "out.dataset.yaml": derived("out", ["nf@1.0.0", "rel@1.0.0"], "cui", ["dissemination: [NOFORN]"]) });
    assert.deepEqual(only(index, "out.dataset.yaml"), []);
  });

  describe("export control", function () {
    const input = (regime: string) => dataset("in", "1.0.0", "", "cui", { classification: [`exportControl: ${regime}`] });
    const check = (inputRegimes: string[], output: string | undefined) => {
      const files: Record<string, string> = {};
      inputRegimes.forEach((regime, i) => (files[`in${i}.dataset.yaml`] = input(regime).replace("id: in", `id: in${i}`)));
      files["out.dataset.yaml"] = derived(
        "out",
        inputRegimes.map((_, i) => `in${i}@1.0.0`),
        "cui",
        output ? [`exportControl: ${output}`] : [],
      );
      const index = workspaceOf(files);
      return { found: only(index, "out.dataset.yaml"), data: dataOf(index, "out.dataset.yaml", PROPAGATION) };
    };

    it("the output ranks at least the highest input (none < ear99 < ear < itar)", function () {
      const { found, data } = check(["{ regime: ear99 }"], undefined);
      assert.equal(
        found[0].message,
        'This dataset has no export control but it is derived from in0@1.0.0 (in0.dataset.yaml:12), under "ear99"; ' +
          'set classification.exportControl.regime to "ear99" or a stricter regime (none < ear99 < ear < itar).',
      );
      assert.equal(found[0].covered, "classification");
      assert.deepEqual(data, [{ required: "ear99" }]);
      const lower = check(["{ regime: ear, eccn: 5D002 }", "{ regime: ear99 }"], "{ regime: ear99 }");
      assert.equal(lower.found[0].covered, "ear99", "on the regime value");
      assert.match(
        lower.found[0].message,
        new RegExp(
          /is under "ear99" but it is derived from in0@1\.0\.0 \(in0\.dataset\.yaml:12\), under "ear"; /.source +
            /set classification\.exportControl\.regime to "ear" with eccn "5D002" or a stricter regime/.source,
        ),
      );
      assert.deepEqual(check(["{ regime: ear, eccn: 5D002 }"], "{ regime: itar }").found, [], "itar ranks above ear");
      assert.deepEqual(check(["{ regime: ear99 }", "{ regime: none }"], "{ regime: ear99 }").found, []);
      assert.deepEqual(check(["{ regime: none }"], undefined).found, []);
    });

    it("itar and 10cfr810 on an input require exactly that regime", function () {
      assert.match(
        check(["{ regime: itar }"], "{ regime: ear, eccn: 5D002 }").found[0].message,
        /under "itar"; ITAR data stays under ITAR: set classification\.exportControl\.regime to "itar"\.$/,
      );
      assert.deepEqual(check(["{ regime: itar }", "{ regime: ear99 }"], "{ regime: itar }").found, []);
      assert.match(
        check(["{ regime: 10cfr810 }"], "{ regime: itar }").found[0].message,
        /under "10cfr810"; 10 CFR 810 technology stays under 10 CFR 810/,
      );
      assert.deepEqual(check(["{ regime: 10cfr810 }"], "{ regime: 10cfr810 }").found, []);
      assert.equal(check(["{ regime: ear99 }"], "{ regime: 10cfr810 }").found.length, 1, "10cfr810 is no EAR regime");
    });

    it("itar and 10cfr810 together: both apply and the output cannot express it, still reported", function () {
      const { found, data } = check(["{ regime: itar }", "{ regime: 10cfr810 }"], "{ regime: itar }");
      assert.equal(found.length, 1);
      assert.match(
        found[0].message,
        new RegExp(
          /takes "itar" from in0@1\.0\.0 \(in0\.dataset\.yaml:12\) and "10cfr810" from in1@1\.0\.0 /.source +
            /\(in1\.dataset\.yaml:12\): both regimes apply, and exportControl\.regime holds only one/.source,
        ),
      );
      assert.deepEqual(data, [{ required: ["itar", "10cfr810"] }]);
    });

    it("an ear input's ECCN is kept on an ear output", function () {
      assert.deepEqual(check(["{ regime: ear, eccn: 5D002 }"], "{ regime: ear, eccn: 5D002 }").found, []);
      const wrong = check(["{ regime: ear, eccn: 5D002 }"], "{ regime: ear, eccn: 3A001 }");
      assert.equal(
        wrong.found[0].message,
        'This dataset is under "ear" with ECCN "3A001", but its inputs carry the ECCN "5D002" ' +
          'from in0@1.0.0 (in0.dataset.yaml:12); set classification.exportControl.eccn to "5D002".',
      );
      assert.equal(wrong.found[0].covered, "3A001");
      assert.deepEqual(wrong.data, [{ eccn: ["5D002"] }]);
      const two = check(["{ regime: ear, eccn: 5D002 }", "{ regime: ear, eccn: 3A001 }"], "{ regime: ear, eccn: 5D002 }");
      assert.match(two.found[0].message, /carry the ECCNs "5D002" from .* and "3A001" from .*; exportControl\.eccn holds one ECCN/);
    });
  });

  it("a pipeline output that inherits is reported on the pipeline's classification, naming it; a declared one on its own", function () {
    const index = workspaceOf({
      "raw.dataset.yaml": dataset("raw", "1.0.0", "", "cui", { classification: ["categories: [PRVCY]"] }),
      "p.pipeline.yaml": pipeline("p", "1.0.0", ["raw@1.0.0"], ["clean@1.0.0", "summary@1.0.0", "extra@1.0.0"], "cui", "", {
        outputClassifications: ["{ level: cui, categories: [PRVCY] }", undefined, "{ level: cui }"],
      }),
    });
    const found = only(index, "p.pipeline.yaml");
    assert.equal(found.length, 2);
    const inherited = found.find((d) => d.message.startsWith('Output "out1"'))!;
    assert.equal(
      inherited.message,
      `Output "out1" lacks the CUI category PRVCY of its inputs: PRVCY from raw@1.0.0 (raw.dataset.yaml:12); ` +
        `add it to the pipeline's classification.categories, or give output "out1" a classification of its own.`,
    );
    assert.equal(inherited.covered, "classification");
    assert.equal(inherited.line, 6);
    const declared = found.find((d) => d.message.startsWith('Output "out2"'))!;
    assert.match(declared.message, /add it to outputs\[2\]\.classification\.categories\.$/);
    assert.equal(declared.line, 13);
  });

  it("one diagnostic per kind of missing marking; a model's training data counts", function () {
    const index = workspaceOf({
      "all.dataset.yaml": dataset("all", "1.0.0", "", "cui", {
        classification: ["categories: [PRVCY]", "dissemination: [FEDONLY]", "exportControl: { regime: ear99 }"],
      }),
      "m.model.yaml": modelCard("m", "1.0.0", ["all@1.0.0"], "cui"),
      "ok.model.yaml": modelCard("ok", "1.0.0", ["all@1.0.0"], "cui", "apache-2.0", "", {
        classification: ["categories: [PRVCY]", "dissemination: [FEDONLY]", "exportControl: { regime: ear99 }"],
      }),
    });
    const found = only(index, "m.model.yaml");
    assert.equal(found.length, 3);
    assert.ok(
      found.every((d) => d.message.startsWith("This model ") && /all@1\.0\.0 \(all\.dataset\.yaml:1[234]\)/.test(d.message)),
      found.map((d) => d.message).join("\n"),
    );
    assert.deepEqual(only(index, "ok.model.yaml"), []);
  });

  describe("fail closed: an input's invalid control or regime counts as present (docs/checklist.md#how-an-item-is-decided)", function () {
    const withInput = (inputEntries: string[], outputEntries: string[] = []) =>
      workspaceOf({
        "in.dataset.yaml": dataset("in", "1.0.0", "", "cui", { classification: inputEntries }),
        "out.dataset.yaml": derived("out", ["in@1.0.0"], "cui", outputEntries),
      });

    it("a string that is no control: the output must carry it, and is told to correct it on the input", function () {
      const [found, ...rest] = only(withInput(["dissemination: [NOFRON]"]), "out.dataset.yaml");
      assert.deepEqual(rest, []);
      assert.equal(
        found.message,
        "This dataset does not carry a dissemination control of its inputs that is not valid but counts as present: " +
          '"NOFRON" from in@1.0.0 (in.dataset.yaml:12); correct it on the input ("NOFRON" is probably NOFORN) ' +
          'and add "NOFORN" to classification.dissemination.',
      );
      assert.deepEqual(dataOf(withInput(["dissemination: [NOFRON]"]), "out.dataset.yaml", PROPAGATION), [
        { missing: [], invalid: ["NOFRON"] },
      ]);
      assert.deepEqual(
        only(withInput(["dissemination: [NOFRON]"], ["dissemination: [nofron]"]), "out.dataset.yaml"),
        [],
        "the same control carries it",
      );
    });

    it("a string that is no control is never echoed back as what to add: the closest valid control is named", function () {
      const [spaced] = only(withInput(["dissemination: [FED CON]"]), "out.dataset.yaml");
      assert.match(
        spaced.message,
        /correct it on the input \("FED CON" is probably FEDCON\) and add "FEDCON" to classification\.dissemination\.$/,
      );
      assert.doesNotMatch(spaced.message, /add "FED CON"|add the corrected control/);
      const [far] = only(withInput(["dissemination: [SECRETISH]"]), "out.dataset.yaml");
      assert.match(far.message, /correct it on the input \(a control is NOFORN, FEDONLY, FEDCON, NOCON, DL ONLY or REL TO <countries>\)/);
      assert.doesNotMatch(far.message, /add "SECRETISH"/);
      const [carried] = only(withInput(["dissemination: [FED CON]"], ["dissemination: [FEDCON]"]), "out.dataset.yaml");
      assert.match(carried.message, /correct it on the input \("FED CON" is probably FEDCON\)\.$/, "the output already carries FEDCON");
      const twice = only(
        workspaceOf({
          "a.dataset.yaml": dataset("a", "1.0.0", "", "cui", { classification: ["dissemination: [FEDCON]"] }),
          "b.dataset.yaml": dataset("b", "1.0.0", "", "cui", { classification: ["dissemination: [FED CON]"] }),
          "out.dataset.yaml": derived("out", ["a@1.0.0", "b@1.0.0"], "cui"),
        }),
        "out.dataset.yaml",
      );
      assert.equal(twice.length, 1);
      assert.equal((twice[0].message.match(/add "FEDCON"/g) ?? []).length, 1, twice[0].message);
    });

    it("a control the output wrote misspelt is replaced there, not added beside the misspelling", function () {
      const [found] = only(withInput(["dissemination: [FEDCON]"], ["dissemination: [FED CON]"]), "out.dataset.yaml");
      assert.match(
        found.message,
        /lacks the dissemination control FEDCON of its inputs: .*; replace "FED CON" with "FEDCON" in classification\.dissemination\.$/,
      );
    });

    it("an item that is not a string is carried by nothing; a valid missing control is still named beside it", function () {
      const [found] = only(withInput(["dissemination: [7, FEDONLY]"]), "out.dataset.yaml");
      assert.match(
        found.message,
        new RegExp(
          /^This dataset lacks the dissemination control FEDONLY of its inputs: /.source +
            /FEDONLY from in@1\.0\.0 \(in\.dataset\.yaml:12\); and it does not carry a dissemination /.source +
            /control of its inputs that is not valid but counts as present: the value 7 from in@1\.0\.0 /.source +
            /\(in\.dataset\.yaml:12\); add "FEDONLY" to classification\.dissemination; correct it on the input/.source,
        ),
      );
      assert.equal(only(withInput(["dissemination: [7]"], ["dissemination: [NOFORN, FEDONLY]"]), "out.dataset.yaml").length, 1);
    });

    it("a single control written in place of the list counts as the list of it", function () {
      const [found] = only(withInput(["dissemination: NOFORN"]), "out.dataset.yaml");
      assert.match(found.message, /lacks the dissemination control NOFORN of its inputs/);
    });

    it("a regime in another case is that regime", function () {
      const [found] = only(withInput(["exportControl: { regime: ITAR }"]), "out.dataset.yaml");
      assert.match(
        found.message,
        new RegExp(
          /^This dataset has no export control but it is derived from in@1\.0\.0 /.source +
            /\(in\.dataset\.yaml:12\), under "itar"; ITAR data stays under ITAR/.source,
        ),
      );
      assert.deepEqual(
        only(withInput(["exportControl: itar"], ["exportControl: { regime: itar }"]), "out.dataset.yaml"),
        [],
        "a scalar in place of the mapping is its regime",
      );
    });

    it("an unknown regime asks the output for a regime other than none", function () {
      const [found, ...rest] = only(withInput(["exportControl: { regime: itra }"]), "out.dataset.yaml");
      assert.deepEqual(rest, []);
      assert.equal(
        found.message,
        "This dataset has no export control but it is derived from in@1.0.0 (in.dataset.yaml:12), " +
          'whose export-control regime "itra" is not one of none, ear99, ear, itar or 10cfr810 and counts as present; ' +
          "set classification.exportControl.regime to the regime that applies (ear99, " +
          "ear, itar or 10cfr810), and correct the input.",
      );
      assert.equal(found.covered, "classification");
      assert.equal(
        only(withInput(["exportControl: { regime: [itar] }"], ["exportControl: { regime: none }"]), "out.dataset.yaml").length,
        1,
      );
      assert.deepEqual(only(withInput(["exportControl: { regime: itra }"], ["exportControl: { regime: itar }"]), "out.dataset.yaml"), []);
    });
  });

  it("genesis-ignore silences it on its line; the release profile leaves it an error", function () {
    const index = workspaceOf({
      "a.dataset.yaml": dataset("a", "1.0.0", "", "cui", { classification: ["categories: [PRVCY]"] }),
      "out.dataset.yaml": derived("out", ["a@1.0.0"], "cui", [
        "categories: [] # genesis-ignore classification/propagation: de-identified, see PRIV-9",
      ]),
      "loud.dataset.yaml": derived("loud", ["a@1.0.0"], "cui", ["categories: []"]),
    });
    assert.deepEqual(only(index, "out.dataset.yaml"), []);
    assert.deepEqual(
      seen(index, "loud.dataset.yaml", PROPAGATION, configWith({ profile: "release" })).map((d) => d.severity),
      ["error"],
    );
  });

  it("editing an input's markings re-checks the dependent", function () {
    const index = workspaceOf({
      "a.dataset.yaml": dataset("a", "1.0.0", "", "cui"),
      "p.pipeline.yaml": pipeline("p", "1.0.0", ["a@1.0.0"], ["b@1.0.0"], "cui"),
    });
    assert.deepEqual(only(index, "p.pipeline.yaml"), []);
    const affected = edit(index, "a.dataset.yaml", dataset("a", "1.0.0", "", "cui", { classification: ["dissemination: [NOFORN]"] }));
    assert.ok(affected.has("p.pipeline.yaml"));
    assert.equal(only(index, "p.pipeline.yaml").length, 1);
  });
});
