import type * as vscode from "vscode";
import { LanguageClient, TransportKind, type ServerOptions } from "vscode-languageclient/node";
import { SERVER_EXEC_ARGV } from "../../server/src/launch";
import { languageClientOptions } from "./client-options";
import { DOCUMENT_SELECTOR } from "./recognition";

/** Creates the language client for the bundled server (`dist/server.js`, over node IPC). */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, "--nolazy", "--inspect=6019"] } },
  };
  return new LanguageClient("genesis", "Genesis Readiness", serverOptions, languageClientOptions(output, [...DOCUMENT_SELECTOR]));
}
