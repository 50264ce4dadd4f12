import * as assert from "node:assert/strict";
import { isSemver, semverCompletion } from "../../../server/src/core/rules/semver-form";
import { configWith, diagnose, engine, expectWants } from "../harness";

const RULES = ["version/semver", "schema/type", "schema/pattern", "internal/rule-error"];

const pipeline = (version: string) => `apiVersion: genesis/v1\nkind: PipelineConfig\nid: ocean-qc\nversion: ${version}\n`;

describe("version/semver", () => {
  describe("semver form", () => {
    it("accepts semver 2.0.0 only, as written", () => {
      for (const good of ["0.0.0", "1.4.0", "2.0.0-rc.1", "1.0.0-alpha.beta.1", "1.0.0+build.7", "1.0.0-rc.1+sha.5114f85", "10.20.30"]) {
        assert.equal(isSemver(good), true, good);
      }
      for (const bad of [
        "v1.2.3",
        "=1.2.3",
        " 1.2.3",
        "1.2.3 ",
        "1.2",
        "1",
        "1.0.0.0",
        "01.2.3",
        "1.02.3",
        "1.2.3-01",
        "1.2.3-",
        "1.2.3+",
        "latest",
        "",
      ]) {
        assert.equal(isSemver(bad), false, bad);
      }
    });

    it("completes only the near misses that mean one version", () => {
      assert.equal(semverCompletion("1.2"), "1.2.0");
      assert.equal(semverCompletion("1"), "1.0.0");
      assert.equal(semverCompletion("v1.2.3"), "1.2.3");
      assert.equal(semverCompletion("V2.0.0-rc.1"), "2.0.0-rc.1");
      assert.equal(semverCompletion("01.2.3"), "1.2.3");
      assert.equal(semverCompletion(" 1.2.3 "), "1.2.3");
      assert.equal(semverCompletion("1.10"), "1.10.0");
      for (const open of ["1.0.0.0", "latest", "^1.2.0", "1.x", "1.2.3", "99999999999999999999.0.0", "1.2.3-01"]) {
        assert.equal(semverCompletion(open), undefined, open);
      }
    });
  });

  it("accepts semver versions in every kind", () => {
    expectWants("p.pipeline.yaml", pipeline("1.4.0"), { rules: RULES });
    expectWants("p.pipeline.yaml", pipeline("2.0.0-rc.1+build.5"), { rules: RULES });
    expectWants("d.dataset.yaml", `apiVersion: genesis/v1\nkind: DatasetManifest\nversion: "0.1.0"\n`, { rules: RULES });
    expectWants("m.modelcard.md", `---\napiVersion: genesis/v1\nkind: ModelCard\nversion: 3.0.1\n---\n\n# Card\n`, { rules: RULES });
  });

  it("reports a string that is not semver, with the completion as replacement", () => {
    const seen = expectWants("p.pipeline.yaml", pipeline("v1.2.3 # want: version/semver"), { rules: RULES });
    assert.equal(seen[0].message, `"v1.2.3" is not semver 2.0.0 (MAJOR.MINOR.PATCH); did you mean "1.2.3"?`);
    assert.equal(seen[0].covered, "v1.2.3");
    assert.equal(seen[0].severity, "error");
    const finding = engine
      .analyze({ path: "p.pipeline.yaml", text: pipeline("v1.2.3") })
      .diagnostics.find((d) => d.rule === "version/semver");
    assert.deepEqual(finding?.data, { replacement: "1.2.3" });
    assert.equal(finding?.pointer, "/version");
  });

  it("reports a version YAML reads as a number, completed from the text as written", () => {
    const seen = expectWants("p.pipeline.yaml", pipeline("1.10 # want: version/semver"), { rules: RULES });
    assert.equal(seen[0].message, `version 1.10 is a number, not semver 2.0.0 (MAJOR.MINOR.PATCH); did you mean "1.10.0"?`);
    const integer = engine.analyze({ path: "p.pipeline.yaml", text: pipeline("2") }).diagnostics.filter((d) => RULES.includes(d.rule));
    assert.deepEqual(
      integer.map((d) => [d.rule, d.data]),
      [["version/semver", { replacement: "2.0.0" }]],
    );
  });

  it("names the reason when no completion is determinate, and gives no replacement", () => {
    const cases: [string, RegExp][] = [
      ["1.0.0.0", /exactly three numbers/],
      ["latest", /an exact release, not a tag/],
      ['"^1.2.0"', /exact, not a range/],
      ["1.0.0-01", /no leading zeros/],
      ['"1.0 beta"', /no spaces/],
    ];
    for (const [version, reason] of cases) {
      const found = engine
        .analyze({ path: "p.pipeline.yaml", text: pipeline(version) })
        .diagnostics.filter((d) => d.rule === "version/semver");
      assert.equal(found.length, 1, version);
      assert.match(found[0].message, reason, version);
      assert.match(found[0].message, /MAJOR\.MINOR\.PATCH, e\.g\. "1\.4\.0"/, version);
      assert.equal(found[0].data, undefined, version);
    }
  });

  it("reports values of other types without throwing, once per node", () => {
    expectWants("p.pipeline.yaml", pipeline("[1, 2] # want: version/semver"), { rules: RULES });
    expectWants("p.pipeline.yaml", pipeline("{ major: 1 } # want: version/semver"), { rules: RULES });
    expectWants("p.pipeline.yaml", pipeline("true # want: version/semver"), { rules: RULES });
    const empty = expectWants("p.pipeline.yaml", pipeline(" # want: version/semver"), { rules: RULES });
    assert.match(empty[0].message, /^version is empty; it must be a semver 2\.0\.0 version/);
    assert.equal(empty[0].covered, "version");
  });

  it("checks the JSON form", () => {
    const text = `{\n  "apiVersion": "genesis/v1",\n  "kind": "DatasetManifest",\n  "version": 1.2\n}\n`;
    const seen = diagnose("d.dataset.json", text).filter((d) => RULES.includes(d.rule));
    assert.deepEqual(
      seen.map((d) => [d.rule, d.line, d.covered]),
      [["version/semver", 3, "1.2"]],
    );
    assert.match(seen[0].message, /did you mean "1\.2\.0"\?/);
    const quoted = diagnose("d.dataset.json", text.replace("1.2", '"1.2.0"')).filter((d) => RULES.includes(d.rule));
    assert.deepEqual(quoted, []);
  });

  it("checks flow YAML", () => {
    expectWants("p.pipeline.yaml", `{ apiVersion: genesis/v1, kind: PipelineConfig, version: 1.0.0.1 } # want: version/semver\n`, {
      rules: RULES,
    });
  });

  it("is silenced by genesis-ignore with a reason", () => {
    const text =
      "apiVersion: genesis/v1\nkind: PipelineConfig\n# genesis-ignore version/semver: upstream calendar version\nversion: 2025.1\n";
    expectWants("p.pipeline.yaml", text, { rules: [...RULES, "suppress/no-reason"] });
    const trailing = `apiVersion: genesis/v1\nkind: PipelineConfig\nversion: v2 # genesis-ignore version/semver: vendor scheme\n`;
    expectWants("p.pipeline.yaml", trailing, { rules: RULES });
  });

  it("follows per-rule severity overrides", () => {
    const seen = diagnose("p.pipeline.yaml", pipeline("v1"), configWith({ rules: { "version/semver": "warning" } })).filter(
      (d) => d.rule === "version/semver",
    );
    assert.equal(seen[0].severity, "warning");
    assert.equal(
      diagnose("p.pipeline.yaml", pipeline("v1"), configWith({ rules: { "version/semver": "off" } })).filter(
        (d) => d.rule === "version/semver",
      ).length,
      0,
    );
  });
  it("leaves a template's placeholder to placeholder/value (an imported document writes TODO where its source gave no version)", () => {
    expectWants("p.pipeline.yaml", pipeline("TODO # want: placeholder/value"), { rules: [...RULES, "placeholder/value"] });
  });
});
