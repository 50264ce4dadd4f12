import * as vscode from "vscode";
import type { BaseLanguageClient } from "vscode-languageclient";
import { EXPORT_REQUEST } from "../../server/src/protocol";
import { runExport } from "./export-flow";

const TARGETS = [
  {
    target: "croissant",
    label: "Croissant 1.1",
    detail: "One dataset manifest, for dataset search engines and NeurIPS (a public format).",
  },
  {
    target: "ro-crate",
    label: "RO-Crate 1.2",
    detail: "ro-crate-metadata.json: datasets, models, the pipeline and its runs (Workflow Run Crate).",
  },
  { target: "cyclonedx", label: "CycloneDX 1.6 ML-BOM", detail: "Models with their model cards, datasets, hashes and lineage." },
  { target: "spdx", label: "SPDX 3.0.1", detail: "AI and Dataset profiles: AIPackage and DatasetPackage elements." },
] as const;

const DATASET_MANIFESTS = "**/{*.dataset.yaml,*.dataset.yml,*.dataset.json,dataset.genesis.yaml}";

/** `Genesis: Export As…`: a target, the documents (a dataset manifest for Croissant, else a folder), the server's text, a file. */
export async function exportAs(client: BaseLanguageClient | undefined): Promise<void> {
  if (!client) {
    void vscode.window.showErrorMessage("Genesis: exporting needs the Genesis language server; open a Genesis document to start it.");
    return;
  }
  const picked = await vscode.window.showQuickPick(
    TARGETS.map((t) => ({ ...t })),
    { title: "Genesis: Export As…", placeHolder: "Format to export to" },
  );
  if (!picked) return;
  const folders = vscode.workspace.workspaceFolders ?? [];
  let document: vscode.Uri | undefined;
  let folder: vscode.WorkspaceFolder | undefined = folders[0];
  if (picked.target === "croissant") {
    document = await chooseManifest();
    if (!document) return;
    folder = vscode.workspace.getWorkspaceFolder(document) ?? folder;
  } else if (folders.length > 1) {
    const chosen = await vscode.window.showQuickPick(
      folders.map((f) => ({ label: f.name, description: f.uri.fsPath, folder: f })),
      { title: "Genesis: Export As…", placeHolder: "Which folder" },
    );
    if (!chosen) return;
    folder = chosen.folder;
  }
  await runExport(
    { target: picked.target, document: document?.toString(), folder: folder?.uri.toString() },
    (params) => client.sendRequest(EXPORT_REQUEST, params),
    {
      confirmClassified: async (message) => {
        const [question, ...detail] = message.split("\n");
        const answer = await vscode.window.showWarningMessage(question, { modal: true, detail: detail.join("\n") }, "Export Anyway");
        return answer === "Export Anyway";
      },
      showError: (message) => void vscode.window.showErrorMessage(`Genesis: ${message}`),
      save: async (text, fileName) => {
        const base = document ? vscode.Uri.joinPath(document, "..") : folder?.uri;
        const target = await vscode.window.showSaveDialog({
          title: `Save ${picked.label}`,
          defaultUri: base ? vscode.Uri.joinPath(base, fileName) : undefined,
          filters: { JSON: ["json", "jsonld"] },
          saveLabel: "Export",
        });
        if (!target) return false;
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
        void vscode.window.showInformationMessage(`Genesis: exported to ${vscode.workspace.asRelativePath(target)}.`);
        return true;
      },
    },
  );
}

/** The dataset manifest in the active editor, else one the user picks. */
async function chooseManifest(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  if (
    active &&
    (/\.dataset\.(ya?ml|json)$|dataset\.genesis\.yaml$/.test(active.uri.path) || /^kind:\s*DatasetManifest\b/m.test(active.getText()))
  )
    return active.uri;
  const found = await vscode.workspace.findFiles(DATASET_MANIFESTS, "**/node_modules/**", 500);
  if (found.length === 0) {
    void vscode.window.showErrorMessage("Genesis: Croissant describes one dataset, and this workspace has no dataset manifest.");
    return undefined;
  }
  const chosen = await vscode.window.showQuickPick(
    found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
    { title: "Export As Croissant", placeHolder: "Which dataset manifest" },
  );
  return chosen?.uri;
}
