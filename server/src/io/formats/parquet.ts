import type { FileHandle } from "node:fs/promises";
import type { SchemaTree } from "hyparquet";
import { parquetFieldType, type ColumnEvidence, type TableEvidence } from "../../core/evidence-api";
import { readArrayBuffer, readSlice } from "../file-slices";
import { FormatError } from "../read-failure";

/** Footer metadata above this is not read (a schema is kilobytes; this bounds a corrupt length). */
export const PARQUET_MAX_METADATA_BYTES = 16 * 1024 * 1024;

const MAGIC = "PAR1";

/**
 * The top-level columns of a Parquet file, from its footer alone: the magic bytes at both ends,
 * the 4-byte metadata length before the last magic, then the Thrift metadata (decoded by
 * hyparquet through an AsyncBuffer that reads only the slices it asks for). The row groups are
 * never read.
 */
export async function readParquetTable(handle: FileHandle, size: number): Promise<TableEvidence> {
  if (size < 12) throw new FormatError("malformed", `${size} bytes is too short for a Parquet file`);
  if ((await readSlice(handle, 0, 4)).toString("latin1") !== MAGIC) throw new FormatError("malformed", `it does not start with "${MAGIC}"`);
  const footer = await readSlice(handle, size - 8, size);
  if (footer.toString("latin1", 4) !== MAGIC)
    throw new FormatError("malformed", `it does not end with "${MAGIC}": truncated, or still being written`);
  const metadataLength = footer.readUInt32LE(0);
  if (metadataLength > size - 12)
    throw new FormatError("malformed", `its footer announces ${metadataLength} bytes of metadata in a ${size}-byte file`);
  if (metadataLength > PARQUET_MAX_METADATA_BYTES)
    throw new FormatError(
      "too-large",
      `its metadata is ${(metadataLength / 1024 / 1024).toFixed(1)} MB, ` +
        `above the ${PARQUET_MAX_METADATA_BYTES / 1024 / 1024} MB read for a schema`,
    );

  const { parquetMetadataAsync, parquetSchema } = await import("hyparquet");
  const file = { byteLength: size, slice: (start: number, end?: number) => readArrayBuffer(handle, start, end ?? size) };
  const metadata = await parquetMetadataAsync(file, { initialFetchSize: metadataLength + 8 });
  const columns = parquetSchema(metadata).children.map(describeColumn);
  return { format: "parquet", columns };
}

function describeColumn(column: SchemaTree): ColumnEvidence {
  const element = column.element;
  const logical = element.logical_type?.type;
  const group = column.children.length > 0 || element.type === undefined;
  const repeated = element.repetition_type === "REPEATED";
  const type = parquetFieldType({ physical: element.type, logical, converted: element.converted_type, repeated, group });
  const annotation = logical ?? element.converted_type;
  const base = group ? "group" : (element.type ?? "group");
  const recorded = `${repeated ? "repeated " : ""}${base}${annotation ? ` (${annotation})` : ""}`;
  return { name: element.name, type, recorded };
}
