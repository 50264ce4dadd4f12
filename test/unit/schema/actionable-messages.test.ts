import * as assert from "node:assert/strict";
import { synonymAmong } from "../../../server/src/core/nearest";
import { diagnose } from "../harness";
import { dataset } from "../workspace/harness";

/** Messages a data steward can act on: a string YAML read as a number says to quote it; type words of other tools lead to ours. */
describe("schema messages a steward can act on", function () {
  it("a string field that YAML read as a number names what was written and says to quote it", function () {
    const text = dataset("ctl", "1.0.0", "", "internal", { classification: ["exportControl: { regime: ear, eccn: 0E001 }"] });
    const [finding] = diagnose("d.dataset.yaml", text).filter((d) => d.rule === "schema/type");
    assert.ok(finding, "a schema/type finding on the ECCN");
    assert.equal(finding.covered, "0E001");
    assert.match(finding.message, /YAML reads 0E001 as a number; quote it to keep it as written: "0E001"\.$/);
  });

  it("says nothing of quoting where the field is not a string, or the value is quoted", function () {
    const text = dataset("q", "1.0.0", "", "internal", { classification: ['exportControl: { regime: ear, eccn: "0E001" }'] });
    assert.ok(!diagnose("d.dataset.yaml", text).some((d) => /quote it/.test(d.message)));
  });

  it("a field type written as another tool's word (float) suggests the allowed one (number)", function () {
    const recordSet = "recordSets:\n  - id: rows\n    source: data\n    fields:\n      - { name: x, type: float }\n";
    const text = dataset("t", "1.0.0", recordSet).replace("format: json", "format: csv").replace("data.json", "data.csv");
    const [finding] = diagnose("d.dataset.yaml", text).filter((d) => d.rule === "schema/enum");
    assert.match(finding.message, /Did you mean "number"\?$/);
  });

  it("a property an if/then requires says why, read from the if", function () {
    const required = (path: string, text: string, property: string) =>
      diagnose(path, text).find((d) => d.rule === "schema/required" && d.message.includes(`"${property}"`))?.message;
    const pipeline = "apiVersion: genesis/v1\nkind: PipelineConfig\nid: p\nversion: 1.0.0\nclassification: { level: cui }\n";
    assert.equal(
      required("p.pipeline.yaml", pipeline, "provenance"),
      'The document is missing the required property "provenance", required because classification.level is above public (it is "cui").',
    );
    assert.equal(required("p.pipeline.yaml", pipeline.replace("cui", "public"), "provenance"), undefined);
    const access = required("d.dataset.yaml", dataset("d", "1.0.0", "", "internal"), "access");
    assert.match(access!, /, required because classification\.level is above public \(it is "internal"\)\.$/);
    const derived = dataset("d", "1.0.0", "lineage:\n  derivedFrom: [raw@1.0.0]\n");
    assert.match(
      required("d.dataset.yaml", derived, "generatedBy")!,
      /^"lineage" is missing .*, required because lineage\.derivedFrom is not empty\.$/,
    );
    const tabular = dataset("d", "1.0.0").replace("format: json", "format: csv");
    assert.match(
      required("d.dataset.yaml", tabular, "recordSets")!,
      /, required because distribution has an item whose format is csv, parquet, hdf5 or jsonl\.$/,
    );
    const ear = dataset("d", "1.0.0", "", "internal", { classification: ["exportControl: { regime: ear }"] });
    assert.match(required("d.dataset.yaml", ear, "eccn")!, /, required because classification\.exportControl\.regime is ear\.$/);
  });

  it("a required property written under a near name says so: tasks for task in model-index results", function () {
    const card =
      "apiVersion: genesis/v1\nkind: ModelCard\nid: m\nmodel-index:\n  - name: m\n    results:\n" +
      "      - tasks: { type: regression }\n        dataset: { type: a, name: b }\n        metrics: [{ type: rmse, value: 1 }]\n";
    const [task] = diagnose("m.model.yaml", card).filter((d) => d.rule === "schema/required" && d.message.includes('"task"'));
    assert.equal(
      task.message,
      'Item 1 of "results" is missing the required property "task". "tasks" is written here: did you mean "task"?',
    );
  });

  it("knows the common type words and only suggests an allowed value", function () {
    assert.equal(synonymAmong("Float64", ["string", "number"]), "number");
    assert.equal(synonymAmong("bool", ["string", "boolean"]), "boolean");
    assert.equal(synonymAmong("float", ["string", "integer"]), undefined);
    assert.equal(synonymAmong("banana", ["number"]), undefined);
  });
});

describe("dates are calendar dates", function () {
  it("a day the month does not have is a schema/format error; a leap day in a leap year is not", function () {
    const withDate = (date: string) => dataset("d", "1.0.0").replace("datePublished: 2026-01-15", `datePublished: ${date}`);
    assert.notEqual(withDate("2026-04-31"), dataset("d", "1.0.0"), "the fixture has a datePublished");
    for (const bad of ["2026-04-31", "2026-02-29", "2100-02-29"]) {
      assert.ok(
        diagnose("d.dataset.yaml", withDate(bad)).some((d) => d.rule === "schema/format" && d.covered === bad),
        bad,
      );
    }
    for (const good of ["2028-02-29", "2000-02-29", "2026-01-31", "2026-04-30T08:30:00Z"]) {
      assert.ok(!diagnose("d.dataset.yaml", withDate(good)).some((d) => d.rule === "schema/format"), good);
    }
  });
});
