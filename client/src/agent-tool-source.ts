import * as vscode from "vscode";
import type { BaseLanguageClient } from "vscode-languageclient";
import { READINESS_REQUEST } from "../../server/src/protocol";
import type { AgentToolSource, PublishedDiagnostic } from "./agent-tools";

/** The agents' tools read the running client: its published diagnostics and the server's readiness model. */
export function agentToolSource(current: () => BaseLanguageClient | undefined): AgentToolSource {
  return {
    diagnostics: () => {
      const collection = current()?.diagnostics;
      if (!collection) return undefined;
      const published = new Map<string, PublishedDiagnostic[]>();
      collection.forEach((uri, diagnostics) => {
        published.set(vscode.workspace.asRelativePath(uri, false), diagnostics.map(publishedDiagnostic));
      });
      return published;
    },
    readiness: async () => {
      const client = current();
      return client ? client.sendRequest(READINESS_REQUEST, {}) : undefined;
    },
  };
}

function publishedDiagnostic(diagnostic: vscode.Diagnostic): PublishedDiagnostic {
  const code = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  return {
    line: diagnostic.range.start.line,
    character: diagnostic.range.start.character,
    severity:
      diagnostic.severity === vscode.DiagnosticSeverity.Error
        ? "error"
        : diagnostic.severity === vscode.DiagnosticSeverity.Warning
          ? "warning"
          : "info",
    rule: code === undefined ? "" : String(code),
    message: diagnostic.message,
  };
}
