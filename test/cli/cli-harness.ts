import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

/** Runs the BUILT command line (dist/cli.js), as a user or a CI job would. */

export const REPOSITORY = path.resolve(__dirname, "../..");
export const CLI_PATH = path.join(REPOSITORY, "dist/cli.js");
export const CLI_FIXTURES = path.join(REPOSITORY, "test/fixtures/cli");

/** One diagnostic line of the text format: `path:LINE:COL: severity rule message`. */
export const TEXT_LINE = /^[^:]+:\d+:\d+: (error|warning|info) [a-z]+\/[a-z-]+ .+/;

/** For a `before` hook: the tests run the bundle, which `npm test` builds first. */
export function assertCliBuilt(): void {
  assert.ok(existsSync(CLI_PATH), `${CLI_PATH} is missing: run "npm run build" first (npm test builds before testing).`);
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `env` replaces the whole environment when given (to unset NO_COLOR, for instance). */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const env = options.env ?? process.env;
  const result = spawnSync(process.execPath, [CLI_PATH, ...args], {
    cwd: options.cwd ?? REPOSITORY,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `check --format json` parsed; fails the test with the CLI's stderr when the output is not JSON. */
export function checkJson(
  args: readonly string[],
  options: { cwd?: string } = {},
): { status: number | null; report: JsonReport; stderr: string } {
  const result = runCli(["check", "--format", "json", ...args], options);
  let report: JsonReport;
  try {
    report = JSON.parse(result.stdout) as JsonReport;
  } catch {
    assert.fail(`not JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return { status: result.status, report, stderr: result.stderr };
}

export interface JsonPosition {
  line: number;
  character: number;
}
export interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: JsonPosition; end: JsonPosition };
  pointer: string;
}
export interface JsonDocument {
  path: string;
  kind: string;
  diagnostics: JsonDiagnostic[];
  waived?: (JsonDiagnostic & { waiver: { reason: string; until?: string } })[];
}
export interface JsonReport {
  version: number;
  root: string;
  documents: JsonDocument[];
  readiness: unknown;
  summary: { errors: number; warnings: number; infos: number };
}

/** Temporary workspaces, removed by `removeAll` in an `after` hook. */
export class Workspaces {
  private readonly made: string[] = [];

  /** A new empty folder (its real path, as the CLI reports roots). */
  make(): string {
    const folder = realpathSync(mkdtempSync(path.join(tmpdir(), "genesis-cli-")));
    this.made.push(folder);
    return folder;
  }

  removeAll(): void {
    for (const folder of this.made.splice(0)) rmSync(folder, { recursive: true, force: true });
  }
}

/** Writes `text` (or bytes) at `relative` below `root`, creating folders. */
export function writeIn(root: string, relative: string, content: string | Uint8Array): string {
  const target = path.join(root, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, content);
  return target;
}

/**
 * Copies a fixture manifest from test/fixtures/cli to `relative` below `root`, with the data file
 * it names (kept beside it under files/), so that rules that read data find it.
 */
export function copyFixture(root: string, fixture: string, relative = fixture): void {
  const target = path.join(root, relative);
  mkdirSync(path.join(path.dirname(target), "files"), { recursive: true });
  copyFileSync(path.join(CLI_FIXTURES, fixture), target);
  for (const data of ["readings.json", "salinity.json", "daily.json"]) {
    copyFileSync(path.join(CLI_FIXTURES, "files", data), path.join(path.dirname(target), "files", data));
  }
}

/** The text a 0-based range covers in `text` (lines split as LSP does). */
export function coveredText(text: string, range: { start: JsonPosition; end: JsonPosition }): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\r" && text[i + 1] === "\n") continue;
    if (text[i] === "\n" || text[i] === "\r") starts.push(i + 1);
  }
  return text.slice(starts[range.start.line] + range.start.character, starts[range.end.line] + range.end.character);
}
