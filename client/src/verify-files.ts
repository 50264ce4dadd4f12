import * as vscode from "vscode";
import type { VerifyFilesResult } from "../../server/src/protocol";
import { verifySummary } from "./verify-summary";

/**
 * "Genesis: Verify Files" as the user sees it: the server's command (it reads and hashes every file
 * the documents name) under a progress notification, then what it found. Run from the language
 * client's `executeCommand` middleware, so that the command stays the server's.
 */
export async function verifyFilesWithProgress(run: () => Promise<unknown>): Promise<unknown> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: "Genesis: verifying the files the documents name" },
    run,
  );
  const { text, warn } = verifySummary(result as VerifyFilesResult | null | undefined);
  void (warn ? vscode.window.showWarningMessage(text, "Show Problems") : vscode.window.showInformationMessage(text)).then((choice) => {
    if (choice) void vscode.commands.executeCommand("workbench.actions.view.problems");
  });
  return result;
}
