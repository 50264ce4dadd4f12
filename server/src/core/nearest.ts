import { distance } from "fastest-levenshtein";

/**
 * The candidate closest to `input` by edit distance (case-insensitive), when it is close enough to
 * be a plausible typo: one edit in a word of up to three letters, else two or a third of the
 * longer word, and never more than 4 edits.
 */
export function nearest(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(wanted, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  // A swap of two letters costs 2 edits, so words of four letters or more allow 2.
  const length = Math.max(wanted.length, best.length);
  const limit = length <= 3 ? 1 : Math.min(4, Math.max(2, Math.floor(length / 3)));
  return bestDistance <= limit ? best : undefined;
}

/**
 * Words people write for the values the schemas allow, where no edit distance leads: the type
 * names of other languages and tools (pandas, SQL, Python) and common short forms.
 */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  number: ["float", "double", "real", "decimal", "float32", "float64", "numeric"],
  integer: ["int", "long", "int32", "int64", "bigint"],
  boolean: ["bool", "logical"],
  string: ["str", "text", "varchar", "char", "object"],
  datetime: ["timestamp", "datetime64", "time"],
  array: ["list", "sequence"],
};

/** The allowed value that `input` (case-insensitive) is a known other word for, when one is allowed. */
export function synonymAmong(input: string, allowed: readonly string[]): string | undefined {
  const word = input.trim().toLowerCase();
  return allowed.find((value) => SYNONYMS[value]?.includes(word));
}

/** `"a", "b" or "c"`, for messages that list allowed values. */
export function listOf(values: readonly unknown[], conjunction = "or"): string {
  const quoted = values.map((v) => JSON.stringify(v));
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}
