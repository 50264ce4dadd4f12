import type { CheckCommand } from "./args";
import { checkForCommand, writeOutput, type CommandIO } from "./command-io";
import { formatJson } from "./format-json";
import { formatSarif } from "./format-sarif";
import { formatText } from "./format-text";
import { exitCodeFor, summarize } from "./report";
import { readinessOf } from "./report-command";
import type { CheckRun } from "./run";

export type { CommandIO };

/** Runs `check`, writes the report, and returns the exit code of docs/cli.md#exit-codes. */
export async function checkCommand(command: CheckCommand, io: CommandIO): Promise<number> {
  const run = await checkForCommand(command, io);
  if (run === 2) return 2;
  if (!(await writeOutput(format(command, run, io), command.output, io))) return 2;
  return run.problems.length > 0 ? 2 : exitCodeFor(summarize(run.report), command.failOn);
}

function format(command: CheckCommand, run: CheckRun, io: CommandIO): string {
  const report = run.report;
  switch (command.format) {
    case "json":
      return formatJson(report, readinessOf(run.workspace));
    case "sarif":
      return formatSarif(report, io.version);
    case "text":
      return formatText(report, { color: io.colorAllowed && command.output === undefined });
  }
}
