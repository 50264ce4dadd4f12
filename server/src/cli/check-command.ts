import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { CheckCommand } from "./args";
import { checkForCommand, writeOutput, type CommandIO } from "./command-io";
import { displayPathFrom } from "./display-path";
import { formatGithub } from "./format-github";
import { formatGitlab } from "./format-gitlab";
import { formatJson } from "./format-json";
import { formatJunit } from "./format-junit";
import { formatSarif } from "./format-sarif";
import { formatText } from "./format-text";
import { githubSummary } from "./github-summary";
import { exitCodeFor, summarize } from "./report";
import { readinessOf } from "./report-command";
import type { CheckRun } from "./run";

export type { CommandIO };

/** Runs `check`, writes the report, and returns the exit code of docs/cli.md#exit-codes. */
export async function checkCommand(command: CheckCommand, io: CommandIO): Promise<number> {
  const run = await checkForCommand(command, io);
  if (run === 2) return 2;
  if (!(await writeOutput(format(command, run, io), command.output, io))) return 2;
  if (command.format === "github" && !(await appendStepSummary(run, io))) return 2;
  return run.problems.length > 0 ? 2 : exitCodeFor(summarize(run.report), command.failOn);
}

function format(command: CheckCommand, run: CheckRun, io: CommandIO): string {
  const report = run.report;
  const quiet = command.quiet;
  // In a workflow the annotations name files relative to the checkout, wherever the step runs.
  const base = command.format === "github" ? (io.env?.GITHUB_WORKSPACE ?? io.cwd) : io.cwd;
  const pathOf = displayPathFrom(base, report.root);
  switch (command.format) {
    case "json":
      return formatJson(report, readinessOf(run.workspace));
    case "sarif":
      return formatSarif(report, io.version, { absoluteRoot: command.sarifAbsoluteRoot });
    case "github":
      return formatGithub(report, { quiet, pathOf });
    case "gitlab":
      return formatGitlab(report, { quiet, pathOf });
    case "junit":
      return formatJunit(report, { quiet, pathOf });
    case "text":
      return formatText(report, { color: colored(command, io), quiet, pathOf });
  }
}

/** `--color`: `auto` colours on a terminal without NO_COLOR (io.colorAllowed), and never into `--output`. */
function colored(command: CheckCommand, io: CommandIO): boolean {
  if (command.color === "auto") return io.colorAllowed && command.output === undefined;
  return command.color === "always";
}

/**
 * The job summary of `--format github`, appended (never overwritten: other steps write there too)
 * to the file GITHUB_STEP_SUMMARY names, when it is set. False, after saying why, when it cannot be written.
 */
async function appendStepSummary(run: CheckRun, io: CommandIO): Promise<boolean> {
  const file = io.env?.GITHUB_STEP_SUMMARY;
  if (!file) return true;
  try {
    await fs.appendFile(path.resolve(io.cwd, file), githubSummary(run.report, readinessOf(run.workspace)));
    return true;
  } catch (error) {
    io.err(`genesis-readiness: cannot write the job summary to ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}
