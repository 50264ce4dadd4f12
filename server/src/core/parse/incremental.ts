import type { GenesisDocument } from "../document";
import { isRecord, pointerSegments } from "../pointer";
import type { Span } from "../types";
import type { NodeLocation, ParsedTree, SourceComment } from "./tree";
import { yamlVersionOf } from "./yaml-1.1";
import { parseYamlFast } from "./yaml-fast";

/** One replacement in a text: `[start, end)` of the old text becomes `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The single replacement that turns `before` into `after`: what lies between their common prefix and suffix. */
export function diffTexts(before: string, after: string): TextEdit {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/** Block context before a value on its line: indentation, `- ` indicators, and an optional `key: `. */
const BLOCK_PREFIX =
  /^[ ]*(?:-[ ]+)*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`-][^#{}[\],]*?|-[^\s#{}[\],][^#{}[\],]*?)[ ]*:[ ]+)?$/;

/** After this many edits in a row, the locations are copied flat again instead of stacking shifts. */
const MAX_SHIFT_DEPTH = 24;

/**
 * The document after an edit, re-parsing only the scalar the edit touched: when the edit stays on
 * one line, inside one scalar value in block context, and the edited line still reads as that
 * scalar. Everything after the edit moves by the edit's length; nothing else is parsed again.
 * Undefined when the edit may change the structure (a new line, a key, a flow collection, a
 * comment marker...): the caller then parses the whole text. The result equals a full parse of the
 * new text (a test compares them over many random edits).
 */
export function reparseEdit(previous: GenesisDocument, after: string, edit: TextEdit): GenesisDocument | undefined {
  const tree = previous.tree;
  if (tree.syntax !== "yaml" || tree.problems.length > 0 || !isRecord(tree.value)) return undefined;
  if (/[\r\n]/.test(edit.text) || /[\r\n]/.test(previous.text.slice(edit.start, edit.end))) return undefined;
  if (edit.start < tree.region.start || edit.end > tree.region.end) return undefined;

  const target = scalarAround(tree, edit);
  if (!target) return undefined;
  const { pointer, location } = target;
  const before = previous.text;
  const lineStart = before.lastIndexOf("\n", location.value.start - 1) + 1;
  if (!BLOCK_PREFIX.test(before.slice(lineStart, location.value.start))) return undefined;

  // Parse the rest of the edited line as the value of a one-key document.
  const delta = edit.text.length - (edit.end - edit.start);
  let lineEnd = after.indexOf("\n", location.value.start);
  if (lineEnd < 0 || lineEnd > tree.region.end + delta) lineEnd = tree.region.end + delta;
  const rest = after.slice(location.value.start, lineEnd);
  const probe = parseYamlFast(`k: ${rest}\n`, undefined, yamlVersionOf(previous.syntax));
  const probed = probe?.locations.get("/k");
  if (!probe || !probed || !isRecord(probe.value) || Object.keys(probe.value).length !== 1) return undefined;
  const value = probe.value.k;
  if (typeof value === "object" || probed.value.end <= probed.value.start) return undefined; // a collection or null

  const shift = (offset: number) => (offset >= edit.end ? offset + delta : offset);
  const span: Span = { start: location.value.start + probed.value.start - 3, end: location.value.start + probed.value.end - 3 };
  const locations = ShiftedLocations.over(
    tree.locations,
    { editStart: edit.start, from: edit.end, delta, oldEnd: location.value.end, newEnd: span.end },
    pointer,
    { value: span, key: location.key },
  );
  const oldLineEnd = lineEnd - delta;
  const comments: SourceComment[] = [];
  for (const comment of tree.comments) {
    if (comment.span.start >= lineStart && comment.span.start <= oldLineEnd) continue;
    comments.push(
      comment.span.start >= edit.end
        ? { span: { start: comment.span.start + delta, end: comment.span.end + delta }, text: comment.text }
        : comment,
    );
  }
  for (const comment of probe.comments) {
    const start = location.value.start + comment.span.start - 3;
    comments.push({ span: { start, end: start + comment.span.end - comment.span.start }, text: comment.text });
  }
  comments.sort((a, b) => a.span.start - b.span.start);

  const newTree: ParsedTree = {
    syntax: "yaml",
    value: replaceAt(tree.value, pointerSegments(pointer), value),
    locations,
    problems: [],
    comments,
    region: { start: tree.region.start, end: shift(tree.region.end) },
  };
  const markdown = previous.markdown && {
    ...previous.markdown,
    frontMatter: previous.markdown.frontMatter && {
      ...previous.markdown.frontMatter,
      content: { start: previous.markdown.frontMatter.content.start, end: shift(previous.markdown.frontMatter.content.end) },
      block: { start: previous.markdown.frontMatter.block.start, end: shift(previous.markdown.frontMatter.block.end) },
    },
    headings: previous.markdown.headings.map((h) => ({
      ...h,
      span: { start: shift(h.span.start), end: shift(h.span.end) },
      body: { start: shift(h.body.start), end: shift(h.body.end) },
    })),
    bodyStart: shift(previous.markdown.bodyStart),
  };
  return { ...previous, text: after, tree: newTree, markdown };
}

/** The scalar value (not null, not a collection, on one line) whose span holds the whole edit. */
function scalarAround(tree: ParsedTree, edit: TextEdit): { pointer: string; location: NodeLocation } | undefined {
  const found = innermostAround(tree.locations, edit.start, edit.end);
  if (!found || found.pointer === "") return undefined;
  const value = valueAtSegments(tree.value, pointerSegments(found.pointer));
  if (value === null || value === undefined || typeof value === "object") return undefined;
  return found;
}

interface Found {
  readonly pointer: string;
  readonly location: NodeLocation;
}

/** Value spans of a flat location map, sorted by start, built once per full parse. */
const sortedSpans = new WeakMap<ReadonlyMap<string, NodeLocation>, { start: number; end: number; pointer: string }[]>();

/** The smallest non-empty value span holding `[start, end]`, without scanning every node on each keystroke. */
function innermostAround(locations: ReadonlyMap<string, NodeLocation>, start: number, end: number): Found | undefined {
  if (locations instanceof ShiftedLocations) return locations.innermostAround(start, end);
  let sorted = sortedSpans.get(locations);
  if (!sorted) {
    sorted = [...locations]
      .filter(([, l]) => l.value.end > l.value.start)
      .map(([pointer, l]) => ({ start: l.value.start, end: l.value.end, pointer }));
    sorted.sort((a, b) => a.start - b.start);
    sortedSpans.set(locations, sorted);
  }
  // The last span starting at or before `start`, then back over earlier (enclosing) ones.
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid].start <= start) low = mid;
    else high = mid - 1;
  }
  let best: { start: number; end: number; pointer: string } | undefined;
  for (let i = low; i >= 0 && i > low - 64; i--) {
    const span = sorted[i];
    if (span.start <= start && end <= span.end && (!best || span.end - span.start < best.end - best.start)) best = span;
  }
  return best && { pointer: best.pointer, location: locations.get(best.pointer)! };
}

function valueAtSegments(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** A copy of `root` with the value at `segments` replaced; only the objects on the path are copied. */
function replaceAt(root: unknown, segments: readonly string[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...tail] = segments;
  if (Array.isArray(root)) {
    const copy = root.slice();
    copy[Number(head)] = replaceAt(root[Number(head)], tail, value);
    return copy;
  }
  const record = root as Record<string, unknown>;
  return { ...record, [head]: replaceAt(record[head], tail, value) };
}

/**
 * How offsets move: those at or after `from` (the old end of the edit) by `delta`; an end at the
 * edited value's old end to its new end. `editStart` is where the replaced text began.
 */
interface Shift {
  readonly editStart: number;
  readonly from: number;
  readonly delta: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The locations of the previous parse seen through an edit: offsets at or after the edit's end
 * move by `delta`, the edited node gets its new span, and collections that ended with the edited
 * value end with its new end (a comment typed into a value shortens it). Lookups are lazy, so a keystroke in a
 * 50,000-line manifest does not copy a quarter of a million spans; after a run of edits the stack
 * of shifts is flattened into a plain map again.
 */
class ShiftedLocations implements ReadonlyMap<string, NodeLocation> {
  private constructor(
    private readonly base: ReadonlyMap<string, NodeLocation>,
    private readonly shift: Shift,
    private readonly pointer: string,
    private readonly replaced: NodeLocation,
    private readonly depth: number,
  ) {}

  static over(
    base: ReadonlyMap<string, NodeLocation>,
    shift: Shift,
    pointer: string,
    replaced: NodeLocation,
  ): ReadonlyMap<string, NodeLocation> {
    const depth = base instanceof ShiftedLocations ? base.depth + 1 : 1;
    const shifted = new ShiftedLocations(base, shift, pointer, replaced, depth);
    return depth > MAX_SHIFT_DEPTH ? new Map(shifted) : shifted;
  }

  get size(): number {
    return this.base.size;
  }

  get(key: string): NodeLocation | undefined {
    if (key === this.pointer) return this.replaced;
    const location = this.base.get(key);
    return location && this.move(location);
  }

  has(key: string): boolean {
    return this.base.has(key);
  }

  forEach(callback: (value: NodeLocation, key: string, map: ReadonlyMap<string, NodeLocation>) => void): void {
    for (const [key, value] of this) callback(value, key, this);
  }

  *entries(): MapIterator<[string, NodeLocation]> {
    for (const [key, location] of this.base) yield [key, key === this.pointer ? this.replaced : this.move(location)];
  }

  keys(): MapIterator<string> {
    return this.base.keys();
  }

  *values(): MapIterator<NodeLocation> {
    for (const [, location] of this.entries()) yield location;
  }

  [Symbol.iterator](): MapIterator<[string, NodeLocation]> {
    return this.entries();
  }

  /** The innermost value span around `[start, end]` (new offsets): asked of the previous map in its own offsets. */
  innermostAround(start: number, end: number): Found | undefined {
    const replacedSpan = this.replaced.value;
    if (replacedSpan.start <= start && end <= replacedSpan.end) return { pointer: this.pointer, location: this.replaced };
    const { editStart, from, delta } = this.shift;
    // New offsets before the edit are old ones; those after the inserted text move back; those
    // inside the inserted text have no old offset.
    const back = (offset: number) => (offset < editStart ? offset : offset >= from + delta ? offset - delta : undefined);
    const oldStart = back(start);
    const oldEnd = back(end);
    if (oldStart === undefined || oldEnd === undefined) return undefined;
    const found = innermostAround(this.base, oldStart, oldEnd);
    if (!found) return undefined;
    return found.pointer === this.pointer
      ? { pointer: found.pointer, location: this.replaced }
      : { pointer: found.pointer, location: this.move(found.location) };
  }

  private move(location: NodeLocation): NodeLocation {
    const { from, delta, oldEnd, newEnd } = this.shift;
    const span = (s: Span): Span => ({
      start: s.start >= from ? s.start + delta : s.start,
      end: s.end === oldEnd ? newEnd : s.end >= from ? s.end + delta : s.end,
    });
    if (location.value.end < from && location.value.end !== oldEnd && (!location.key || location.key.end < from)) return location;
    return location.key ? { value: span(location.value), key: span(location.key) } : { value: span(location.value) };
  }
}
