import { createHash } from "node:crypto";
import { createConnection, ProposedFeatures, type Connection } from "vscode-languageserver/node";
import { EvidenceCoordinator } from "./lsp/evidence";
import { FramingCheck, type FramingProblem } from "./lsp/framing-check";
import { NODE_FILE_ACCESS } from "./lsp/node-file-access";
import { registerBundle } from "./lsp/node-bundle";
import { importFromFileOnDisk } from "./lsp/node-import";
import { nodeAnalyserFor } from "./lsp/node-parse-pool";
import type { ServerPlatform } from "./lsp/platform";
import { startServer } from "./lsp/start";

/**
 * The transport (--stdio, --node-ipc or --socket) is picked from argv. Over stdio the input passes
 * through a FramingCheck first: on badly framed input the server exits (see exitOnBadFraming).
 * Console output then goes to the client's log, as vscode-languageserver does for its own stdio
 * transport (stdout carries the protocol).
 */
function connect(): Connection {
  if (!process.argv.includes("--stdio")) return createConnection(ProposedFeatures.all);
  const connection = createConnection(ProposedFeatures.all, process.stdin.pipe(new FramingCheck(exitOnBadFraming)), process.stdout);
  const log =
    (write: (message: string) => void) =>
    (...args: unknown[]) =>
      write(args.map(String).join(" "));
  console.log = log((m) => connection.console.log(m));
  console.info = log((m) => connection.console.info(m));
  console.warn = log((m) => connection.console.warn(m));
  console.error = log((m) => connection.console.error(m));
  console.debug = log((m) => connection.console.log(m));
  return connection;
}

/** The exit code after badly framed input (1 is vscode-languageserver's for input that ended without `shutdown`). */
const BAD_FRAMING_EXIT_CODE = 2;

/**
 * After badly framed input the server cannot know which messages it lost (a `didChange` among them
 * would leave a document out of step with the editor), so it does not read on: it writes one line
 * to stderr, which the editor shows in its log, and exits, so that the editor's restart sends every
 * open document again, whole.
 */
function exitOnBadFraming(problem: FramingProblem): void {
  const line =
    `Genesis Readiness language server: badly framed input on stdin at byte ${problem.offset} (${problem.reason}); ` +
    "exiting so that the editor restarts it.\n";
  const exit = () => process.exit(BAD_FRAMING_EXIT_CODE);
  // The write's callback comes once the line is out; the timer is there in case it never does.
  setTimeout(exit, 2000).unref();
  process.stderr.write(line, exit);
}

const connection = connect();

// A failed promise somewhere in a handler is logged, never a reason for the server to die.
process.on("unhandledRejection", (reason) => {
  connection.console.error(
    `Unhandled rejection in the Genesis server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  );
});

/** Under Node the server reads the disk itself and runs every rule, the io rules included. */
const NODE_PLATFORM: ServerPlatform = {
  files: NODE_FILE_ACCESS,
  createEvidence: (connection, workspace, progress) => new EvidenceCoordinator(connection, workspace, progress),
  fingerprint: (text) => createHash("sha256").update(text).digest("base64"),
  importFromFile: importFromFileOnDisk,
  registerBundles: registerBundle,
  analyserFor: (files) => nodeAnalyserFor(files),
  runtime: `node ${process.version}`,
};

startServer(connection, NODE_PLATFORM);
