import type { PartsEdit } from "./document-edits";
import { hasSlots, plainText, snippetText } from "./snippet-parts";
import type { Fix, FixContext } from "./types";

/**
 * A fix from edits still in parts: snippet text when the client takes snippets and there is a
 * placeholder to fill, plain text otherwise. No fix when any edit could not be made.
 */
export function makeFix(title: string, edits: readonly (PartsEdit | undefined)[], context: FixContext, isPreferred = false): Fix[] {
  const made = edits.filter((edit): edit is PartsEdit => edit !== undefined);
  if (made.length === 0 || made.length !== edits.length) return [];
  const snippet = context.snippets === true && made.some((edit) => hasSlots(edit.parts));
  return [
    {
      title,
      kind: "quickfix",
      ...(isPreferred ? { isPreferred: true } : {}),
      edits: made.map((edit) => ({ start: edit.start, end: edit.end, newText: snippet ? snippetText(edit.parts) : plainText(edit.parts) })),
      ...(snippet ? { snippet: true } : {}),
    },
  ];
}

/** `"abc"`, shortened in the middle when long (a digest in a title). */
export function shown(value: unknown): string {
  const text = String(value);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 12)}…${text.slice(-6)}` : text);
}
