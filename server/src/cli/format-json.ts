import { type ReadinessModel, readinessJson } from "../core/index";
import { summarize, type CheckReport, type ReportedDiagnostic } from "./report";

/**
 * The JSON report of docs/cli.md#json-output. Lines and characters are 0-based, as in LSP. A document with
 * waived findings lists them apart, under `waived`, each with its `waiver` (reason and expiry); they are
 * not in `diagnostics` nor in the summary. `readiness` is the checklist (docs/checklist.md) of the reported
 * documents: `score` (passed / applicable, 0 to 1), the counts and the groups; null when not computed.
 */
export function formatJson(report: CheckReport, readiness?: ReadinessModel): string {
  const json = {
    version: 1,
    root: report.root,
    documents: report.documents.map((document) => ({
      path: document.path,
      kind: document.kind,
      diagnostics: document.diagnostics.map(diagnosticJson),
      ...(document.waived?.length ? { waived: document.waived.map((d) => ({ ...diagnosticJson(d), waiver: d.waiver })) } : {}),
    })),
    readiness: readiness ? readinessJson(readiness) : null,
    summary: summarize(report),
  };
  return JSON.stringify(json, null, 2) + "\n";
}

function diagnosticJson(d: ReportedDiagnostic) {
  return { rule: d.rule, severity: d.severity, message: d.message, range: { start: d.start, end: d.end }, pointer: d.pointer };
}
