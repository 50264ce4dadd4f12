import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { applyEdits } from "../../../server/src/core/fixes/apply";
import { fixesFor } from "../../../server/src/core/fixes/fix-providers";
import { diagnosticsOf } from "../fixes/support";
import { engine, expectWants } from "../harness";

const PATH = "data/ocean.dataset.yaml";
const RULES = ["dataset/recordset-source", "schema/pattern", "schema/enum", "internal/rule-error"];

function manifest(distribution: string, recordSets: string): string {
  return `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\ndistribution:\n${distribution}recordSets:\n${recordSets}`;
}

const DISTRIBUTIONS =
  "  - { id: obs-csv, path: obs.csv, format: csv }\n  - { id: grid, path: grid.h5, format: hdf5 }\n" +
  "  - { id: obs-parquet, path: obs.parquet, format: parquet }\n";

const set = (id: string, source: string, marker = "") =>
  `  - id: ${id}\n    source: ${source}${marker}\n    fields: [{ name: a, type: number }]\n`;

function reported(text: string) {
  return engine.analyze({ path: PATH, text }).diagnostics.filter((d) => d.rule === "dataset/recordset-source");
}

describe("dataset/recordset-source", () => {
  it("accepts record sets whose source names a distribution of the manifest", () => {
    expectWants(PATH, manifest(DISTRIBUTIONS, set("a", "obs-csv") + set("b", "grid") + set("c", "obs-csv")), { rules: RULES });
  });

  it("reports a source that names no distribution, on the source, as an error naming the nearest id and listing them", () => {
    const text = manifest(DISTRIBUTIONS, set("readings", "obs_csv", " # want: dataset/recordset-source") + set("grid", "grid"));
    const [seen] = expectWants(PATH, text, { rules: RULES });
    assert.equal(seen.severity, "error");
    assert.equal(seen.covered, "obs_csv");
    assert.equal(
      seen.message,
      `Record set "readings" has source "obs_csv", but no distribution of this manifest has that id. ` +
        `Did you mean "obs-csv"? Name the id of the distribution it describes: "obs-csv", "grid", "obs-parquet".`,
    );
    assert.deepEqual(reported(text)[0].data, { candidates: ["obs-csv", "grid", "obs-parquet"], nearest: "obs-csv" });
  });

  it("names no guess when no id is close, and says so when the manifest has no distribution id", () => {
    const [far] = reported(manifest(DISTRIBUTIONS, set("t", "temperatures")));
    assert.doesNotMatch(far.message, /Did you mean/);
    assert.equal(far.data?.nearest, undefined);
    const [none] = reported(manifest("  - { path: obs.csv, format: csv }\n", set("t", "obs")));
    assert.match(none.message, /The manifest has no distribution with an id/);
    assert.deepEqual(none.data, { candidates: [] });
  });

  it("still checks a record set whose distribution has an invalid format, and counts that distribution's id", () => {
    const invalid = "  - { id: obs, path: obs.csv, format: CSV } # want: schema/enum\n";
    expectWants(PATH, manifest(invalid, set("a", "obs")), { rules: RULES });
    expectWants(PATH, manifest(invalid, set("a", "ob", " # want: dataset/recordset-source")), { rules: RULES });
  });

  it("leaves a missing source or one that is not a slug to the schema: one problem, one diagnostic", () => {
    const missing = engine.analyze({ path: PATH, text: manifest(DISTRIBUTIONS, "  - id: a\n    fields: [{ name: a, type: number }]\n") });
    assert.deepEqual(
      missing.diagnostics.filter((d) => d.pointer.startsWith("/recordSets")).map((d) => [d.rule, d.pointer]),
      [["schema/required", "/recordSets/0"]],
    );
    expectWants(PATH, manifest(DISTRIBUTIONS, set("a", "Obs CSV", " # want: schema/pattern")), { rules: RULES });
  });

  it("does not throw on odd record sets and distributions", () => {
    for (const text of [
      manifest("  - 3\n  - { id: [x] }\n", "  - null\n  - { source: 7 }\n  - [a]\n"),
      `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\ndistribution: { id: a }\nrecordSets: { source: a }\n`,
    ]) {
      assert.deepEqual(
        engine.analyze({ path: PATH, text }).diagnostics.filter((d) => d.rule === "internal/rule-error"),
        [],
      );
    }
  });

  it("offers each distribution id as a quick fix, nearest first, the close one preferred", () => {
    const text = manifest(DISTRIBUTIONS, set("readings", "obs_csv"));
    const { document, diagnostics } = diagnosticsOf(PATH, text);
    const diagnostic = diagnostics.find((d) => d.rule === "dataset/recordset-source");
    assert.ok(diagnostic);
    const fixes = fixesFor(document, diagnostic, { config: DEFAULT_CONFIG }).filter((f) => f.title.startsWith("Change"));
    assert.deepEqual(
      fixes.map((f) => [f.title, f.isPreferred === true]),
      [
        ['Change the source to "obs-csv"', true],
        ['Change the source to "grid"', false],
        ['Change the source to "obs-parquet"', false],
      ],
    );
    const fixed = applyEdits(text, fixes[0].edits);
    assert.match(fixed, /source: obs-csv\n/);
    assert.deepEqual(reported(fixed), []);
  });
});
