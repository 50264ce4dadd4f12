/**
 * `npm run bench`, the CLI part (issue 8, item 4), in one run, printed as markdown tables: a
 * generated tree of BENCH_CLI_DOCS documents (default 10,000; the workspace benchmark's generator)
 * in a temporary folder, checked by `genesis-readiness check --format json --no-io` with the main
 * thread alone (`--jobs 1`), with one thread per core and with its default, and validated by ajv-cli with the same
 * schemas (one invocation per kind, summed): wall time, documents per second and peak RSS, medians
 * of BENCH_CLI_REPS runs (default 5) in a rotating order. ajv-cli's time is a reference, not a
 * bar: no ratio is printed, since the two do not do the same work (ajv-cli needs --spec=draft2020
 * --strict=false and a formats plugin, reads YAML dates as Date objects and so calls every manifest
 * invalid; `check` also runs every rule, resolves references and computes the checklist).
 *
 * A second table compares `--jobs 1` with one thread per core (at least two) on smaller trees of
 * BENCH_CLI_CUTOVER documents (default 500,2000,5000), where workers do not pay off yet; the
 * workspace-scale run (scale.ts, `SCALE_DOCS=10000,50000`) times both at the sizes where they
 * start to (jobs.ts's FILES_PER_THREAD gives the figures).
 * Needs `npm run build` (dist/cli.js and dist/check-worker.js). The trees are deleted at the end.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import * as path from "node:path";
import { analysisThreads } from "../../server/src/cli/jobs";
import { AJV_CLI_VERSION, runAjvCli, runGenesis, writeAjvPlugin } from "./cli-runs";
import { markdownTable } from "./markdown";
import { median } from "./stats";
import { writeWorkspaceTree } from "./workspace-tree";

const DOCUMENTS = Number(process.env.BENCH_CLI_DOCS ?? 10_000);
const REPETITIONS = Number(process.env.BENCH_CLI_REPS ?? 5);
const CUTOVER_SIZES = (process.env.BENCH_CLI_CUTOVER ?? "500,2000,5000")
  .split(",")
  .map(Number)
  .filter((n) => n > 0);
const CUTOVER_REPETITIONS = 3;
const CORES = availableParallelism();

interface Contender {
  readonly name: string;
  run(): { seconds: number; peakMiB: number; documents: number };
}

interface Measured {
  readonly name: string;
  readonly seconds: number;
  readonly peakMiB: number;
  readonly documents: number;
}

/** Every contender once per repetition, the order rotating so that none always runs on a warm cache. */
function measure(contenders: readonly Contender[], repetitions: number): Measured[] {
  const runs = contenders.map(() => [] as { seconds: number; peakMiB: number; documents: number }[]);
  for (let round = 0; round < repetitions; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (round + k) % contenders.length;
      runs[index].push(contenders[index].run());
    }
  }
  return contenders.map((contender, i) => ({
    name: contender.name,
    seconds: median(runs[i].map((r) => r.seconds)),
    peakMiB: median(runs[i].map((r) => r.peakMiB)),
    documents: runs[i][0].documents,
  }));
}

function mainTable(results: readonly Measured[]): string {
  const rows = results.map((r) => [
    r.name,
    String(r.documents),
    r.seconds.toFixed(2),
    (r.documents / r.seconds).toFixed(0),
    r.peakMiB.toFixed(0),
  ]);
  return markdownTable(["tool", "documents", "wall s (median)", "documents/s", "peak RSS MiB"], rows, [false, true, true, true, true]);
}

function cutoverTable(sizes: readonly number[], root: (size: number) => string): string {
  const rows = sizes.map((size) => {
    const tree = root(size);
    const [alone, shared] = measure(
      [
        { name: "1", run: () => runGenesis(tree, 1) },
        { name: "cores", run: () => runGenesis(tree, Math.max(2, CORES)) },
      ],
      CUTOVER_REPETITIONS,
    );
    return [
      String(size),
      alone.seconds.toFixed(2),
      shared.seconds.toFixed(2),
      `×${(alone.seconds / shared.seconds).toFixed(2)}`,
      String(analysisThreads(size, undefined)),
    ];
  });
  return markdownTable(["documents", "--jobs 1 s", `--jobs ${Math.max(2, CORES)} s`, "speed-up", "default threads"], rows, [
    true,
    true,
    true,
    true,
    true,
  ]);
}

function main(): void {
  const scratch = mkdtempSync(path.join(tmpdir(), "genesis-bench-cli-"));
  const cleanUp = () => rmSync(scratch, { recursive: true, force: true });
  process.once("SIGINT", () => {
    cleanUp();
    process.exit(130);
  });
  try {
    const root = path.join(scratch, "tree");
    const tree = writeWorkspaceTree(root, DOCUMENTS);
    const plugin = writeAjvPlugin(scratch);
    const threads = analysisThreads(DOCUMENTS, undefined);
    const label = (jobs: number) => {
      const workers = jobs === 1 ? " (main thread alone)" : ` (main + ${jobs - 1} worker${jobs === 2 ? "" : "s"})`;
      return `genesis-readiness check --jobs ${jobs}${workers}${jobs === threads ? ", the default" : ""}`;
    };
    const results = measure(
      [
        ...[...new Set([1, threads, Math.max(2, CORES)])].map((jobs) => ({ name: label(jobs), run: () => runGenesis(root, jobs) })),
        { name: `ajv-cli ${AJV_CLI_VERSION} validate (3 runs, one per schema, summed)`, run: () => runAjvCli(root, tree.folders, plugin) },
      ],
      REPETITIONS,
    );
    for (const result of results) {
      if (result.documents !== tree.files.length)
        throw new Error(`${result.name} judged ${result.documents} documents, not ${tree.files.length}`);
    }
    console.log(
      `\n` +
        `CLI on a generated tree of ${tree.files.length} YAML documents (${CORES} cores; ` +
        `medians of ${REPETITIONS} runs; \`check --format json --no-io\`):\n`,
    );
    console.log(mainTable(results));
    console.log(
      "\najv-cli is a reference, not a like-for-like contender: it validates each file against its schema only, " +
        "needs --spec=draft2020 --strict=false and a formats plugin, reads YAML dates as Date objects and so calls every manifest invalid.",
    );
    const sizes = CUTOVER_SIZES.filter((size) => size < DOCUMENTS);
    if (sizes.length > 0) {
      console.log(`\nWhere worker threads start to pay off (medians of ${CUTOVER_REPETITIONS} runs):\n`);
      console.log(
        cutoverTable(sizes, (size) => {
          const folder = path.join(scratch, `cutover-${size}`);
          writeWorkspaceTree(folder, size);
          return folder;
        }),
      );
    }
  } finally {
    cleanUp();
  }
}

main();
