/**
 * The field types of docs/formats/dataset-manifest.md (`recordSets[].fields[].type`) and how each data format's own types map to
 * them, so that `data/schema-drift` compares like with like.
 *
 * | format  | recorded as                                                      | field type |
 * |---------|------------------------------------------------------------------|------------|
 * | CSV     | sampled cells: `0`, `1`                                          | (binary: integer, number or boolean) |
 * | CSV     | sampled cells: `-12`, `+3`                                       | integer    |
 * | CSV     | sampled cells: `1.5`, `1e-3`, `nan`, `-inf`, `Infinity` (any case) | number   |
 * | CSV     | sampled cells: `true`, `False`, `TRUE` (any case)                | boolean    |
 * | CSV     | sampled cells: `2026-01-15`                                      | date       |
 * | CSV     | sampled cells: `2026-01-15T08:30:00Z`, `2026-01-15 08:30`        | datetime   |
 * | CSV     | any other cell                                                   | string     |
 * | Parquet | BOOLEAN                                                          | boolean    |
 * | Parquet | INT32, INT64 (no annotation, INTEGER, INT_n, UINT_n)             | integer    |
 * | Parquet | FLOAT, DOUBLE; FLOAT16; DECIMAL on any physical type             | number     |
 * | Parquet | INT32 DATE                                                       | date       |
 * | Parquet | INT64 TIMESTAMP (TIMESTAMP_MILLIS/MICROS), INT96                  | datetime   |
 * | Parquet | BYTE_ARRAY or FIXED_LEN_BYTE_ARRAY with STRING/UTF8, ENUM, JSON, UUID | string |
 * | Parquet | LIST (or a repeated field)                                       | array      |
 * | Parquet | TIME, INTERVAL, MAP, BSON, plain binary, a struct                | (none: not compared) |
 * | HDF5    | integer (int8..uint64)                                           | integer    |
 * | HDF5    | float (float16..float64)                                         | number     |
 * | HDF5    | string (fixed or variable length)                                | string     |
 * | HDF5    | enum of FALSE/TRUE (h5py's bool)                                 | boolean    |
 * | HDF5    | array, variable-length sequence                                  | array      |
 * | HDF5    | compound, other enums, bitfield, opaque, reference, time          | (none: not compared) |
 *
 * Not-a-number and the infinities are numbers in every spelling that pandas, NumPy, Python and R
 * write (`nan`, `NaN`, `inf`, `-inf`, `+inf`, `Inf`, `Infinity`, `-Infinity`), and an empty cell is
 * a missing value (pandas writes NaN as an empty cell by default), so a float column that holds
 * them is still `number`.
 *
 * A CSV file records no types, so a type is only wrong when the declared type cannot hold a
 * sampled cell (declared `integer`, a cell `1.5`); `string` and `array` hold any cell. A Parquet or
 * HDF5 file records its types, so the declared type must be the recorded one, except that
 * `number` also holds integers and `array` also holds an HDF5 dataset of rank 2 or more (each
 * record is a row).
 */

import type { ColumnEvidence } from "./types";

export const FIELD_TYPES = ["string", "integer", "number", "boolean", "date", "datetime", "array"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export function isFieldType(value: unknown): value is FieldType {
  return typeof value === "string" && (FIELD_TYPES as readonly string[]).includes(value);
}

/** What one CSV cell reads as; `binary` is a `0` or `1`, which integer, number and boolean all hold. */
export type ValueClass = "binary" | "integer" | "number" | "boolean" | "date" | "datetime" | "text";

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** NaN and the infinities, as floats are printed: `nan`, `NaN`, `-inf`, `Inf`, `+Infinity`... */
const NOT_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;
const BOOLEAN = /^(?:true|false)$/i;
const CALENDAR_DATE = String.raw`\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])`;
const TIME_OF_DAY = String.raw`(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?`;
const UTC_OFFSET = String.raw`(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)`;
const DATE = new RegExp(`^${CALENDAR_DATE}$`);
const DATETIME = new RegExp(`^${CALENDAR_DATE}[T ]${TIME_OF_DAY}${UTC_OFFSET}?$`);

/** The class of one cell; undefined for an empty cell (a missing value, as in Frictionless). */
export function classifyCell(cell: string): ValueClass | undefined {
  const value = cell.trim();
  if (value === "") return undefined;
  if (value === "0" || value === "1") return "binary";
  if (INTEGER.test(value)) return "integer";
  if (NUMBER.test(value) || NOT_FINITE.test(value)) return "number";
  if (BOOLEAN.test(value)) return "boolean";
  if (DATE.test(value)) return "date";
  if (DATETIME.test(value)) return "datetime";
  return "text";
}

/**
 * A CSV column as sampled: its name, the first cell seen of each class (empty cells are missing
 * values and have none) and the narrowest field type that holds them all.
 */
export function sampledColumn(name: string, cells: Iterable<string | undefined>): ColumnEvidence {
  const sampled: Partial<Record<ValueClass, string>> = {};
  for (const cell of cells) {
    const cellClass = cell === undefined ? undefined : classifyCell(cell);
    if (cellClass !== undefined && sampled[cellClass] === undefined) sampled[cellClass] = cell;
  }
  return { name, type: sniffedType(Object.keys(sampled) as ValueClass[]), sampled };
}

/** Which cell classes each declared type holds. */
const HOLDS: Readonly<Record<FieldType, readonly ValueClass[]>> = {
  string: ["binary", "integer", "number", "boolean", "date", "datetime", "text"],
  array: ["binary", "integer", "number", "boolean", "date", "datetime", "text"],
  integer: ["binary", "integer"],
  number: ["binary", "integer", "number"],
  boolean: ["binary", "boolean"],
  date: ["date"],
  datetime: ["date", "datetime"],
};

export function holdsCell(declared: FieldType, cell: ValueClass): boolean {
  return HOLDS[declared].includes(cell);
}

/** The narrowest field type holding every class seen; undefined when nothing was seen. */
export function sniffedType(classes: Iterable<ValueClass>): FieldType | undefined {
  const seen = new Set(classes);
  if (seen.size === 0) return undefined;
  for (const candidate of ["integer", "number", "boolean", "date", "datetime"] as const) {
    if ([...seen].every((c) => holdsCell(candidate, c))) return candidate;
  }
  return "string";
}

/** Whether a declared type holds a type the file records (Parquet, HDF5). */
export function holdsRecorded(declared: FieldType, recorded: FieldType, rank = 1): boolean {
  if (declared === recorded) return true;
  if (declared === "number" && recorded === "integer") return true;
  return declared === "array" && rank >= 2;
}

/** A Parquet column as its schema element describes it (names as in the Parquet Thrift spec). */
export interface ParquetColumnType {
  readonly physical?: string;
  readonly logical?: string;
  readonly converted?: string;
  readonly repeated: boolean;
  /** A group (struct, list, map) rather than a primitive column. */
  readonly group: boolean;
}

export function parquetFieldType(column: ParquetColumnType): FieldType | undefined {
  const annotation = column.logical ?? column.converted;
  if (annotation === "LIST") return "array";
  if (column.repeated) return "array";
  if (column.group) return undefined;
  switch (annotation) {
    case "STRING":
    case "UTF8":
    case "ENUM":
    case "JSON":
    case "UUID":
      return "string";
    case "DATE":
      return "date";
    case "TIMESTAMP":
    case "TIMESTAMP_MILLIS":
    case "TIMESTAMP_MICROS":
      return "datetime";
    case "DECIMAL":
    case "FLOAT16":
      return "number";
    case "INTEGER":
    case "INT_8":
    case "INT_16":
    case "INT_32":
    case "INT_64":
    case "UINT_8":
    case "UINT_16":
    case "UINT_32":
    case "UINT_64":
      return "integer";
    case undefined:
      break;
    default:
      return undefined; // TIME, INTERVAL, MAP, BSON, GEOMETRY...: no field type says the same
  }
  switch (column.physical) {
    case "BOOLEAN":
      return "boolean";
    case "INT32":
    case "INT64":
      return "integer";
    case "INT96":
      return "datetime";
    case "FLOAT":
    case "DOUBLE":
      return "number";
    default:
      return undefined; // plain binary
  }
}

/** An HDF5 element type as the reader describes it. */
export interface Hdf5ElementType {
  readonly class:
    "integer" | "float" | "string" | "enum" | "array" | "vlen" | "compound" | "bitfield" | "opaque" | "reference" | "time" | "unknown";
  /** For `enum`: the member names. */
  readonly members?: readonly string[];
}

export function hdf5FieldType(element: Hdf5ElementType): FieldType | undefined {
  switch (element.class) {
    case "integer":
      return "integer";
    case "float":
      return "number";
    case "string":
      return "string";
    case "array":
    case "vlen":
      return "array";
    case "enum": {
      const members = [...(element.members ?? [])].map((m) => m.toUpperCase()).sort();
      return members.length === 2 && members[0] === "FALSE" && members[1] === "TRUE" ? "boolean" : undefined;
    }
    default:
      return undefined;
  }
}
