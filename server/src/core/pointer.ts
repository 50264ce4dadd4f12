/** JSON Pointer (RFC 6901) helpers. Every `~` and `/` is escaped, not only the first. */

export function escapePointerSegment(segment: string | number): string {
  if (typeof segment === "number") return String(segment);
  // Most keys need no escaping; skip the two replaces for them.
  return segment.includes("~") || segment.includes("/") ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment;
}

export function unescapePointerSegment(segment: string): string {
  // As in escapePointerSegment: a segment without `~` is its own unescaped form.
  return segment.includes("~") ? segment.replace(/~1/g, "/").replace(/~0/g, "~") : segment;
}

export function joinPointer(parent: string, segment: string | number): string {
  return `${parent}/${escapePointerSegment(segment)}`;
}

export function pointerSegments(pointer: string): string[] {
  return pointer === "" ? [] : pointer.slice(1).split("/").map(unescapePointerSegment);
}

export function parentPointer(pointer: string): string {
  const cut = pointer.lastIndexOf("/");
  return cut <= 0 ? "" : pointer.slice(0, cut);
}

/** The value at `pointer` inside a plain JSON-like value, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isRecord(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export interface Selected {
  readonly pointer: string;
  readonly value: unknown;
}

/** The segments of the patterns `select` was given: constants of the rules, split once each. */
const PATTERN_SEGMENTS = new Map<string, readonly string[]>();
/** Patterns come from the rules, so a few dozen; the bound only guards against a caller building them. */
const MAX_PATTERNS = 512;

function patternSegments(pattern: string): readonly string[] {
  let segments = PATTERN_SEGMENTS.get(pattern);
  if (!segments) {
    segments = pointerSegments(pattern);
    if (PATTERN_SEGMENTS.size < MAX_PATTERNS) PATTERN_SEGMENTS.set(pattern, segments);
  }
  return segments;
}

/**
 * Every node matching a pattern of pointer segments, where `*` matches any array index or key:
 * `select(doc, "/steps/*\/container/image")`. Only nodes that exist are returned.
 */
export function select(root: unknown, pattern: string): Selected[] {
  let frontier: Selected[] = [{ pointer: "", value: root }];
  for (const segment of patternSegments(pattern)) {
    if (frontier.length === 0) break; // most patterns stop matching a document early
    const next: Selected[] = [];
    for (const { pointer, value } of frontier) {
      if (segment === "*") {
        if (Array.isArray(value)) value.forEach((item, i) => next.push({ pointer: joinPointer(pointer, i), value: item }));
        else if (isRecord(value)) for (const [k, v] of Object.entries(value)) next.push({ pointer: joinPointer(pointer, k), value: v });
      } else if (Array.isArray(value)) {
        const index = Number(segment);
        if (Number.isInteger(index) && index >= 0 && index < value.length)
          next.push({ pointer: joinPointer(pointer, index), value: value[index] });
      } else if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, segment)) {
        next.push({ pointer: joinPointer(pointer, segment), value: value[segment] });
      }
    }
    frontier = next;
  }
  return frontier;
}
