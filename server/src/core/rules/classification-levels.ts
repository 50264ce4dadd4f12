/**
 * The classification lattice of docs/formats/common.md, for the document rules and the workspace flow rules alike:
 * `public` < `internal` < `cui` < `cui-specified`, with `ouo` read as `cui`. Classified markings are
 * out of scope for Genesis documents and have no rank.
 */

export const CLASSIFICATION_LEVELS = ["public", "internal", "cui", "cui-specified"] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

/** Legacy markings and the level each is read as. */
export const LEGACY_LEVELS: Readonly<Record<string, ClassificationLevel>> = Object.freeze({ ouo: "cui" });

/** The classified markings, in their canonical spelling. */
export const CLASSIFIED_MARKINGS = ["confidential", "secret", "top-secret", "rd", "frd"] as const;

/** Spelled-out forms of the Atomic Energy Act markings. */
const CLASSIFIED_LONG_FORMS: Readonly<Record<string, string>> = { "restricted-data": "rd", "formerly-restricted-data": "frd" };

/**
 * The level a written value stands for (`ouo` is `cui`), or undefined for anything else. Exact
 * spelling only: `CUI` or a typo is a schema enum error, not a level.
 */
export function effectiveLevel(value: unknown): ClassificationLevel | undefined {
  if (typeof value !== "string") return undefined;
  if ((CLASSIFICATION_LEVELS as readonly string[]).includes(value)) return value as ClassificationLevel;
  return Object.prototype.hasOwnProperty.call(LEGACY_LEVELS, value) ? LEGACY_LEVELS[value] : undefined;
}

/** 0 for `public` up to 3 for `cui-specified` (`ouo` ranks as `cui`); undefined when not a level. */
export function classificationRank(value: unknown): number | undefined {
  const level = effectiveLevel(value);
  return level === undefined ? undefined : CLASSIFICATION_LEVELS.indexOf(level);
}

/**
 * The canonical classified marking a value spells (`secret`, `top-secret` for `TOP SECRET` or
 * `top_secret`, `rd` for `Restricted Data`), case-insensitively; undefined when it is none.
 */
export function classifiedMarking(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const spelled = value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "-");
  if ((CLASSIFIED_MARKINGS as readonly string[]).includes(spelled)) return spelled;
  return Object.prototype.hasOwnProperty.call(CLASSIFIED_LONG_FORMS, spelled) ? CLASSIFIED_LONG_FORMS[spelled] : undefined;
}

/** True for any level above `public`, and for classified markings (which are above every level). */
export function isAbovePublic(value: unknown): boolean {
  const rank = classificationRank(value);
  return rank !== undefined ? rank > 0 : classifiedMarking(value) !== undefined;
}

/**
 * The level a present value counts as for the flow rules and the governance items (docs/checklist.md#how-an-item-is-decided, fail
 * closed): a lattice value or legacy alias as itself; its case-insensitive match where there is one
 * (`CUI` is `cui`); anything else that is written (a typo, a classified marking, a number) as
 * `cui-specified`, the top of the lattice. Undefined only when no level is written at all.
 */
export function failClosedLevel(value: unknown): ClassificationLevel | undefined {
  if (value === undefined || value === null) return undefined;
  return matchedLevel(value) ?? "cui-specified";
}

/** A lattice value or legacy alias as written, else its case-insensitive match (`CUI` is `cui`); else undefined. */
export function matchedLevel(value: unknown): ClassificationLevel | undefined {
  return effectiveLevel(value) ?? (typeof value === "string" ? effectiveLevel(value.trim().toLowerCase()) : undefined);
}

/**
 * The level a `classification` value states: the `level` of a mapping; a scalar or list written in
 * place of the mapping (`classification: CUI`, a schema/type error) stands for the level it
 * names, so that fail-closed reading sees it. Undefined when no level is written (`null` included).
 */
export function writtenLevel(classification: unknown): unknown {
  if (classification === undefined || classification === null) return undefined;
  if (typeof classification === "object" && !Array.isArray(classification)) {
    const level = (classification as Record<string, unknown>).level;
    return level === null ? undefined : level;
  }
  return classification;
}

/** Where `writtenLevel` found the level, below `base` (the classification's own pointer). */
export function writtenLevelPointer(classification: unknown, base: string): string {
  return typeof classification === "object" && classification !== null && !Array.isArray(classification) ? `${base}/level` : base;
}

/**
 * A written level for a message: `"cui"`; `"ouo" (read as "cui")` for a legacy alias; and, for a
 * value outside the lattice, what it counts as (docs/checklist.md#how-an-item-is-decided): `"CUI" (counted as "cui")`, or
 * `"bogus" (outside the lattice, counted as "cui-specified")`.
 */
export function shownLevel(written: unknown): string {
  const quoted = JSON.stringify(written) ?? String(written);
  const exact = effectiveLevel(written);
  if (exact) return exact === written ? quoted : `${quoted} (read as "${exact}")`;
  const matched = matchedLevel(written);
  if (matched) return `${quoted} (counted as "${matched}")`;
  return written === undefined || written === null ? quoted : `${quoted} (outside the lattice, counted as "cui-specified")`;
}

/** True when a written level is a lattice value or legacy alias as written, not a fail-closed reading. */
export function isExactLevel(written: unknown): boolean {
  return effectiveLevel(written) !== undefined;
}
