import type { GenesisDocument } from "../document";
import type { Span } from "../types";

/**
 * The span of `value.slice(start, end)` inside the scalar at `pointer`, for underlining one part of a
 * value (one segment of an image reference). Only when the source text is the value itself, plain or
 * in quotes without escapes; otherwise (escapes, folded or block scalars) undefined, and the caller
 * underlines the whole value.
 */
export function spanInsideScalar(
  document: Pick<GenesisDocument, "tree" | "text">,
  pointer: string,
  value: string,
  start: number,
  end: number,
): Span | undefined {
  const location = document.tree.locations.get(pointer);
  if (!location) return undefined;
  const source = document.text.slice(location.value.start, location.value.end);
  let offset: number;
  if (source === value) offset = 0;
  else if (source.length === value.length + 2 && /^(["']).*\1$/s.test(source) && source.slice(1, -1) === value) offset = 1;
  else return undefined;
  const from = location.value.start + offset + Math.max(0, Math.min(start, value.length));
  const to = location.value.start + offset + Math.max(0, Math.min(end, value.length));
  return to > from ? { start: from, end: to } : undefined;
}
