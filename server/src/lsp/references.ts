import type { Connection, Location } from "vscode-languageserver/node";
import { referencesTo } from "../core/workspace/navigation";
import type { NavigationPlaces } from "./navigation-places";

/**
 * Find references, from a document's own `id` or from a reference to it: every reference to that
 * `id@version` (and bare id) in every workspace folder, the declaration first when asked for.
 */
export function registerReferences(connection: Connection, places: NavigationPlaces): void {
  connection.onReferences((params): Location[] | null => {
    const cursor = places.cursor(params);
    const target = cursor && places.targetOf(cursor);
    if (!cursor || !target) return null;
    const ranges = places.ranges();
    const locations: Location[] = [];
    if (params.context.includeDeclaration) {
      locations.push({ uri: places.uriOf(cursor.state, target.path), range: ranges.of(cursor.state, target.path, target.idSpan) });
    }
    for (const state of places.statesFrom(cursor.state)) {
      for (const { facts, site } of referencesTo(state.index, target)) {
        locations.push({ uri: places.uriOf(state, facts.path), range: ranges.of(state, facts.path, site.span) });
      }
    }
    return locations;
  });
}
