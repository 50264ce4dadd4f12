import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { AuthoringDocuments } from "./authoring-documents";
import { registerCompletion } from "./completion";
import { registerDocumentSymbols } from "./document-symbols";
import type { WorkspaceService } from "./workspace-service";

export { COMPLETION_TRIGGER_CHARACTERS } from "./completion";

/**
 * Writing Genesis documents: completion and the outline. The server must announce
 * `completionProvider` (with COMPLETION_TRIGGER_CHARACTERS) and `documentSymbolProvider`. Hover
 * is registered with navigation (one handler answers on references and on schema nodes).
 */
export function registerAuthoring(connection: Connection, workspace: WorkspaceService, documents: TextDocuments<TextDocument>): void {
  const authoring = new AuthoringDocuments(workspace, documents);
  registerCompletion(connection, authoring);
  registerDocumentSymbols(connection, authoring);
}
