import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { RestartingErrorHandler } from "./restarts";
import { SERVER_EXEC_ARGV } from "../../server/src/launch";
import { VERIFY_FILES_COMMAND, WATCHED_FILES_GLOB, type InitializationOptions } from "../../server/src/protocol";
import { DOCUMENT_SELECTOR } from "./recognition";
import { verifyFilesWithProgress } from "./verify-files";

/** Creates the language client for the bundled server (`dist/server.js`, over node IPC). */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, "--nolazy", "--inspect=6019"] } },
  };
  const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [...DOCUMENT_SELECTOR],
    initializationOptions,
    errorHandler: new RestartingErrorHandler(output),
    outputChannel: output,
    middleware: {
      executeCommand: (command, args, next) =>
        command === VERIFY_FILES_COMMAND ? verifyFilesWithProgress(async () => next(command, args)) : next(command, args),
    },
    synchronize: {
      configurationSection: "genesis",
      // Every file: the server keeps its index of Genesis documents current from these events, and
      // data files and artifacts feed the io rules (checksums, schemas, signatures).
      fileEvents: vscode.workspace.createFileSystemWatcher(WATCHED_FILES_GLOB),
    },
  };
  return new LanguageClient("genesis", "Genesis Readiness", serverOptions, clientOptions);
}
