/**
 * `npm run bench`, the workspace-scale part (issue 19): for each size in SCALE_DOCS (default
 * 1000,10000; 50000 on request) a generated lab workspace (scale-tree.ts: small documents that
 * reference each other, one calibration dataset a fifth of them depend on) in a temporary folder,
 * then SCALE_REPS runs (default 3) of the bundled server over stdio (scale-session.ts), and the CLI's
 * `check` of the same tree with --jobs 1 and 2. Prints medians and maxima over the runs.
 *
 * SCALE_HUB_EDITS (default 5) keystrokes in the hub, and as many leaf keystrokes 5 ms after one;
 * SCALE_PAUSED_KEYS (default 50) leaf keystrokes after SCALE_PAUSE_MS (default 1500) of quiet, when
 * the readiness model is being recomputed. SCALE_DIST runs another build's dist/ (to compare two
 * builds on the same trees, back to back); SCALE_CLI=0 leaves the CLI out. Needs `npm run build`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runGenesis } from "./cli-runs";
import { markdownTable } from "./markdown";
import { runScaleSession, type SessionFigures } from "./scale-session";
import { writeLabTree } from "./scale-tree";
import { median } from "./stats";

const SIZES = (process.env.SCALE_DOCS ?? "1000,10000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const REPS = Math.max(1, Number(process.env.SCALE_REPS ?? 3));
const DIST = path.resolve(process.env.SCALE_DIST ?? path.join(__dirname, "../../dist"));
const SESSION = {
  dist: DIST,
  hubEdits: Number(process.env.SCALE_HUB_EDITS ?? 5),
  pausedKeystrokes: Number(process.env.SCALE_PAUSED_KEYS ?? 50),
  pauseMs: Number(process.env.SCALE_PAUSE_MS ?? 1500),
};
/** SCALE_CLI=0 leaves the CLI out. */
const CLI_JOBS = process.env.SCALE_CLI === "0" ? [] : [1, 2];
const SLOW_KEYSTROKE_MS = 50;

interface Column {
  readonly size: number;
  readonly dependents: number;
  readonly sessions: SessionFigures[];
  readonly cliSeconds: Map<number, number[]>;
}

async function measureSize(size: number): Promise<Column> {
  const root = mkdtempSync(path.join(tmpdir(), "genesis-bench-scale-"));
  try {
    const tree = writeLabTree(root, size);
    const sessions: SessionFigures[] = [];
    const cliSeconds = new Map<number, number[]>(CLI_JOBS.map((jobs) => [jobs, []]));
    for (let rep = 0; rep < REPS; rep++) {
      sessions.push(await runScaleSession(root, tree, SESSION));
      // The thread counts in a rotating order, so that neither always runs on a warm cache.
      for (let k = 0; k < CLI_JOBS.length; k++) {
        const jobs = CLI_JOBS[(rep + k) % CLI_JOBS.length];
        cliSeconds.get(jobs)!.push(runGenesis(root, jobs, path.join(DIST, "cli.js")).seconds);
      }
      process.stderr.write(`scale: ${size} documents, run ${rep + 1} of ${REPS} done\n`);
    }
    return { size, dependents: tree.dependents.length, sessions, cliSeconds };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number) => `${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`;
const max = (values: readonly number[]) => values.reduce((a, b) => Math.max(a, b), -Infinity);

/** "median (max)" of a per-session figure. */
function summary(values: readonly number[], format: (n: number) => string): string {
  return values.length ? `${format(median(values))} (max ${format(max(values))})` : "-";
}

function rows(columns: readonly Column[]): string[][] {
  const each = (f: (s: SessionFigures) => number) => columns.map((c) => c.sessions.map(f));
  const all = (f: (s: SessionFigures) => number[]) => columns.map((c) => c.sessions.flatMap(f));
  const line = (label: string, values: number[][], format: (n: number) => string) => [label, ...values.map((v) => summary(v, format))];
  return [
    line(
      "cold index, until all is published",
      each((s) => s.coldIndexMs),
      seconds,
    ),
    line(
      "a document opened at start: its first publish",
      each((s) => s.openDuringScanMs),
      seconds,
    ),
    line(
      "the checklist, asked for after the cold index",
      each((s) => s.checklistMs),
      seconds,
    ),
    line(
      "hub keystroke: the hub's own publish",
      all((s) => s.hubOwnMs),
      millis,
    ),
    line(
      "hub keystroke: all dependents republished",
      all((s) => s.allDependentsMs),
      millis,
    ),
    line(
      "leaf keystroke 5 ms after a hub keystroke",
      all((s) => s.leafDuringFanOutMs),
      millis,
    ),
    line(
      "leaf keystroke after a pause",
      all((s) => s.leafAfterPauseMs),
      millis,
    ),
    [
      `  of which over ${SLOW_KEYSTROKE_MS} ms`,
      ...columns.map((c) => {
        const times = c.sessions.flatMap((s) => s.leafAfterPauseMs);
        return `${times.filter((t) => t > SLOW_KEYSTROKE_MS).length} of ${times.length}`;
      }),
    ],
    line(
      "server RSS after the cold index (MiB)",
      each((s) => s.rssAfterIndexMiB),
      (n) => n.toFixed(0),
    ),
    line(
      "server peak RSS (MiB)",
      each((s) => s.peakRssMiB),
      (n) => n.toFixed(0),
    ),
    ...CLI_JOBS.map((jobs) => [
      `CLI check --jobs ${jobs}`,
      ...columns.map((c) => summary(c.cliSeconds.get(jobs)!, (n) => `${n.toFixed(2)} s`)),
    ]),
  ];
}

async function main(): Promise<void> {
  const columns: Column[] = [];
  for (const size of SIZES) columns.push(await measureSize(size));
  console.log(
    `\nWorkspace scale (${path.relative(process.cwd(), DIST) || "."}/server.js over stdio; ${REPS} run(s) per size, ` +
      `${SESSION.hubEdits} hub keystrokes, ${SESSION.pausedKeystrokes} keystrokes after ${SESSION.pauseMs} ms pauses ` +
      `per run): median (max)\n`,
  );
  const headers = ["", ...columns.map((c) => `${c.size} documents (${c.dependents} depend on the hub)`)];
  console.log(
    markdownTable(
      headers,
      rows(columns),
      headers.map((_, i) => i > 0),
    ),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
