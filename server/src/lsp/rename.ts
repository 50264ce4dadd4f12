import { LSPErrorCodes, ResponseError, type Connection, type Range, type TextEdit, type WorkspaceEdit } from "vscode-languageserver";
import type { NavigationPlaces } from "./navigation-places";

/**
 * Rename an id, from a document's own `id` or from a reference to it: the id of every document of
 * that kind with that id and every reference to it, in every folder, as one workspace edit. The
 * versions stay. An invalid or taken id is refused with the reason.
 */
export function registerRename(connection: Connection, places: NavigationPlaces): void {
  connection.onPrepareRename((params): { range: Range; placeholder: string } | null => {
    const cursor = places.cursor(params);
    const subject = cursor?.analysis.renameSubject(cursor.path, cursor.offset);
    if (!cursor || !subject) return null;
    return { range: places.ranges().of(cursor.state, cursor.path, subject.idSpan), placeholder: subject.id };
  });

  connection.onRenameRequest((params): WorkspaceEdit | null => {
    const cursor = places.cursor(params);
    const subject = cursor?.analysis.renameSubject(cursor.path, cursor.offset);
    if (!cursor || !subject) return null;
    const ranges = places.ranges();
    const changes: Record<string, TextEdit[]> = {};
    for (const state of places.statesFrom(cursor.state)) {
      const result = state.host.analysis().renameEdits(subject.target, params.newName);
      if ("error" in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      for (const edit of result.edits) {
        (changes[places.uriOf(state, edit.path)] ??= []).push({ range: ranges.of(state, edit.path, edit.span), newText: edit.newText });
      }
    }
    return { changes };
  });
}
