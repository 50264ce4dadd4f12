import { DOUBLE_QUOTED_ESCAPES, isBlank } from "./yaml-scalars";

/**
 * The scalar pieces of the fast YAML parser (yaml-fast.ts), as functions of the text: where a
 * quoted scalar ends and what it says, whether a plain scalar may start so, and how a folded block
 * scalar's lines join. Anything outside the fast subset calls `bail`, which hands the text to the
 * full parser.
 */

/** Thrown to hand the text over to the full parser. */
export const UNSUPPORTED = new Error("outside the fast YAML subset");

export function bail(): never {
  throw UNSUPPORTED;
}

export const HASH = 35;

/** Bails on a plain scalar that starts with an indicator: anchors, aliases, tags, directives, reserved characters, "? " keys. */
export function checkPlainStart(raw: string): void {
  if (raw.length === 0) bail();
  const c = raw.charCodeAt(0);
  if (c === 38 || c === 42 || c === 33 || c === 37 || c === 64 || c === 96 || c === 124 || c === 62) bail();
  if (c === 44 || c === 93 || c === 125 || c === 91 || c === 123 || c === 34 || c === 39 || c === HASH) bail();
  if ((c === 63 || c === 45 || c === 58) && (raw.length === 1 || isBlank(raw.charCodeAt(1)))) bail();
}

/** Offset just after the closing quote of the quoted scalar at `open`, or -1 when not on this line. */
export function quotedScalarEnd(text: string, open: number, lineEnd: number): number {
  const quote = text.charCodeAt(open);
  for (let i = open + 1; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (quote === 34 && c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) {
        i++;
        continue;
      }
      return i + 1;
    }
  }
  return -1;
}

/** The value of the quoted scalar from `open` to just after its closing quote `close`. */
export function unquote(text: string, open: number, close: number): string {
  const body = text.slice(open + 1, close - 1);
  if (text.charCodeAt(open) === 39) return body.includes("''") ? body.replace(/''/g, "'") : body;
  if (!body.includes("\\")) return body;
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, escape: string) => {
    const simple = DOUBLE_QUOTED_ESCAPES[escape];
    if (simple !== undefined) return simple;
    if (escape.length > 1) return String.fromCharCode(parseInt(escape.slice(1), 16));
    return bail();
  });
}

/** A folded block scalar's lines (one indentation, no more-indented lines) joined: a space between lines, a blank line a line break. */
export function foldedLines(lines: readonly string[]): string {
  let value = "";
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    if (k === 0) value = line;
    else if (line === "") value += "\n";
    else value += lines[k - 1] === "" ? line : ` ${line}`;
  }
  return value;
}
