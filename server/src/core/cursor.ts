import type { GenesisDocument } from "./document";
import type { NodeLocation } from "./parse/tree";

/** What the cursor is on: the deepest node whose key or value contains the offset. */
export interface CursorTarget {
  /** JSON Pointer of the node. */
  readonly pointer: string;
  /** Whether the offset is on the node's key or in its value. */
  readonly part: "key" | "value";
  readonly location: NodeLocation;
}

/**
 * The node at `offset` (a UTF-16 offset into the document text), or undefined when the offset is
 * outside the document object (in a Markdown body, say). Ends are inclusive, so a cursor just after
 * the last character of a key or value is still on it.
 */
export function nodeAt(document: Pick<GenesisDocument, "tree">, offset: number): CursorTarget | undefined {
  let best: CursorTarget | undefined;
  let bestWidth = Infinity;
  for (const [pointer, location] of document.tree.locations) {
    if (location.key && location.key.start <= offset && offset <= location.key.end) {
      const width = location.key.end - location.key.start;
      if (width <= bestWidth) {
        best = { pointer, part: "key", location };
        bestWidth = width;
      }
    }
    if (location.value.start <= offset && offset <= location.value.end) {
      const width = location.value.end - location.value.start;
      if (width < bestWidth || (width === bestWidth && best?.part !== "key")) {
        best = { pointer, part: "value", location };
        bestWidth = width;
      }
    }
  }
  return best;
}
