import { LSPErrorCodes, ResponseError, type Connection, type Range, type TextEdit, type WorkspaceEdit } from "vscode-languageserver/node";
import type { DocumentFacts } from "../core/workspace/facts";
import { idOwnerOf, idPartOf, isOnOwnId, referenceAt, renameEdits } from "../core/workspace/navigation";
import type { Span } from "../core/types";
import type { Cursor, NavigationPlaces } from "./navigation-places";

/** What a rename at the cursor renames: a document's id, and where that id is written at the cursor. */
interface RenameSubject {
  readonly target: DocumentFacts;
  readonly id: string;
  readonly span: Span;
}

/**
 * Rename an id, from a document's own `id` or from a reference to it: the id of every document of
 * that kind with that id and every reference to it, in every folder, as one workspace edit. The
 * versions stay. An invalid or taken id is refused with the reason.
 */
export function registerRename(connection: Connection, places: NavigationPlaces): void {
  connection.onPrepareRename((params): { range: Range; placeholder: string } | null => {
    const cursor = places.cursor(params);
    const subject = cursor && subjectAt(cursor);
    if (!cursor || !subject) return null;
    const span = idPartOf(cursor.facts.text, subject.span, subject.id) ?? subject.span;
    return { range: places.ranges().of(cursor.state, cursor.path, span), placeholder: subject.id };
  });

  connection.onRenameRequest((params): WorkspaceEdit | null => {
    const cursor = places.cursor(params);
    const subject = cursor && subjectAt(cursor);
    if (!cursor || !subject) return null;
    const ranges = places.ranges();
    const changes: Record<string, TextEdit[]> = {};
    for (const state of places.statesFrom(cursor.state)) {
      const result = renameEdits(state.index, subject.target, params.newName);
      if ("error" in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      for (const edit of result.edits) {
        (changes[places.uriOf(state, edit.path)] ??= []).push({ range: ranges.of(state, edit.path, edit.span), newText: edit.newText });
      }
    }
    return { changes };
  });
}

function subjectAt(cursor: Cursor): RenameSubject | undefined {
  const { facts, offset } = cursor;
  if (isOnOwnId(facts, offset) && facts.id !== undefined) return { target: facts, id: facts.id, span: facts.idSpan };
  const site = referenceAt(facts, offset);
  const target = site && idOwnerOf(cursor.state.index, site);
  return site && target ? { target, id: site.id, span: site.span } : undefined;
}
