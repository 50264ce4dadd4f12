import { version } from "../../../package.json";
import { HELP, USAGE, parseCommandLine } from "./args";
import { bundleCommand } from "./bundle-command";
import { checkCommand } from "./check-command";
import { explainCommand } from "./explain-command";
import { exportCommand } from "./export-command";
import { importCommand } from "./import-command";
import { initCommand } from "./init-command";
import { runMcpBundle } from "./mcp-launch";
import { reportCommand } from "./report-command";
import { verifyCommand } from "./verify-command";

/**
 * `genesis-readiness`: the command-line front end (docs/cli.md) over the same engine and
 * genesis.config.yaml as the language server. This file only dispatches and sets the exit code.
 */
async function main(argv: readonly string[]): Promise<number> {
  const invocation = parseCommandLine(argv);
  switch (invocation.kind) {
    case "help":
      process.stdout.write(HELP);
      return 0;
    case "version":
      process.stdout.write(`${version}\n`);
      return 0;
    case "missing-command":
      process.stderr.write(HELP);
      return 2;
    case "usage-error":
      process.stderr.write(`genesis-readiness: ${invocation.message}\n${USAGE}\n`);
      return 2;
    case "mcp":
      return runMcpBundle({ cwd: process.cwd(), root: invocation.root, version });
    case "init":
      return initCommand(invocation, {
        cwd: process.cwd(),
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
    case "explain":
      return explainCommand(invocation, { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) });
    case "import":
      return importCommand(invocation, {
        cwd: process.cwd(),
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
    case "report":
      return reportCommand(invocation, {
        cwd: process.cwd(),
        version,
        colorAllowed: false,
        env: process.env,
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
    case "export":
      return exportCommand(invocation, {
        cwd: process.cwd(),
        version,
        colorAllowed: false,
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
    case "bundle":
    case "verify": {
      const io = {
        cwd: process.cwd(),
        version,
        colorAllowed: false,
        out: (text: string) => process.stdout.write(text),
        err: (text: string) => process.stderr.write(text),
      };
      return invocation.kind === "bundle" ? bundleCommand(invocation, io) : verifyCommand(invocation, io);
    }
    case "check":
      return checkCommand(invocation, {
        cwd: process.cwd(),
        version,
        colorAllowed: process.stdout.isTTY === true && !process.env.NO_COLOR,
        env: process.env,
        out: (text) => process.stdout.write(text),
        err: (text) => process.stderr.write(text),
      });
  }
}

// A reader that closes the pipe early (`| head`) has all it wants: the rest of the output is
// dropped without a stack trace, and the exit code stays the command's verdict.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

// The exit code is set, not forced with process.exit(), so that piped output is flushed first.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`genesis-readiness: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
