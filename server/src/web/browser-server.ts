import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from "vscode-languageserver/browser";
import type { ServerPlatform } from "../lsp/platform";
import { startServer } from "../lsp/start";
import { BrowserFileAccess } from "./browser-file-access";
import { installSetImmediate } from "./set-immediate";

/**
 * The language server in a Web Worker, for VS Code in the browser (vscode.dev, github.dev): LSP
 * messages arrive and leave through the worker's `postMessage`. It reads files through the client
 * (browser-file-access.ts) and never reads data files, so the io rules stay off; every `type` and
 * `ws` rule runs as under Node.
 */

/** The worker's own scope, as far as the message reader and writer need it (this project compiles without lib "dom"). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

installSetImmediate();

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));

const BROWSER_PLATFORM: ServerPlatform = {
  files: new BrowserFileAccess(connection),
  dataFilesUnread: "in the browser",
  // The JSON itself: a worker has no synchronous hash, and a browser workspace's model is small.
  fingerprint: (text) => text,
  runtime: "a Web Worker",
};

startServer(connection, BROWSER_PLATFORM);
