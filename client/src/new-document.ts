import * as vscode from "vscode";
import { SLUG, DOCUMENT_TEMPLATES, type DocumentTemplate, expandSnippet } from "../../server/src/core/client-api";

export type NewDocumentKind = "DatasetManifest" | "ModelCard" | "PipelineConfig";

/**
 * "Genesis: New ..." commands: ask for an id (and, for a model card, its form), then create the file
 * from the same templates as the snippets and `genesis-readiness init`, next to the file in the
 * active editor or in the chosen folder, and open it. An existing file is never overwritten.
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
  const target = await targetFolder(folder);
  if (!target) {
    void vscode.window.showErrorMessage("Genesis: open a folder first, to create the document in.");
    return;
  }
  const file = vscode.Uri.joinPath(target, template.fileName(id));
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

/** The folder given (from the Explorer), else the active file's folder, else the first workspace folder. */
async function targetFolder(given?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (given) {
    const stat = await vscode.workspace.fs.stat(given);
    return stat.type & vscode.FileType.Directory ? given : vscode.Uri.joinPath(given, "..");
  }
  const active = vscode.window.activeTextEditor?.document.uri;
  // A saved file's folder: on the disk, or in a workspace folder of another scheme (github.dev's `vscode-vfs:`).
  if (active && (active.scheme === "file" || vscode.workspace.getWorkspaceFolder(active))) return vscode.Uri.joinPath(active, "..");
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}
