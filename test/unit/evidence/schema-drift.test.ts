import * as assert from "node:assert/strict";
import { sampledColumn } from "../../../server/src/core/evidence/field-types";
import type { ColumnEvidence, FileEvidence, Hdf5DatasetEvidence } from "../../../server/src/core/evidence/types";
import { configWith } from "../harness";
import { diagnoseIo, expectIoWants, ok } from "./harness";

const PATH = "data/ocean.dataset.yaml";

function manifest(format: string, fields: string, file = "files/obs.csv", extra = ""): string {
  return (
    `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\ndistribution:\n  - id: obs\n    path: ${file}\n` +
    `    format: ${format}\nrecordSets:\n  - id: observations\n    source: obs\n    fields:\n${fields}${extra}`
  );
}

const csv = (columns: ColumnEvidence[], sampledRows = 200): FileEvidence => ok({ table: { format: "csv", columns, sampledRows } });
const parquet = (columns: ColumnEvidence[]): FileEvidence => ok({ table: { format: "parquet", columns } });
const hdf5 = (datasets: Hdf5DatasetEvidence[]): FileEvidence => ok({ hdf5: { datasets } });

const CSV_COLUMNS: ColumnEvidence[] = [
  { name: "station", type: "string", sampled: { text: "st-01" } },
  { name: "temperature", type: "number", sampled: { number: "12.5", integer: "13" } },
  { name: "count", type: "integer", sampled: { integer: "4", binary: "1" } },
  { name: "valid", type: "integer", sampled: { binary: "0" } },
  { name: "day", type: "date", sampled: { date: "2026-01-15" } },
];

describe("io evidence: data/schema-drift", () => {
  describe("CSV", () => {
    const fields =
      `      - { name: station, type: string }\n      - { name: temperature, type: number }\n` +
      `      - { name: count, type: integer }\n      - { name: valid, type: boolean }\n      - { name: day, type: datetime }\n`;

    it("accepts a header and sampled cells that the declared types hold", () => {
      expectIoWants(PATH, manifest("csv", fields), { "data/files/obs.csv": csv(CSV_COLUMNS) });
    });

    it("reports a renamed column once, on the field's name, with the nearest column", () => {
      const renamed = fields.replace("name: temperature, type: number }", "name: temprature, type: number } # want: data/schema-drift");
      const [field] = expectIoWants(PATH, manifest("csv", renamed), { "data/files/obs.csv": csv(CSV_COLUMNS) });
      assert.equal(
        field.message,
        `Field "temprature" is not a column of "files/obs.csv". ` +
          `Did you mean "temperature"? Its columns are: station, temperature, count, valid, day.`,
      );
      assert.equal(field.covered, "temprature");
    });

    it("reports a column no field declares on the record set's fields key", () => {
      const missing = fields.replace("      - { name: temperature, type: number }\n", "");
      const [undeclared] = expectIoWants(
        PATH,
        manifest("csv", missing).replace("    fields:\n", "    fields: # want: data/schema-drift\n"),
        { "data/files/obs.csv": csv(CSV_COLUMNS) },
      );
      assert.equal(undeclared.covered, "fields");
      assert.equal(
        undeclared.message,
        `"files/obs.csv" has a column that no field declares: temperature (number). ` +
          `Add a field for it to record set "observations" (name and type), or remove it from the file.`,
      );
    });

    it("reports a type drift only when the declared type cannot hold a sampled cell", () => {
      const drift = fields.replace("name: temperature, type: number }", "name: temperature, type: integer } # want: data/schema-drift");
      const [seen] = expectIoWants(PATH, manifest("csv", drift), { "data/files/obs.csv": csv(CSV_COLUMNS, 57) });
      assert.equal(
        seen.message,
        `Field "temperature" is declared integer, but "files/obs.csv" has the value ` +
          `"12.5" in that column (57 rows sampled); declare "number", or fix the data.`,
      );
      assert.equal(seen.covered, "integer");
      const text = fields.replace("name: station, type: string }", "name: station, type: date } # want: data/schema-drift");
      expectIoWants(PATH, manifest("csv", text), { "data/files/obs.csv": csv(CSV_COLUMNS) });
    });

    it("ignores columns whose sampled cells are all empty", () => {
      expectIoWants(PATH, manifest("csv", "      - { name: note, type: integer }\n"), {
        "data/files/obs.csv": csv([{ name: "note", sampled: {} }]),
      });
    });

    it("reads NaN, the infinities and empty cells as pandas, NumPy and R write them: a float column stays number", () => {
      // Cells as read from the file, through the same sampling as the CSV reader.
      const pandas = [
        sampledColumn("station", ["st-01", "st-02", "st-03"]),
        sampledColumn("flux", ["1.5", "inf", "-inf", "+inf", "Infinity", "-Infinity", "NaN", "nan", "", "  ", "2", "Inf"]),
        sampledColumn("gap", ["nan", "", "-inf"]),
      ];
      assert.equal(pandas[1].type, "number");
      assert.equal(pandas[2].type, "number");
      const declared =
        "      - { name: station, type: string }\n      - { name: flux, type: number }\n      - { name: gap, type: number }\n";
      expectIoWants(PATH, manifest("csv", declared), { "data/files/obs.csv": csv(pandas) });
      // They are numbers, not integers: a field declared integer still drifts, and the fix says number.
      const integer = declared.replace("name: flux, type: number }", "name: flux, type: integer } # want: data/schema-drift");
      const [seen] = expectIoWants(PATH, manifest("csv", integer), { "data/files/obs.csv": csv(pandas) });
      assert.match(seen.message, /declare "number", or fix the data/);
    });

    it("reports each undeclared column once, on the first record set of that source", () => {
      const text =
        `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\ndistribution:\n` +
        `  - { id: obs, path: obs.csv, format: csv }\nrecordSets:\n` +
        `  - id: first\n    source: obs\n    fields: # want: data/schema-drift\n      - { name: station, type: string }\n` +
        `  - id: second\n    source: obs\n    fields:\n      - { name: temperature, type: number }\n`;
      const [seen] = expectIoWants("ocean.dataset.yaml", text, { "obs.csv": csv(CSV_COLUMNS) });
      assert.match(
        seen.message,
        new RegExp(
          /has columns that no field declares: count \(integer\), valid \(integer\), /.source +
            /day \(date\)\. Add a field for each to record set "first"/.source,
        ),
      );
    });

    it("reports a file that is not readable CSV on the distribution path: an error when malformed, a warning when too large", () => {
      const text = manifest("csv", "      - { name: a, type: string }\n").replace(
        "path: files/obs.csv",
        "path: files/obs.csv # want: data/schema-drift",
      );
      const [malformed] = expectIoWants(PATH, text, {
        "data/files/obs.csv": ok({ failures: { table: { kind: "malformed", reason: "it has no header row" } } }),
      });
      assert.equal(malformed.severity, "error");
      assert.equal(
        malformed.message,
        `"files/obs.csv" is not a readable CSV file (it has no header row), ` +
          `so its schema was not compared with its record sets. Check the file, or the distribution's format ("csv").`,
      );
      const [large] = diagnoseIo(PATH, text, {
        "data/files/obs.csv": ok({ failures: { table: { kind: "too-large", reason: "its first line is longer than 64 KB" } } }),
      });
      assert.equal(large.severity, "warning");
      const [folder] = diagnoseIo(PATH, text, { "data/files/obs.csv": { status: "ok", kind: "folder", size: 0 } });
      assert.match(folder.message, /is a folder, not a CSV file/);
    });

    it("is silenced by genesis-ignore and follows the release profile (not an R rule)", () => {
      const drift = fields.replace(
        "      - { name: temperature, type: number }\n",
        "      # genesis-ignore data/schema-drift: the logger writes integers until v2\n      - { name: temperature, type: integer }\n",
      );
      expectIoWants(PATH, manifest("csv", drift), { "data/files/obs.csv": csv(CSV_COLUMNS) });
      const seen = diagnoseIo(
        PATH,
        manifest("csv", "      - { name: temp, type: number }\n"),
        { "data/files/obs.csv": csv([{ name: "temp", type: "string", sampled: { text: "n/a" } }]) },
        configWith({ profile: "release" }),
      );
      assert.deepEqual(
        seen.map((s) => s.severity),
        ["error"],
      );
    });
  });

  describe("Parquet", () => {
    const columns: ColumnEvidence[] = [
      { name: "station", type: "string", recorded: "BYTE_ARRAY (STRING)" },
      { name: "temperature", type: "number", recorded: "DOUBLE" },
      { name: "count", type: "integer", recorded: "INT64" },
      { name: "at", type: "datetime", recorded: "INT64 (TIMESTAMP)" },
      { name: "meta", recorded: "group" },
    ];

    it("accepts matching names and types; number holds integers; a column without a field type is not compared", () => {
      const fields =
        `      - { name: station, type: string }\n      - { name: temperature, type: number }\n` +
        `      - { name: count, type: number }\n      - { name: at, type: datetime }\n      - { name: meta, type: string }\n`;
      expectIoWants(PATH, manifest("parquet", fields, "obs.parquet"), { "data/obs.parquet": parquet(columns) });
    });

    it("reports a recorded type that differs from the declared one", () => {
      const fields =
        `      - { name: station, type: string }\n` +
        `      - { name: temperature, type: integer } # want: data/schema-drift\n      - { name: count, type: integer }\n` +
        `      - { name: at, type: date } # want: data/schema-drift\n      - { name: meta, type: string }\n`;
      const seen = expectIoWants(PATH, manifest("parquet", fields, "obs.parquet"), { "data/obs.parquet": parquet(columns) });
      assert.equal(
        seen[0].message,
        `Field "temperature" is declared integer, but "obs.parquet" stores DOUBLE (number) ` +
          `in that column; declare "number", or rewrite the column.`,
      );
      assert.match(seen[1].message, /stores INT64 \(TIMESTAMP\) \(datetime\) in that column; declare "datetime"/);
    });
  });

  describe("HDF5", () => {
    const datasets: Hdf5DatasetEvidence[] = [
      { name: "/grid/temperature", type: "number", recorded: "float32", rank: 3 },
      { name: "/grid/mask", type: "boolean", recorded: "enum {FALSE, TRUE}", rank: 2 },
      { name: "/stations", type: "string", recorded: "string", rank: 1 },
    ];

    it("matches dataset paths with or without the leading slash; array holds a dataset of rank 2 or more", () => {
      const fields =
        `      - { name: /grid/temperature, type: array }\n` +
        `      - { name: grid/mask, type: boolean }\n      - { name: /stations, type: string }\n`;
      expectIoWants(PATH, manifest("hdf5", fields, "grid.h5"), { "data/grid.h5": hdf5(datasets) });
    });

    it("reports a missing dataset (suggesting the path as written) and a type drift", () => {
      const fields =
        `      - { name: grid/temprature, type: number } # want: data/schema-drift\n` +
        `      - { name: grid/mask, type: boolean }\n      - { name: /stations, type: integer } # want: data/schema-drift\n`;
      const seen = expectIoWants(PATH, manifest("hdf5", fields, "grid.h5"), { "data/grid.h5": hdf5(datasets) });
      const byLine = seen.sort((a, b) => a.line - b.line);
      assert.match(
        byLine[0].message,
        new RegExp(
          /^Field "grid\/temprature" is not a dataset of "grid.h5". /.source +
            /Did you mean "grid\/temperature"\? Its datasets are: \/grid\/temperature, \/grid\/mask, \/stations\.$/.source,
        ),
      );
      assert.match(byLine[1].message, /declared integer, but "grid.h5" stores string \(string\) in that dataset; declare "string"/);
    });

    it("reports an unreadable HDF5 file once, on the distribution", () => {
      const text = manifest("hdf5", "      - { name: /a, type: number }\n", "grid.h5").replace(
        "path: grid.h5",
        "path: grid.h5 # want: data/schema-drift",
      );
      const [seen] = expectIoWants(PATH, text, {
        "data/grid.h5": ok({ failures: { hdf5: { kind: "malformed", reason: "truncated file: eof = 3000, stored_eof = 6206" } } }),
      });
      assert.match(seen.message, /is not a readable HDF5 file \(truncated file: eof = 3000, stored_eof = 6206\)/);
    });
  });

  it("does not throw on odd record sets", () => {
    const bodies = [
      "recordSets: 3\n",
      "recordSets: [null, { source: 3 }, { source: obs, fields: 3 }, " +
        "{ source: obs, fields: [null, { name: 3 }, { name: x, type: [1] }] }]\n",
    ];
    for (const body of bodies) {
      const text =
        `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\n` +
        `distribution:\n  - { id: obs, path: obs.csv, format: csv }\n${body}`;
      const seen = diagnoseIo("ocean.dataset.yaml", text, { "obs.csv": csv(CSV_COLUMNS) });
      assert.ok(!seen.some((s) => s.rule === "internal/rule-error"), JSON.stringify(seen));
    }
  });
});
