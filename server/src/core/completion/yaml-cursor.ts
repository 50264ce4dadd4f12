import { joinPointer } from "../pointer";
import type { Span } from "../types";
import { directiveCursor, type ExpiryCursor, type RuleCursor } from "./rule-cursor";
import { commentStart, tokenizeLine, YamlLines, type LineToken } from "./yaml-lines";

/**
 * What the cursor is on in YAML, read from the text: the kind of position and the JSON Pointer it
 * completes. `replace` is the part of the line a completion replaces (what is typed there, and the
 * rest of that word after the cursor); `typed` is the part before the cursor.
 */
export type YamlCursor = KeyCursor | ItemCursor | ValueCursor | RuleCursor | ExpiryCursor;

/** A key of the mapping at `mapping` (block: one per line; flow: inside `{ }`). */
export interface KeyCursor {
  readonly kind: "key";
  readonly mapping: string;
  /** The column the keys of this mapping start at (nested values are indented from it). */
  readonly column: number;
  readonly flow: boolean;
  /** True when the line already has a `:` after the key: only the name is to be written. */
  readonly hasValue: boolean;
  /** Keys the mapping already has. */
  readonly present: ReadonlySet<string>;
  readonly typed: string;
  readonly replace: Span;
}

/** After a `- `: a new item of the sequence at `list` (a mapping's first key, or a scalar). */
export interface ItemCursor {
  readonly kind: "item";
  readonly list: string;
  readonly item: string;
  /** Column and offset of the dash. */
  readonly column: number;
  readonly dash: number;
  /** Nothing is written after the dash on this line: a whole item may be inserted. */
  readonly bare: boolean;
  /** Keys already below this line in the item. */
  readonly present: ReadonlySet<string>;
  /** True when the word at the cursor already has its `:` (it is a key): only the name is to be written. */
  readonly hasValue: boolean;
  readonly typed: string;
  readonly replace: Span;
  /** The cursor is right after the dash: a blank must come first. */
  readonly needsBlank: boolean;
}

/** The value of the node at `pointer`: a block or flow scalar being typed. */
export interface ValueCursor {
  readonly kind: "value";
  readonly pointer: string;
  readonly typed: string;
  readonly replace: Span;
  /** The quote the value was opened with (the replacement then stays inside it). */
  readonly quote?: string;
  /** The cursor is right after the `:`, `[` or `,`: a blank must come first. */
  readonly needsBlank: boolean;
}

/** The rest of a key or plain scalar after the cursor, replaced along with what is typed. */
const WORD_AFTER = /^[^\s,[\]{}#:"']*/;

/** The cursor position `offset` in the YAML of `region` (the whole file, or front matter). */
export function yamlCursorAt(text: string, region: Span, offset: number): YamlCursor | undefined {
  if (offset < region.start || offset > region.end) return undefined;
  const lines = new YamlLines(text, region);
  const row = lines.rowAt(offset);
  const lineStart = lines.start(row);
  const before = lines.line(row).slice(0, offset - lineStart);
  const after = lines.line(row).slice(offset - lineStart);

  const comment = commentStart(before);
  if (comment >= 0) return directiveCursor(before.slice(comment + 1), offset, after);

  const shape = tokenizeLine(before);
  if (shape === "boundary") return undefined;
  const tokens = shape === "blank" ? [] : shape;
  const last = tokens[tokens.length - 1] as LineToken | undefined;
  const leftOf = (column: number) => tokens.filter((t) => t.column < column);

  if (last?.type === "key") {
    const pointer = lines.keyPointer(row, last, leftOf(last.column));
    return pointer === undefined ? undefined : valueCursor(pointer, before.slice(last.valueColumn), offset, after);
  }

  const dash = tokens.filter((t) => t.type === "dash").pop();
  if (dash) {
    const located = lines.itemPointer(row, dash.column, leftOf(dash.column));
    if (!located) return undefined;
    const written = before.slice(dash.column + 1);
    if (/^\s*["'[{]/.test(written)) return valueCursor(located.item, written, offset, after);
    const typed = written.trimStart();
    if (/\s$/.test(typed)) return undefined; // past a word: not a key or a scalar being typed
    const word = WORD_AFTER.exec(after)![0];
    return {
      kind: "item",
      list: located.list,
      item: located.item,
      column: dash.column,
      dash: lineStart + dash.column,
      bare: typed === "" && after.trim() === "",
      present: lines.siblingKeys(row, dash.column + 1 + Math.max(1, written.length - typed.length), true),
      hasValue: /^\s*:/.test(after.slice(word.length)),
      typed,
      replace: { start: offset - typed.length, end: offset + word.length },
      needsBlank: written === "",
    };
  }

  // A key being typed on a line of its own; on an empty line the cursor's column decides.
  const column = last ? last.column : before.length;
  const typed = before.slice(column);
  if (/^["'[{]/.test(typed) || /\s$/.test(typed)) return undefined;
  const mapping = lines.mappingOf(row, column, []);
  if (mapping === undefined) return undefined;
  const word = WORD_AFTER.exec(after)![0];
  return {
    kind: "key",
    mapping,
    column,
    flow: false,
    hasValue: /^\s*:/.test(after.slice(word.length)),
    present: lines.siblingKeys(row, column),
    typed,
    replace: { start: offset - typed.length, end: offset + word.length },
  };
}

/** What is written after a `key:` or a `- ` up to the cursor: a plain or quoted scalar, or a flow collection. */
function valueCursor(pointer: string, written: string, offset: number, after: string): YamlCursor | undefined {
  const trimmed = written.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) return flowCursor(pointer, trimmed, offset, after);
  if (/^[|>&*!%@`]/.test(trimmed)) return undefined; // block scalars, anchors, aliases, tags
  return scalarCursor(pointer, written, offset, after, false);
}

function scalarCursor(pointer: string, written: string, offset: number, after: string, inFlow: boolean): ValueCursor {
  const trimmed = written.trimStart();
  const quote = trimmed[0] === '"' || trimmed[0] === "'" ? trimmed[0] : undefined;
  const typed = quote ? trimmed.slice(1) : trimmed;
  let rest: string;
  if (quote) rest = after.includes(quote) ? after.slice(0, after.indexOf(quote)) : after.trimEnd();
  else if (inFlow) rest = /^[^,\]}]*/.exec(after)![0].trimEnd();
  else rest = WORD_AFTER.exec(after)![0];
  return {
    kind: "value",
    pointer,
    typed,
    quote,
    replace: { start: offset - typed.length, end: offset + rest.length },
    needsBlank: written === "",
  };
}

/**
 * Inside `[a, b, |` or `{ k: v, k2: |` opened on the cursor's line (`written` starts with the
 * bracket): the item or the key being typed, through nested collections.
 */
function flowCursor(pointer: string, written: string, offset: number, after: string): YamlCursor | undefined {
  const stack: { pointer: string; open: string; index: number }[] = [];
  let frame = { pointer, open: written[0], index: 0 };
  let key: string | undefined;
  let pieceStart = 1;
  let quote = "";
  for (let i = 1; i < written.length; i++) {
    const c = written[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === "{" || c === "[") {
      const child =
        frame.open === "[" ? joinPointer(frame.pointer, frame.index) : key !== undefined ? joinPointer(frame.pointer, key) : undefined;
      if (child === undefined) return undefined;
      stack.push(frame);
      frame = { pointer: child, open: c, index: 0 };
      key = undefined;
      pieceStart = i + 1;
    } else if (c === "}" || c === "]") {
      const outer = stack.pop();
      if (!outer) return undefined; // the cursor is after the collection
      frame = outer;
      key = undefined;
    } else if (c === ",") {
      frame.index++;
      key = undefined;
      pieceStart = i + 1;
    } else if (c === ":" && frame.open === "{" && key === undefined && /\s/.test(written[i + 1] ?? " ")) {
      key = written
        .slice(pieceStart, i)
        .trim()
        .replace(/^(["'])(.*)\1$/, "$2");
      pieceStart = i + 1;
    }
  }
  const piece = written.slice(pieceStart);
  if (frame.open === "[") return scalarCursor(joinPointer(frame.pointer, frame.index), piece, offset, after, true);
  if (key !== undefined) return scalarCursor(joinPointer(frame.pointer, key), piece, offset, after, true);
  const typed = piece.trimStart();
  const word = WORD_AFTER.exec(after)![0];
  return {
    kind: "key",
    mapping: frame.pointer,
    column: 0,
    flow: true,
    hasValue: /^\s*:/.test(after.slice(word.length)),
    present: new Set(flowKeys(written)),
    typed,
    replace: { start: offset - typed.length, end: offset + word.length },
  };
}

/** Keys written at the top level of a one-line flow mapping (`{ a: 1, b: [2, 3], |`). */
function flowKeys(written: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (const match of written.matchAll(/[{}[\]]|(?<=[{,]\s*)([^\s,:{}[\]][^,:{}[\]]*?)\s*:(?=\s)/g)) {
    if (match[0] === "{" || match[0] === "[") depth++;
    else if (match[0] === "}" || match[0] === "]") depth--;
    else if (depth === 1 && match[1]) keys.push(match[1].replace(/^(["'])(.*)\1$/, "$2"));
  }
  return keys;
}
