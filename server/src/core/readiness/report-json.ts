import type { ReadinessModel, ReadinessWaiver } from "./model";
import type { ReadinessReport } from "./report-parts";

/** The readiness in JSON: see `readinessJson`. */
export interface ReadinessJson {
  readonly score: number;
  readonly passed: number;
  readonly applicable: number;
  readonly groups: ReadinessModel["groups"];
  readonly waivers: readonly ReadinessWaiver[];
}

/**
 * The readiness as the JSON output of docs/cli.md#json-output has it: `score` is passed / applicable as a number between 0
 * and 1 (0 when nothing applies), beside the two counts, the groups (each item with its count of
 * `waivers`) and every waiver (rule, item, place, reason, expiry).
 */
export function readinessJson(model: ReadinessModel): ReadinessJson {
  const { passed, applicable } = model.score;
  const score = applicable ? Math.round((passed / applicable) * 1000) / 1000 : 0;
  return { score, passed, applicable, groups: model.groups, waivers: model.waivers ?? [] };
}

/** The JSON report: the check output's `readiness`, with the root, the date and the lineage graph. */
export function formatJsonReport(report: ReadinessReport): string {
  const json = {
    version: 1,
    root: report.root,
    ...(report.generatedAt ? { generatedAt: report.generatedAt } : {}),
    readiness: readinessJson(report.model),
    lineage: report.lineage,
  };
  return JSON.stringify(json, null, 2) + "\n";
}
