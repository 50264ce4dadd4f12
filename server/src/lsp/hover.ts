import { MarkupKind, type Connection, type Hover } from "vscode-languageserver/node";
import { hoverFor, referenceAt } from "../core/workspace/navigation";
import type { NavigationPlaces } from "./navigation-places";

/** Hover on a reference: what it names (name, version, kind, classification, file), or what is missing. */
export function registerHover(connection: Connection, places: NavigationPlaces): void {
  connection.onHover((params): Hover | null => {
    const cursor = places.cursor(params);
    const site = cursor && referenceAt(cursor.facts, cursor.offset);
    if (!cursor || !site) return null;
    return {
      contents: { kind: MarkupKind.Markdown, value: hoverFor(cursor.state.index, site) },
      range: places.ranges().of(cursor.state, cursor.path, site.span),
    };
  });
}
