import type { Connection, LocationLink } from "vscode-languageserver/node";
import { definitionOf, referenceAt } from "../core/workspace/navigation";
import type { NavigationPlaces } from "./navigation-places";

/** Go to definition: from an `id@version` to the `id` of the document it names. */
export function registerDefinition(connection: Connection, places: NavigationPlaces): void {
  connection.onDefinition((params): LocationLink[] | null => {
    const cursor = places.cursor(params);
    const site = cursor && referenceAt(cursor.facts, cursor.offset);
    const target = cursor && site && definitionOf(cursor.state.index, site);
    if (!cursor || !site || !target) return null;
    const ranges = places.ranges();
    const idRange = ranges.of(cursor.state, target.path, target.idSpan);
    return [
      {
        originSelectionRange: ranges.of(cursor.state, cursor.path, site.span),
        targetUri: places.uriOf(cursor.state, target.path),
        targetRange: idRange,
        targetSelectionRange: idRange,
      },
    ];
  });
}
