import * as assert from "node:assert/strict";
import { HUGGING_FACE_LICENSE_IDS } from "../../../server/src/core/rules/hugging-face-licenses";
import { licenseSpelling } from "../../../server/src/core/rules/license-spelling";
import type { Diagnostic } from "../../../server/src/core/types";
import { diagnose, engine, expectWants } from "../harness";

const RULES = ["license/spdx", "schema/type", "schema/pattern", "internal/rule-error"];

const manifest = (license: string) => `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\nlicense: ${license}\n`;
const modelYaml = (license: string) => `apiVersion: genesis/v1\nkind: ModelCard\nid: surrogate\nlicense: ${license}\n`;

/** The license/spdx findings of a text, with their data. */
function licenseFindings(path: string, text: string): Diagnostic[] {
  return engine.analyze({ path, text }).diagnostics.filter((d) => d.rule === "license/spdx" || d.rule === "internal/rule-error");
}

function only(path: string, text: string): Diagnostic {
  const found = licenseFindings(path, text);
  assert.equal(found.length, 1, `expected one license/spdx finding, got ${JSON.stringify(found.map((d) => d.message))}`);
  return found[0];
}

describe("license/spdx", () => {
  it("accepts SPDX expressions, LicenseRef, WITH, +, and deprecated ids", () => {
    const valid = [
      "MIT",
      "CC-BY-4.0",
      "MIT OR Apache-2.0",
      '"(MIT AND BSD-3-Clause) OR Apache-2.0"',
      "LicenseRef-lab-internal",
      "DocumentRef-spdx-tool:LicenseRef-custom",
      "GPL-2.0-or-later WITH Classpath-exception-2.0",
      "GPL-2.0+",
      "GPL-2.0",
    ];
    for (const license of valid) assert.deepEqual(licenseFindings("d.dataset.yaml", manifest(license)), [], license);
  });

  it("accepts Hugging Face license ids in model cards only", () => {
    for (const id of ["apache-2.0", "openrail++", "llama3.1", "bigscience-bloom-rail-1.0", "cc-by-nc-4.0", "unknown", "other", "MIT"]) {
      assert.deepEqual(licenseFindings("m.model.yaml", modelYaml(id)), [], id);
    }
    expectWants("m.modelcard.md", `---\napiVersion: genesis/v1\nkind: ModelCard\nlicense: openrail\n---\n\n# Card\n`, { rules: RULES });
    expectWants("d.dataset.yaml", manifest("openrail # want: license/spdx"), { rules: RULES });
  });

  it("keeps the Hugging Face list in its own module, lower case", () => {
    assert.ok(
      HUGGING_FACE_LICENSE_IDS.has("apache-2.0") && HUGGING_FACE_LICENSE_IDS.has("other") && HUGGING_FACE_LICENSE_IDS.has("llama4"),
    );
    for (const id of HUGGING_FACE_LICENSE_IDS) assert.equal(id, id.toLowerCase());
  });

  it("gives the SPDX id of a case-insensitive match as replacement", () => {
    const seen = expectWants("d.dataset.yaml", manifest("apache-2.0 # want: license/spdx"), { rules: RULES });
    assert.equal(seen[0].message, `"apache-2.0" is not an SPDX license id; the SPDX id is "Apache-2.0".`);
    assert.equal(seen[0].covered, "apache-2.0");
    assert.equal(seen[0].severity, "error");
    assert.deepEqual(only("d.dataset.yaml", manifest("apache-2.0")).data, { replacement: "Apache-2.0" });
  });

  it("reads common spellings as their SPDX id", () => {
    const spellings: [string, string][] = [
      ["Apache 2", "Apache-2.0"],
      ["Apache 2.0", "Apache-2.0"],
      ["Apache License 2.0", "Apache-2.0"],
      ['"Apache License, Version 2.0"', "Apache-2.0"],
      ["MIT License", "MIT"],
      ["BSD 3-Clause", "BSD-3-Clause"],
      ["CC BY 4.0", "CC-BY-4.0"],
      ["CC-BY 4.0", "CC-BY-4.0"],
      ["CC BY-NC-SA 4.0", "CC-BY-NC-SA-4.0"],
      ["cc0", "CC0-1.0"],
      ["odbl", "ODbL-1.0"],
    ];
    for (const [written, id] of spellings) {
      const finding = only("d.dataset.yaml", manifest(written));
      assert.deepEqual(finding.data, { replacement: id }, written);
      assert.match(finding.message, new RegExp(`the SPDX id is "${id.replace(/[.+]/g, "\\$&")}"`), written);
    }
  });

  it("offers a choice, not a replacement, when a spelling names several licenses", () => {
    const gpl = only("d.dataset.yaml", manifest("GPLv3"));
    assert.equal(
      gpl.message,
      `"GPLv3" is not an SPDX license id; write "GPL-3.0-only" or "GPL-3.0-or-later" (SPDX says whether later versions may be used).`,
    );
    assert.deepEqual(gpl.data, { candidates: ["GPL-3.0-only", "GPL-3.0-or-later"] });
    const publicDomain = only("d.dataset.yaml", manifest("Public Domain"));
    assert.deepEqual(publicDomain.data, { candidates: ["CC0-1.0", "PDDL-1.0", "Unlicense"] });
    assert.deepEqual(only("d.dataset.yaml", manifest("MPL")).data, { candidates: ["MPL-1.0", "MPL-1.1", "MPL-2.0"] });
    assert.deepEqual(licenseSpelling("gpl-2.0"), {
      kind: "choice",
      candidates: ["GPL-2.0-only", "GPL-2.0-or-later"],
      note: "SPDX says whether later versions may be used",
    });
  });

  it("corrects each id of an expression when every correction is determinate", () => {
    const finding = only("d.dataset.yaml", manifest("MIT OR apache-2.0"));
    assert.equal(
      finding.message,
      `"MIT OR apache-2.0" is not a valid SPDX license expression: "apache-2.0" is "Apache-2.0" in SPDX; did you mean "MIT OR Apache-2.0"?`,
    );
    assert.deepEqual(finding.data, { replacement: "MIT OR Apache-2.0" });
    const mixed = only("d.dataset.yaml", manifest("MIT OR Apche-2.0 OR gplv3"));
    assert.match(
      mixed.message,
      /"Apche-2\.0" is not an SPDX license id \(did you mean "Apache-2\.0"\?\), "gplv3" could be "GPL-3\.0-only" or "GPL-3\.0-or-later"\.$/,
    );
    assert.deepEqual(mixed.data, { nearest: "Apache-2.0" });
  });

  it("names the nearest id of a typo, and the LicenseRef form of an unknown name", () => {
    const typo = only("d.dataset.yaml", manifest("Mitt"));
    assert.match(typo.message, /^"Mitt" is not an SPDX license id; did you mean "MIT"\?/);
    assert.deepEqual(typo.data, { nearest: "MIT" });
    const custom = only("d.dataset.yaml", manifest("Proprietary"));
    assert.match(custom.message, /"LicenseRef-proprietary" for a license that is not on the SPDX list/);
    assert.equal(custom.data, undefined);
    assert.deepEqual(only("m.model.yaml", modelYaml("llama-3")).data, { nearest: "llama3" });
  });

  it("lower-cases a Hugging Face id written in another case, in model cards", () => {
    const finding = only("m.model.yaml", modelYaml("Llama3"));
    assert.equal(finding.message, `"Llama3" is not a license id; the Hugging Face id is "llama3".`);
    assert.deepEqual(finding.data, { replacement: "llama3" });
  });

  it("asks for AND or OR between listed licenses", () => {
    for (const listed of ["MIT/Apache-2.0", '"MIT, Apache 2.0"', "MIT Apache-2.0"]) {
      const finding = only("d.dataset.yaml", manifest(listed));
      assert.match(
        finding.message,
        new RegExp(
          /lists several licenses; join them with OR when any one applies \("MIT OR Apache-2\.0"\) /.source +
            /or AND when all apply \("MIT AND Apache-2\.0"\)\.$/.source,
        ),
        listed,
      );
      assert.deepEqual(finding.data, { candidates: ["MIT OR Apache-2.0", "MIT AND Apache-2.0"] });
    }
  });

  it("repairs a LicenseRef name with characters SPDX does not allow", () => {
    assert.deepEqual(only("d.dataset.yaml", manifest("LicenseRef-lab internal")).data, { replacement: "LicenseRef-lab-internal" });
    assert.deepEqual(only("d.dataset.yaml", manifest("licenseref-lab_internal")).data, { replacement: "LicenseRef-lab-internal" });
  });

  it("explains a broken expression structure", () => {
    for (const broken of ["MIT OR", '"(MIT OR Apache-2.0"', "Apache-2.0 WITH"]) {
      assert.match(
        only("d.dataset.yaml", manifest(broken)).message,
        /is not a valid SPDX license expression; join license ids with AND or OR and close every parenthesis/,
        broken,
      );
    }
    assert.match(
      only("d.dataset.yaml", manifest("GPL-2.0 WITH Foo-exception")).message,
      /"Foo-exception" is not an SPDX license exception id\.$/,
    );
  });

  it("reports a license that is not a string, once and without throwing", () => {
    expectWants("d.dataset.yaml", manifest("2 # want: license/spdx"), { rules: RULES });
    expectWants("d.dataset.yaml", manifest("[MIT, Apache-2.0] # want: license/spdx"), { rules: RULES });
    expectWants("d.dataset.yaml", manifest("{ id: MIT } # want: license/spdx"), { rules: RULES });
    const empty = expectWants("d.dataset.yaml", manifest(" # want: license/spdx"), { rules: RULES });
    assert.equal(empty[0].covered, "license");
    assert.match(only("d.dataset.yaml", manifest("[MIT, Apache-2.0]")).message, /^license is a list; write one SPDX expression/);
    expectWants("d.dataset.yaml", manifest('"" # want: license/spdx'), { rules: RULES });
  });

  it("checks the JSON form", () => {
    const text = `{\n  "apiVersion": "genesis/v1",\n  "kind": "DatasetManifest",\n  "license": "Apache 2.0"\n}\n`;
    const seen = diagnose("d.dataset.json", text).filter((d) => RULES.includes(d.rule));
    assert.deepEqual(
      seen.map((d) => [d.rule, d.line, d.covered]),
      [["license/spdx", 3, '"Apache 2.0"']],
    );
  });

  it("checks flow YAML and Hugging Face README cards", () => {
    expectWants("d.dataset.yaml", `{ apiVersion: genesis/v1, kind: DatasetManifest, license: Apache 2 } # want: license/spdx\n`, {
      rules: RULES,
    });
    expectWants("README.md", `---\nlibrary_name: transformers\nlicense: apache-2.0\n---\n\n# Model\n`, { rules: RULES });
    expectWants("README.md", `---\nlibrary_name: transformers\nlicense: Apache License 2.0 # want: license/spdx\n---\n\n# Model\n`, {
      rules: RULES,
    });
  });

  it("does not check pipelines, which have no license", () => {
    const seen = diagnose("p.pipeline.yaml", `apiVersion: genesis/v1\nkind: PipelineConfig\nlicense: not a license\n`);
    assert.equal(seen.filter((d) => d.rule === "license/spdx").length, 0);
  });

  it("is silenced by genesis-ignore with a reason", () => {
    expectWants("d.dataset.yaml", manifest("Proprietary # genesis-ignore license/spdx: legal is drafting the LicenseRef"), {
      rules: RULES,
    });
  });
  it("leaves a template's placeholder to placeholder/value (an import writes TODO where the source names no licence)", () => {
    expectWants("d.dataset.yaml", manifest("TODO # want: placeholder/value"), { rules: [...RULES, "placeholder/value"] });
  });
});
