import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { Connection, WorkspaceEdit } from "vscode-languageserver/node";
import { URI } from "vscode-uri";
import { declaredDataPaths, Engine, IMPORT_KIND, ImportError, importDocument, importFormatOf, isoDateOf } from "../core/index";
import { localFileFacts } from "../node/local-file";
import type { ImportServices } from "./import-action";

/**
 * `genesis.importFromFile`: converts the source and asks the client to create the new document
 * beside it. An existing file is never overwritten: the create fails rather than replace it, and
 * the server does not even ask when the file is already there.
 */
export async function importFromFileOnDisk(connection: Connection, services: ImportServices, uri: unknown): Promise<void> {
  if (typeof uri !== "string") return;
  const open = services.documents.get(uri);
  const place = services.workspace.placeOf(uri, open?.languageId);
  if (!place.state.root || !services.workspace.trusted) return;
  const root = await fs.realpath(place.state.root);
  const text = open?.getText() ?? (await fs.readFile(path.join(root, ...place.path.split("/")), "utf8").catch(() => undefined));
  if (text === undefined) return;
  const format = importFormatOf(place.path, text);
  const declaredPaths = format && IMPORT_KIND[format] === "PipelineConfig" ? declaredDataPaths(place.state.host.allFacts()) : new Map();
  let result;
  try {
    result = await importDocument(
      { path: place.path, text },
      { localFile: (workspacePath) => localFileFacts(root, workspacePath), declaredPaths, today: isoDateOf(new Date()) },
      format === "hugging-face" ? new Engine() : undefined,
    );
  } catch (error) {
    const message = error instanceof ImportError ? error.message : error instanceof Error ? error.message : String(error);
    quietly(connection.window.showErrorMessage(`Genesis: cannot import ${path.posix.basename(place.path)}: ${message}`));
    return;
  }
  const target = path.join(path.dirname(path.join(root, ...place.path.split("/"))), result.fileName);
  if (await exists(target)) {
    const message = `Genesis: ${result.fileName} already exists beside ${path.posix.basename(place.path)}; it was left as it is.`;
    quietly(connection.window.showErrorMessage(message));
    return;
  }
  const created = await connection.workspace.applyEdit({
    label: `Create ${result.fileName}`,
    edit: creation(URI.file(target).toString(), result.text),
  });
  if (!created.applied) {
    const reason = created.failureReason ? `: ${created.failureReason}` : "";
    quietly(connection.window.showErrorMessage(`Genesis: ${result.fileName} was not created${reason}.`));
    return;
  }
  for (const note of result.notes) quietly(connection.window.showWarningMessage(`Genesis import: ${note}`));
  quietly(connection.window.showDocument({ uri: URI.file(target).toString(), takeFocus: true }));
}

/** A new file holding `text`: created (never over an existing file), then filled. */
export function creation(uri: string, text: string): WorkspaceEdit {
  return {
    documentChanges: [
      { kind: "create", uri, options: { overwrite: false, ignoreIfExists: false } },
      {
        textDocument: { uri, version: null },
        edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }],
      },
    ],
  };
}

/** A message or a request the client may not support: its failure is no failure of the import. */
function quietly(request: unknown): void {
  if (request instanceof Promise) request.catch(() => undefined);
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
