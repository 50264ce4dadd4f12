import { promises as fs } from "node:fs";
import * as path from "node:path";
import { BundleError } from "../bundle/bundle-error";
import { signingKey } from "../bundle/signing";
import { writeBundle } from "../bundle/write-bundle";
import type { BundleCommand } from "./bundle-args";
import { checkForCommand, type CommandIO } from "./command-io";
import { terminalProgressBar } from "./progress-bar";
import { rootLabel } from "./report-command";

/**
 * Runs `bundle` (docs/bundles.md): the same check as `report` (same documents, configuration and
 * `io` facts), then the bundle of its documents. Exit 0 when written; 1 when a named file is
 * missing or does not hold its declared sha256 (nothing is written); 2 on a usage problem: an
 * unreadable path or key, or an `--out` that exists already.
 */
export async function bundleCommand(
  command: BundleCommand,
  io: CommandIO & { readonly now?: () => Date; readonly stderr?: NodeJS.WriteStream },
): Promise<number> {
  const out = path.resolve(io.cwd, command.out);
  try {
    const key = command.sign === undefined ? undefined : signingKey(await readKey(command.sign, io.cwd), command.sign);
    // Refused before the workspace is read, so that a second run fails at once.
    if (await exists(out)) throw new BundleError(`${command.out}: exists already; the bundle never replaces a file or folder.`, 2);
    const run = await checkForCommand(command, io);
    if (run === 2) return 2;
    if (run.problems.length > 0) {
      io.err("genesis-readiness: no bundle was written, since some files could not be read or checked.\n");
      return 2;
    }
    const bar = terminalProgressBar(io.stderr ?? process.stderr);
    let summary;
    try {
      summary = await writeBundle({
        root: run.report.root,
        host: run.workspace.host,
        isReported: run.workspace.isReported,
        name: rootLabel(run.report.root, io.cwd),
        out,
        key,
        generator: { name: "genesis-readiness", version: io.version },
        now: io.now?.() ?? new Date(),
        onProgress: bar?.update,
      });
    } finally {
      bar?.done();
    }
    const megabytes = (summary.bytes / (1024 * 1024)).toFixed(1);
    io.out(
      `Bundle written to ${command.out}: ${summary.files} files, ${megabytes} MB` +
        (summary.keyid ? `, signed (key id ${summary.keyid}).\n` : ", not signed.\n"),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    io.err(`genesis-readiness: ${error.message}\n`);
    return error.exitCode;
  }
}

/** A key file named on the command line; a file that cannot be read is a usage problem. */
export async function readKey(given: string, cwd: string): Promise<Buffer> {
  try {
    return await fs.readFile(path.resolve(cwd, given));
  } catch (error) {
    throw new BundleError(`${given}: cannot read the key (${error instanceof Error ? error.message : String(error)}).`, 2);
  }
}

async function exists(absolute: string): Promise<boolean> {
  try {
    await fs.lstat(absolute);
    return true;
  } catch {
    return false;
  }
}
