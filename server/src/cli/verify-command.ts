import * as path from "node:path";
import { BundleError } from "../bundle/bundle-error";
import { verifyingKey } from "../bundle/signing";
import { verifyBundle } from "../bundle/verify-bundle";
import { readKey } from "./bundle-command";
import type { VerifyCommand } from "./bundle-args";
import type { CommandIO } from "./command-io";
import { terminalProgressBar } from "./progress-bar";

/**
 * Runs `verify` (docs/bundles.md#verifying): one line per problem on stdout, each naming its file,
 * then a verdict. Exit 0 when everything holds, 1 when anything does not, 2 when the bundle or the
 * key cannot be read at all.
 */
export async function verifyCommand(command: VerifyCommand, io: CommandIO & { readonly stderr?: NodeJS.WriteStream }): Promise<number> {
  try {
    const key = command.key === undefined ? undefined : verifyingKey(await readKey(command.key, io.cwd), command.key);
    const bar = terminalProgressBar(io.stderr ?? process.stderr);
    let verdict;
    try {
      verdict = await verifyBundle(path.resolve(io.cwd, command.bundle), key, bar?.update);
    } finally {
      bar?.done();
    }
    for (const note of verdict.notes) io.err(`genesis-readiness: note: ${note}\n`);
    for (const problem of verdict.problems) io.out(`${problem}\n`);
    if (verdict.problems.length > 0) {
      io.out(`${command.bundle}: does NOT verify (${verdict.problems.length} problem${verdict.problems.length === 1 ? "" : "s"}).\n`);
      return 1;
    }
    const signature = verdict.signed ? (key ? "signature verified" : "signature not checked") : "not signed";
    io.out(`${command.bundle}: verified: ${verdict.files} files, every digest holds, ${signature}.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof BundleError)) throw error;
    io.err(`genesis-readiness: ${error.message}\n`);
    return error.exitCode;
  }
}
