import { SymbolKind, type Connection, type SymbolInformation } from "vscode-languageserver";
import { compareSymbols, type WorkspaceSymbolMatch } from "../core/index";
import type { Folder } from "./folder";
import type { NavigationPlaces } from "./navigation-places";
import type { WorkspaceService } from "./workspace-service";

/** At most this many symbols per request: the best ranked, so a one-letter query stays quick. */
const MAX_SYMBOLS = 1000;

/** Workspace symbols: Genesis documents by id (or name), prefix matches first, in every folder. */
export function registerWorkspaceSymbols(connection: Connection, workspace: WorkspaceService, places: NavigationPlaces): void {
  connection.onWorkspaceSymbol((params): SymbolInformation[] => {
    const matches: { state: Folder; match: WorkspaceSymbolMatch }[] = [];
    for (const state of workspace.allStates()) {
      for (const match of state.host.analysis().workspaceSymbols(params.query)) matches.push({ state, match });
    }
    matches.sort((a, b) => compareSymbols(a.match, b.match));
    const ranges = places.ranges();
    return matches.slice(0, MAX_SYMBOLS).map(({ state, match }) => ({
      name: match.label,
      kind: SymbolKind.File,
      containerName: match.kind,
      location: { uri: places.uriOf(state, match.path), range: ranges.of(state, match.path, match.span) },
    }));
  });
}
