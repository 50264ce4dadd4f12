import * as vscode from "vscode";
import { GENESIS_FILE_GLOB, mayBeGenesis } from "./recognition";

/** Lines of a document that the cheap content test reads: a header or front matter is near the top. */
const HEAD_LINES = 200;

/**
 * Whether a document may be a Genesis document: a cheap test on its name and first lines, so the
 * language server is only started for workspaces and files that need it.
 */
export function mayBeGenesisDocument(document: vscode.TextDocument): boolean {
  return mayBeGenesis(document.languageId, document.uri.path, document.getText(new vscode.Range(0, 0, HEAD_LINES, 0)));
}

/** Whether the open workspace already holds Genesis documents by name. */
export async function workspaceHasGenesisFiles(): Promise<boolean> {
  if (!vscode.workspace.workspaceFolders?.length) return false;
  const found = await vscode.workspace.findFiles(GENESIS_FILE_GLOB, "**/node_modules/**", 1);
  return found.length > 0;
}
