/**
 * The time to read a table's schema (a CSV header and sampled rows, a Parquet footer) through the
 * reader the server uses (EvidenceReader and io/formats), with an empty cache each time so that
 * every read opens and reads the file. Reads of all files are interleaved, after one warm-up read
 * of each (the first loads csv-parse or hyparquet).
 */
import { statSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { EvidenceCache } from "../../server/src/io/evidence-cache";
import { EvidenceReader } from "../../server/src/io/evidence-reader";
import { median, percentile } from "./stats";

export interface SchemaFile {
  readonly format: "csv" | "parquet";
  /** Absolute path, inside `root`. */
  readonly file: string;
}

export interface SchemaMeasurement extends SchemaFile {
  readonly bytes: number;
  readonly columns: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

export async function measureSchemaReads(root: string, files: readonly SchemaFile[], reads: number): Promise<SchemaMeasurement[]> {
  const timings = files.map((): number[] => []);
  const columns = await Promise.all(files.map((file) => readSchema(root, file)));
  for (let round = 0; round < reads; round++) {
    for (let i = 0; i < files.length; i++) {
      const started = performance.now();
      await readSchema(root, files[i]);
      timings[i].push(performance.now() - started);
    }
  }
  return files.map((file, i) => ({
    ...file,
    bytes: statSync(file.file).size,
    columns: columns[i],
    medianMs: median(timings[i]),
    p95Ms: percentile(timings[i], 95),
  }));
}

/** One read with a fresh reader and cache; the number of columns found. Throws when the read failed. */
async function readSchema(root: string, { format, file }: SchemaFile): Promise<number> {
  const reader = new EvidenceReader(root, new EvidenceCache());
  const relative = path.relative(root, file).split(path.sep).join("/");
  const evidence = await reader.read({ path: relative, sha256: false, hdf5: false, onnx: false, table: format });
  if (evidence.status !== "ok" || !evidence.table || evidence.failures)
    throw new Error(`reading the schema of ${relative} failed: ${JSON.stringify(evidence)}`);
  return evidence.table.columns.length;
}
