import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import * as path from "node:path";
import { assertCliBuilt, CLI_PATH, REPOSITORY } from "./cli-harness";

/**
 * The CLI's output into a pipe whose reader has gone, as after `genesis-readiness check ... | head -c 100`
 * once head has its bytes: the read end is closed before anything is written, so every write fails.
 */
function runIntoClosedPipe(args: readonly string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], { cwd: REPOSITORY, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.stdout.destroy();
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

describe("genesis-readiness into a pipe the reader closes early", function () {
  this.timeout(60_000);
  before(assertCliBuilt);

  it("prints no EPIPE stack trace, and the exit code stays the check's verdict", async function () {
    // The examples have errors: the verdict must survive the lost output.
    const { status, stderr } = await runIntoClosedPipe(["check", path.join(REPOSITORY, "examples"), "--format", "json", "--no-io"]);
    assert.doesNotMatch(stderr, /EPIPE|Unhandled 'error' event/);
    assert.equal(status, 1, "the examples have errors: exit 1, as without the pipe");
  });
});
