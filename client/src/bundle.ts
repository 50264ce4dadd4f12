import * as vscode from "vscode";
import type { BaseLanguageClient } from "vscode-languageclient";
import { BUNDLE_PROGRESS_NOTIFICATION, BUNDLE_REQUEST, type BundleProgressParams, type BundleResult } from "../../server/src/protocol";

const TITLE = "Create Submission Bundle";

/**
 * `Genesis: Create Submission Bundle`: asks for the folder (when there are several), where to write
 * the bundle (a .zip, or a new folder), and whether to sign it, then has the server write it
 * (`genesis/bundle`, the CLI's code) under a cancellable progress notification.
 */
export async function createBundle(client: BaseLanguageClient | undefined): Promise<void> {
  if (!client) {
    void vscode.window.showErrorMessage("Genesis: a bundle needs the Genesis language server; open a Genesis document to start it.");
    return;
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const folder =
    folders.length > 1
      ? (
          await vscode.window.showQuickPick(
            folders.map((f) => ({ label: f.name, description: f.uri.fsPath, folder: f })),
            { title: TITLE },
          )
        )?.folder
      : folders[0];
  if (!folder) return;
  // The bundle takes the files on disk; edits not yet saved would be left out.
  if (vscode.workspace.textDocuments.some((d) => d.isDirty)) {
    const save = await vscode.window.showWarningMessage(
      "Genesis: the bundle takes the files as saved. Save all first?",
      "Save All",
      "Continue",
    );
    if (!save) return;
    if (save === "Save All") await vscode.workspace.saveAll(false);
  }
  const shape = await vscode.window.showQuickPick(
    [
      { label: "Zip file", detail: "One .zip file holding the RO-Crate", zip: true },
      { label: "Folder", detail: "A new folder holding the RO-Crate", zip: false },
    ],
    { title: TITLE, placeHolder: "Write the bundle as" },
  );
  if (!shape) return;
  const target = await vscode.window.showSaveDialog({
    title: TITLE,
    defaultUri: vscode.Uri.joinPath(folder.uri, "..", `${folder.name}-bundle${shape.zip ? ".zip" : ""}`),
    filters: shape.zip ? { "Zip archive": ["zip"] } : undefined,
    saveLabel: "Create Bundle",
  });
  if (!target) return;
  const sign = await vscode.window.showQuickPick(
    [
      { label: "Sign with a key…", detail: "A PEM private key, Ed25519 or ECDSA P-256", sign: true },
      { label: "Do not sign", sign: false },
    ],
    { title: TITLE, placeHolder: "Sign the statement of every file's digest?" },
  );
  if (!sign) return;
  const key = sign.sign ? (await vscode.window.showOpenDialog({ title: "Signing key (PEM)", canSelectMany: false }))?.[0] : undefined;
  if (sign.sign && !key) return;

  let result: BundleResult;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: "Genesis: creating the submission bundle", cancellable: true },
      async (progress, token) => {
        let reported = 0;
        const listening = client.onNotification(BUNDLE_PROGRESS_NOTIFICATION, (p: BundleProgressParams) => {
          const percent = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 0;
          progress.report({ message: `${p.filesDone}/${p.filesTotal} files hashed`, increment: Math.max(0, percent - reported) });
          reported = Math.max(reported, percent);
        });
        try {
          return await client.sendRequest(BUNDLE_REQUEST, { folder: folder.uri.toString(), out: target.fsPath, key: key?.fsPath }, token);
        } finally {
          listening.dispose();
        }
      },
    );
  } catch (error) {
    if (!(error instanceof vscode.CancellationError)) {
      void vscode.window.showErrorMessage(`Genesis: no bundle was written: ${error instanceof Error ? error.message : String(error)}`);
    }
    return;
  }
  const signed = result.keyid ? `signed (key id ${result.keyid.slice(0, 12)}…)` : "not signed";
  const reveal = await vscode.window.showInformationMessage(
    `Genesis: bundle written to ${result.out}: ${result.files} files, ${signed}.`,
    "Reveal",
  );
  if (reveal) await vscode.commands.executeCommand("revealFileInOS", vscode.Uri.file(result.out));
}
