import type { GenesisDocument } from "../document";
import { parseGenesisDocument } from "../parse/document";
import { applyEdits, editsOverlap } from "./apply";
import { checksumFromFileFixes, fieldsFromFileFixes, placeholderDigestFixes } from "./from-evidence";
import { headerFixes } from "./header";
import { notGenesisFixes } from "./not-genesis";
import { requiredFixes, unknownPropertyFixes } from "./properties";
import { unversionedFixes, versionMismatchFixes } from "./references";
import {
  checksumFormatFixes,
  downgradeFixes,
  egressFixes,
  enumFixes,
  legacyLevelFixes,
  licenseFixes,
  partitionFixes,
  patternFixes,
  recordSetSourceFixes,
  reproRunFixes,
  rmfIdFixes,
  semverFixes,
  stepNeedsFixes,
  walltimeFixes,
} from "./replacements";
import { sectionFixes } from "./sections";
import { suppressFix } from "./suppress";
import type { Fix, FixableDiagnostic, FixContext, FixEdit, FixProvider } from "./types";

export type { Fix, FixableDiagnostic, FixContext, FixEdit } from "./types";
export { applyEdits } from "./apply";

/** The fixes of `first`, then those of `second`, for rules with a fix from the text and one from evidence. */
function both(first: FixProvider, second: FixProvider): FixProvider {
  return (document, diagnostic, context) => [...first(document, diagnostic, context), ...second(document, diagnostic, context)];
}

/** The quick fixes of each rule whose fix is determinate, keyed by rule id (docs/rules.md). */
export const FIX_PROVIDERS: Readonly<Record<string, FixProvider>> = {
  "schema/header": headerFixes,
  "schema/required": both(requiredFixes, fieldsFromFileFixes),
  "schema/unknown-property": unknownPropertyFixes,
  "schema/enum": enumFixes,
  "schema/pattern": patternFixes,
  "version/semver": semverFixes,
  "license/spdx": licenseFixes,
  "ref/version-mismatch": versionMismatchFixes,
  "ref/unversioned": unversionedFixes,
  "pipeline/step-graph": stepNeedsFixes,
  "classification/legacy": legacyLevelFixes,
  "classification/downgrade": downgradeFixes,
  "classification/egress": egressFixes,
  "scheduler/walltime": walltimeFixes,
  "scheduler/partition": partitionFixes,
  "integrity/checksum-format": both(checksumFormatFixes, checksumFromFileFixes),
  "integrity/checksum-missing": checksumFromFileFixes,
  "integrity/checksum-mismatch": checksumFromFileFixes,
  "placeholder/value": placeholderDigestFixes,
  "data/schema-drift": fieldsFromFileFixes,
  "dataset/recordset-source": recordSetSourceFixes,
  // Only for a record set's empty `fields` (null, or no item), with its file's columns read.
  "schema/type": fieldsFromFileFixes,
  "schema/range": fieldsFromFileFixes,
  "repro/run": reproRunFixes,
  "modelcard/not-genesis": notGenesisFixes,
  "modelcard/section-missing": sectionFixes,
  "risk/rmf-id": rmfIdFixes,
};

/**
 * The quick fixes for one diagnostic of `document`: the rule's own, then "Suppress with a reason".
 * The diagnostic must come from this very text (its span and data are trusted); a fix that cannot
 * be made on odd input is left out, never thrown.
 */
export function fixesFor(document: GenesisDocument, diagnostic: FixableDiagnostic, context: FixContext): Fix[] {
  const own = FIX_PROVIDERS[diagnostic.rule];
  let fixes: Fix[];
  try {
    fixes = own ? own(document, diagnostic, context) : [];
  } catch {
    fixes = []; // a fix that cannot be computed is not offered; the diagnostic still shows
  }
  return [...fixes, ...suppressFix(document, diagnostic, context)];
}

/** Re-checks a fixed text: the caller's engine, configuration and workspace. */
export type Recheck = (document: GenesisDocument) => readonly FixableDiagnostic[];

/** Rounds of `fixAll` at most: a fix dropped for overlapping another is applied in the next round. */
const MAX_ROUNDS = 4;

/**
 * Every preferred fix of the document at once (never a suppression, never a placeholder), as edits
 * of the original text. Edits that overlap an earlier one are dropped; with `recheck`, the fixed
 * text is checked again and what is left is fixed in further rounds, so that applying the result
 * and then `fixAll` again changes nothing.
 */
export function fixAll(
  document: GenesisDocument,
  diagnostics: readonly FixableDiagnostic[],
  context: FixContext & { readonly recheck?: Recheck },
): FixEdit[] {
  const first = oneRound(document, diagnostics, context);
  if (first.length === 0 || !context.recheck) return first;
  let text = applyEdits(document.text, first);
  for (let round = 1; round < MAX_ROUNDS; round++) {
    const next = parseGenesisDocument({ path: document.path, text });
    if (!next) break;
    const edits = oneRound(next, context.recheck(next), context);
    if (edits.length === 0) break;
    text = applyEdits(text, edits);
  }
  const once = applyEdits(document.text, first);
  return text === once ? first : [difference(document.text, text)];
}

function oneRound(document: GenesisDocument, diagnostics: readonly FixableDiagnostic[], context: FixContext): FixEdit[] {
  const plain = { ...context, snippets: false };
  const chosen: FixEdit[] = [];
  for (const diagnostic of diagnostics) {
    const preferred = fixesFor(document, diagnostic, plain).find((fix) => fix.isPreferred);
    if (!preferred) continue;
    const fresh = preferred.edits.filter((edit) => !chosen.some((other) => sameEdit(edit, other)));
    if (fresh.some((edit) => chosen.some((other) => editsOverlap(edit, other)))) continue;
    chosen.push(...fresh);
  }
  return chosen;
}

function sameEdit(a: FixEdit, b: FixEdit): boolean {
  return a.start === b.start && a.end === b.end && a.newText === b.newText;
}

/** One edit from `before` to `after`: the span between their common start and common end. */
function difference(before: string, after: string): FixEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end])
    end++;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}
