import type { Connection, LocationLink } from "vscode-languageserver";
import type { NavigationPlaces } from "./navigation-places";

/** Go to definition: from an `id@version` to the `id` of the document it names. */
export function registerDefinition(connection: Connection, places: NavigationPlaces): void {
  connection.onDefinition((params): LocationLink[] | null => {
    const cursor = places.cursor(params);
    const found = cursor?.analysis.definition(cursor.path, cursor.offset);
    if (!cursor || !found) return null;
    const ranges = places.ranges();
    const idRange = ranges.of(cursor.state, found.target.path, found.target.idSpan);
    return [
      {
        originSelectionRange: ranges.of(cursor.state, cursor.path, found.origin),
        targetUri: places.uriOf(cursor.state, found.target.path),
        targetRange: idRange,
        targetSelectionRange: idRange,
      },
    ];
  });
}
