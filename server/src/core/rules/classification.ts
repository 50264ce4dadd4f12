import { spanOf } from "../document";
import { isRecord, joinPointer, parentPointer, select, type Selected } from "../pointer";
import type { DocumentCheck } from "./context";
import { placeholderProblem } from "./placeholder-text";
import {
  CLASSIFICATION_LEVELS,
  classifiedMarking,
  failClosedLevel,
  isExactLevel,
  LEGACY_LEVELS,
  matchedLevel,
  shownLevel,
  writtenLevel,
  writtenLevelPointer,
  type ClassificationLevel,
} from "./classification-levels";

const LAST_LEVEL = CLASSIFICATION_LEVELS[CLASSIFICATION_LEVELS.length - 1];
const ALLOWED_LEVELS_TEXT = `${CLASSIFICATION_LEVELS.slice(0, -1).join(", ")} or ${LAST_LEVEL}`;

/** Every classification level a document writes: its own, and for a pipeline its outputs' and its environment's ceiling. */
function writtenLevels(value: Readonly<Record<string, unknown>>, kind: string): Selected[] {
  const own = select(value, "/classification/level");
  if (kind !== "PipelineConfig") return own;
  return [...own, ...select(value, "/outputs/*/classification/level"), ...select(value, "/environment/maxClassification")];
}

/**
 * `classification/out-of-scope` for a classified marking, `classification/legacy` for `ouo`. The
 * schema's enum error on the same value is superseded, so each value gets one diagnostic.
 */
export const classificationMarkingCheck: DocumentCheck = {
  name: "classification-marking",
  reports: ["classification/out-of-scope", "classification/legacy"],
  check({ document, value, report }) {
    for (const { pointer, value: level } of writtenLevels(value, document.kind)) {
      const marking = classifiedMarking(level);
      if (marking) {
        report({
          rule: "classification/out-of-scope",
          pointer,
          message:
            `${JSON.stringify(level)} is a classified marking; classified work is out of scope for this platform. ` +
            `Use ${ALLOWED_LEVELS_TEXT} for unclassified data, and keep classified work on systems accredited for it.`,
          data: { marking, allowed: [...CLASSIFICATION_LEVELS] },
        });
      } else if (typeof level === "string" && Object.prototype.hasOwnProperty.call(LEGACY_LEVELS, level)) {
        const replacement = LEGACY_LEVELS[level];
        report({
          rule: "classification/legacy",
          pointer,
          message:
            `"${level}" (Official Use Only) is a legacy marking, read as "${replacement}"; ` +
            `CUI replaced it, so write "${replacement}".`,
          data: { replacement },
        });
      }
    }
  },
};

/**
 * `classification/environment`: a pipeline handles nothing above what its environment is accredited
 * for (`environment.maxClassification`): neither its own level nor an output's.
 *
 * Fail closed (docs/checklist.md#how-an-item-is-decided). A level that is not a lattice value counts as its case-insensitive match,
 * else as `cui-specified` (`failClosedLevel`): a misspelt level never passes for a low one. The
 * ceiling is read the other way round, since for a ceiling the low side is the safe one: a lattice
 * value or its case-insensitive match as itself, a classified marking (reported by
 * `classification/out-of-scope`) as above every level, and anything else (a typo, a number) as
 * `public`, so that nothing above public passes in an environment whose accreditation cannot be
 * read. With no level, or no ceiling, there is nothing to compare (schema/required reports it); nor
 * with a ceiling still a template's placeholder (`TODO`), which placeholder/value reports.
 */
export const classificationEnvironmentCheck: DocumentCheck = {
  name: "classification-environment",
  reports: ["classification/environment"],
  kinds: ["PipelineConfig"],
  check({ document, value, report }) {
    const environment = isRecord(value.environment) ? value.environment : undefined;
    const ceiling = environment?.maxClassification;
    if (typeof ceiling === "string" && placeholderProblem(ceiling)) return;
    const ceilingLevel = ceilingOf(ceiling);
    if (ceilingLevel === undefined) return;
    const ceilingRank = CLASSIFICATION_LEVELS.indexOf(ceilingLevel);
    const unreadable = !isExactLevel(ceiling);
    const site = typeof environment?.site === "string" ? ` "${environment.site}"` : "";
    // The finding is about the classification and underlines its level. Its pointer is the
    // classification's (the pipeline's or the output's, for a scalar one), so that it does not
    // take the place of the schema's error on the level's spelling: those are two problems.
    const check = (base: string, classification: unknown, subject: string) => {
      const written = writtenLevel(classification);
      const level = failClosedLevel(written);
      const rank = level === undefined ? -1 : CLASSIFICATION_LEVELS.indexOf(level);
      if (rank <= ceilingRank) return;
      const levelPointer = writtenLevelPointer(classification, base);
      const fix = unreadable
        ? `Write environment.maxClassification as the level the environment is accredited for (${ALLOWED_LEVELS_TEXT}), ` +
          `run it in an environment accredited for "${level}" or higher, or lower the classification if the data allow it.`
        : `Run it in an environment accredited for "${level}" or higher, or lower the classification if the data allow it.`;
      report({
        rule: "classification/environment",
        pointer: levelPointer === base ? parentPointer(base) : base,
        span: spanOf(document, levelPointer),
        message:
          `${subject} is classified ${shownLevel(written)}, above ${shownCeiling(ceiling, ceilingLevel)}, ` +
          `the most its environment${site} is accredited for (environment.maxClassification). ${fix}`,
        data: { level: written, maxClassification: ceiling },
      });
    };
    check("/classification", value.classification, "This pipeline");
    for (const { pointer, value: output } of select(value, "/outputs/*")) {
      if (!isRecord(output) || writtenLevel(output.classification) === undefined) continue; // it takes the pipeline's level, judged above
      const subject = typeof output.name === "string" ? `Output "${output.name}"` : "This output";
      check(joinPointer(pointer, "classification"), output.classification, subject);
    }
  },
};

/** The level an environment's ceiling counts as (see classificationEnvironmentCheck); undefined when none is written. */
function ceilingOf(ceiling: unknown): ClassificationLevel | undefined {
  if (ceiling === undefined || ceiling === null) return undefined;
  if (classifiedMarking(ceiling)) return "cui-specified";
  return matchedLevel(ceiling) ?? "public";
}

/** A ceiling for a message: as a level is shown, except that an unreadable one counts as `public`. */
function shownCeiling(ceiling: unknown, counted: ClassificationLevel): string {
  if (failClosedLevel(ceiling) === counted) return shownLevel(ceiling);
  return `${JSON.stringify(ceiling) ?? String(ceiling)} (not a classification level, so counted as "${counted}")`;
}

/**
 * `classification/egress`: above `public`, no step of a pipeline reaches the internet. A level
 * outside the lattice counts as failClosedLevel reads it (docs/checklist.md#how-an-item-is-decided), so a misspelt level is above
 * public unless it is a case-insensitive `public`; a pipeline with no level is not judged.
 */
export const classificationEgressCheck: DocumentCheck = {
  name: "classification-egress",
  reports: ["classification/egress"],
  kinds: ["PipelineConfig"],
  check({ value, report }) {
    const written = writtenLevel(value.classification);
    const level = failClosedLevel(written);
    if (level === undefined || level === "public") return;
    for (const { pointer, value: step } of select(value, "/steps/*")) {
      if (!isRecord(step) || step.network !== "egress") continue;
      const stepName = typeof step.id === "string" ? `Step "${step.id}"` : "This step";
      report({
        rule: "classification/egress",
        pointer: joinPointer(pointer, "network"),
        message:
          `${stepName} has network "egress" (internet access), but the pipeline is classified ${shownLevel(written)}; ` +
          `above "public" a step uses network "none" or "internal". ` +
          "Fetch public inputs in a separate public pipeline, or set network: internal.",
        data: { replacement: "internal", allowed: ["none", "internal"] },
      });
    }
  },
};

export const classificationChecks: readonly DocumentCheck[] = [
  classificationMarkingCheck,
  classificationEnvironmentCheck,
  classificationEgressCheck,
];
