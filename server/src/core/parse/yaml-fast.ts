import { joinPointer } from "../pointer";
import type { Span } from "../types";
import { MAX_NESTING_DEPTH, type NodeLocation, type ParsedTree } from "./tree";
import { scanYamlComments } from "./yaml";
import { bail, checkPlainStart, foldedLines, HASH, quotedScalarEnd, UNSUPPORTED, unquote } from "./yaml-fast-scalars";
import { isBlank, resolvePlain, resolvePlain11, type YamlVersion } from "./yaml-scalars";

/**
 * A single-pass parser for the YAML that Genesis documents are written in: block mappings and
 * sequences, plain and quoted one-line scalars, one-line flow collections, literal and folded block
 * scalars, and comments. It builds the same plain value and node locations as the full parser, in a
 * fraction of its time, so that a keystroke in a 10,000-line manifest stays cheap.
 *
 * Contract: it returns undefined for anything outside that subset (anchors, aliases, tags, multi-line
 * plain or flow scalars, escapes it does not know, several documents, any error), and the caller
 * then uses the full parser. When it returns a tree, the tree equals the full parser's (a test
 * compares them over many generated and edited documents). It never reports problems itself.
 */
export function parseYamlFast(
  text: string,
  region: Span = { start: 0, end: text.length },
  version: YamlVersion = "1.2",
): ParsedTree | undefined {
  const parser = new FastYamlParser(text, region.start, region.end, version === "1.1" ? resolvePlain11 : resolvePlain);
  try {
    const value = parser.parseDocument();
    return {
      syntax: "yaml",
      value,
      locations: parser.locations,
      problems: [],
      comments: scanYamlComments(text.slice(region.start, region.end), region.start),
      region,
    };
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;

interface Built {
  readonly value: unknown;
  /** End offset of the node's text (for collections: of their last item). */
  readonly end: number;
}

class FastYamlParser {
  readonly locations = new Map<string, NodeLocation>();
  /** Start of the current line. */
  private line: number;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
    /** How a plain scalar resolves in the YAML version read (the full parser's rules for it). */
    private readonly resolve: (raw: string) => unknown,
  ) {
    this.line = start;
  }

  parseDocument(): unknown {
    if (this.text.charCodeAt(this.line) === 0xfeff) this.line++;
    let indent = this.toContentLine();
    if (indent < 0) bail();
    if (indent === 0 && this.startsWithMarker(this.line, "---")) {
      if (this.restIsBlank(this.line + 3)) {
        this.line = this.nextLine(this.line);
        indent = this.toContentLine();
        if (indent < 0) bail();
      } else bail();
    }
    if (indent !== 0) bail(); // an indented root is valid YAML but rare: the full parser decides
    const offset = this.line + indent;
    const kind = this.blockKind(offset);
    if (kind === "scalar") bail();
    const built = kind === "sequence" ? this.sequence(offset, indent, "", 0) : this.mapping(offset, indent, "", 0);
    if (this.toContentLine() >= 0) bail(); // content left over: a less-indented line or a marker
    this.locations.set("", { value: { start: offset, end: built.end } });
    return built.value;
  }

  // ---- lines -------------------------------------------------------------------------------

  private lineEnd(from: number): number {
    const lf = this.text.indexOf("\n", from);
    const end = lf < 0 || lf > this.end ? this.end : lf;
    return end > from && this.text.charCodeAt(end - 1) === CR ? end - 1 : end;
  }

  private nextLine(from: number): number {
    const lf = this.text.indexOf("\n", from);
    return lf < 0 || lf >= this.end ? this.end : lf + 1;
  }

  /**
   * Moves `line` to the next line with content (skipping blank and comment-only lines) and returns
   * its indentation, or -1 at the end. Document markers end the fast path.
   */
  private toContentLine(): number {
    while (this.line < this.end) {
      let i = this.line;
      while (i < this.end && this.text.charCodeAt(i) === SPACE) i++;
      const c = i < this.end ? this.text.charCodeAt(i) : LF;
      if (c === LF || c === CR || c === HASH) {
        this.line = this.nextLine(this.line);
        continue;
      }
      if (c === TAB) {
        if (this.restIsBlank(i)) {
          this.line = this.nextLine(this.line);
          continue;
        }
        bail();
      }
      if (i === this.line && (this.startsWithMarker(i, "---") || this.startsWithMarker(i, "..."))) bail();
      if (i === this.line && c === 37 /* % */) bail();
      return i - this.line;
    }
    return -1;
  }

  private startsWithMarker(at: number, marker: string): boolean {
    if (!this.text.startsWith(marker, at)) return false;
    const next = at + 3 < this.end ? this.text.charCodeAt(at + 3) : LF;
    return next === SPACE || next === TAB || next === LF || next === CR;
  }

  /** Whether only blanks and a comment follow `from` on its line. */
  private restIsBlank(from: number): boolean {
    const end = this.lineEnd(from);
    let i = from;
    while (i < end && (this.text.charCodeAt(i) === SPACE || this.text.charCodeAt(i) === TAB)) i++;
    // A comment must be separated from what precedes it by white space.
    return i === end || (this.text.charCodeAt(i) === HASH && i > from && isBlank(this.text.charCodeAt(i - 1)));
  }

  private skipSpaces(from: number, to: number): number {
    let i = from;
    while (i < to && (this.text.charCodeAt(i) === SPACE || this.text.charCodeAt(i) === TAB)) i++;
    return i;
  }

  // ---- block structure ---------------------------------------------------------------------

  /** What the node starting at `offset` (first content of a line or after "- ") is. */
  private blockKind(offset: number): "sequence" | "mapping" | "scalar" {
    const c = this.text.charCodeAt(offset);
    if (c === 45 /* - */) {
      const next = offset + 1 < this.end ? this.text.charCodeAt(offset + 1) : LF;
      if (next === SPACE || next === LF || next === CR || next === TAB) return "sequence";
    }
    return this.findKeyColon(offset, this.lineEnd(offset)) >= 0 ? "mapping" : "scalar";
  }

  /**
   * The offset of the ':' that ends a block mapping key starting at `offset`, or -1 when the line
   * holds no key there.
   */
  private findKeyColon(offset: number, lineEnd: number): number {
    const c = this.text.charCodeAt(offset);
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = quotedScalarEnd(this.text, offset, lineEnd);
      if (close < 0) return -1;
      const colon = this.skipSpaces(close, lineEnd);
      return this.text.charCodeAt(colon) === 58 && this.isSeparatorAt(colon + 1, lineEnd) ? colon : -1;
    }
    if (c === 91 || c === 123 || c === 63 /* [ { ? */) return -1;
    for (let i = offset; i < lineEnd; i++) {
      const ch = this.text.charCodeAt(i);
      if (ch === HASH && i > offset && isBlank(this.text.charCodeAt(i - 1))) return -1;
      if (ch === 58 /* : */ && this.isSeparatorAt(i + 1, lineEnd)) return i;
    }
    return -1;
  }

  private isSeparatorAt(at: number, lineEnd: number): boolean {
    if (at >= lineEnd) return true;
    const c = this.text.charCodeAt(at);
    return c === SPACE || c === TAB;
  }

  private mapping(firstOffset: number, indent: number, pointer: string, depth: number): Built {
    if (depth > MAX_NESTING_DEPTH) bail();
    const result: Record<string, unknown> = {};
    let offset = firstOffset;
    let end: number;
    for (;;) {
      const lineEnd = this.lineEnd(offset);
      const colon = this.findKeyColon(offset, lineEnd);
      if (colon < 0) bail();
      const key = this.key(offset, colon);
      if (Object.prototype.hasOwnProperty.call(result, key.name)) bail(); // the full parser reports it
      const childPointer = joinPointer(pointer, key.name);
      const built = this.valueAfterIndicator(colon + 1, lineEnd, indent, childPointer, key.span, depth, true);
      result[key.name] = built.value;
      end = built.end;
      const next = this.toContentLine();
      if (next < indent) break;
      if (next > indent) bail();
      offset = this.line + indent;
      if (this.blockKind(offset) !== "mapping") {
        if (this.text.charCodeAt(offset) === 45) bail(); // a sequence here belongs to no key
        bail();
      }
    }
    return { value: result, end };
  }

  private sequence(firstOffset: number, indent: number, pointer: string, depth: number): Built {
    if (depth > MAX_NESTING_DEPTH) bail();
    const items: unknown[] = [];
    let offset = firstOffset;
    let end: number;
    for (;;) {
      const lineEnd = this.lineEnd(offset);
      const built = this.valueAfterIndicator(offset + 1, lineEnd, indent, joinPointer(pointer, items.length), undefined, depth, false);
      items.push(built.value);
      end = built.end;
      const next = this.toContentLine();
      if (next < indent) break;
      if (next > indent) bail();
      offset = this.line + indent;
      if (this.blockKind(offset) !== "sequence") break; // the parent mapping continues at this indent
    }
    return { value: items, end };
  }

  /**
   * The value after a mapping's ':' or a sequence's '-' at `after`: on the same line, or a block
   * on the following lines. `indent` is the indentation of the parent collection.
   */
  private valueAfterIndicator(
    after: number,
    lineEnd: number,
    indent: number,
    pointer: string,
    key: Span | undefined,
    depth: number,
    inMapping: boolean,
  ): Built {
    const valueStart = this.skipSpaces(after, lineEnd);
    const c = valueStart < lineEnd ? this.text.charCodeAt(valueStart) : LF;
    const onSameLine = valueStart < lineEnd && !(c === HASH && valueStart > after);
    if (!onSameLine) {
      this.line = this.nextLine(this.line);
      const next = this.toContentLine();
      const childOffset = this.line + next;
      const nestedSequence = next === indent && inMapping && next >= 0 && this.blockKind(childOffset) === "sequence";
      if (next > indent || nestedSequence) {
        const kind = this.blockKind(childOffset);
        if (kind === "scalar") bail(); // a scalar on its own line: rare, let the full parser place it
        const built =
          kind === "sequence" ? this.sequence(childOffset, next, pointer, depth + 1) : this.mapping(childOffset, next, pointer, depth + 1);
        this.locations.set(pointer, { value: { start: childOffset, end: built.end }, key });
        return built;
      }
      // No value: the full parser places the null where the value would have started.
      this.locations.set(pointer, { value: { start: valueStart, end: valueStart }, key });
      return { value: null, end: valueStart };
    }
    // A value on the same line.
    const kind = c === 124 || c === 62 /* | > */ ? "block-scalar" : this.blockKind(valueStart);
    if (kind === "block-scalar") return this.blockScalar(valueStart, lineEnd, indent, pointer, key);
    if (kind !== "scalar") {
      if (inMapping) bail(); // "key: - a" or "key: a: b" is an error the full parser reports
      // A compact collection after "- ": its indentation is its column.
      const column = valueStart - this.line;
      const built =
        kind === "sequence" ? this.sequence(valueStart, column, pointer, depth + 1) : this.mapping(valueStart, column, pointer, depth + 1);
      this.locations.set(pointer, { value: { start: valueStart, end: built.end }, key });
      return built;
    }
    const inline = this.inlineValue(valueStart, lineEnd, pointer, depth);
    if (!this.restIsBlank(inline.end)) bail();
    this.locations.set(pointer, { value: { start: valueStart, end: inline.end }, key });
    this.line = this.nextLine(this.line);
    return inline;
  }

  private key(offset: number, colon: number): { name: string; span: Span } {
    const c = this.text.charCodeAt(offset);
    if (c === 34 || c === 39) {
      const close = quotedScalarEnd(this.text, offset, colon);
      return { name: unquote(this.text, offset, close), span: { start: offset, end: close } };
    }
    let end = colon;
    while (end > offset && isBlank(this.text.charCodeAt(end - 1))) end--;
    const raw = this.text.slice(offset, end);
    checkPlainStart(raw);
    const resolved = this.resolve(raw);
    return { name: resolved === null ? "" : String(resolved), span: { start: offset, end } };
  }

  // ---- scalars and flow collections --------------------------------------------------------

  private inlineValue(offset: number, lineEnd: number, pointer: string, depth: number): Built {
    const c = this.text.charCodeAt(offset);
    if (c === 91 || c === 123) return this.flow(offset, lineEnd, pointer, depth + 1);
    if (c === 34 || c === 39) {
      const close = quotedScalarEnd(this.text, offset, lineEnd);
      if (close < 0) bail(); // multi-line quoted scalar
      return { value: unquote(this.text, offset, close), end: close };
    }
    // Plain scalar: to the end of the line or a comment.
    let end = lineEnd;
    for (let i = offset; i < lineEnd; i++) {
      const ch = this.text.charCodeAt(i);
      if (ch === HASH && isBlank(this.text.charCodeAt(i - 1))) {
        end = i;
        break;
      }
      if (ch === 58 && this.isSeparatorAt(i + 1, lineEnd)) bail(); // "a: b" inside a value
    }
    while (end > offset && isBlank(this.text.charCodeAt(end - 1))) end--;
    const raw = this.text.slice(offset, end);
    checkPlainStart(raw);
    // A plain scalar continued on a more indented line is multi-line; the enclosing collection
    // bails when it meets that line.
    return { value: this.resolve(raw), end };
  }

  /** A flow collection that opens and closes on this line. */
  private flow(open: number, lineEnd: number, pointer: string, depth: number): Built {
    if (depth > MAX_NESTING_DEPTH) bail();
    const isSequence = this.text.charCodeAt(open) === 91;
    const close = isSequence ? 93 : 125;
    const items: unknown[] = [];
    const entries: Record<string, unknown> = {};
    let i = this.skipSpaces(open + 1, lineEnd);
    if (this.text.charCodeAt(i) === close) {
      return { value: isSequence ? items : entries, end: i + 1 };
    }
    for (;;) {
      if (i >= lineEnd) bail();
      if (isSequence) {
        const childPointer = joinPointer(pointer, items.length);
        const item = this.flowItem(i, lineEnd, childPointer, depth, false);
        this.locations.set(childPointer, { value: { start: i, end: item.end } });
        items.push(item.value);
        i = this.skipSpaces(item.end, lineEnd);
        if (this.text.charCodeAt(i) === 58) bail(); // a single-pair mapping inside a flow sequence
      } else {
        const keyItem = this.flowItem(i, lineEnd, pointer, depth, true);
        if (typeof keyItem.value === "object" && keyItem.value !== null) bail();
        const name = keyItem.value === null ? "" : String(keyItem.value);
        if (Object.prototype.hasOwnProperty.call(entries, name)) bail();
        let j = this.skipSpaces(keyItem.end, lineEnd);
        if (this.text.charCodeAt(j) !== 58) bail(); // "{a}" or "{a, b}": keys without values
        j = this.skipSpaces(j + 1, lineEnd);
        const childPointer = joinPointer(pointer, name);
        const keySpan = { start: i, end: keyItem.end };
        const c = this.text.charCodeAt(j);
        if (c === 44 || c === close) {
          this.locations.set(childPointer, { value: { start: j, end: j }, key: keySpan });
          entries[name] = null;
          i = j;
        } else {
          const item = this.flowItem(j, lineEnd, childPointer, depth, false);
          this.locations.set(childPointer, { value: { start: j, end: item.end }, key: keySpan });
          entries[name] = item.value;
          i = this.skipSpaces(item.end, lineEnd);
        }
      }
      const c = this.text.charCodeAt(i);
      if (c === close) return { value: isSequence ? items : entries, end: i + 1 };
      if (c !== 44) bail();
      i = this.skipSpaces(i + 1, lineEnd);
      if (this.text.charCodeAt(i) === close) return { value: isSequence ? items : entries, end: i + 1 };
    }
  }

  private flowItem(at: number, lineEnd: number, pointer: string, depth: number, isKey: boolean): Built {
    const c = this.text.charCodeAt(at);
    if (c === 91 || c === 123) {
      if (isKey) bail();
      return this.flow(at, lineEnd, pointer, depth + 1);
    }
    if (c === 34 || c === 39) {
      const close = quotedScalarEnd(this.text, at, lineEnd);
      if (close < 0) bail();
      return { value: unquote(this.text, at, close), end: close };
    }
    let end = at;
    while (end < lineEnd) {
      const ch = this.text.charCodeAt(end);
      if (ch === 44 || ch === 91 || ch === 93 || ch === 123 || ch === 125) break;
      if (ch === HASH && isBlank(this.text.charCodeAt(end - 1))) bail();
      if (ch === 58) {
        const next = end + 1 < lineEnd ? this.text.charCodeAt(end + 1) : LF;
        if (next === SPACE || next === TAB || next === 44 || next === 93 || next === 125 || next === LF || next === 91 || next === 123)
          break;
      }
      end++;
    }
    while (end > at && isBlank(this.text.charCodeAt(end - 1))) end--;
    const raw = this.text.slice(at, end);
    checkPlainStart(raw);
    return { value: this.resolve(raw), end };
  }

  /**
   * Literal (`|`, `|-`) and folded (`>`, `>-`) block scalars whose lines share one indentation.
   * Keep chomping, explicit indentation, leading blank lines and more-indented folded lines are
   * left to the full parser.
   */
  private blockScalar(header: number, headerLineEnd: number, indent: number, pointer: string, key: Span | undefined): Built {
    const literal = this.text.charCodeAt(header) === 124;
    let i = header + 1;
    let strip = false;
    if (this.text.charCodeAt(i) === 45) {
      strip = true;
      i++;
    }
    if (i < headerLineEnd && !isBlank(this.text.charCodeAt(i))) bail(); // keep chomping, indentation digits
    if (!this.restIsBlank(i)) bail();
    const lines: string[] = [];
    let contentIndent = -1;
    let lastContentEnd = headerLineEnd;
    let pendingBlank = 0;
    let cursor = this.nextLine(this.line);
    let consumedTo = cursor;
    while (cursor < this.end) {
      const lineEnd = this.lineEnd(cursor);
      let j = cursor;
      while (j < lineEnd && this.text.charCodeAt(j) === SPACE) j++;
      if (j === lineEnd) {
        if (contentIndent < 0) bail(); // leading blank lines
        pendingBlank++;
        cursor = this.nextLine(cursor);
        continue;
      }
      const lineIndent = j - cursor;
      if (contentIndent < 0) {
        if (lineIndent <= indent) break;
        contentIndent = lineIndent;
      } else if (lineIndent < contentIndent) break;
      if (this.text.charCodeAt(j) === TAB) bail();
      if (lineIndent > contentIndent && !literal) bail(); // more-indented folded lines
      for (let b = 0; b < pendingBlank; b++) lines.push("");
      pendingBlank = 0;
      let contentEnd = lineEnd;
      lines.push(this.text.slice(cursor + contentIndent, contentEnd));
      while (contentEnd > j && isBlank(this.text.charCodeAt(contentEnd - 1))) contentEnd--;
      lastContentEnd = contentEnd;
      cursor = this.nextLine(cursor);
      consumedTo = cursor;
    }
    if (contentIndent < 0) bail(); // an empty block scalar
    // Consumed up to the last content line; trailing blank lines are skipped by toContentLine.
    this.line = consumedTo;
    let value = literal ? lines.join("\n") : foldedLines(lines);
    if (lines.some((l) => /[ \t]$/.test(l) || l.includes("\t"))) bail();
    if (!strip) value += "\n";
    this.locations.set(pointer, { value: { start: header, end: lastContentEnd }, key });
    return { value, end: lastContentEnd };
  }
}
