import { rcompare, valid } from "semver";
import { replaceScalar } from "./document-edits";
import { makeFix, shown } from "./make-fix";
import { referencePositionAt } from "./positions";
import type { FixProvider } from "./types";

/** Distinct versions, newest first (versions that are not semver last, as written). */
function newestFirst(versions: readonly unknown[]): string[] {
  const distinct = [...new Set(versions.filter((v): v is string => typeof v === "string" && v !== ""))];
  return distinct.sort((a, b) => (valid(a) && valid(b) ? rcompare(a, b) : valid(a) ? -1 : valid(b) ? 1 : 0));
}

/**
 * `ref/version-mismatch`: one fix per version of the id that the workspace has. None is preferred:
 * the reference names a version on purpose, and the one used may simply not be in the workspace.
 */
export const versionMismatchFixes: FixProvider = (document, diagnostic, context) => {
  const id = diagnostic.data?.id;
  const versions = Array.isArray(diagnostic.data?.versions) ? newestFirst(diagnostic.data.versions) : [];
  if (typeof id !== "string") return [];
  return versions.flatMap((version) =>
    makeFix(`Change to ${shown(`${id}@${version}`)}`, [replaceScalar(document, diagnostic.pointer, `${id}@${version}`)], context),
  );
};

/**
 * `ref/unversioned`: pins the reference to a version the workspace has, one fix per version;
 * when exactly one exists, pinning to it is preferred.
 */
export const unversionedFixes: FixProvider = (document, diagnostic, context) => {
  const id = diagnostic.data?.id;
  const position = referencePositionAt(document.kind, diagnostic.pointer);
  if (typeof id !== "string" || !position || !context.index) return [];
  const versions = newestFirst(position.targets.flatMap((kind) => context.index!.withId(kind, id)).map((target) => target.version));
  return versions.flatMap((version) =>
    makeFix(
      `Pin to ${shown(`${id}@${version}`)}`,
      [replaceScalar(document, diagnostic.pointer, `${id}@${version}`)],
      context,
      versions.length === 1,
    ),
  );
};
