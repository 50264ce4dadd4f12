import { createHash } from "node:crypto";
import { createConnection, ProposedFeatures, type Connection } from "vscode-languageserver/node";
import { EvidenceCoordinator } from "./lsp/evidence";
import { FramingGuard } from "./lsp/framing-guard";
import { NODE_FILE_ACCESS } from "./lsp/node-file-access";
import { registerBundle } from "./lsp/node-bundle";
import { importFromFileOnDisk } from "./lsp/node-import";
import { nodeAnalyserFor } from "./lsp/node-parse-pool";
import type { ServerPlatform } from "./lsp/platform";
import { startServer } from "./lsp/start";

/**
 * The transport (--stdio, --node-ipc or --socket) is picked from argv. Over stdio the input passes
 * through a FramingGuard first, so that badly framed bytes are dropped and every later message is
 * still answered; console output then goes to the client's log, as vscode-languageserver does for
 * its own stdio transport (stdout carries the protocol).
 */
function connect(): Connection {
  if (!process.argv.includes("--stdio")) return createConnection(ProposedFeatures.all);
  let dropped = 0;
  const guard = new FramingGuard((bytes) => (dropped += bytes));
  const connection = createConnection(ProposedFeatures.all, process.stdin.pipe(guard), process.stdout);
  guard.on("data", () => {
    if (dropped === 0) return;
    connection.console.warn(`Dropped ${dropped} bytes of badly framed input before a well-framed message.`);
    dropped = 0;
  });
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
