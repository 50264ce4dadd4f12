import { isRecord, joinPointer, select, type Selected } from "../pointer";
import type { DocumentCheck } from "./context";
import { CLASSIFICATION_LEVELS, classificationRank, classifiedMarking, isAbovePublic, LEGACY_LEVELS } from "./classification-levels";

const ALLOWED_LEVELS_TEXT = `${CLASSIFICATION_LEVELS.slice(0, -1).join(", ")} or ${CLASSIFICATION_LEVELS[CLASSIFICATION_LEVELS.length - 1]}`;

/** Every classification level a document writes: its own, and for a pipeline its outputs' and its environment's ceiling. */
function writtenLevels(value: Readonly<Record<string, unknown>>, kind: string): Selected[] {
  const own = select(value, "/classification/level");
  if (kind !== "PipelineConfig") return own;
  return [...own, ...select(value, "/outputs/*/classification/level"), ...select(value, "/environment/maxClassification")];
}

/** `"ouo" (read as "cui")` for a legacy level, else the level quoted. */
function shownLevel(level: string): string {
  const legacy = Object.prototype.hasOwnProperty.call(LEGACY_LEVELS, level) ? LEGACY_LEVELS[level] : undefined;
  return legacy ? `"${level}" (read as "${legacy}")` : `"${level}"`;
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
          message: `${JSON.stringify(level)} is a classified marking; classified work is out of scope for this platform. Use ${ALLOWED_LEVELS_TEXT} for unclassified data, and keep classified work on systems accredited for it.`,
          data: { marking, allowed: [...CLASSIFICATION_LEVELS] },
        });
      } else if (typeof level === "string" && Object.prototype.hasOwnProperty.call(LEGACY_LEVELS, level)) {
        const replacement = LEGACY_LEVELS[level];
        report({
          rule: "classification/legacy",
          pointer,
          message: `"${level}" (Official Use Only) is a legacy marking, read as "${replacement}"; CUI replaced it, so write "${replacement}".`,
          data: { replacement },
        });
      }
    }
  },
};

/**
 * `classification/environment`: a pipeline handles nothing above what its environment is accredited
 * for (`environment.maxClassification`): neither its own level nor an output's.
 */
export const classificationEnvironmentCheck: DocumentCheck = {
  name: "classification-environment",
  reports: ["classification/environment"],
  kinds: ["PipelineConfig"],
  check({ value, report }) {
    const environment = isRecord(value.environment) ? value.environment : undefined;
    const ceiling = environment?.maxClassification;
    const ceilingRank = classificationRank(ceiling);
    if (ceilingRank === undefined || typeof ceiling !== "string") return;
    const site = typeof environment?.site === "string" ? ` "${environment.site}"` : "";
    const check = (pointer: string, level: unknown, subject: string) => {
      const rank = classificationRank(level);
      if (rank === undefined || rank <= ceilingRank || typeof level !== "string") return;
      report({
        rule: "classification/environment",
        pointer,
        message: `${subject} is classified ${shownLevel(level)}, above ${shownLevel(ceiling)}, the most its environment${site} is accredited for (environment.maxClassification). Run it in an environment accredited for "${CLASSIFICATION_LEVELS[rank]}" or higher, or lower the classification if the data allow it.`,
        data: { level, maxClassification: ceiling },
      });
    };
    for (const { pointer, value: level } of select(value, "/classification/level")) check(pointer, level, "This pipeline");
    for (const { pointer, value: output } of select(value, "/outputs/*")) {
      if (!isRecord(output) || !isRecord(output.classification)) continue;
      const subject = typeof output.name === "string" ? `Output "${output.name}"` : "This output";
      check(joinPointer(joinPointer(pointer, "classification"), "level"), output.classification.level, subject);
    }
  },
};

/** `classification/egress`: above `public`, no step of a pipeline reaches the internet. */
export const classificationEgressCheck: DocumentCheck = {
  name: "classification-egress",
  reports: ["classification/egress"],
  kinds: ["PipelineConfig"],
  check({ value, report }) {
    const level = isRecord(value.classification) ? value.classification.level : undefined;
    if (!isAbovePublic(level)) return;
    for (const { pointer, value: step } of select(value, "/steps/*")) {
      if (!isRecord(step) || step.network !== "egress") continue;
      const stepName = typeof step.id === "string" ? `Step "${step.id}"` : "This step";
      report({
        rule: "classification/egress",
        pointer: joinPointer(pointer, "network"),
        message: `${stepName} has network "egress" (internet access), but the pipeline is classified ${shownLevel(String(level))}; above "public" a step uses network "none" or "internal". Fetch public inputs in a separate public pipeline, or set network: internal.`,
        data: { replacement: "internal", allowed: ["none", "internal"] },
      });
    }
  },
};

export const classificationChecks: readonly DocumentCheck[] = [classificationMarkingCheck, classificationEnvironmentCheck, classificationEgressCheck];
