/**
 * `npm run bench` (import): the warm median time of `import` on each vendored file of the field's
 * formats (test/fixtures/import), in process: the conversion and the YAML it writes, with the local
 * files looked up as the CLI does (none exist here). Target: under 50 ms each. BENCH_IMPORT_RUNS
 * sets the runs per file (default 30, after 5 warm-up runs).
 */
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { Engine } from "../../server/src/core/engine";
import { importDocument } from "../../server/src/core/convert/import/import-source";
import type { ImportContext } from "../../server/src/core/convert/import/types";
import { median, ms } from "./stats";

const FIXTURES = path.resolve(__dirname, "../fixtures/import");
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 30);
const WARM_UP = 5;
const TARGET_MS = 50;

function sources(folder = ""): string[] {
  return readdirSync(path.join(FIXTURES, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = folder ? `${folder}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return relative === "golden" ? [] : sources(relative);
    return entry.name === "SOURCES.md" ? [] : [relative];
  });
}

async function main(): Promise<void> {
  const context: ImportContext = { localFile: async () => undefined, declaredPaths: new Map(), today: "2026-01-15" };
  const engine = new Engine();
  const rows: { file: string; median: number }[] = [];
  for (const file of sources().sort()) {
    const text = readFileSync(path.join(FIXTURES, file), "utf8");
    const times: number[] = [];
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const started = performance.now();
      await importDocument({ path: file, text }, context, engine);
      if (run >= WARM_UP) times.push(performance.now() - started);
    }
    rows.push({ file, median: median(times) });
  }
  console.log(`import, warm median of ${RUNS} runs per vendored file (target < ${TARGET_MS} ms)`);
  for (const row of rows)
    console.log(`  ${row.file.padEnd(60)} ${ms(row.median).padStart(10)} ms${row.median < TARGET_MS ? "" : "  OVER TARGET"}`);
  const over = rows.filter((row) => row.median >= TARGET_MS);
  if (over.length) process.exitCode = 1;
}

void main();
