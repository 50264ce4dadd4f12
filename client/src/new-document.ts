import * as vscode from "vscode";
import { SLUG, DOCUMENT_TEMPLATES, type DocumentTemplate, expandSnippet } from "../../server/src/core/client-api";
import { KIND_FOLDERS, proposedFolder, type NewDocumentKind } from "./new-document-folder";

export type { NewDocumentKind };

/**
 * "Genesis: New ..." commands: ask for an id (and, for a model card, its form), then where to put
 * the file (new-document-folder.ts proposes a folder), create it from the same templates as the
 * snippets and `genesis-readiness init`, and open it. An existing file is never overwritten.
 */
export async function createNewDocument(kind: NewDocumentKind, folder?: vscode.Uri): Promise<void> {
  const template = await pickTemplate(kind);
  if (!template) return;
  const id = await vscode.window.showInputBox({
    title: `New ${template.description.replace(/^A (complete )?/, "")}`,
    prompt: "The document id: lower-case letters, digits, '.', '_' and '-'",
    placeHolder: "ocean-temperatures",
    validateInput: (value) =>
      SLUG.test(value) ? undefined : "Use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit (at most 128).",
  });
  if (!id) return;
  const target = await targetFolder(kind, folder);
  if (!target) {
    void vscode.window.showErrorMessage("Genesis: open a folder first, to create the document in.");
    return;
  }
  const file = await vscode.window.showSaveDialog({
    title: `Where to create ${template.fileName(id)}`,
    defaultUri: vscode.Uri.joinPath(target, template.fileName(id)),
    saveLabel: "Create",
    filters:
      template.language === "markdown"
        ? { Markdown: ["md"] }
        : template.language === "json"
          ? { JSON: ["json"] }
          : { YAML: ["yaml", "yml"] },
  });
  if (!file) return;
  try {
    await vscode.workspace.fs.stat(file);
    void vscode.window.showErrorMessage(`Genesis: ${vscode.workspace.asRelativePath(file)} already exists; it was left as it is.`);
    return;
  } catch {
    // It does not exist: create it.
  }
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(expandSnippet(template.body, { 1: id })));
  await vscode.window.showTextDocument(file);
}

async function pickTemplate(kind: NewDocumentKind): Promise<DocumentTemplate | undefined> {
  const templates = DOCUMENT_TEMPLATES.filter((t) => t.kind === kind);
  if (templates.length <= 1) return templates[0];
  const picked = await vscode.window.showQuickPick(
    templates.map((template) => ({
      label: template.language === "markdown" ? "Markdown (front matter and sections)" : "YAML",
      description: template.fileName("<id>"),
      template,
    })),
    { title: "Form of the new document" },
  );
  return picked?.template;
}

/** The folder proposed in the save dialog (new-document-folder.ts). */
async function targetFolder(kind: NewDocumentKind, given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const explorer = given && (await isFolder(given)) ? given : given && vscode.Uri.joinPath(given, "..");
  const active = vscode.window.activeTextEditor?.document.uri;
  const workspaceFolder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  const kindFolder = workspaceFolder && vscode.Uri.joinPath(workspaceFolder.uri, KIND_FOLDERS[kind]);
  return proposedFolder({
    explorer,
    kindFolder: kindFolder && (await isFolder(kindFolder)) ? kindFolder : undefined,
    // A saved file's folder: on the disk, or in a workspace folder of another scheme (github.dev's `vscode-vfs:`).
    active:
      active && (active.scheme === "file" || vscode.workspace.getWorkspaceFolder(active)) ? vscode.Uri.joinPath(active, "..") : undefined,
    root: workspaceFolder?.uri,
  });
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}
