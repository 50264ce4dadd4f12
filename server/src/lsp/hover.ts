import { MarkupKind, type Connection, type Hover } from "vscode-languageserver/node";
import { schemaHover } from "../core/hover";
import type { Span } from "../core/types";
import { hoverFor, referenceAt } from "../core/workspace/navigation";
import type { Cursor, NavigationPlaces } from "./navigation-places";

/**
 * Hover on a reference: what it names (name, version, kind, classification, file), or what is
 * missing. Anywhere else in the document: what the schema says of the key, or of an enum's value.
 */
export function registerHover(connection: Connection, places: NavigationPlaces): void {
  connection.onHover((params): Hover | null => {
    const cursor = places.cursor(params);
    if (!cursor) return null;
    const site = referenceAt(cursor.facts, cursor.offset);
    if (site) return markdownHover(places, cursor, hoverFor(cursor.state.index, site), site.span);
    // The held parse of the document: the one its diagnostics and references come from.
    const schema = schemaHover(cursor.facts.document, cursor.offset);
    return schema ? markdownHover(places, cursor, schema.markdown, schema.span) : null;
  });
}

function markdownHover(places: NavigationPlaces, cursor: Cursor, value: string, span: Span): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range: places.ranges().of(cursor.state, cursor.path, span) };
}
