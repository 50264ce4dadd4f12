import { MarkupKind, type Connection, type Hover } from "vscode-languageserver";
import type { NavigationPlaces } from "./navigation-places";

/**
 * Hover on a reference: what it names (name, version, kind, classification, file), or what is
 * missing. Anywhere else in the document: what the schema says of the key, or of an enum's value.
 */
export function registerHover(connection: Connection, places: NavigationPlaces): void {
  connection.onHover((params): Hover | null => {
    const cursor = places.cursor(params);
    const found = cursor?.analysis.hover(cursor.path, cursor.offset);
    if (!cursor || !found) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: found.markdown },
      range: places.ranges().of(cursor.state, cursor.path, found.span),
    };
  });
}
