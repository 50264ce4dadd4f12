import type { ReadinessModel } from "./model";
import type { ReadinessReport } from "./report-parts";

/**
 * The readiness as the JSON output of docs/cli.md#json-output has it: `score` is passed / applicable as a number between 0
 * and 1 (0 when nothing applies), beside the two counts and the groups.
 */
export function readinessJson(model: ReadinessModel): { score: number; passed: number; applicable: number; groups: ReadinessModel["groups"] } {
  const { passed, applicable } = model.score;
  return { score: applicable ? Math.round((passed / applicable) * 1000) / 1000 : 0, passed, applicable, groups: model.groups };
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
