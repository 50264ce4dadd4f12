/**
 * Export of a generated 2,000-document workspace (workspace-tree.ts) to each target, as the CLI
 * does it: the workspace loaded as `export` loads it (no data files read), then the export. Prints
 * the median of each, and the total per target against the target of 3 s (issue 16).
 * BENCH_EXPORT_DOCS and BENCH_EXPORT_REPS change the size and the repetitions.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runCheck } from "../../server/src/cli/run";
import { Engine, EXPORT_TARGETS, exportDocuments, exportInputOf, type ExportTarget } from "../../server/src/core/index";
import { median, ms } from "./stats";
import { writeWorkspaceTree } from "./workspace-tree";

const DOCS = Number(process.env.BENCH_EXPORT_DOCS ?? 2000);
const REPS = Number(process.env.BENCH_EXPORT_REPS ?? 5);
const LIMIT_MS = 3000;

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), "genesis-export-bench-"));
  try {
    const tree = writeWorkspaceTree(root, DOCS);
    const loads: number[] = [];
    const exports = new Map<ExportTarget, number[]>(EXPORT_TARGETS.map((target) => [target, []]));
    const bytes = new Map<ExportTarget, number>();
    for (let rep = 0; rep < REPS; rep++) {
      const started = performance.now();
      const run = await runCheck({ paths: [root], noIo: true, diagnose: false }, root, new Engine({ today: () => "2026-01-15" }));
      loads.push(performance.now() - started);
      for (const target of EXPORT_TARGETS) {
        const begun = performance.now();
        // Croissant describes one dataset: the hub, which every other document references.
        const selection = target === "croissant" ? (p: string) => p === tree.hub : undefined;
        const input = exportInputOf(
          run.workspace.host,
          { tool: { name: "bench", version: "0" }, now: () => new Date(0), title: "bench" },
          selection,
        );
        const result = exportDocuments(target, input, { allowClassified: true });
        exports.get(target)!.push(performance.now() - begun);
        if (!result.ok) throw new Error(`${target}: ${result.message}`);
        bytes.set(target, result.output.text.length);
      }
    }
    const load = median(loads);
    console.log(`export of a ${DOCS}-document workspace, median of ${REPS}: load ${ms(load)}`);
    let failed = false;
    for (const target of EXPORT_TARGETS) {
      const own = median(exports.get(target)!);
      const total = load + own;
      failed ||= total > LIMIT_MS;
      console.log(
        `  ${target.padEnd(10)} export ${ms(own).padStart(9)}  total ${ms(total).padStart(9)}  ` +
          `${(bytes.get(target)! / 1024).toFixed(0)} KiB  ${total <= LIMIT_MS ? "ok" : `OVER ${LIMIT_MS} ms`}`,
      );
    }
    if (failed) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main();
