import type * as vscode from "vscode";
import { createLanguageClient } from "./client";
import { offerImportOfUnsyncedSources } from "./import-source-provider";
import { activateWith, deactivateClient } from "./wiring";

/** The desktop entry (`main` in package.json): the language server runs as a Node process. */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(offerImportOfUnsyncedSources());
  return activateWith(context, createLanguageClient);
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
