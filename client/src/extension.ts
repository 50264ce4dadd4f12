import type * as vscode from "vscode";
import { activateWith, deactivateClient } from "./wiring";
import { createLanguageClient } from "./client";

/** The desktop entry (`main` in package.json): the language server runs as a Node process. */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, createLanguageClient);
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
