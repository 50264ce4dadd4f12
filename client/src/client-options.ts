import * as vscode from "vscode";
import type { DocumentSelector, LanguageClientOptions } from "vscode-languageclient";
import { VERIFY_FILES_COMMAND, WATCHED_FILES_GLOB, type InitializationOptions } from "../../server/src/protocol";
import { RestartingErrorHandler } from "./restarts";
import { verifyFilesWithProgress } from "./verify-files";

/** The language client's options, the same for the Node server and the Web Worker server but for the documents given. */
export function languageClientOptions(output: vscode.OutputChannel, documentSelector: DocumentSelector): LanguageClientOptions {
  const initializationOptions: InitializationOptions = { trusted: vscode.workspace.isTrusted };
  return {
    documentSelector,
    initializationOptions,
    errorHandler: new RestartingErrorHandler(output),
    outputChannel: output,
    middleware: {
      // "Verify Files" runs under a progress notification and ends with what it found.
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
}
