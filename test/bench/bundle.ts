/**
 * `npm run bench`, the bundle part (issue 16, item 4): `genesis-readiness bundle` of a workspace
 * whose dataset manifest names BENCH_BUNDLE_MB MiB of data files (default 1024, in
 * BENCH_BUNDLE_FILES files, default 8), against `sha256sum` over the same files, side by side in
 * rotating order, BENCH_BUNDLE_REPS times (default 3). The bundle is timed as a user runs it (the
 * built CLI, from process start to exit: loading and checking the workspace, then into a folder
 * copying and hashing the copies in the pool, or into a zip reading each file once and hashing its
 * chunks as they are written; verifying the declared digests, writing the crate). Target: each
 * bundle at least 80% of sha256sum's throughput. Needs `npm run build`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { freeBytes, MIB, writeBlob } from "./io-files";
import { markdownTable } from "./markdown";
import { median } from "./stats";

const CLI = path.resolve(__dirname, "../../dist/cli.js");
const WANTED_MIB = Number(process.env.BENCH_BUNDLE_MB ?? 1024);
const FILES = Math.max(1, Number(process.env.BENCH_BUNDLE_FILES ?? 8));
const REPS = Math.max(1, Number(process.env.BENCH_BUNDLE_REPS ?? 3));

function run(command: string, args: readonly string[]): { seconds: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * MIB });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return { seconds, stdout: result.stdout };
}

function main(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  const folder = mkdtempSync(path.join(tmpdir(), "genesis-bench-bundle-"));
  const cleanUp = () => rmSync(folder, { recursive: true, force: true });
  process.on("SIGINT", () => {
    cleanUp();
    process.exit(130);
  });
  try {
    // The data, its copy in the bundle, and a zip at most: three times the size, and a margin.
    const room = Math.floor(freeBytes(folder) / MIB / 3) - 512;
    const total = Math.max(FILES, Math.min(WANTED_MIB, room));
    if (total < WANTED_MIB) console.log(`Only ${total} MiB of data fit on the disk (of ${WANTED_MIB} MiB asked).\n`);
    const workspace = path.join(folder, "workspace");
    const files = Array.from({ length: FILES }, (_, i) => `data/files/part-${i}.bin`);
    const each = Math.floor(total / FILES);
    for (const file of files) {
      rmSync(path.join(workspace, file), { force: true });
      mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
      writeBlob(path.join(workspace, file), each);
    }
    const absolute = files.map((file) => path.join(workspace, file));
    // sha256sum also warms the page cache for every contender.
    const digests = run("sha256sum", absolute)
      .stdout.trim()
      .split("\n")
      .map((line) => line.slice(0, 64));
    writeFileSync(path.join(workspace, "genesis.config.yaml"), "profile: dev\n");
    writeFileSync(path.join(workspace, "data/bench.dataset.yaml"), manifest(files, digests, each));

    const contenders: { name: string; time: (rep: number) => number }[] = [
      { name: "sha256sum (GNU coreutils), same files", time: () => run("sha256sum", absolute).seconds },
      { name: "genesis-readiness bundle --out DIR", time: (rep) => timeBundle(workspace, path.join(folder, `out-${rep}`)) },
      { name: "genesis-readiness bundle --out FILE.zip", time: (rep) => timeBundle(workspace, path.join(folder, `out-${rep}.zip`)) },
    ];
    const seconds = contenders.map((): number[] => []);
    for (let rep = 0; rep < REPS; rep++) {
      for (let k = 0; k < contenders.length; k++) {
        const index = (rep + k) % contenders.length;
        seconds[index].push(contenders[index].time(rep));
      }
    }
    const bytes = each * FILES * MIB;
    const medians = seconds.map((s) => median(s));
    const throughput = medians.map((s) => bytes / MIB / s);
    console.log(`## Bundle of ${each * FILES} MiB in ${FILES} data files (median of ${REPS})\n`);
    console.log(
      markdownTable(
        ["contender", "median", "MiB/s", "of sha256sum"],
        contenders.map((c, i) => [
          c.name,
          `${medians[i].toFixed(2)} s`,
          throughput[i].toFixed(0),
          `${((throughput[i] / throughput[0]) * 100).toFixed(0)}%`,
        ]),
        [false, true, true, true],
      ),
    );
    for (const [index, output] of [
      [1, "Folder"],
      [2, "Zip"],
    ] as const) {
      const ratio = throughput[index] / throughput[0];
      const verdict = ratio >= 0.8 ? "met" : "NOT met";
      console.log(`\n${output} bundle throughput: ${(ratio * 100).toFixed(0)}% of sha256sum's (target: at least 80%): ${verdict}.`);
    }
  } finally {
    cleanUp();
  }
}

/** One bundle of the workspace into `out`, removed afterwards; seconds from process start to exit. */
function timeBundle(workspace: string, out: string): number {
  const { seconds } = run(process.execPath, [CLI, "bundle", workspace, "--out", out]);
  rmSync(out, { recursive: true, force: true });
  return seconds;
}

function manifest(files: readonly string[], digests: readonly string[], mib: number): string {
  const distribution = files
    .map((file, i) => {
      const item = [
        `id: part-${i}`,
        `path: ${file.slice("data/".length)}`,
        "format: binary",
        `sha256: ${digests[i]}`,
        `bytes: ${mib * MIB}`,
      ];
      return `  - ${item.join("\n    ")}\n`;
    })
    .join("");
  return (
    `apiVersion: genesis/v1\nkind: DatasetManifest\nid: bench-data\nversion: 1.0.0\nname: Bundle benchmark data\n` +
    `license: CC-BY-4.0\ndistribution:\n${distribution}`
  );
}

main();
