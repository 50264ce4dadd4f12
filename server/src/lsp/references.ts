import type { Connection, Location } from "vscode-languageserver";
import type { NavigationPlaces } from "./navigation-places";

/**
 * Find references, from a document's own `id` or from a reference to it: every reference to that
 * `id@version` (and bare id) in every workspace folder, the declaration first when asked for.
 */
export function registerReferences(connection: Connection, places: NavigationPlaces): void {
  connection.onReferences((params): Location[] | null => {
    const cursor = places.cursor(params);
    const target = cursor?.analysis.targetAt(cursor.path, cursor.offset);
    if (!cursor || !target) return null;
    const ranges = places.ranges();
    const locations: Location[] = [];
    if (params.context.includeDeclaration) {
      locations.push({ uri: places.uriOf(cursor.state, target.path), range: ranges.of(cursor.state, target.path, target.idSpan) });
    }
    for (const state of places.statesFrom(cursor.state)) {
      for (const { path, span } of state.host.analysis().referencesTo(target)) {
        locations.push({ uri: places.uriOf(state, path), range: ranges.of(state, path, span) });
      }
    }
    return locations;
  });
}
