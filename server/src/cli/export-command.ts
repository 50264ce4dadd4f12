import { promises as fs } from "node:fs";
import * as path from "node:path";
import { exportDocuments, exportInputOf, TARGET_NAMES } from "../core/index";
import { checkForCommand, type CommandIO } from "./command-io";
import type { ExportCommand } from "./export-args";

/**
 * Runs `export` (docs/cli.md#export): loads the workspace as `check` does (without reading data
 * files), and writes the documents under the paths in the target format, to `--out` (a new file:
 * an existing one is never overwritten) or to standard output.
 *
 * Exit 0 when written; 1 when a public format would disclose documents above `public` and
 * `--allow-classified` was not given (each document and its level named on stderr); 2 on an
 * unreadable path, a selection the format cannot hold, or an `--out` that exists or cannot be written.
 */
export async function exportCommand(command: ExportCommand, io: CommandIO & { readonly now?: () => Date }): Promise<number> {
  const run = await checkForCommand(command, io);
  if (run === 2) return 2;
  const { host, isReported } = run.workspace;
  const input = exportInputOf(
    host,
    { tool: { name: "genesis-readiness", version: io.version }, now: io.now ?? (() => new Date()), title: path.basename(run.report.root) },
    isReported,
  );
  if (input.documents.length === 0) {
    io.err(`genesis-readiness: no Genesis document under ${command.paths.join(", ")} to export.\n`);
    return 2;
  }
  const result = exportDocuments(command.to, input, { allowClassified: command.allowClassified });
  if (!result.ok) {
    io.err(`genesis-readiness: ${result.message}\n`);
    return result.problem === "classified" ? 1 : 2;
  }
  if (command.out === undefined) io.out(result.output.text);
  else {
    const target = path.resolve(io.cwd, command.out);
    try {
      // "wx": fails when the file exists, so that nothing of the user's is ever overwritten.
      await fs.writeFile(target, result.output.text, { flag: "wx" });
    } catch (error) {
      const exists = (error as NodeJS.ErrnoException).code === "EEXIST";
      const why = exists
        ? `${command.out} already exists; it is never overwritten: choose another --out`
        : `cannot write ${command.out}: ${error instanceof Error ? error.message : String(error)}`;
      io.err(`genesis-readiness: ${why}.\n`);
      return 2;
    }
    io.err(`genesis-readiness: wrote ${TARGET_NAMES[command.to]} of ${input.documents.length} document(s) to ${command.out}.\n`);
  }
  return run.problems.length > 0 ? 2 : 0;
}
