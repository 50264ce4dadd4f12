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

/** A landmark is one unit for its slot and two (high and low 16 bits) for each of four offsets. */
const STRIDE = 9;
/** The offset of a key that is not there. */
const NO_KEY = 0xffffffff;

/**
 * The places of the landmarks a document has, written as the UTF-16 units of one string: a slot
 * of LANDMARK_POINTERS, then the value's start and end and the key's start and end (NO_KEY when
 * the node has no key) as two units each. Every document of a workspace keeps them, so they cost
 * about 100 bytes instead of a Map, a location and two spans a landmark; and a string comes
 * through a structured clone (facts cross threads in the CLI) and a copy unchanged.
 */
export type Landmarks = string;

export function landmarksOf(locations: ReadonlyMap<string, NodeLocation>): Landmarks {
  const units: number[] = [];
  const offset = (n: number) => units.push(n >>> 16, n & 0xffff);
  LANDMARK_POINTERS.forEach((pointer, slot) => {
    const location = locations.get(pointer);
    if (!location) return;
    units.push(slot);
    offset(location.value.start);
    offset(location.value.end);
    offset(location.key ? location.key.start : NO_KEY);
    offset(location.key ? location.key.end : NO_KEY);
  });
  return String.fromCharCode(...units);
}

export function isLandmark(pointer: string): boolean {
  return SLOT_OF.has(pointer);
}

/** Where the landmark at `pointer` is; undefined when it is not a landmark or the document has no such node. */
export function landmarkAt(landmarks: Landmarks, pointer: string): NodeLocation | undefined {
  const slot = SLOT_OF.get(pointer);
  if (slot === undefined) return undefined;
  for (let at = 0; at < landmarks.length; at += STRIDE) {
    if (landmarks.charCodeAt(at) !== slot) continue;
    const offset = (index: number) => ((landmarks.charCodeAt(at + index) << 16) | landmarks.charCodeAt(at + index + 1)) >>> 0;
    const value = { start: offset(1), end: offset(3) };
    const keyStart = offset(5);
    return keyStart === NO_KEY ? { value } : { value, key: { start: keyStart, end: offset(7) } };
  }
  return undefined;
}
