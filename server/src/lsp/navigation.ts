import type { Connection, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { registerDefinition } from "./definition";
import { registerDocumentLinks } from "./document-links";
import { registerHover } from "./hover";
import { NavigationPlaces } from "./navigation-places";
import { registerReferences } from "./references";
import { registerRename } from "./rename";
import type { WorkspaceService } from "./workspace-service";
import { registerWorkspaceSymbols } from "./workspace-symbols";

/**
 * Navigation between Genesis documents over the workspace index. The server must announce
 * definitionProvider, documentLinkProvider, referencesProvider, renameProvider (with prepare),
 * hoverProvider and workspaceSymbolProvider.
 */
export function registerNavigation(connection: Connection, workspace: WorkspaceService, documents: TextDocuments<TextDocument>): void {
  const places = new NavigationPlaces(workspace, documents);
  registerDefinition(connection, places);
  registerDocumentLinks(connection, places);
  registerReferences(connection, places);
  registerRename(connection, places);
  registerHover(connection, places);
  registerWorkspaceSymbols(connection, workspace, places);
}
