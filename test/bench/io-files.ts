/**
 * The large files the io benchmark reads, written quickly into a temporary folder: a binary blob
 * to hash, CSV tables and Parquet files of a requested size. Sizes are in MiB (2^20 bytes).
 */
import { randomBytes } from "node:crypto";
import { closeSync, openSync, statfsSync, writeSync } from "node:fs";

export const MIB = 1024 * 1024;

/**
 * `mib` MiB of random-looking bytes: one random MiB written again and again, each copy stamped
 * with its index so that no two MiB are equal. Content does not matter to SHA-256's speed.
 */
export function writeBlob(file: string, mib: number): void {
  const block = randomBytes(MIB);
  const fd = openSync(file, "w");
  try {
    for (let i = 0; i < mib; i++) {
      block.writeUInt32LE(i, 0);
      writeSync(fd, block);
    }
  } finally {
    closeSync(fd);
  }
}

/** The columns of the generated CSV files, with the field types a manifest would declare. */
export const CSV_HEADER = "time,station,temperature,pressure,valid,note";

/**
 * A CSV table of at least `mib` MiB: the header, then a MiB of rows written again and again (the
 * schema reader only ever sees the head, so repeating rows changes nothing it measures).
 */
export function writeCsv(file: string, mib: number): void {
  const rows: string[] = [];
  let length = 0;
  for (let i = 0; length < MIB; i++) {
    const row =
      `2026-01-${String(1 + (i % 28)).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:00:00Z,` +
      `st-${i % 97},${(12 + (i % 50) / 10).toFixed(1)},${1000 + (i % 30)},${i % 2},"buoy ${i % 13}, hourly"\n`;
    rows.push(row);
    length += row.length;
  }
  const block = Buffer.from(rows.join(""));
  const fd = openSync(file, "w");
  try {
    writeSync(fd, `${CSV_HEADER}\n`);
    for (let written = 0; written < mib * MIB; written += block.length) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
}

/** Bytes per Parquet row: an INT64 timestamp, an INT32 station and a DOUBLE value, PLAIN-encoded. */
const PARQUET_ROW_BYTES = 20;
const PARQUET_GROUP_ROWS = 1 << 20;

/**
 * A Parquet file of about `mib` MiB (uncompressed, PLAIN), written one row group of up to 2^20
 * rows at a time with hyparquet-writer, each group flushed to disk as soon as it is encoded.
 */
export async function writeParquet(file: string, mib: number): Promise<void> {
  const { ByteWriter, ParquetWriter } = await import("hyparquet-writer");
  const fd = openSync(file, "w");
  try {
    const writer = new ByteWriter();
    // ByteWriter keeps `offset` (bytes written in all) for the footer; `index` is its buffer's fill.
    const flush = () => {
      writeSync(fd, new Uint8Array(writer.buffer, 0, writer.index));
      writer.index = 0;
    };
    Object.assign(writer, { flush });
    const parquet = new ParquetWriter({
      writer,
      codec: "UNCOMPRESSED",
      statistics: false,
      schema: [
        { name: "root", num_children: 3 },
        {
          name: "time",
          type: "INT64",
          repetition_type: "REQUIRED",
          logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" },
        },
        { name: "station", type: "INT32", repetition_type: "REQUIRED" },
        { name: "value", type: "DOUBLE", repetition_type: "REQUIRED" },
      ],
    });
    const time = new BigInt64Array(PARQUET_GROUP_ROWS);
    const station = new Int32Array(PARQUET_GROUP_ROWS);
    const value = new Float64Array(PARQUET_GROUP_ROWS);
    for (let i = 0; i < PARQUET_GROUP_ROWS; i++) {
      time[i] = BigInt(1_767_225_600_000 + i * 1000);
      station[i] = i % 97;
      value[i] = Math.sin(i);
    }
    for (let rows = Math.ceil((mib * MIB) / PARQUET_ROW_BYTES); rows > 0; rows -= PARQUET_GROUP_ROWS) {
      const n = Math.min(rows, PARQUET_GROUP_ROWS);
      await parquet.write({
        rowGroupSize: n,
        columnData: [
          { name: "time", data: time.subarray(0, n), encoding: "PLAIN" },
          { name: "station", data: station.subarray(0, n), encoding: "PLAIN" },
          { name: "value", data: value.subarray(0, n), encoding: "PLAIN" },
        ],
      });
    }
    await parquet.finish();
    flush();
  } finally {
    closeSync(fd);
  }
}

/** Free bytes for an unprivileged user on the file system of `folder`. */
export function freeBytes(folder: string): number {
  const stats = statfsSync(folder);
  return stats.bavail * stats.bsize;
}
