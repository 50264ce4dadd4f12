import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { ruleDocUrl, type Diagnostic, type Severity } from "../core/index";

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** The one place where engine offsets become LSP ranges (UTF-16 offsets equal LSP characters). */
export function toLspDiagnostic(document: Pick<TextDocument, "positionAt">, diagnostic: Diagnostic): LspDiagnostic {
  return {
    range: { start: document.positionAt(diagnostic.span.start), end: document.positionAt(diagnostic.span.end) },
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.rule,
    // VS Code shows the code as a link to the rule's page (docs/rules/<rule-id>.md).
    codeDescription: { href: ruleDocUrl(diagnostic.rule) },
    source: "genesis",
    message: diagnostic.message,
    data: { pointer: diagnostic.pointer, ...(diagnostic.data ?? {}) },
  };
}
