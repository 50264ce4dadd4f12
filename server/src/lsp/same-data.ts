/**
 * Deep equality of plain data (what JSON can hold, plus `undefined` members): the same rule as
 * Node's `isDeepStrictEqual` for such values, without Node. A member present as `undefined` on one
 * side and absent on the other makes the values differ, as there.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysOfA = Object.keys(a);
  const keysOfB = Object.keys(b);
  if (keysOfA.length !== keysOfB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysOfA.every((key) => Object.prototype.hasOwnProperty.call(recordB, key) && sameData(recordA[key], recordB[key]));
}
