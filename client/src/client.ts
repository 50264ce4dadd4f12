import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { RestartingErrorHandler } from "./restarts";
import { DOCUMENT_FILE_GLOB, type InitializationOptions } from "../../server/src/protocol";

/** The document types the server is given; the server itself decides which of them are Genesis documents. */
export const DOCUMENT_SELECTOR = [
  { scheme: "file", language: "yaml" },
  { scheme: "file", language: "json" },
  { scheme: "file", language: "markdown" },
  { scheme: "untitled", language: "yaml" },
  { scheme: "untitled", language: "json" },
  { scheme: "untitled", language: "markdown" },
];

/** Creates the language client for the bundled server (`dist/server.js`, over node IPC). */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6019"] } },
  };
  const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions,
    errorHandler: new RestartingErrorHandler(output),
    outputChannel: output,
    synchronize: {
      configurationSection: "genesis",
      // Every file that can be a Genesis document, and genesis.config.yaml: the server keeps its
      // index of the workspace current from these events.
      fileEvents: vscode.workspace.createFileSystemWatcher(DOCUMENT_FILE_GLOB),
    },
  };
  return new LanguageClient("genesis", "Genesis Readiness", serverOptions, clientOptions);
}
