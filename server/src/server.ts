import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./lsp/start";

// The transport (--stdio, --node-ipc or --socket) is picked by vscode-languageserver from argv.
const connection = createConnection(ProposedFeatures.all);

// A failed promise somewhere in a handler is logged, never a reason for the server to die.
process.on("unhandledRejection", (reason) => {
  connection.console.error(
    `Unhandled rejection in the Genesis server: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  );
});

startServer(connection);
