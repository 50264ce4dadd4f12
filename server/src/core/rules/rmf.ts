import { nearest } from "../nearest";

/**
 * The NIST AI RMF 1.0 (AI 100-1) core as data: for each function, the number of subcategories of
 * each of its categories (GOVERN 1 has 1.1–1.7, GOVERN 2 has 2.1–2.3, ...).
 */
export const RMF_SUBCATEGORY_COUNTS: Readonly<Record<RmfFunction, readonly number[]>> = {
  GOVERN: [7, 3, 2, 3, 2, 2],
  MAP: [6, 3, 5, 2, 2],
  MEASURE: [3, 13, 3, 3],
  MANAGE: [4, 4, 2, 3],
};

export type RmfFunction = "GOVERN" | "MAP" | "MEASURE" | "MANAGE";
export const RMF_FUNCTIONS: readonly RmfFunction[] = ["GOVERN", "MAP", "MEASURE", "MANAGE"];

/** The two-letter prefixes the AI RMF Playbook and AI 600-1 use (`MP-2.3`, `GV-1.1-001`). */
const ABBREVIATIONS: ReadonlyMap<string, RmfFunction> = new Map([
  ["GV", "GOVERN"],
  ["MP", "MAP"],
  ["MS", "MEASURE"],
  ["MG", "MANAGE"],
]);

/** The result of reading one `risk.rmf[]` item: valid, or why not and what would be right. */
export type RmfVerdict = { readonly valid: true } | { readonly valid: false; readonly problem: string; readonly replacement?: string };

/**
 * A loose reading of what the user meant: any case, `GV`/`MP`/`MS`/`MG` abbreviations, a space,
 * underscore, dot or nothing between function and category, leading zeros, and an AI 600-1
 * suggested-action suffix (`-001`). The canonical form is then rebuilt and compared.
 */
const LOOSE = /^\s*([A-Za-z]+)\s*[-_. ]?\s*(\d+)(?:\s*\.\s*(\d+))?(\s*-\s*\d+)?\s*$/;

const FORM = `FUNCTION-category or FUNCTION-category.subcategory, with a function of ${RMF_FUNCTIONS.join(", ")} (e.g. "MAP-2.3")`;

export function checkRmfId(item: unknown): RmfVerdict {
  if (typeof item !== "string") {
    return { valid: false, problem: `${describe(item)} is not an AI RMF 1.0 id; write a string of the form ${FORM}.` };
  }
  const loose = LOOSE.exec(item);
  if (!loose) return { valid: false, problem: `"${item}" is not an AI RMF 1.0 id; write ${FORM}.` };
  const [, word, categoryText, subcategoryText, actionSuffix] = loose;
  const fn = functionNamed(word);
  if (!fn) {
    return { valid: false, problem: `"${item}" names no AI RMF function: "${word}" is not one of ${RMF_FUNCTIONS.join(", ")}.` };
  }
  const category = Number(categoryText);
  const subcategory = subcategoryText === undefined ? undefined : Number(subcategoryText);
  const subcategoryPart = subcategoryText === undefined ? "" : `.${withoutLeadingZeros(subcategoryText)}`;
  const canonical = `${fn}-${withoutLeadingZeros(categoryText)}${subcategoryPart}`;
  const subject = item === canonical ? `"${item}"` : `"${item}" (read as "${canonical}")`;
  const range = rangeProblem(fn, category, subcategory);
  if (range) return { valid: false, problem: `${subject} is not an AI RMF 1.0 ${range}` };
  if (item === canonical) return { valid: true };
  return {
    valid: false,
    problem: `${notation(item, word, canonical, actionSuffix !== undefined)}; write "${canonical}".`,
    replacement: canonical,
  };
}

/** Why an id that names a real category or subcategory is not written the way AI RMF writes it. */
function notation(item: string, word: string, canonical: string, hasActionSuffix: boolean): string {
  const upper = word.toUpperCase();
  if (hasActionSuffix) return `"${item}" is an AI 600-1 suggested-action id, not an AI RMF subcategory`;
  if (ABBREVIATIONS.has(upper)) return `"${item}" uses the Playbook abbreviation "${word}", but risk.rmf spells the function out`;
  if (!(RMF_FUNCTIONS as readonly string[]).includes(upper))
    return `"${item}": "${word}" is not an AI RMF function (${RMF_FUNCTIONS.join(", ")})`;
  if (item.toUpperCase() === canonical) return `"${item}": AI RMF ids are written in upper case`;
  return `"${item}" is not in the AI RMF 1.0 form FUNCTION-category[.subcategory]`;
}

/** The function a word names: exact (any case), a Playbook abbreviation, or a near misspelling. */
function functionNamed(word: string): RmfFunction | undefined {
  const upper = word.toUpperCase();
  if ((RMF_FUNCTIONS as readonly string[]).includes(upper)) return upper as RmfFunction;
  return ABBREVIATIONS.get(upper) ?? (nearest(upper, RMF_FUNCTIONS) as RmfFunction | undefined);
}

/** Why an id does not exist in AI RMF 1.0 ("category: ..." or "subcategory: ..."), or undefined. */
function rangeProblem(fn: RmfFunction, category: number, subcategory: number | undefined): string | undefined {
  const counts = RMF_SUBCATEGORY_COUNTS[fn];
  if (category < 1 || category > counts.length) {
    return `category: ${fn} has categories 1–${counts.length} (${fn}-1 to ${fn}-${counts.length}).`;
  }
  const last = counts[category - 1];
  if (subcategory !== undefined && (subcategory < 1 || subcategory > last)) {
    return (
      `subcategory: ${fn} ${category} has subcategories ${category}.1–${category}.${last} ` +
      `(${fn}-${category}.1 to ${fn}-${category}.${last}).`
    );
  }
  return undefined;
}

function withoutLeadingZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, "");
}

function describe(value: unknown): string {
  if (value === null) return "The value null";
  if (Array.isArray(value)) return "A list";
  if (typeof value === "object") return "A mapping";
  return `The ${typeof value} ${String(value)}`;
}
