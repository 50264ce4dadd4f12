import { parseGenesisDocument } from "../../server/src/core/parse/document";
import type { GenesisDocument } from "../../server/src/core/document";

/** A document written with one `|` where the cursor is: the parsed document (without the marker) and the offset. */
export function atCursor(path: string, marked: string): { document: GenesisDocument; offset: number; text: string } {
  const offset = marked.indexOf("|");
  if (offset < 0 || marked.indexOf("|", offset + 1) >= 0) throw new Error("mark the cursor with exactly one |");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const document = parseGenesisDocument({ path, text });
  if (!document) throw new Error(`${path} is not recognised as a Genesis document`);
  return { document, offset, text };
}

/** The text with `replacement` written over `span`. */
export function applyEdit(text: string, span: { start: number; end: number }, replacement: string): string {
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}
