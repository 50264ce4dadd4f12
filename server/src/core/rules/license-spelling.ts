import parseSpdx from "spdx-expression-parse";
import spdxIds from "spdx-license-ids/index.json";
import deprecatedSpdxIds from "spdx-license-ids/deprecated.json";

/**
 * What a license written the way people write it ("Apache 2.0", "GPLv3", "MIT License",
 * "CC BY 4.0") means as an SPDX license id. `id` when exactly one id is meant, `choice` when the
 * spelling names several (the user must pick; no quick fix guesses for them).
 */
export type LicenseSpelling =
  | { readonly kind: "id"; readonly id: string }
  | { readonly kind: "choice"; readonly candidates: readonly string[]; /** Why it is a choice, for messages. */ readonly note: string };

/** Current (not deprecated) SPDX license ids, for `nearest()`. */
export const SPDX_LICENSE_IDS: readonly string[] = spdxIds;

const DEPRECATED = new Set<string>(deprecatedSpdxIds);
const CURRENT = new Set<string>(spdxIds);

/** True when `text` parses as an SPDX license expression (ids, LicenseRef-, WITH, AND/OR, `+`). */
export function isSpdxExpression(text: string): boolean {
  try {
    parseSpdx(text);
    return true;
  } catch {
    return false;
  }
}

/** True when `text` is an SPDX license exception id (the right side of WITH). */
export function isSpdxException(text: string): boolean {
  return /^[A-Za-z0-9.-]+$/.test(text) && isSpdxExpression(`MIT WITH ${text}`);
}

/**
 * Lower case, without the words that carry no identity ("the", "GNU", "license", "version"), with
 * blanks and underscores as hyphens and `v3` as `-3`: "GNU GPL v3" and "GPL-3" both become "gpl-3".
 * Every SPDX id goes through the same function, so the lookup compares like with like.
 */
function spellingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[,;:"'()/]/g, " ")
    .replace(/\b(?:the|gnu|licen[cs]es?|version|ver)\b\.?/g, " ")
    .replace(/v(?=\d)/g, "-")
    .replace(/[\s_]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

const BY_KEY: ReadonlyMap<string, readonly string[]> = (() => {
  const index = new Map<string, string[]>();
  for (const id of [...spdxIds, ...deprecatedSpdxIds]) {
    for (const key of new Set([id.toLowerCase(), spellingKey(id)])) {
      const ids = index.get(key) ?? [];
      if (!ids.includes(id)) ids.push(id);
      index.set(key, ids);
    }
  }
  return index;
})();

/** Spellings no normalisation reaches, each naming its own choice. */
const PUBLIC_DOMAIN: LicenseSpelling = {
  kind: "choice",
  candidates: ["CC0-1.0", "PDDL-1.0", "Unlicense"],
  note: "the public-domain dedications on the SPDX list",
};

const MAX_CANDIDATES = 6;

/** The SPDX id(s) a spelling means, or undefined when it resembles none. */
export function licenseSpelling(text: string): LicenseSpelling | undefined {
  const key = spellingKey(text);
  if (key === "") return undefined;
  if (key === "public-domain" || key === "pd") return PUBLIC_DOMAIN;
  const ids = BY_KEY.get(key) ?? (/-\d+$/.test(key) ? BY_KEY.get(`${key}.0`) : undefined) ?? versionsOf(key);
  if (!ids || ids.length === 0) return undefined;
  if (ids.length === 1) return successorOf(ids[0]);
  return { kind: "choice", candidates: ids.slice(0, MAX_CANDIDATES), note: "it could mean any of these" };
}

/** "mpl" → MPL-1.0, MPL-1.1, MPL-2.0: the current ids that are the spelling plus a version. */
function versionsOf(key: string): readonly string[] | undefined {
  const family = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-\\d+(?:\\.\\d+)*(?:-only|-or-later)?$`);
  const ids = spdxIds.filter((id) => family.test(id.toLowerCase()));
  return ids.length ? ids : undefined;
}

/**
 * A deprecated id whose license now comes in `-only` and `-or-later` forms (GPL-3.0) means one of
 * those two; which one is the licensor's decision, so both are offered.
 */
function successorOf(id: string): LicenseSpelling {
  if (DEPRECATED.has(id) && CURRENT.has(`${id}-only`) && CURRENT.has(`${id}-or-later`)) {
    return {
      kind: "choice",
      candidates: [`${id}-only`, `${id}-or-later`],
      note: "SPDX says whether later versions may be used",
    };
  }
  return { kind: "id", id };
}
