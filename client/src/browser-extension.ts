import type * as vscode from "vscode";
import { createBrowserLanguageClient } from "./browser-client";
import { activateWith, deactivateClient } from "./wiring";

/**
 * The browser entry (`browser` in package.json), for vscode.dev and github.dev: the same extension,
 * with the language server in a Web Worker that reads files through VS Code. The io rules, which
 * read data files, do not run there (README: vscode.dev and github.dev).
 */
export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateWith(context, createBrowserLanguageClient);
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
