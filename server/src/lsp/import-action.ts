import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type TextDocuments,
  type WorkspaceEdit,
} from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { URI } from "vscode-uri";
import { declaredDataPaths, Engine, IMPORT_KIND, ImportError, importDocument, importFormatOf, isoDateOf, KIND_NAME } from "../core/index";
import { localFileFacts } from "../node/local-file";
import { IMPORT_FROM_FILE_COMMAND } from "../protocol";
import type { WorkspaceService } from "./workspace-service";

/** The kind of the "Create Genesis ... from this file" action: a rewrite of the file into a Genesis document. */
export const IMPORT_ACTION_KIND = `${CodeActionKind.RefactorRewrite}.genesis.import`;

export interface ImportServices {
  readonly workspace: WorkspaceService;
  readonly documents: TextDocuments<TextDocument>;
}

/**
 * The code action on a file of a format `import` reads (docs/formats-import.md). It only names the
 * command: the conversion, which may hash large data files, runs when the user picks it.
 */
export function importActions(params: CodeActionParams, services: ImportServices): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((wanted) => IMPORT_ACTION_KIND === wanted || IMPORT_ACTION_KIND.startsWith(`${wanted}.`))) return [];
  const open = services.documents.get(params.textDocument.uri);
  if (!open || !services.workspace.trusted) return [];
  const place = services.workspace.placeOf(open.uri, open.languageId);
  // A Genesis document is never a source: it is skipped before its text is looked at.
  if (!place.state.root || place.state.host.has(place.path)) return [];
  const format = importFormatOf(place.path, open.getText());
  if (!format) return [];
  const title = `Create Genesis ${KIND_NAME[IMPORT_KIND[format]]} from this file`;
  return [{ title, kind: IMPORT_ACTION_KIND, command: { title, command: IMPORT_FROM_FILE_COMMAND, arguments: [open.uri] } }];
}

/**
 * `genesis.importFromFile`: converts the source and asks the client to create the new document
 * beside it. An existing file is never overwritten: the create fails rather than replace it, and
 * the server does not even ask when the file is already there.
 */
export async function runImport(connection: Connection, services: ImportServices, uri: unknown): Promise<void> {
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
