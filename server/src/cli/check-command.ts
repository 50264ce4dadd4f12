import { promises as fs } from "node:fs";
import * as path from "node:path";
import { Engine } from "../core/engine";
import type { CheckCommand } from "./args";
import { formatJson } from "./format-json";
import { formatSarif } from "./format-sarif";
import { formatText } from "./format-text";
import { exitCodeFor, summarize } from "./report";
import { readinessOf } from "./report-command";
import { PathError, runCheck, type CheckRun } from "./run";

/** What `check` needs from the process, passed in so that nothing here reads globals. */
export interface CommandIO {
  readonly cwd: string;
  readonly version: string;
  /** Colour is used only on a terminal, when NO_COLOR is not set. */
  readonly colorAllowed: boolean;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Runs `check`, writes the report, and returns the exit code of §9. */
export async function checkCommand(command: CheckCommand, io: CommandIO): Promise<number> {
  let run;
  try {
    run = await runCheck(command, io.cwd, new Engine());
  } catch (error) {
    if (!(error instanceof PathError)) throw error;
    io.err(`genesis-readiness: ${error.message}\n`);
    return 2;
  }
  for (const problem of run.problems) {
    io.err(`genesis-readiness: cannot read ${path.relative(io.cwd, problem.absolute) || problem.absolute}: ${problem.message}\n`);
  }

  const text = format(command, run, io);
  if (command.output !== undefined) {
    try {
      await fs.writeFile(path.resolve(io.cwd, command.output), text);
    } catch (error) {
      io.err(`genesis-readiness: cannot write ${command.output}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  } else {
    io.out(text);
  }
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
