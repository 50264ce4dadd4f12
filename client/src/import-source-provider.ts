import * as vscode from "vscode";
import { importSourceAction, UNSYNCED_IMPORT_SOURCES } from "./import-source";

/**
 * The import action on the sources the server is never given (import-source.ts). Registered by the
 * desktop entry only: importing reads and hashes files from disk, which only the Node server does
 * (in code-server too, whose UI is a browser but whose extension host and server are Node).
 */
export function offerImportOfUnsyncedSources(): vscode.Disposable {
  const kind = vscode.CodeActionKind.RefactorRewrite.append("genesis.import");
  return vscode.languages.registerCodeActionsProvider(
    [...UNSYNCED_IMPORT_SOURCES],
    {
      provideCodeActions(document) {
        const action = importSourceAction(document.uri.toString(), vscode.workspace.isTrusted);
        if (!action) return [];
        const codeAction = new vscode.CodeAction(action.title, kind);
        codeAction.command = { ...action.command, arguments: [...action.command.arguments] };
        return [codeAction];
      },
    },
    { providedCodeActionKinds: [kind] },
  );
}
