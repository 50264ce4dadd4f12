import type { Connection, DocumentLink } from "vscode-languageserver/node";
import { label } from "../core/workspace/facts";
import { definitionOf } from "../core/workspace/navigation";
import type { NavigationPlaces } from "./navigation-places";

/**
 * Every reference that names a document becomes a link to that file, opened at its `id`: the
 * fragment `#L<line>,<column>` (1-based) is what VS Code's opener selects.
 */
export function registerDocumentLinks(connection: Connection, places: NavigationPlaces): void {
  connection.onDocumentLinks((params): DocumentLink[] | null => {
    const here = places.documentAt(params.textDocument.uri);
    if (!here) return null;
    const ranges = places.ranges();
    const links: DocumentLink[] = [];
    for (const site of here.facts.references) {
      const target = definitionOf(here.state.index, site);
      if (!target) continue;
      const at = ranges.of(here.state, target.path, target.idSpan).start;
      links.push({
        range: ranges.of(here.state, here.path, site.span),
        target: `${places.uriOf(here.state, target.path)}#L${at.line + 1},${at.character + 1}`,
        tooltip: `Open ${label(target)} (${target.path})`,
      });
    }
    return links;
  });
}
