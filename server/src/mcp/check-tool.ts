import { isOverLimit, maxDocumentBytes, TOO_LARGE_HEAD_CHARACTERS, utf8Length, type DocumentSource } from "../core/index";
import { gatherEvidence } from "../cli/evidence";
import type { CheckResult, ToolDiagnostic } from "./output-shapes";
import { existingPlace, namedPlace } from "./workspace-paths";
import { fromReported, located, type McpWorkspace } from "./workspace-session";

/**
 * The `check` tool: the diagnostics of the Genesis documents under a path of the workspace, or of
 * a text an agent is writing, checked under the file name it will have (references resolve
 * against the workspace, and the io rules read the files it names).
 */

export async function checkPath(workspace: McpWorkspace, given: string, io: boolean): Promise<CheckResult> {
  const place = await existingPlace(workspace.root, given);
  const run = await workspace.load([place.real], io);
  const documents = run.report.documents.map((document) => ({
    path: document.path,
    kind: document.kind,
    diagnostics: document.diagnostics.map(fromReported),
    waived: document.waived?.length ?? 0,
  }));
  return { documents, summary: summaryOf(documents.flatMap((d) => d.diagnostics)), problems: workspace.problems(run) };
}

export async function checkText(workspace: McpWorkspace, fileName: string, text: string, io: boolean): Promise<CheckResult> {
  const place = await namedPlace(workspace.root, fileName);
  // The neighbourhood the text will live in: loaded for its references, without reading data files.
  const run = await workspace.load([place.existing], false);
  const host = run.workspace.host;
  const limit = maxDocumentBytes(host.configuration);
  // Above the workspace's size limit a text is judged as a file of that size would be: by its head.
  const source: DocumentSource = isOverLimit(text, limit)
    ? { head: text.slice(0, TOO_LARGE_HEAD_CHARACTERS), bytes: utf8Length(text) }
    : text;
  const path = place.relative;
  if (host.update(path, source, true) === undefined) return { documents: [], summary: summaryOf([]), problems: workspace.problems(run) };
  if (io) {
    const evidence = await gatherEvidence(workspace.root, new Map([[path, host.evidenceRequests(path)]]));
    host.setEvidence(path, evidence.get(path) ?? new Map());
  }
  const diagnostics = located(host.textOf(path) ?? "", host.diagnostics(path));
  const document = { path, kind: host.factsOf(path)?.kind ?? "unknown", diagnostics, waived: host.waived(path).length };
  return { documents: [document], summary: summaryOf(diagnostics), problems: workspace.problems(run) };
}

function summaryOf(diagnostics: readonly ToolDiagnostic[]): CheckResult["summary"] {
  const count = (severity: ToolDiagnostic["severity"]) => diagnostics.filter((d) => d.severity === severity).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") };
}

/** One line per document and finding, for the text content beside the structured result. */
export function checkSummaryText(result: CheckResult): string {
  if (result.documents.length === 0) return "No Genesis document there (by file name, extension or header).";
  const lines = result.documents.flatMap((document) => [
    `${document.path} (${document.kind}): ${document.diagnostics.length} finding${document.diagnostics.length === 1 ? "" : "s"}`,
    ...document.diagnostics.map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.rule} ${d.message}`),
  ]);
  const { errors, warnings, infos } = result.summary;
  return [...lines, `${errors} errors, ${warnings} warnings, ${infos} infos.`].join("\n");
}
