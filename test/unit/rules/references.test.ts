import * as assert from "node:assert/strict";
import { parseReference } from "../../../server/src/core/rules/reference-form";
import { referencePositions } from "../../../server/src/core/rules/reference-positions";
import { configWith, diagnose, engine, expectWants } from "../harness";

const RULES = ["ref/unversioned", "schema/pattern", "schema/type", "internal/rule-error"];

describe("references", () => {
  describe("parseReference", () => {
    it("reads internal references", () => {
      assert.deepEqual(parseReference("ocean-temps@1.2.0"), { type: "internal", id: "ocean-temps", version: "1.2.0" });
      assert.deepEqual(parseReference("raw.buoys_v2@2.0.0-rc.1+b7"), { type: "internal", id: "raw.buoys_v2", version: "2.0.0-rc.1+b7" });
      assert.deepEqual(parseReference("ocean-temps"), { type: "internal", id: "ocean-temps" });
    });

    it("reads doi:, hf: and https: references", () => {
      assert.deepEqual(parseReference("doi:10.5281/zenodo.1234567"), { type: "external", scheme: "doi", doi: "10.5281/zenodo.1234567" });
      assert.deepEqual(parseReference("hf:org/name"), { type: "external", scheme: "hf", repo: "org/name" });
      assert.deepEqual(parseReference("hf:org/name@a1b2c3"), { type: "external", scheme: "hf", repo: "org/name", revision: "a1b2c3" });
      assert.deepEqual(parseReference("hf:datasets/org/name@refs/pr/1"), {
        type: "external",
        scheme: "hf",
        repo: "org/name",
        repoType: "datasets",
        revision: "refs/pr/1",
      });
      assert.deepEqual(parseReference("https://data.example.gov/ocean.csv"), {
        type: "external",
        scheme: "https",
        url: "https://data.example.gov/ocean.csv",
      });
    });

    it("says why a reference is malformed, and the one it means when that is determinate", () => {
      const cases: [string, RegExp, string | undefined][] = [
        ["ocean@1.2", /the version "1\.2" is not semver 2\.0\.0/, "ocean@1.2.0"],
        ["ocean@v1.2.0", /is not semver/, "ocean@1.2.0"],
        ["ocean@^1.2.0", /not an exact version/, undefined],
        ["ocean@latest", /not an exact version/, undefined],
        ["ocean@", /nothing follows "@"/, undefined],
        ["@1.0.0", /the id before "@" is missing/, undefined],
        ["Ocean-Temps@1.0.0", /ids are lower case/, "ocean-temps@1.0.0"],
        ["ocean temps@1.0.0", /blanks/, undefined],
        [" ocean@1.0.0", /blanks/, "ocean@1.0.0"],
        ["ocean!@1.0.0", /"ocean!" is not an id/, undefined],
        ["http://example.org/a.csv", /http: is not accepted, only https:/, "https://example.org/a.csv"],
        ["s3://bucket/a.csv", /"s3:" is not a reference scheme \(doi:, hf: or https:\)/, undefined],
        ["DOI:10.5281/zenodo.1", /lower case/, "doi:10.5281/zenodo.1"],
        ["doi:10.1/x", /doi:10\.NNNN\/suffix/, undefined],
        ["doi:https://doi.org/10.5281/zenodo.1", /doi:10\.NNNN\/suffix/, "doi:10.5281/zenodo.1"],
        ["hf:gpt2", /hf:org\/name with an optional @revision/, undefined],
        ["hf://org/name", /hf:org\/name/, "hf:org/name"],
        ["https://", /not a well-formed https:\/\/ URL/, undefined],
        ["https:/example.org", /not a well-formed/, undefined],
        ["", /empty/, undefined],
      ];
      for (const [text, reason, suggestion] of cases) {
        const parsed = parseReference(text);
        assert.equal(parsed.type, "invalid", text);
        if (parsed.type !== "invalid") continue;
        assert.match(parsed.reason, reason, text);
        assert.equal(parsed.suggestion, suggestion, text);
      }
    });

    it("lists the reference positions of every kind with their target kind", () => {
      assert.deepEqual(
        referencePositions("DatasetManifest").map((p) => [p.pattern, p.targets]),
        [
          ["/lineage/derivedFrom/*", ["DatasetManifest"]],
          ["/lineage/generatedBy/pipeline", ["PipelineConfig"]],
        ],
      );
      assert.deepEqual(
        referencePositions("PipelineConfig").map((p) => p.pattern),
        ["/inputs/*/ref", "/outputs/*/ref"],
      );
      assert.deepEqual(
        referencePositions("PipelineConfig")[1].targets,
        ["DatasetManifest", "ModelCard"],
        "an output is a dataset or a model (docs/formats/pipeline-config.md)",
      );
      assert.deepEqual(
        referencePositions("ModelCard").map((p) => p.pattern),
        ["/training/datasets/*", "/training/pipeline", "/evaluation/datasets/*", "/evaluation/results/*/dataset"],
      );
    });
  });

  describe("ref/unversioned", () => {
    it("reports a bare id in every reference position, and nothing for pinned or external references", () => {
      expectWants(
        "d.dataset.yaml",
        `apiVersion: genesis/v1
kind: DatasetManifest
lineage:
  derivedFrom:
    - raw-buoys # want: ref/unversioned
    - raw-argo@1.0.0
    - doi:10.5281/zenodo.1234567
    - hf:noaa/sst@main
    - https://data.example.gov/sst.nc
  generatedBy:
    pipeline: buoy-qc # want: ref/unversioned
`,
        { rules: RULES },
      );
      expectWants(
        "p.pipeline.yaml",
        `apiVersion: genesis/v1
kind: PipelineConfig
inputs:
  - { name: raw, ref: raw-buoys } # want: ref/unversioned
outputs:
  - name: clean
    ref: ocean-temps # want: ref/unversioned
  - name: other
    ref: other-temps@2.1.0
`,
        { rules: RULES },
      );
      expectWants(
        "m.modelcard.md",
        `---
apiVersion: genesis/v1
kind: ModelCard
training:
  datasets: [ocean-temps, raw-buoys@1.0.0] # want: ref/unversioned
  pipeline: train-surrogate # want: ref/unversioned
evaluation:
  datasets:
    - ocean-holdout # want: ref/unversioned
  results:
    - { metric: rmse, value: 0.3, dataset: ocean-holdout } # want: ref/unversioned
---

# Card
`,
        { rules: RULES },
      );
    });

    it("names the id@version form in its message, underlines the reference and is a warning", () => {
      const seen = expectWants(
        "d.dataset.yaml",
        `apiVersion: genesis/v1\nkind: DatasetManifest\nlineage:\n  derivedFrom: [raw-buoys] # want: ref/unversioned\n`,
        { rules: RULES },
      );
      assert.equal(
        seen[0].message,
        `"raw-buoys" has no version; a reference to an upstream dataset is id@version: ` +
          `write "raw-buoys@<version>" with the exact version used.`,
      );
      assert.equal(seen[0].covered, "raw-buoys");
      assert.equal(seen[0].severity, "warning");
      const finding = engine
        .analyze({ path: "d.dataset.yaml", text: `apiVersion: genesis/v1\nkind: DatasetManifest\nlineage:\n  derivedFrom: [raw-buoys]\n` })
        .diagnostics.find((d) => d.rule === "ref/unversioned");
      assert.equal(finding?.pointer, "/lineage/derivedFrom/0");
      assert.deepEqual(finding?.data, { id: "raw-buoys" });
    });

    it("is raised to an error in the release profile", () => {
      const text = `apiVersion: genesis/v1\nkind: PipelineConfig\ninputs:\n  - { name: raw, ref: raw-buoys }\n`;
      const seen = diagnose("p.pipeline.yaml", text, configWith({ profile: "release" })).filter((d) => d.rule === "ref/unversioned");
      assert.deepEqual(
        seen.map((d) => d.severity),
        ["error"],
      );
    });

    it("is silenced by genesis-ignore with a reason", () => {
      expectWants(
        "d.dataset.yaml",
        `apiVersion: genesis/v1\nkind: DatasetManifest\nlineage:\n  derivedFrom:\n` +
          `    # genesis-ignore ref/unversioned: upstream publishes no versions yet\n    - raw-buoys\n`,
        { rules: RULES },
      );
    });
  });

  describe("malformed references (schema/pattern)", () => {
    it("reports every malformed form, with the accepted forms in the message", () => {
      const seen = expectWants(
        "d.dataset.yaml",
        `apiVersion: genesis/v1
kind: DatasetManifest
lineage:
  derivedFrom:
    - raw-buoys@1.2 # want: schema/pattern
    - http://data.example.gov/a.csv # want: schema/pattern
    - "raw buoys@1.0.0" # want: schema/pattern
    - Raw-Buoys@1.0.0 # want: schema/pattern
    - s3://bucket/raw # want: schema/pattern
    - raw-buoys@latest # want: schema/pattern
  generatedBy:
    pipeline: doi:10.1/x # want: schema/pattern
`,
        { rules: RULES },
      );
      assert.equal(
        seen[0].message,
        `"raw-buoys@1.2" is not a valid reference: the version "1.2" is not semver 2.0.0 (MAJOR.MINOR.PATCH); did you mean "raw-buoys@1.2.0"? A reference is id@version (e.g. "ocean-temps@1.2.0"), doi:10.NNNN/suffix, hf:org/name with an optional @revision, or an https:// URL.`,
      );
      for (const d of seen) assert.equal(d.severity, "error");
    });

    it("carries the determinate correction as replacement, and none otherwise", () => {
      const text =
        `apiVersion: genesis/v1\nkind: PipelineConfig\ninputs:\n` +
        `  - { name: a, ref: Raw-Buoys@1.0.0 }\n  - { name: b, ref: raw@latest }\n`;
      const found = engine.analyze({ path: "p.pipeline.yaml", text }).diagnostics.filter((d) => d.rule === "schema/pattern");
      assert.deepEqual(
        found.map((d) => [d.pointer, d.data]),
        [
          ["/inputs/0/ref", { replacement: "raw-buoys@1.0.0" }],
          ["/inputs/1/ref", undefined],
        ],
      );
    });

    it("leaves references that are not strings to schema/type, without throwing", () => {
      expectWants(
        "m.model.yaml",
        `apiVersion: genesis/v1
kind: ModelCard
training:
  datasets:
    - 12 # want: schema/type
    - [nested] # want: schema/type
    - { id: x } # want: schema/type
  pipeline: # want: schema/type
evaluation: { datasets: null, results: [null, { dataset: true }] } # want: schema/type, schema/type, schema/type
`,
        { rules: RULES },
      );
    });

    it("checks the JSON form", () => {
      const text = `{\n  "apiVersion": "genesis/v1",\n  "kind": "PipelineConfig",\n  "inputs": [\n    { "name": "raw", "ref": "raw-buoys" },\n    { "name": "x", "ref": "ftp://x/y" }\n  ]\n}\n`;
      const seen = diagnose("p.pipeline.json", text).filter((d) => RULES.includes(d.rule));
      assert.deepEqual(
        seen.map((d) => [d.rule, d.line, d.covered]),
        [
          ["ref/unversioned", 4, '"raw-buoys"'],
          ["schema/pattern", 5, '"ftp://x/y"'],
        ],
      );
    });
  });
});
