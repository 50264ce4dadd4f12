import type { Connection, DocumentLink } from "vscode-languageserver";
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
    return here.analysis.links(here.path).map(({ span, target, tooltip }) => {
      const at = ranges.of(here.state, target.path, target.idSpan).start;
      return {
        range: ranges.of(here.state, here.path, span),
        target: `${places.uriOf(here.state, target.path)}#L${at.line + 1},${at.character + 1}`,
        tooltip,
      };
    });
  });
}
