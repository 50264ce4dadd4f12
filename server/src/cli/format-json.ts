import { summarize, type CheckReport } from "./report";

/** The JSON report of §9. Lines and characters are 0-based, as in LSP. */
export function formatJson(report: CheckReport): string {
  const json = {
    version: 1,
    root: report.root,
    documents: report.documents.map((document) => ({
      path: document.path,
      kind: document.kind,
      diagnostics: document.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        message: d.message,
        range: { start: { line: d.start.line, character: d.start.character }, end: { line: d.end.line, character: d.end.character } },
        pointer: d.pointer,
      })),
    })),
    // The readiness checklist (§8) is not computed yet; `null` until the readiness model exists.
    readiness: null,
    summary: summarize(report),
  };
  return JSON.stringify(json, null, 2) + "\n";
}
