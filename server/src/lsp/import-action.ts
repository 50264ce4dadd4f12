import { CodeActionKind, type CodeAction, type CodeActionParams, type Connection, type TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { IMPORT_KIND, importFormatOf, KIND_NAME } from "../core/index";
import { IMPORT_FROM_FILE_COMMAND } from "../protocol";
import type { WorkspaceService } from "./workspace-service";

/** The kind of the "Create Genesis ... from this file" action: a rewrite of the file into a Genesis document. */
export const IMPORT_ACTION_KIND = `${CodeActionKind.RefactorRewrite}.genesis.import`;

export interface ImportServices {
  readonly workspace: WorkspaceService;
  readonly documents: TextDocuments<TextDocument>;
  /**
   * `genesis.importFromFile` where the platform can read and hash the files a source names (Node);
   * absent in the browser, which then offers no import action.
   */
  readonly importFromFile?: ImportFromFile;
}

export type ImportFromFile = (connection: Connection, services: ImportServices, uri: unknown) => Promise<void>;

/**
 * The code action on a file of a format `import` reads (docs/formats-import.md). It only names the
 * command: the conversion, which may hash large data files, runs when the user picks it.
 */
export function importActions(params: CodeActionParams, services: ImportServices): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((wanted) => IMPORT_ACTION_KIND === wanted || IMPORT_ACTION_KIND.startsWith(`${wanted}.`))) return [];
  const open = services.documents.get(params.textDocument.uri);
  if (!open || !services.workspace.trusted || !services.importFromFile) return [];
  const place = services.workspace.placeOf(open.uri, open.languageId);
  // A Genesis document is never a source: it is skipped before its text is looked at.
  if (!place.state.root || place.state.host.has(place.path)) return [];
  const format = importFormatOf(place.path, open.getText());
  if (!format) return [];
  const title = `Create Genesis ${KIND_NAME[IMPORT_KIND[format]]} from this file`;
  return [{ title, kind: IMPORT_ACTION_KIND, command: { title, command: IMPORT_FROM_FILE_COMMAND, arguments: [open.uri] } }];
}
