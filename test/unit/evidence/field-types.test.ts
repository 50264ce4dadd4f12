import * as assert from "node:assert/strict";
import { classifyCell, hdf5FieldType, holdsCell, parquetFieldType, sniffedType } from "../../../server/src/core/evidence/field-types";

describe("io evidence: field types", () => {
  it("classifies CSV cells", () => {
    const cases: [string, string | undefined][] = [
      ["", undefined],
      ["  ", undefined],
      ["0", "binary"],
      ["1", "binary"],
      ["-12", "integer"],
      ["+3", "integer"],
      ["003", "integer"],
      ["1.5", "number"],
      ["1e-3", "number"],
      [".5", "number"],
      ["NaN", "number"],
      ["-INF", "number"],
      ["TRUE", "boolean"],
      ["false", "boolean"],
      ["2026-01-15", "date"],
      ["2026-13-01", "text"],
      ["2026-01-15T08:30:00Z", "datetime"],
      ["2026-01-15 08:30", "datetime"],
      ["2026-01-15T08:30:00.123+02:00", "datetime"],
      ["n/a", "text"],
      ["1,5", "text"],
    ];
    for (const [cell, expected] of cases) assert.equal(classifyCell(cell), expected, JSON.stringify(cell));
  });

  it("reads NaN and the infinities as numbers in every spelling floats are printed with", () => {
    for (const cell of ["inf", "-inf", "+inf", "Inf", "-Inf", "INF", "Infinity", "-Infinity", "+Infinity", "NaN", "nan", "NAN", " nan "])
      assert.equal(classifyCell(cell), "number", JSON.stringify(cell));
    for (const cell of ["infinite", "nana", "-", "in f", "NA"]) assert.equal(classifyCell(cell), "text", JSON.stringify(cell));
  });

  it("sniffs the narrowest type holding every class seen", () => {
    assert.equal(sniffedType([]), undefined);
    assert.equal(sniffedType(["binary"]), "integer");
    assert.equal(sniffedType(["binary", "integer"]), "integer");
    assert.equal(sniffedType(["integer", "number"]), "number");
    assert.equal(sniffedType(["binary", "boolean"]), "boolean");
    assert.equal(sniffedType(["date", "datetime"]), "datetime");
    assert.equal(sniffedType(["integer", "text"]), "string");
    assert.equal(sniffedType(["integer", "date"]), "string");
  });

  it("lets string and array hold any cell, and boolean hold 0/1", () => {
    assert.ok(holdsCell("string", "number") && holdsCell("array", "text") && holdsCell("boolean", "binary"));
    assert.ok(!holdsCell("integer", "number") && !holdsCell("boolean", "integer") && !holdsCell("date", "datetime"));
  });

  it("maps Parquet physical and logical types", () => {
    const column = (
      physical: string | undefined,
      logical?: string,
      extra: { repeated?: boolean; group?: boolean; converted?: string } = {},
    ) =>
      parquetFieldType({ physical, logical, converted: extra.converted, repeated: extra.repeated ?? false, group: extra.group ?? false });
    assert.equal(column("BOOLEAN"), "boolean");
    assert.equal(column("INT32"), "integer");
    assert.equal(column("INT64", "INTEGER"), "integer");
    assert.equal(column("INT32", undefined, { converted: "UINT_8" }), "integer");
    assert.equal(column("DOUBLE"), "number");
    assert.equal(column("FIXED_LEN_BYTE_ARRAY", "DECIMAL"), "number");
    assert.equal(column("FIXED_LEN_BYTE_ARRAY", "FLOAT16"), "number");
    assert.equal(column("INT32", "DATE"), "date");
    assert.equal(column("INT64", "TIMESTAMP"), "datetime");
    assert.equal(column("INT64", undefined, { converted: "TIMESTAMP_MILLIS" }), "datetime");
    assert.equal(column("INT96"), "datetime");
    assert.equal(column("BYTE_ARRAY", "STRING"), "string");
    assert.equal(column("BYTE_ARRAY", undefined, { converted: "UTF8" }), "string");
    assert.equal(column(undefined, "LIST", { group: true }), "array");
    assert.equal(column("INT32", undefined, { repeated: true }), "array");
    assert.equal(column("BYTE_ARRAY"), undefined);
    assert.equal(column("INT64", "TIME"), undefined);
    assert.equal(column(undefined, undefined, { group: true }), undefined);
  });

  it("maps HDF5 element types", () => {
    assert.equal(hdf5FieldType({ class: "integer" }), "integer");
    assert.equal(hdf5FieldType({ class: "float" }), "number");
    assert.equal(hdf5FieldType({ class: "string" }), "string");
    assert.equal(hdf5FieldType({ class: "enum", members: ["FALSE", "TRUE"] }), "boolean");
    assert.equal(hdf5FieldType({ class: "enum", members: ["RED", "GREEN"] }), undefined);
    assert.equal(hdf5FieldType({ class: "vlen" }), "array");
    assert.equal(hdf5FieldType({ class: "compound" }), undefined);
  });
});
