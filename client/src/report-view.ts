import * as vscode from "vscode";
import type { ReportFormat } from "../../server/src/core/client-api";
import { withContentSecurityPolicy } from "./report-html";

/**
 * Shows an exported readiness report as its reader will see it: Markdown in VS Code's preview
 * (Mermaid diagram and tables rendered), HTML rendered in a webview, JSON and text in an editor.
 */
export async function showReport(file: vscode.Uri, format: ReportFormat, html: string): Promise<void> {
  if (format === "markdown") {
    await vscode.commands.executeCommand("markdown.showPreview", file);
  } else if (format === "html") {
    const title = `Readiness Report (${file.path.split("/").pop() ?? "report"})`;
    const panel = vscode.window.createWebviewPanel("genesis.report", title, vscode.ViewColumn.Active, {
      enableScripts: false,
      localResourceRoots: [],
    });
    panel.webview.html = withContentSecurityPolicy(html);
  } else {
    await vscode.commands.executeCommand("vscode.open", file);
  }
}
