import type { NodeLocation } from "../parse/tree";

/**
 * The nodes whose places the facts keep (`landmarks`): those ws rules report on (`report`) or cite
 * (`whereIs`), found without a parse tree. A landmark is named by its place in this list.
 */
const LANDMARK_POINTERS = [
  "/id",
  "/license",
  "/inputs",
  "/outputs",
  "/lineage/derivedFrom",
  "/training/datasets",
  "/classification",
  "/classification/level",
] as const;

const SLOT_OF: ReadonlyMap<string, number> = new Map(LANDMARK_POINTERS.map((pointer, slot) => [pointer, slot]));

/** The numbers kept for one landmark: its slot, the value's start and end, the key's start and end. */
const STRIDE = 5;
const NO_KEY = -1;

/**
 * The places of the landmarks a document has, as small integers in one array: STRIDE numbers a
 * landmark (slot, value start and end, key start and end or NO_KEY). Every document of a workspace
 * keeps them, so they cost one array instead of a Map, a location and two spans a landmark, and
 * they come through a structured clone (facts cross threads in the CLI) unchanged.
 */
export type Landmarks = readonly number[];

export function landmarksOf(locations: ReadonlyMap<string, NodeLocation>): Landmarks {
  const numbers: number[] = [];
  LANDMARK_POINTERS.forEach((pointer, slot) => {
    const location = locations.get(pointer);
    if (!location) return;
    const { value, key } = location;
    numbers.push(slot, value.start, value.end, key ? key.start : NO_KEY, key ? key.end : NO_KEY);
  });
  // An array grown by push keeps room for more; a copy is exactly as long as its contents.
  return numbers.slice();
}

export function isLandmark(pointer: string): boolean {
  return SLOT_OF.has(pointer);
}

/** Where the landmark at `pointer` is; undefined when it is not a landmark or the document has no such node. */
export function landmarkAt(landmarks: Landmarks, pointer: string): NodeLocation | undefined {
  const slot = SLOT_OF.get(pointer);
  if (slot === undefined) return undefined;
  for (let at = 0; at < landmarks.length; at += STRIDE) {
    if (landmarks[at] !== slot) continue;
    const value = { start: landmarks[at + 1], end: landmarks[at + 2] };
    return landmarks[at + 3] === NO_KEY ? { value } : { value, key: { start: landmarks[at + 3], end: landmarks[at + 4] } };
  }
  return undefined;
}
