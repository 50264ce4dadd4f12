import { replaceScalar, setValue } from "./document-edits";
import { makeFix, shown } from "./make-fix";
import type { ScalarValue } from "./scalar-text";
import type { FixableDiagnostic, FixProvider } from "./types";

/**
 * Fixes that write one value in place of another, keeping the value's quote style: the rules put
 * the one correct value in `data.replacement` (or the close match in `data.nearest`), so these
 * fixes only write it where the diagnostic's node is.
 */

function scalarOf(value: unknown): ScalarValue | undefined {
  return typeof value === "string" || typeof value === "number" ? value : undefined;
}

/** `data.replacement`, the one value the rule knows is meant: a preferred fix. */
function replacementFix(title: (replacement: ScalarValue) => string): FixProvider {
  return (document, diagnostic, context) => {
    const replacement = scalarOf(diagnostic.data?.replacement);
    if (replacement === undefined) return [];
    return makeFix(title(replacement), [replaceScalar(document, diagnostic.pointer, replacement)], context, true);
  };
}

/** `data.nearest`, the allowed value closest to a typo: preferred, as the message already names it. */
function nearestFix(title: (nearest: string) => string): FixProvider {
  return (document, diagnostic, context) => {
    const nearest = diagnostic.data?.nearest;
    if (typeof nearest !== "string" || diagnostic.span.start !== document.tree.locations.get(diagnostic.pointer)?.value.start) return [];
    return makeFix(title(nearest), [replaceScalar(document, diagnostic.pointer, nearest)], context, true);
  };
}

export const semverFixes = replacementFix((version) => `Change the version to ${shown(version)}`);
export const checksumFormatFixes = replacementFix((digest) => `Write the digest as ${shown(digest)}`);
export const walltimeFixes = replacementFix((walltime) => `Change the walltime to ${shown(walltime)}`);
export const rmfIdFixes = replacementFix((id) => `Change to ${shown(id)}`);
export const patternFixes = replacementFix((value) => `Change to ${shown(value)}`);
export const legacyLevelFixes = replacementFix((level) => `Change the level to ${shown(level)}`);
export const seedFixes = replacementFix((seed) => `Write the seed as the number ${seed}`);
export const enumFixes = nearestFix((nearest) => `Change to ${shown(nearest)}`);
export const stepNeedsFixes = nearestFix((step) => `Change to step ${shown(step)}`);

/** Only the "unknown partition" finding names a nearest partition. */
export const partitionFixes = nearestFix((partition) => `Change the partition to ${shown(partition)}`);

/**
 * `license/spdx`: the one SPDX id meant (preferred); when the licensor must choose (`MIT/Apache-2.0`
 * joined by OR or AND), one fix per choice; a close id that is only a guess is offered, never preferred.
 */
export const licenseFixes: FixProvider = (document, diagnostic, context) => {
  const data = diagnostic.data ?? {};
  const replacement = scalarOf(data.replacement);
  if (replacement !== undefined)
    return makeFix(
      `Change the license to ${shown(replacement)}`,
      [replaceScalar(document, diagnostic.pointer, replacement)],
      context,
      true,
    );
  const choices = Array.isArray(data.candidates)
    ? data.candidates.filter((c): c is string => typeof c === "string")
    : typeof data.nearest === "string"
      ? [data.nearest]
      : [];
  return choices.flatMap((choice) =>
    makeFix(`Change the license to ${shown(choice)}`, [replaceScalar(document, diagnostic.pointer, choice)], context),
  );
};

/**
 * `classification/downgrade`: raises the level to the one the inputs require (written if missing).
 * None when the finding is on a classification written as a scalar, which needs a mapping first.
 */
export const downgradeFixes: FixProvider = (document, diagnostic, context) => {
  const required = diagnostic.data?.required;
  if (typeof required !== "string" || !diagnostic.pointer.endsWith("/level")) return [];
  return makeFix(`Raise the classification level to ${shown(required)}`, [setValue(document, diagnostic.pointer, required)], context, true);
};

/** `classification/egress`: the allowed network settings; which one the step can live with is the user's call. */
export const egressFixes: FixProvider = (document, diagnostic, context) => {
  const allowed = Array.isArray(diagnostic.data?.allowed) ? diagnostic.data.allowed.filter((a): a is string => typeof a === "string") : [];
  return allowed.flatMap((network) =>
    makeFix(`Set network to ${shown(network)}`, [replaceScalar(document, diagnostic.pointer, network)], context),
  );
};

/** `repro/run`: only a seed written as a string of digits has a determinate fix. */
export const reproRunFixes: FixProvider = (document, diagnostic: FixableDiagnostic, context) =>
  diagnostic.pointer.endsWith("/seed") ? seedFixes(document, diagnostic, context) : [];

/**
 * `dataset/recordset-source`: one fix per distribution id, nearest first; the close match the
 * message names is preferred.
 */
export const recordSetSourceFixes: FixProvider = (document, diagnostic, context) => {
  const data = diagnostic.data ?? {};
  const candidates = Array.isArray(data.candidates) ? data.candidates.filter((c): c is string => typeof c === "string") : [];
  return candidates.flatMap((id) =>
    makeFix(`Change the source to ${shown(id)}`, [replaceScalar(document, diagnostic.pointer, id)], context, id === data.nearest),
  );
};
