/**
 * `npm run bench`, the io part (issue 5, item 6), in one run, printed as markdown tables:
 *
 *   a. SHA-256 throughput of this project's hashing (the worker thread the server uses) on a
 *      generated file, against `sha256sum` on the same file (target: at least 80% of it);
 *   b. the time to read the schema of CSV and Parquet files of several sizes (target: independent
 *      of the size; the ratio largest/smallest is printed);
 *   c. keystroke -> publishDiagnostics latency on an open document, idle and while the server
 *      hashes the large file (target: the same).
 *
 * The files go to a temporary folder, deleted at the end (and on Ctrl+C). Sizes in MiB, by env:
 * BENCH_IO_MB=1024 (the file to hash), BENCH_IO_CSV_MB=1,100,1024, BENCH_IO_PARQUET_MB=1,256;
 * BENCH_IO_REPS=5 (hashes per hasher), BENCH_IO_READS=30 (schema reads per file),
 * BENCH_IO_EDITS=40 (keystrokes per condition). When the disk has less room than the sizes need,
 * the largest sizes shrink to fit and the run says so. Needs `npm run build` (dist/server.js and
 * dist/hash-worker.js).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import * as path from "node:path";
import { freeBytes, MIB, writeBlob, writeCsv, writeParquet } from "./io-files";
import { measureHashing, type HashMeasurement, type HasherResult } from "./io-hash";
import { measureLatencyWhileHashing, type LatencyMeasurement } from "./io-latency";
import { measureSchemaReads, type SchemaFile, type SchemaMeasurement } from "./io-schema";
import { markdownTable } from "./markdown";
import { ms } from "./stats";

const sizes = (name: string, fallback: string) =>
  (process.env[name] ?? fallback)
    .split(",")
    .map(Number)
    .filter((n) => n > 0);
const HASH_MIB = sizes("BENCH_IO_MB", "1024")[0] ?? 1024;
const CSV_MIB = sizes("BENCH_IO_CSV_MB", "1,100,1024");
const PARQUET_MIB = sizes("BENCH_IO_PARQUET_MB", "1,256");
const REPS = Number(process.env.BENCH_IO_REPS ?? 5);
const READS = Number(process.env.BENCH_IO_READS ?? 30);
const EDITS = Number(process.env.BENCH_IO_EDITS ?? 40);
/** Room left free on the disk, whatever the sizes. */
const DISK_MARGIN_MIB = 512;

/** The sizes shrunk, largest first, until their sum fits in `room` MiB; the notes say what changed. */
function fit(label: string, wanted: readonly number[], room: number, notes: string[]): number[] {
  const fitted = [...wanted];
  for (let total = fitted.reduce((a, b) => a + b, 0); total > room; total = fitted.reduce((a, b) => a + b, 0)) {
    const largest = fitted.indexOf(Math.max(...fitted));
    fitted[largest] = Math.max(1, Math.floor(room - (total - fitted[largest])));
    if (fitted.every((size) => size === 1)) break;
  }
  if (fitted.some((size, i) => size !== wanted[i]))
    notes.push(
      `${label}: ${wanted.join(", ")} MiB do not fit in the ${room} MiB free ` +
        `(less ${DISK_MARGIN_MIB} MiB kept free); measured ${fitted.join(", ")} MiB instead.`,
    );
  return fitted;
}

const ratio = (value: number) => `×${value.toFixed(2)}`;
const mib = (bytes: number) => (bytes >= 10 * MIB ? `${(bytes / MIB).toFixed(0)} MiB` : `${(bytes / MIB).toFixed(2)} MiB`);

function hashTable(m: HashMeasurement): string {
  const rows = [m.project, m.inProcess, m.sha256sum, ...(m.openssl ? [m.openssl] : [])].map((r: HasherResult) => [
    r.name,
    r.medianSeconds.toFixed(2),
    r.mibPerSecond.toFixed(0),
    ratio(r.mibPerSecond / m.sha256sum.mibPerSecond),
  ]);
  const verdict = m.project.mibPerSecond >= 0.8 * m.sha256sum.mibPerSecond ? "met" : "NOT met";
  return [
    `### a. SHA-256 of a ${mib(m.bytes)} file (median of ${m.project.seconds.length}; all agree: ${m.digest.slice(0, 16)}...)`,
    "",
    markdownTable(["hasher", "median s", "MiB/s", "vs sha256sum"], rows, [false, true, true, true]),
    "",
    `Target: the project's hashing (worker thread) ` +
      `at least 80% of sha256sum: ${verdict} (${ratio(m.project.mibPerSecond / m.sha256sum.mibPerSecond)}).`,
  ].join("\n");
}

function schemaTable(results: readonly SchemaMeasurement[]): string {
  const rows = results.map((r) => {
    const smallest = results.filter((o) => o.format === r.format).reduce((a, b) => (b.bytes < a.bytes ? b : a));
    return [
      r.format === "csv" ? "CSV" : "Parquet",
      mib(r.bytes),
      String(r.columns),
      ms(r.medianMs),
      ms(r.p95Ms),
      ratio(r.medianMs / smallest.medianMs),
    ];
  });
  const ratios = (["csv", "parquet"] as const).flatMap((format) => {
    const ofFormat = results.filter((r) => r.format === format).sort((a, b) => a.bytes - b.bytes);
    if (ofFormat.length < 2) return [];
    const [small, large] = [ofFormat[0], ofFormat[ofFormat.length - 1]];
    return [
      `${format === "csv" ? "CSV" : "Parquet"} ${mib(large.bytes)} ` +
        `/ ${mib(small.bytes)}: ${ratio(large.medianMs / small.medianMs)} ` +
        `the time for ${(large.bytes / small.bytes).toFixed(0)}× the bytes`,
    ];
  });
  return [
    `### b. Reading a table's schema (EvidenceReader, empty cache each read; median of ${READS})`,
    "",
    markdownTable(["format", "size", "columns", "median ms", "p95 ms", "vs smallest"], rows, [false, true, true, true, true, true]),
    "",
    `Size independence: ${ratios.join("; ")}.`,
  ].join("\n");
}

function latencyTable(m: LatencyMeasurement, hashedBytes: number): string {
  const rows = [
    ["idle", String(m.idle.count), ms(m.idle.medianMs), ms(m.idle.p95Ms), ratio(1)],
    [
      `while hashing ${mib(hashedBytes)} (${m.verifyRuns} Verify Files runs, median ${(m.verifyMedianMs / 1000).toFixed(2)} s each)`,
      String(m.hashing.count),
      ms(m.hashing.medianMs),
      ms(m.hashing.p95Ms),
      ratio(m.hashing.medianMs / m.idle.medianMs),
    ],
  ];
  return [
    `### c. Keystroke -> publishDiagnostics on an open ${m.documentLines}-line manifest (server over stdio)`,
    "",
    markdownTable(["condition", "keystrokes", "median ms", "p95 ms", "vs idle"], rows, [false, true, true, true, true]),
  ].join("\n");
}

async function main(): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), "genesis-bench-io-"));
  const cleanUp = () => rmSync(folder, { recursive: true, force: true });
  process.once("SIGINT", () => {
    cleanUp();
    process.exit(130);
  });
  try {
    const room = Math.floor(freeBytes(folder) / MIB) - DISK_MARGIN_MIB;
    const notes: string[] = [];
    const [hashMib] = fit("BENCH_IO_MB", [HASH_MIB], room, notes);
    // The blob is deleted before the tables are written, so they share the room.
    const tableMib = fit("BENCH_IO_CSV_MB + BENCH_IO_PARQUET_MB", [...CSV_MIB, ...PARQUET_MIB], room, notes);
    const csvMib = tableMib.slice(0, CSV_MIB.length);
    const parquetMib = tableMib.slice(CSV_MIB.length);

    console.log(
      `## io benchmark: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, files in ${tmpdir()} (warm page cache)\n`,
    );
    for (const note of notes) console.log(`Note: ${note}\n`);

    const blobName = "large.bin";
    const blob = path.join(folder, blobName);
    process.stderr.write(`writing a ${hashMib} MiB file to hash...\n`);
    writeBlob(blob, hashMib);
    process.stderr.write(`hashing it ${REPS} times with each hasher...\n`);
    const hashing = await measureHashing(blob, REPS);
    process.stderr.write(`typing ${EDITS} keystrokes idle, then while the server hashes it...\n`);
    const latency = await measureLatencyWhileHashing(folder, blobName, hashing.digest, EDITS);
    rmSync(blob);

    const tables: SchemaFile[] = [];
    for (const size of csvMib) {
      process.stderr.write(`writing a ${size} MiB CSV file...\n`);
      const file = path.join(folder, `table-${size}.csv`);
      writeCsv(file, size);
      tables.push({ format: "csv", file });
    }
    for (const size of parquetMib) {
      process.stderr.write(`writing a ${size} MiB Parquet file...\n`);
      const file = path.join(folder, `table-${size}.parquet`);
      await writeParquet(file, size);
      tables.push({ format: "parquet", file });
    }
    process.stderr.write(`reading their schemas ${READS} times each...\n`);
    const schemas = await measureSchemaReads(folder, tables, READS);

    console.log(hashTable(hashing));
    console.log();
    console.log(schemaTable(schemas));
    console.log();
    console.log(latencyTable(latency, hashing.bytes));
  } finally {
    cleanUp();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
