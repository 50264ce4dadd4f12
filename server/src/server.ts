import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./lsp/start";

// The transport (--stdio, --node-ipc or --socket) is picked by vscode-languageserver from argv.
startServer(createConnection(ProposedFeatures.all));
