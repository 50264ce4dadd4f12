import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { everyAlternativeHas, parseLicenseExpression, someAlternativeAll } from "../../../server/src/core/workspace/license-expression";
import type { WorkspaceIndex } from "../../../server/src/core/workspace/workspace-index";
import { configWith, engine } from "../harness";
import { dataset, edit, modelCard, workspaceOf, wsDiagnose } from "./harness";

const RULE = "license/compatibility";

function seen(index: WorkspaceIndex, path: string, config = DEFAULT_CONFIG) {
  return wsDiagnose(index, path, config).filter((d) => d.rule === RULE);
}

/** A workspace with one dataset per license (`d0`, `d1`, ...) and a model trained on all of them. */
function trained(modelLicense: string, datasetLicenses: string[], options: { evaluation?: string[] } = {}): WorkspaceIndex {
  const files: Record<string, string> = {};
  datasetLicenses.forEach((license, i) => (files[`data/d${i}.dataset.yaml`] = dataset(`d${i}`, "1.0.0", "", "public", { license })));
  files["models/m.model.yaml"] = modelCard(
    "m",
    "1.0.0",
    datasetLicenses.map((_, i) => `d${i}@1.0.0`),
    "public",
    modelLicense,
    "",
    options,
  );
  return workspaceOf(files);
}

describe("workspace: license/compatibility", function () {
  it("warns on the model's license when a training dataset is non-commercial, naming it, its license and its line", function () {
    const index = trained("apache-2.0", ["CC-BY-NC-4.0"]);
    const [found, ...rest] = seen(index, "models/m.model.yaml");
    assert.deepEqual(rest, []);
    assert.equal(found.severity, "warning");
    assert.equal(found.covered, "apache-2.0");
    assert.equal(found.line, 4);
    assert.equal(
      found.message,
      'This model is released under "apache-2.0", a permissive license, but it is trained on d0@1.0.0, ' +
        'licensed "CC-BY-NC-4.0" (non-commercial; data/d0.dataset.yaml:7): the release would let anyone use the model in ' +
        "ways the data's license forbids. Release the model under terms that keep the data's restriction, " +
        "train it on data licensed for this use, " +
        "or record the data owner's permission and suppress this warning with that reason.",
    );
    const [diagnostic] = engine.checkWorkspace(index.get("models/m.model.yaml")!, index, DEFAULT_CONFIG).filter((d) => d.rule === RULE);
    assert.deepEqual(diagnostic.data, { datasets: [{ path: "data/d0.dataset.yaml", id: "d0@1.0.0", license: "CC-BY-NC-4.0" }] });
    assert.deepEqual(seen(index, "data/d0.dataset.yaml"), [], "reported on the model only");
  });

  it("one diagnostic naming every restricting dataset, and not the unrestricted ones", function () {
    const index = trained("MIT", ["CC-BY-NC-SA-4.0", "CC-BY-4.0", "CC-BY-ND-4.0", "cc-by-nc-nd-4.0"]);
    const found = seen(index, "models/m.model.yaml");
    assert.equal(found.length, 1);
    assert.match(
      found[0].message,
      new RegExp(
        /trained on d0@1\.0\.0, licensed "CC-BY-NC-SA-4\.0" \(non-commercial; data\/d0\.dataset\.yaml:7\), /.source +
          /d2@1\.0\.0, licensed "CC-BY-ND-4\.0" \(no-derivatives; data\/d2\.dataset\.yaml:7\) and d3@1\.0\.0, /.source +
          /licensed "cc-by-nc-nd-4\.0" \(non-commercial, no-derivatives; data\/d3\.dataset\.yaml:7\):/.source,
      ),
    );
    assert.doesNotMatch(found[0].message, /d1@/);
  });

  it("fires for each kind of permissive model license: SPDX and Hugging Face ids, BSD, attribution-only CC, public domain", function () {
    for (const license of [
      "MIT",
      "mit",
      "Apache-2.0",
      "BSD-3-Clause",
      "bsd-2-clause",
      "ISC",
      "CC0-1.0",
      "CC-BY-4.0",
      "cc-by-4.0",
      "Unlicense",
      "MIT OR CC-BY-NC-4.0",
      "MIT AND Apache-2.0",
      "(Apache-2.0 WITH LLVM-exception)",
    ]) {
      assert.equal(seen(trained(license, ["CC-BY-NC-4.0"]), "models/m.model.yaml").length, 1, license);
    }
  });

  it("does not fire when the model's license is not permissive", function () {
    for (const license of [
      "CC-BY-NC-4.0",
      "cc-by-nc-4.0",
      "CC-BY-SA-4.0",
      "GPL-3.0-only",
      "other",
      "openrail",
      "MIT AND CC-BY-NC-4.0",
      "LicenseRef-lab-internal",
    ]) {
      assert.deepEqual(seen(trained(license, ["CC-BY-NC-4.0"]), "models/m.model.yaml"), [], license);
    }
  });

  it("reads the dataset's expression: warns only when every alternative is NC or ND", function () {
    assert.deepEqual(seen(trained("MIT", ["CC-BY-NC-4.0 OR MIT"]), "models/m.model.yaml"), [], "MIT is on offer");
    assert.equal(seen(trained("MIT", ["CC-BY-NC-4.0 AND MIT"]), "models/m.model.yaml").length, 1);
    assert.equal(seen(trained("MIT", ["CC-BY-NC-4.0 OR CC-BY-ND-4.0"]), "models/m.model.yaml").length, 1);
    assert.equal(seen(trained("MIT", ["(MIT OR CC-BY-NC-4.0) AND CC-BY-ND-4.0"]), "models/m.model.yaml").length, 1);
    assert.equal(seen(trained("MIT", ["PolyForm-Noncommercial-1.0.0"]), "models/m.model.yaml").length, 1);
    for (const license of ["CC-BY-4.0", "CC-BY-SA-4.0", "NCSA", "LicenseRef-lab-internal", "MIT OR", "(CC-BY-NC-4.0"]) {
      assert.deepEqual(seen(trained("MIT", [license]), "models/m.model.yaml"), [], license);
    }
  });

  it("evaluation data does not count", function () {
    const index = workspaceOf({
      "data/open.dataset.yaml": dataset("open", "1.0.0"),
      "data/nc.dataset.yaml": dataset("nc", "1.0.0", "", "public", { license: "CC-BY-NC-4.0" }),
      "models/m.model.yaml": modelCard("m", "1.0.0", ["open@1.0.0"], "public", "MIT", "", { evaluation: ["nc@1.0.0"] }),
    });
    assert.deepEqual(seen(index, "models/m.model.yaml"), []);
  });

  it("a Markdown model card is reported inside its front matter", function () {
    const card = `---\n${modelCard("m", "1.0.0", ["d0@1.0.0"], "public", "MIT")}---\n\n# Model m\n`;
    const index = workspaceOf({
      "data/d0.dataset.yaml": dataset("d0", "1.0.0", "", "public", { license: "CC-BY-ND-4.0" }),
      "models/m.modelcard.md": card,
    });
    const [found] = seen(index, "models/m.modelcard.md");
    assert.equal(found.covered, "MIT");
    assert.equal(found.line, 5);
  });

  it("genesis-ignore with a reason silences it; the release profile leaves it a warning; config can raise it", function () {
    const index = trained("apache-2.0 # genesis-ignore license/compatibility: owner's written permission, LIC-7", ["CC-BY-NC-4.0"]);
    assert.deepEqual(seen(index, "models/m.model.yaml"), []);
    const loud = trained("apache-2.0", ["CC-BY-NC-4.0"]);
    assert.deepEqual(
      seen(loud, "models/m.model.yaml", configWith({ profile: "release" })).map((d) => d.severity),
      ["warning"],
    );
    assert.deepEqual(
      seen(loud, "models/m.model.yaml", configWith({ rules: { [RULE]: "error" } })).map((d) => d.severity),
      ["error"],
    );
  });

  it("editing a dataset's license re-checks the model", function () {
    const index = trained("MIT", ["CC-BY-4.0"]);
    assert.deepEqual(seen(index, "models/m.model.yaml"), []);
    const affected = edit(index, "data/d0.dataset.yaml", dataset("d0", "1.0.0", "", "public", { license: "CC-BY-NC-4.0" }));
    assert.ok(affected.has("models/m.model.yaml"));
    assert.equal(seen(index, "models/m.model.yaml").length, 1);
  });

  it("never throws on odd license values", function () {
    const odd = (id: string, license: string) =>
      `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ${id}\nversion: 1.0.0\nlicense: ${license}\n`;
    const index = workspaceOf({
      "a.dataset.yaml": odd("a", "42"),
      "b.dataset.yaml": odd("b", "null"),
      "c.dataset.yaml": odd("c", "[CC-BY-NC-4.0]"),
      "d.dataset.yaml": odd("d", '"((((((((((((((((((((((((((((((((((((CC-BY-NC-4.0))))))))))))))))))))))))))))))))))))"'),
      "e.dataset.yaml": odd("e", '"CC-BY-NC-4.0 WITH"'),
      "m.model.yaml": modelCard("m", "1.0.0", ["a@1.0.0", "b@1.0.0", "c@1.0.0", "d@1.0.0", "e@1.0.0"], "public", "MIT"),
      "n.model.yaml": modelCard("n", "1.0.0", ["a@1.0.0"], "public", "[MIT]"),
      "o.model.yaml": modelCard("o", "1.0.0", ["a@1.0.0"], "public", "null"),
    });
    for (const facts of index.all())
      assert.deepEqual(
        wsDiagnose(index, facts.path).filter((d) => d.rule === "internal/rule-error" || d.rule === RULE),
        [],
        facts.path,
      );
  });
});

describe("license expressions as the compatibility rule reads them", function () {
  it("parses ids and operators in any case, WITH and +, and refuses what is not an expression", function () {
    assert.deepEqual(parseLicenseExpression("mit or Apache-2.0+"), { operator: "or", left: { id: "mit" }, right: { id: "Apache-2.0" } });
    assert.deepEqual(parseLicenseExpression("GPL-2.0-only WITH Classpath-exception-2.0"), { id: "GPL-2.0-only" });
    assert.deepEqual(
      parseLicenseExpression("A OR B AND C"),
      { operator: "or", left: { id: "A" }, right: { operator: "and", left: { id: "B" }, right: { id: "C" } } },
      "AND binds tighter",
    );
    for (const text of ["", "MIT OR", "(MIT", "MIT)", "AND MIT", "MIT WITH", "MIT Apache-2.0"])
      assert.equal(parseLicenseExpression(text), undefined, JSON.stringify(text));
  });

  it("evaluates alternatives", function () {
    const nc = (id: string) => id.includes("NC");
    const expression = parseLicenseExpression("(A AND NC) OR (NC OR B)")!;
    assert.equal(everyAlternativeHas(expression, nc), false);
    assert.equal(
      someAlternativeAll(expression, (id) => id !== "NC"),
      true,
    );
    assert.equal(everyAlternativeHas(parseLicenseExpression("(A OR NC) AND NC")!, nc), true);
  });
});
