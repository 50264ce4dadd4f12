import { pointerSegments } from "../pointer";
import { referencePositions, type ReferencePosition } from "../rules/reference-positions";
import type { DocumentKind } from "../types";

/** The reference position (docs/formats/common.md#references) a pointer is at, if any: `/training/datasets/0` in a model card. */
export function referencePositionAt(kind: DocumentKind, pointer: string): ReferencePosition | undefined {
  const have = pointerSegments(pointer);
  return referencePositions(kind).find((position) => {
    const want = pointerSegments(position.pattern);
    return want.length === have.length && want.every((segment, i) => segment === "*" || segment === have[i]);
  });
}
