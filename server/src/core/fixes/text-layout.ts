/**
 * How a document's text is laid out, so that inserted text looks as if the user had typed it: the
 * line break it uses, the indentation of its lines, and where lines start and end.
 */

/** `\r\n` when the document already uses it, else `\n`. */
export function lineBreakOf(text: string): string {
  const first = text.indexOf("\n");
  return first > 0 && text[first - 1] === "\r" ? "\r\n" : "\n";
}

/** Offset of the start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let start = Math.max(0, Math.min(offset, text.length));
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
  return start;
}

/** Offset just after the line break that ends the line holding `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  let at = Math.max(0, Math.min(offset, text.length));
  while (at < text.length && text[at] !== "\n" && text[at] !== "\r") at++;
  if (text[at] === "\r" && text[at + 1] === "\n") return at + 2;
  return at < text.length ? at + 1 : at;
}

/** The column of an offset on its line. */
export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The blanks that start the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  let end = start;
  while (text[end] === " " || text[end] === "\t") end++;
  return text.slice(start, end);
}

/**
 * The indentation step of a document: the smallest positive indentation of a line that opens with
 * a key, a list item or a JSON member; 2 when no line is indented.
 */
export function indentUnitOf(text: string): number {
  let unit = Infinity;
  for (const match of text.matchAll(/^( +)(?:- |"|[A-Za-z_])/gm)) unit = Math.min(unit, match[1].length);
  return Number.isFinite(unit) && unit <= 8 ? unit : 2;
}

/**
 * Where text inserted "after the line of `offset`" goes: the start of the next line, and the line
 * break to put first when that line is the last one and has none.
 */
export function afterLineOf(text: string, offset: number): { at: number; prefix: string } {
  const at = nextLineStart(text, offset);
  const ended = at > 0 && (text[at - 1] === "\n" || text[at - 1] === "\r");
  return { at, prefix: ended ? "" : lineBreakOf(text) };
}
