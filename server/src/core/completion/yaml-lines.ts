/**
 * The block structure of YAML read line by line from indentation, for a document that is being
 * typed: such a text often does not parse, or parses into something else than what the user is
 * writing (`lic` alone is a key with a null value, `- ` an empty item). Only what completion needs:
 * which mapping or sequence a line belongs to, and its JSON Pointer.
 */

import { joinPointer } from "../pointer";
import type { Span } from "../types";

/** What starts a line, left to right: `- ` markers, then a key or a scalar. Columns are 0-based. */
export type LineToken =
  | { readonly type: "dash"; readonly column: number }
  | {
      readonly type: "key";
      readonly column: number;
      readonly name: string;
      /** The value written after the colon on the same line, comment excluded, trimmed ("" if none). */
      readonly inline: string;
      /** Where what follows the colon starts. */
      readonly valueColumn: number;
    }
  | { readonly type: "scalar"; readonly column: number };

/** A blank or comment-only line (skipped), or a document marker `---`/`...` (nothing above counts). */
type LineShape = readonly LineToken[] | "blank" | "boundary";

/** Where a node sits: the pointer of the collection holding it, and how many siblings precede it (items). */
interface Located {
  readonly parent: string;
  readonly itemsAbove: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#"'{}[\],][^#]*?)[ \t]*:(?=[ \t]|$)/;

/** Where a YAML comment starts in a line (a `#` at the start or after a blank, outside quotes), or -1. */
export function commentStart(line: string): number {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = "";
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(line[i - 1]))) quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}

/** The tokens of one line (or of the part of a line before the cursor). */
export function tokenizeLine(line: string): LineShape {
  const cut = commentStart(line);
  const content = (cut >= 0 ? line.slice(0, cut) : line).replace(/\s+$/, "");
  if (content.trim() === "") return "blank";
  if (/^(---|\.\.\.)(\s|$)/.test(content)) return "boundary";
  const tokens: LineToken[] = [];
  let at = content.length - content.trimStart().length;
  while (content[at] === "-" && (at + 1 === content.length || content[at + 1] === " " || content[at + 1] === "\t")) {
    tokens.push({ type: "dash", column: at });
    at++;
    while (content[at] === " " || content[at] === "\t") at++;
  }
  if (at >= content.length) return tokens;
  const key = KEY.exec(content.slice(at));
  if (key)
    tokens.push({
      type: "key",
      column: at,
      name: unquoteKey(key[1]),
      inline: content.slice(at + key[0].length).trim(),
      valueColumn: at + key[0].length,
    });
  else tokens.push({ type: "scalar", column: at });
  return tokens;
}

function unquoteKey(raw: string): string {
  if (raw.startsWith('"')) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/**
 * The lines of a YAML region (a whole file, or Markdown front matter) and the pointers their
 * nodes have. A node's parent is found by walking up to the nearest line that starts left of it:
 * a key with nothing after its colon owns what is indented below it, a `- ` owns its item.
 */
export class YamlLines {
  /** Offsets where each line of the region starts, and where it ends (before its line break). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly shapes = new Map<number, LineShape>();

  constructor(
    readonly text: string,
    readonly region: Span,
  ) {
    let start = region.start;
    for (;;) {
      let end = start;
      while (end < region.end && text[end] !== "\n" && text[end] !== "\r") end++;
      this.starts.push(start);
      this.ends.push(end);
      if (end >= region.end) break;
      start = text[end] === "\r" && text[end + 1] === "\n" ? end + 2 : end + 1;
    }
  }

  get count(): number {
    return this.starts.length;
  }

  /** The row holding `offset` (clamped to the region). */
  rowAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  start(row: number): number {
    return this.starts[row];
  }

  line(row: number): string {
    return this.text.slice(this.starts[row], this.ends[row]);
  }

  shape(row: number): LineShape {
    let shape = this.shapes.get(row);
    if (!shape) {
      shape = tokenizeLine(this.line(row));
      this.shapes.set(row, shape);
    }
    return shape;
  }

  /** The pointer of the value of a key token on `row`; `sameLine` are the tokens left of it. */
  keyPointer(row: number, key: { column: number; name: string }, sameLine: readonly LineToken[]): string | undefined {
    const located = this.locate(row, key.column, false, sameLine);
    return located && joinPointer(located.parent, key.name);
  }

  /** The pointer of the item a `- ` on `row` starts; `sameLine` are the tokens left of it. */
  itemPointer(row: number, column: number, sameLine: readonly LineToken[]): { list: string; item: string } | undefined {
    const located = this.locate(row, column, true, sameLine);
    return located && { list: located.parent, item: joinPointer(located.parent, located.itemsAbove) };
  }

  /** The pointer of the mapping a key at `column` on `row` belongs to. */
  mappingOf(row: number, column: number, sameLine: readonly LineToken[]): string | undefined {
    return this.locate(row, column, false, sameLine)?.parent;
  }

  /**
   * The keys of the mapping whose keys start at `column`, around `row` (the row itself excluded):
   * up to the line that opens the mapping (unless `row` opens it), and down to the first line left
   * of it.
   */
  siblingKeys(row: number, column: number, rowOpensMapping = false): Set<string> {
    const keys = new Set<string>();
    for (let j = rowOpensMapping ? -1 : row - 1; j >= 0; j--) {
      const shape = this.shape(j);
      if (shape === "blank") continue;
      if (shape === "boundary" || shape.length === 0) break;
      if (shape[0].column > column) continue;
      const at = shape.find((t) => t.column === column);
      if (at?.type === "key") keys.add(at.name);
      if (!at || shape[0].column < column) break;
    }
    for (let j = row + 1; j < this.count; j++) {
      const shape = this.shape(j);
      if (shape === "blank") continue;
      if (shape === "boundary" || shape.length === 0 || shape[0].column < column) break;
      if (shape[0].column > column) continue;
      // A dash at the keys' own column is the compact sequence of a sibling key (`key:` then `- item`).
      if (shape[0].type === "key") keys.add(shape[0].name);
      else if (shape[0].type === "scalar") break;
    }
    return keys;
  }

  /**
   * The collection a node at `column` of `row` is in. A dash (`isItem`) belongs to a sequence: its
   * siblings above are counted. A key belongs to a mapping. Undefined when the text does not say
   * (the node is inside a scalar, a flow collection, or badly indented).
   */
  private locate(row: number, column: number, isItem: boolean, sameLine: readonly LineToken[]): Located | undefined {
    const left = sameLine.filter((t) => t.column < column);
    if (left.length) return this.ownedBy(row, left[left.length - 1], sameLine, 0);
    let itemsAbove = 0;
    for (let j = row - 1; j >= 0; j--) {
      const shape = this.shape(j);
      if (shape === "blank") continue;
      if (shape === "boundary") break;
      if (shape.length === 0 || shape[0].column > column) continue; // inside an earlier sibling
      const at = shape.find((t) => t.column === column);
      const earlier = shape.filter((t) => t.column < column);
      if (at?.type === "dash" && isItem) itemsAbove++;
      else if (at?.type === "key" && isItem && earlier.length === 0) {
        // A sequence written at its key's indentation (`key:` then `- item` below it).
        if (at.inline !== "") return undefined;
        const pointer = this.keyPointer(j, at, shape.slice(0, shape.indexOf(at)));
        return pointer === undefined ? undefined : { parent: pointer, itemsAbove };
      } else if (at?.type === "scalar" || (at?.type === "key" && isItem)) return undefined;
      // (A key meeting a dash at its own column goes on: the dash is in a sibling's compact sequence.)
      if (earlier.length) return this.ownedBy(j, earlier[earlier.length - 1], shape, itemsAbove);
    }
    return isItem ? undefined : { parent: "", itemsAbove };
  }

  private ownedBy(row: number, owner: LineToken, line: readonly LineToken[], itemsAbove: number): Located | undefined {
    const before = line.slice(0, line.indexOf(owner));
    if (owner.type === "dash") {
      const item = this.itemPointer(row, owner.column, before);
      return item && { parent: item.item, itemsAbove };
    }
    if (owner.type === "key" && owner.inline === "") {
      const pointer = this.keyPointer(row, owner, before);
      return pointer === undefined ? undefined : { parent: pointer, itemsAbove };
    }
    return undefined; // a scalar, or a key whose value is written on its line (a block scalar...)
  }
}
