/**
 * One timed run of a command-line tool for the CLI benchmark (test/bench/cli.ts): its wall time,
 * its peak RSS (GNU time's `%M`, the child's high-water mark of resident memory) and what it
 * printed, captured in files so that large reports cost the pipe nothing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { GENESIS_DATE } from "../../server/src/core/schema/registry";
import type { DocumentKind } from "../../server/src/core/types";

const REPOSITORY = path.resolve(__dirname, "../..");
export const CLI = path.join(REPOSITORY, "dist/cli.js");
const AJV_CLI_PACKAGE = path.join(REPOSITORY, "node_modules/ajv-cli");
export const AJV_CLI_VERSION = (JSON.parse(readFileSync(path.join(AJV_CLI_PACKAGE, "package.json"), "utf8")) as { version: string })
  .version;
const GNU_TIME = "/usr/bin/time";

export interface Run {
  readonly seconds: number;
  readonly peakMiB: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node args...` under GNU time; throws when the process could not be started. */
export function timedNode(args: readonly string[], cwd = REPOSITORY): Run {
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed for the peak RSS: apt-get install time`);
  const scratch = mkdtempSync(path.join(tmpdir(), "genesis-bench-run-"));
  try {
    const [rss, out, err] = ["rss", "out", "err"].map((name) => path.join(scratch, name));
    const script = `exec "$0" "$@" >${JSON.stringify(out)} 2>${JSON.stringify(err)}`;
    const started = performance.now();
    const result = spawnSync(GNU_TIME, ["-f", "%M", "-o", rss, "sh", "-c", script, process.execPath, ...args], { cwd, stdio: "ignore" });
    const seconds = (performance.now() - started) / 1000;
    if (result.error) throw result.error;
    return {
      seconds,
      peakMiB: Number(readFileSync(rss, "utf8").trim().split("\n").pop()) / 1024,
      status: result.status,
      stdout: readFileSync(out, "utf8"),
      stderr: readFileSync(err, "utf8"),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** `genesis-readiness check ROOT --format json --no-io [--jobs N]`; the number of documents it reported. */
export function runGenesis(root: string, jobs: number | undefined, cli = CLI): Run & { readonly documents: number } {
  const run = timedNode([
    cli,
    "check",
    root,
    "--format",
    "json",
    "--no-io",
    "--fail-on",
    "never",
    ...(jobs === undefined ? [] : ["--jobs", String(jobs)]),
  ]);
  if (run.status !== 0) throw new Error(`genesis-readiness exited ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { documents: { kind: string }[] };
  return { ...run, documents: report.documents.filter((d) => d.kind !== "GenesisConfig").length };
}

const SCHEMA_FILES: Readonly<Record<DocumentKind, string>> = {
  DatasetManifest: "schemas/dataset-manifest.schema.json",
  PipelineConfig: "schemas/pipeline-config.schema.json",
  ModelCard: "schemas/model-card.schema.json",
};

/**
 * An ajv-cli plugin (`-c`) adding what the engine's ajv has: the ajv-formats formats and the
 * schemas' own `genesis-date`.
 */
export function writeAjvPlugin(folder: string): string {
  const file = path.join(folder, "ajv-genesis-formats.cjs");
  const formats = require.resolve("ajv-formats", { paths: [REPOSITORY] });
  writeFileSync(
    file,
    `module.exports = (ajv) => { require(${JSON.stringify(formats)})(ajv); ` +
      `ajv.addFormat("genesis-date", ${GENESIS_DATE.toString()}); return ajv; };\n`,
  );
  return file;
}

/**
 * ajv-cli validating every document of each kind (the YAML files under `folders[kind]`, a glob)
 * against that kind's schema, with the options of the engine's own ajv (draft 2020-12, all errors,
 * not strict): one invocation per schema, their times summed and the largest peak kept. The count
 * is of the files it judged, valid or not.
 */
export function runAjvCli(
  root: string,
  folders: Readonly<Record<DocumentKind, string>>,
  plugin: string,
): Run & { readonly documents: number } {
  const bin = path.join(AJV_CLI_PACKAGE, "dist/index.js");
  let seconds = 0;
  let peakMiB = 0;
  let documents = 0;
  for (const kind of Object.keys(SCHEMA_FILES) as DocumentKind[]) {
    const run = timedNode([
      bin,
      "validate",
      "--spec=draft2020",
      "--all-errors",
      "--strict=false",
      "--errors=json",
      "-c",
      plugin,
      "-s",
      SCHEMA_FILES[kind],
      "-r",
      "schemas/common.schema.json",
      "-d",
      `${path.join(root, folders[kind])}/**/*.yaml`,
    ]);
    // ajv-cli exits 1 when a file is invalid, and 2 when it could not run at all.
    if (run.status !== 0 && run.status !== 1) throw new Error(`ajv-cli exited ${run.status}: ${run.stderr.slice(0, 2000)}`);
    seconds += run.seconds;
    peakMiB = Math.max(peakMiB, run.peakMiB);
    documents += (run.stdout + run.stderr).split("\n").filter((line) => / (valid|invalid)$/.test(line)).length;
  }
  return { seconds, peakMiB, status: 0, stdout: "", stderr: "", documents };
}
