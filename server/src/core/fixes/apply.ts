import type { FixEdit } from "./types";

/**
 * Applies edits that do not overlap, in the LSP way: offsets refer to the original text, and
 * insertions at the same offset appear in the order of the array.
 */
export function applyEdits(text: string, edits: readonly FixEdit[]): string {
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  let result = "";
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.start < cursor) throw new Error(`overlapping edits at offset ${edit.start}`);
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor);
}

/**
 * Whether two edits touch the same text. Two insertions at one offset do not (both apply, in
 * order), nor does an insertion at either end of a replaced span; an insertion strictly inside one does.
 */
export function editsOverlap(a: FixEdit, b: FixEdit): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}
