import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { applyEdits } from "../../../server/src/core/fixes/apply";
import { fixAll } from "../../../server/src/core/fixes/fix-providers";
import { dataset } from "../workspace/harness";
import { diagnosticsOf, filesOf, fixAllText, workspaceOf } from "./support";

const EXAMPLES = path.resolve(__dirname, "../../../examples");

/** The examples folder as a workspace: its data, models and pipelines. */
function examplesWorkspace() {
  return workspaceOf({
    ...filesOf(path.join(EXAMPLES, "data"), EXAMPLES),
    ...filesOf(path.join(EXAMPLES, "models"), EXAMPLES),
    ...filesOf(path.join(EXAMPLES, "pipelines"), EXAMPLES),
  });
}

describe("quick fixes: fix all", function () {
  it("fixes the dataset example's determinate mistakes, and nothing else", function () {
    const file = "data/beamline-xrd.dataset.yaml";
    const text = readFileSync(path.join(EXAMPLES, file), "utf8");
    const fixed = fixAllText(file, text, examplesWorkspace());
    const changed = (a: string, b: string) =>
      a.split("\n").flatMap((line, i) => (line === b.split("\n")[i] ? [] : [`${line} => ${b.split("\n")[i]}`]));
    assert.deepEqual(changed(text, fixed), [
      'version: "1.2" => version: "1.2.0"',
      "license: Apache 2 => license: Apache-2.0",
      "publsher: Example Light Source => publisher: Example Light Source",
      "    format: parqet =>     format: parquet",
      "  derivedFrom: [beamline-raw] =>   derivedFrom: [beamline-raw@1.1.0]",
    ]);
    assert.equal(fixed.split("\n").length, text.split("\n").length, "no line added or removed");
  });

  for (const file of ["data/beamline-xrd.dataset.yaml", "models/cathode-lattice-surrogate.modelcard.md"]) {
    it(`changes nothing the second time on ${file}`, function () {
      const index = examplesWorkspace();
      const once = fixAllText(file, readFileSync(path.join(EXAMPLES, file), "utf8"), index);
      assert.equal(fixAllText(file, once, index), once);
      assert.deepEqual(
        diagnosticsOf(file, once, index).diagnostics.filter((d) => d.rule.startsWith("syntax/")),
        [],
      );
    });
  }

  it("adds the model card example's missing section with a TODO the placeholder rule still reports", function () {
    const file = "models/cathode-lattice-surrogate.modelcard.md";
    const index = examplesWorkspace();
    const fixed = fixAllText(file, readFileSync(path.join(EXAMPLES, file), "utf8"), index);
    assert.match(
      fixed,
      new RegExp(
        /\n## Training Details\n[\s\S]*?\n## Evaluation\n\nTODO: describe how the model was evaluated: /.source +
          /datasets, metrics, results\.\n\n## Environmental Impact\n/.source,
      ),
    );
    const rules = diagnosticsOf(file, fixed, index).diagnostics.map((d) => d.rule);
    assert.ok(!rules.includes("modelcard/section-missing"));
    assert.ok(rules.includes("modelcard/section-placeholder"));
  });

  it("never writes a placeholder or a suppression", function () {
    const file = "a.dataset.yaml";
    const text = dataset("a", "1.0.0").replace("name: Dataset a\n", "").replace("license: CC-BY-4.0", "license: Apache 2");
    const { document, diagnostics } = diagnosticsOf(file, text);
    assert.deepEqual(diagnostics.map((d) => d.rule).sort(), ["license/spdx", "schema/required"]);
    const edits = fixAll(document, diagnostics, { config: DEFAULT_CONFIG });
    assert.equal(applyEdits(text, edits), text.replace("Apache 2", "Apache-2.0"));
  });

  it("applies a fix that overlaps an earlier one in a later round, with a recheck", function () {
    // `ouo` is legacy (-> cui) and below its cui-specified input (-> cui-specified): two edits of one value.
    const files = {
      "up.dataset.yaml": `${dataset("up", "1.0.0", "", "cui-specified")}  categories: [PRVCY]\naccess: { policy: p.md }\n`,
      "down.dataset.yaml": dataset(
        "down",
        "1.0.0",
        'lineage:\n  derivedFrom: [up@1.0.0]\n  generatedBy: { pipeline: "doi:10.1/x" }\n',
        "ouo",
      ),
    };
    const index = workspaceOf(files);
    const { document, diagnostics } = diagnosticsOf("down.dataset.yaml", files["down.dataset.yaml"], index);
    assert.deepEqual(
      diagnostics
        .filter((d) => d.rule.startsWith("classification/"))
        .map((d) => d.rule)
        .sort(),
      ["classification/downgrade", "classification/legacy"],
    );
    const single = applyEdits(document.text, fixAll(document, diagnostics, { config: DEFAULT_CONFIG, index }));
    assert.match(single, /\n  level: cui\n/, "one round: the first of the two overlapping fixes");
    const fixed = fixAllText("down.dataset.yaml", files["down.dataset.yaml"], index);
    assert.match(fixed, /\n  level: cui-specified\n/);
    assert.equal(fixAllText("down.dataset.yaml", fixed, index), fixed);
  });
});

describe("quick fixes: classification/downgrade on a classification written as a scalar", function () {
  it("offers no fix, since a level alone would not make it a mapping", function () {
    const files = {
      "up.dataset.yaml": dataset("up", "1.0.0", "", "cui"),
      "down.dataset.yaml": dataset("down", "1.0.0", "lineage:\n  derivedFrom: [up@1.0.0]\n").replace(
        "classification:\n  level: public\n",
        "classification: public\n",
      ),
      "mapped.dataset.yaml": dataset("mapped", "1.0.0", "lineage:\n  derivedFrom: [up@1.0.0]\n"),
    };
    const index = workspaceOf(files);
    const scalar = diagnosticsOf("down.dataset.yaml", files["down.dataset.yaml"], index);
    assert.ok(scalar.diagnostics.some((d) => d.rule === "classification/downgrade"));
    assert.equal(
      applyEdits(
        files["down.dataset.yaml"],
        fixAll(
          scalar.document,
          scalar.diagnostics.filter((d) => d.rule === "classification/downgrade"),
          { config: DEFAULT_CONFIG, index },
        ),
      ),
      files["down.dataset.yaml"],
    );
    const mapped = diagnosticsOf("mapped.dataset.yaml", files["mapped.dataset.yaml"], index);
    const fixed = applyEdits(
      files["mapped.dataset.yaml"],
      fixAll(
        mapped.document,
        mapped.diagnostics.filter((d) => d.rule === "classification/downgrade"),
        { config: DEFAULT_CONFIG, index },
      ),
    );
    assert.match(fixed, /\n  level: cui\n/, "a mapping's level is raised");
  });
});
