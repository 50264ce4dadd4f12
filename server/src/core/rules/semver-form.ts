import { valid } from "semver";

/**
 * The form of a semver 2.0.0 version as Genesis writes it: `MAJOR.MINOR.PATCH`, an optional
 * `-pre.release` and `+build`, nothing around it. The `semver` package's strict parser decides the
 * grammar (no leading zeros, exactly three numbers); it also forgives a leading `v`/`=` and
 * surrounding blanks, which a Genesis version must not have, so those are refused here.
 */
export function isSemver(text: string): boolean {
  return /^\d/.test(text) && text === text.trim() && valid(text, { loose: false }) !== null;
}

/**
 * The one semver version a near miss certainly means, or undefined when it is not determinate:
 * `1.2` → `1.2.0`, `1` → `1.0.0`, `v1.2.3` → `1.2.3`, `01.2.3` → `1.2.3`, ` 1.2.3 ` → `1.2.3`.
 * `1.0.0.0` gets none: the fourth number could be dropped or be a build, the user must say which.
 */
export function semverCompletion(text: string): string | undefined {
  const match = /^\s*[vV=]?\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?((?:[-+][0-9A-Za-z.+-]*)?)\s*$/.exec(text);
  if (!match) return undefined;
  const [, major, minor = "0", patch = "0", suffix] = match;
  const candidate = `${Number(major)}.${Number(minor)}.${Number(patch)}${suffix}`;
  if (!isSemver(candidate) || candidate === text) return undefined;
  // Numbers beyond Number.MAX_SAFE_INTEGER would be rounded: not a faithful completion.
  if ([major, minor, patch].some((part) => String(Number(part)) !== part.replace(/^0+(?=\d)/, ""))) return undefined;
  return candidate;
}

/** What the semver grammar expects, for messages. */
export const SEMVER_FORM = `MAJOR.MINOR.PATCH, e.g. "1.4.0" or "2.0.0-rc.1"`;
