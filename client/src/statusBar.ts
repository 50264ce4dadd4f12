import * as vscode from "vscode";
import type { ReadinessItem, ReadinessModel } from "../../server/src/core/client-api";
import { READINESS_VIEW_ID } from "./sidebar";

/** The command VS Code defines for every view: it reveals and focuses the Readiness tree. */
const FOCUS_READINESS_COMMAND = `${READINESS_VIEW_ID}.focus`;

/**
 * The readiness score in the status bar (`Genesis 14/21`), with the failing and warning items in
 * its tooltip; a click focuses the Readiness view. Hidden while there is no score to show.
 */
export class ReadinessStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("genesis.readiness", vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = "Genesis Readiness";
    this.item.command = FOCUS_READINESS_COMMAND;
  }

  show(model: ReadinessModel | undefined): void {
    if (!model || model.score.applicable === 0) {
      this.item.hide();
      return;
    }
    const { passed, applicable } = model.score;
    this.item.text = `Genesis ${passed}/${applicable}`;
    const items = model.groups.flatMap((g) => g.items);
    const failing = items.filter((i) => i.status === "fail");
    const warning = items.filter((i) => i.status === "warn");
    const tooltip = new vscode.MarkdownString(`**Genesis readiness ${passed}/${applicable}**`, true);
    tooltip.appendMarkdown(listOf("$(error) Failing", failing));
    tooltip.appendMarkdown(listOf("$(warning) Warning", warning));
    if (!failing.length && !warning.length) tooltip.appendMarkdown("\n\nEvery applicable item passes.");
    tooltip.appendMarkdown("\n\nClick to open the Readiness view.");
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: `Genesis readiness ${passed} of ${applicable}; ${failing.length} failing, ${warning.length} warning`,
    };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function listOf(heading: string, items: readonly ReadinessItem[]): string {
  if (!items.length) return "";
  return `\n\n${heading}:\n${items.map((i) => `- \`${i.id}\` ${i.title.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`)}`).join("\n")}`;
}
