import * as vscode from "vscode";
import type { BaseLanguageClient } from "vscode-languageclient";
import type { ReadinessFix, ReadinessModel, ReportFormat } from "../../server/src/core/client-api";
import { READINESS_CHANGED_NOTIFICATION, READINESS_REQUEST, REPORT_REQUEST, type ReportResult } from "../../server/src/protocol";
import { showReport } from "./report-view";
import { READINESS_VIEW_ID, ReadinessTree, type ReadinessNode } from "./sidebar";
import { ReadinessStatusBar } from "./statusBar";

const FORMATS: readonly { format: ReportFormat; label: string; detail: string; filter: Record<string, string[]> }[] = [
  {
    format: "html",
    label: "HTML",
    detail: "One self-contained page with the lineage diagram, for the governance binder",
    filter: { HTML: ["html"] },
  },
  { format: "markdown", label: "Markdown", detail: "With a Mermaid lineage diagram", filter: { Markdown: ["md"] } },
  { format: "json", label: "JSON", detail: "The readiness model and the lineage graph, for tools", filter: { JSON: ["json"] } },
  { format: "text", label: "Text", detail: "Plain text, as the CLI prints it", filter: { Text: ["txt"] } },
];

/**
 * The readiness sidebar, the status bar score and `Genesis: Export Readiness Report`, fed by the
 * language server: the model is asked for when a client attaches and whenever the server says it
 * changed (`genesis/readinessChanged`). Created once; clients attach and detach as the server
 * starts and stops. Its commands are registered with the others (commands.ts).
 */
export class ReadinessController implements vscode.Disposable {
  private readonly tree = new ReadinessTree();
  private readonly view = vscode.window.createTreeView(READINESS_VIEW_ID, { treeDataProvider: this.tree, showCollapseAll: true });
  private readonly statusBar = new ReadinessStatusBar();
  private readonly disposables: vscode.Disposable[] = [];
  private client: BaseLanguageClient | undefined;
  private subscription: vscode.Disposable | undefined;
  /** Bumped by each request, so that a late answer never replaces a newer one. */
  private generation = 0;

  constructor() {
    this.disposables.push(this.tree, this.view, this.statusBar);
    this.tree.show(undefined);
  }

  /** A started client: the model is asked for now and after every change the server announces. */
  attach(client: BaseLanguageClient): void {
    this.detach();
    this.client = client;
    this.subscription = client.onNotification(READINESS_CHANGED_NOTIFICATION, () => void this.refresh());
    this.tree.show(undefined, true);
    void this.refresh();
  }

  /** The client stopped: nothing to show until another attaches. */
  detach(): void {
    this.subscription?.dispose();
    this.subscription = undefined;
    this.client = undefined;
    this.generation++;
    this.tree.show(undefined);
    this.statusBar.show(undefined);
    this.view.badge = undefined;
  }

  async refresh(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const generation = ++this.generation;
    let model: ReadinessModel;
    try {
      model = await client.sendRequest(READINESS_REQUEST, {});
    } catch {
      return; // the server is stopping or restarting; the next announcement brings the model
    }
    if (generation !== this.generation) return;
    this.tree.show(model);
    this.statusBar.show(model);
    const failing = model.groups.flatMap((g) => g.items).filter((i) => i.status === "fail").length;
    this.view.badge = failing ? { value: failing, tooltip: `${failing} readiness item${failing === 1 ? "" : "s"} failing` } : undefined;
  }

  /** The inline action of a fixable item: runs the fix the server described for it. */
  async runFix(node?: ReadinessNode): Promise<void> {
    if (node?.kind === "item" && node.item.fix) await runFix(node.item.fix);
  }

  /** `Genesis: Export Readiness Report`: a format, a folder when there are several, a file. */
  async exportReport(): Promise<void> {
    const client = this.client;
    if (!client) {
      void vscode.window.showErrorMessage(
        "Genesis: the readiness report needs the Genesis language server; open a Genesis document to start it.",
      );
      return;
    }
    const picked = await vscode.window.showQuickPick(
      FORMATS.map((f) => ({ label: f.label, detail: f.detail, choice: f })),
      { title: "Export Readiness Report", placeHolder: "Format of the report" },
    );
    if (!picked) return;
    const folders = vscode.workspace.workspaceFolders ?? [];
    let folder: vscode.WorkspaceFolder | undefined;
    if (folders.length > 1) {
      const chosen = await vscode.window.showQuickPick(
        [{ label: "All folders", folder: undefined }, ...folders.map((f) => ({ label: f.name, description: f.uri.fsPath, folder: f }))],
        { title: "Export Readiness Report", placeHolder: "Which folder" },
      );
      if (!chosen) return;
      folder = chosen.folder;
    }
    let report: ReportResult;
    try {
      report = await client.sendRequest(REPORT_REQUEST, { format: picked.choice.format, folder: folder?.uri.toString() });
    } catch (error) {
      void vscode.window.showErrorMessage(
        `Genesis: the readiness report could not be made (${error instanceof Error ? error.message : String(error)}).`,
      );
      return;
    }
    const base = folder?.uri ?? folders[0]?.uri;
    const target = await vscode.window.showSaveDialog({
      title: "Save Readiness Report",
      defaultUri: base ? vscode.Uri.joinPath(base, report.fileName) : undefined,
      filters: picked.choice.filter,
      saveLabel: "Save Report",
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(report.text));
    await showReport(target, picked.choice.format, report.text);
    void vscode.window.showInformationMessage(`Genesis: readiness report saved to ${vscode.workspace.asRelativePath(target)}.`);
  }

  dispose(): void {
    this.subscription?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Runs an item's fix as the server described it: a command, the quick fixes at a diagnostic, or a snippet. */
async function runFix(fix: ReadinessFix): Promise<void> {
  if (fix.kind === "command") {
    if (fix.command) await vscode.commands.executeCommand(fix.command, ...(fix.arguments ?? []));
    return;
  }
  const target = fix.target;
  if (!target?.uri) return;
  const { start, end } = target.range;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { selection, preserveFocus: false });
  if (fix.kind === "quickfix") await vscode.commands.executeCommand("editor.action.quickFix");
  else if (fix.snippet) await editor.insertSnippet(new vscode.SnippetString(fix.snippet), selection.start);
}
