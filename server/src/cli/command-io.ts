import { promises as fs } from "node:fs";
import * as path from "node:path";
import { Engine, isoDateOf } from "../core/index";
import { PathError, runCheck, type CheckRun, type WorkspaceSelection } from "./run";

/** What a command needs from the process, passed in so that nothing here reads globals. */
export interface CommandIO {
  readonly cwd: string;
  readonly version: string;
  /** Colour is used only on a terminal, when NO_COLOR is not set. */
  readonly colorAllowed: boolean;
  /** The environment (GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY for `--format github`); none when absent. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * The check `check`, `report` and `bundle` start from: the run, or exit code 2 when a path given on the
 * command line cannot be used. Files that could not be read or checked on the way are named on stderr.
 */
export async function checkForCommand(command: WorkspaceSelection, io: CommandIO): Promise<CheckRun | 2> {
  let run: CheckRun;
  try {
    run = await runCheck(command, io.cwd, new Engine({ today: () => isoDateOf(new Date()) }));
  } catch (error) {
    if (!(error instanceof PathError)) throw error;
    io.err(`genesis-readiness: ${error.message}\n`);
    return 2;
  }
  for (const problem of run.problems) {
    io.err(
      `genesis-readiness: cannot ${problem.failedCheck ? "check" : "read"} ` +
        `${path.relative(io.cwd, problem.absolute) || problem.absolute}: ${problem.message}\n`,
    );
  }
  return run;
}

/** Writes a report to `--output`, or to stdout; false (after saying why) when the file cannot be written. */
export async function writeOutput(text: string, output: string | undefined, io: CommandIO): Promise<boolean> {
  if (output === undefined) {
    io.out(text);
    return true;
  }
  try {
    await fs.writeFile(path.resolve(io.cwd, output), text);
    return true;
  } catch (error) {
    io.err(`genesis-readiness: cannot write ${output}: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}
