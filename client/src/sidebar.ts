import * as vscode from "vscode";
import type {
  ReadinessEvidence,
  ReadinessGroup,
  ReadinessItem,
  ReadinessModel,
  ReadinessStatus,
  ReadinessWaiver,
} from "../../server/src/core/client-api";

/** The view of the "Genesis" view container (package.json `contributes.views`). */
export const READINESS_VIEW_ID = "genesis.readiness";
/** `viewItem` of an item whose fix the inline action runs (package.json `menus`). */
export const FIXABLE_ITEM = "genesis.item.fixable";

/** Codicon and theme colour per status: the Testing view's pass, the Problems view's warning and error. */
const STATUS_ICON: Readonly<Record<ReadinessStatus, readonly [string, string]>> = {
  pass: ["check", "testing.iconPassed"],
  warn: ["warning", "problemsWarningIcon.foreground"],
  fail: ["error", "problemsErrorIcon.foreground"],
  "n/a": ["circle-slash", "disabledForeground"],
};
const STATUS_WORD: Readonly<Record<ReadinessStatus, string>> = { pass: "passes", warn: "warns", fail: "fails", "n/a": "does not apply" };
const GROUP_ICON: Readonly<Record<ReadinessGroup["id"], string>> = {
  data: "database",
  model: "circuit-board",
  infrastructure: "server-environment",
  governance: "law",
};

export type ReadinessNode =
  | { readonly kind: "group"; readonly group: ReadinessGroup }
  | { readonly kind: "item"; readonly item: ReadinessItem }
  | { readonly kind: "evidence"; readonly item: ReadinessItem; readonly evidence: ReadinessEvidence; readonly index: number }
  | { readonly kind: "waivers"; readonly waivers: readonly ReadinessWaiver[] }
  | { readonly kind: "waiver"; readonly waiver: ReadinessWaiver; readonly index: number }
  | { readonly kind: "note"; readonly id: string; readonly text: string; readonly icon: string; readonly tooltip?: string };

/**
 * The Readiness tree: four groups with their pass counts, the items of each with a status icon,
 * the criterion in the tooltip and the count of waivers it carries, and under each item the
 * evidence that decided it (a click opens the file at the exact range) or, for `n/a`, why it does
 * not apply. Then, when there are any, a Waivers node: every waived finding with its rule, place,
 * reason and expiry (a click opens it). It renders the model the server sent as it is; nothing is
 * recomputed here.
 */
export class ReadinessTree implements vscode.TreeDataProvider<ReadinessNode> {
  private model: ReadinessModel | undefined;
  private loading = false;
  private readonly changed = new vscode.EventEmitter<ReadinessNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  /** Shows a model; `undefined` with `loading` shows a waiting line, without it the welcome view. */
  show(model: ReadinessModel | undefined, loading = false): void {
    this.model = model;
    this.loading = loading;
    this.changed.fire(undefined);
  }

  getChildren(node?: ReadinessNode): ReadinessNode[] {
    if (!node) {
      if (!this.model) return this.loading ? [{ kind: "note", id: "loading", text: "Computing readiness…", icon: "loading~spin" }] : [];
      // No Genesis document at all: nothing applies, and the welcome view offers to create one.
      if (this.model.score.applicable === 0) return [];
      const groups: ReadinessNode[] = this.model.groups.map((group) => ({ kind: "group", group }));
      const waivers = this.model.waivers ?? [];
      return waivers.length ? [...groups, { kind: "waivers", waivers }] : groups;
    }
    switch (node.kind) {
      case "group":
        return node.group.items.map((item) => ({ kind: "item", item }));
      case "item": {
        const children: ReadinessNode[] = node.item.evidence.map((evidence, index) => ({
          kind: "evidence",
          item: node.item,
          evidence,
          index,
        }));
        if (node.item.status === "n/a")
          children.unshift({
            kind: "note",
            id: `note:${node.item.id}#why`,
            text: node.item.reason,
            icon: "info",
            tooltip: `Why ${node.item.id} does not apply`,
          });
        if (node.item.omittedEvidence)
          children.push({
            kind: "note",
            id: `note:${node.item.id}:${node.item.status}#more`,
            text: `and ${node.item.omittedEvidence} more`,
            icon: "ellipsis",
          });
        return children;
      }
      case "waivers":
        return node.waivers.map((waiver, index) => ({ kind: "waiver", waiver, index }));
      default:
        return [];
    }
  }

  getTreeItem(node: ReadinessNode): vscode.TreeItem {
    switch (node.kind) {
      case "group":
        return groupItem(node.group);
      case "item":
        return itemItem(node.item);
      case "evidence":
        return evidenceItem(node.item, node.evidence, node.index);
      case "waivers":
        return waiversItem(node.waivers);
      case "waiver":
        return waiverItem(node.waiver, node.index);
      case "note": {
        const tree = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        tree.id = node.id;
        tree.iconPath = new vscode.ThemeIcon(node.icon);
        tree.tooltip = node.tooltip ?? node.text;
        return tree;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function statusIcon(status: ReadinessStatus): vscode.ThemeIcon {
  const [icon, color] = STATUS_ICON[status];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

function groupItem(group: ReadinessGroup): vscode.TreeItem {
  const tree = new vscode.TreeItem(group.title, vscode.TreeItemCollapsibleState.Expanded);
  tree.id = `group:${group.id}`;
  tree.description = `${group.passed}/${group.applicable} passed`;
  tree.iconPath = new vscode.ThemeIcon(GROUP_ICON[group.id]);
  tree.tooltip = `${group.title}: ${group.passed} of ${group.applicable} applicable items pass`;
  tree.contextValue = "genesis.group";
  return tree;
}

function itemItem(item: ReadinessItem): vscode.TreeItem {
  const hasChildren = item.evidence.length > 0 || item.status === "n/a" || (item.omittedEvidence ?? 0) > 0;
  const tree = new vscode.TreeItem(
    item.title,
    hasChildren
      ? item.status === "fail"
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None,
  );
  // The status is part of the id, so that an item that starts failing opens even if it was closed.
  tree.id = `item:${item.id}:${item.status}`;
  const waivers = waiverCount(item);
  tree.description = waivers ? `${item.id} · ${waivers}` : item.id;
  tree.iconPath = statusIcon(item.status);
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escape(item.title)}** \`${item.id}\` ${STATUS_WORD[item.status]}\n\n`);
  tooltip.appendText(item.reason);
  tooltip.appendMarkdown(`\n\n*Passes when* ${escape(item.criterion.replace(/`/g, ""))}.`);
  if (item.fix) tooltip.appendMarkdown(`\n\n$(wrench) ${escape(item.fix.title)}`);
  if (waivers) tooltip.appendMarkdown(`\n\n$(shield) Carries ${waivers}: accepted risks, listed under Waivers; they do not lower it.`);
  tree.tooltip = tooltip;
  const carries = waivers ? ` Carries ${waivers}.` : "";
  tree.accessibilityInformation = { label: `${item.title}, ${STATUS_WORD[item.status]}: ${item.reason}${carries}` };
  tree.contextValue = item.fix ? FIXABLE_ITEM : "genesis.item";
  return tree;
}

function evidenceItem(item: ReadinessItem, evidence: ReadinessEvidence, index: number): vscode.TreeItem {
  const tree = new vscode.TreeItem(evidence.message, vscode.TreeItemCollapsibleState.None);
  tree.id = `evidence:${item.id}:${item.status}#${index}`;
  const where = evidence.path ? (evidence.range ? `${evidence.path}:${evidence.range.start.line + 1}` : evidence.path) : "workspace";
  tree.description = evidence.rule ? `${evidence.rule} · ${where}` : where;
  tree.iconPath = statusIcon(evidence.status);
  tree.tooltip = new vscode.MarkdownString()
    .appendText(evidence.message)
    .appendMarkdown(`\n\n\`${where}\`${evidence.rule ? ` · \`${evidence.rule}\`` : ""}`);
  tree.contextValue = "genesis.evidence";
  if (evidence.uri && evidence.path) {
    const uri = vscode.Uri.parse(evidence.uri);
    const range = evidence.range;
    const options: vscode.TextDocumentShowOptions | undefined = range
      ? { selection: new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character), preserveFocus: false }
      : undefined;
    tree.command = { command: "vscode.open", title: "Open", arguments: options ? [uri, options] : [uri] };
  }
  return tree;
}

function waiversItem(waivers: readonly ReadinessWaiver[]): vscode.TreeItem {
  const tree = new vscode.TreeItem("Waivers", vscode.TreeItemCollapsibleState.Collapsed);
  tree.id = "waivers";
  tree.description = `${waivers.length} accepted ${waivers.length === 1 ? "risk" : "risks"}`;
  tree.iconPath = new vscode.ThemeIcon("shield");
  tree.tooltip = "Findings silenced by a genesis-ignore comment, with their reason and expiry: what a governance officer signs off.";
  tree.contextValue = "genesis.waivers";
  return tree;
}

/** One waived finding: its rule, its place and expiry beside it, its reason and finding in the tooltip; a click opens it. */
function waiverItem(waiver: ReadinessWaiver, index: number): vscode.TreeItem {
  const tree = new vscode.TreeItem(waiver.rule, vscode.TreeItemCollapsibleState.None);
  tree.id = `waiver#${index}:${waiver.path}:${waiver.rule}`;
  const where = `${waiver.path}:${waiver.range.start.line + 1}`;
  const expiry = waiver.until === undefined ? "no expiry" : `until ${waiver.until}`;
  tree.description = `${where} · ${expiry}`;
  tree.iconPath = new vscode.ThemeIcon("shield");
  const reason = waiver.reason === "" ? "(no reason given)" : waiver.reason;
  tree.tooltip = new vscode.MarkdownString()
    .appendMarkdown(`\`${waiver.rule}\` waived at \`${where}\`, ${expiry} (item \`${waiver.item}\`)\n\n**Reason:** `)
    .appendText(reason)
    .appendMarkdown("\n\n**Finding:** ")
    .appendText(waiver.message);
  tree.accessibilityInformation = { label: `${waiver.rule} waived at ${where}, ${expiry}: ${reason}` };
  tree.contextValue = "genesis.waiver";
  if (waiver.uri) {
    const { start, end } = waiver.range;
    const selection = new vscode.Range(start.line, start.character, end.line, end.character);
    const options: vscode.TextDocumentShowOptions = { selection, preserveFocus: false };
    tree.command = { command: "vscode.open", title: "Open", arguments: [vscode.Uri.parse(waiver.uri), options] };
  }
  return tree;
}

/** `2 waivers` for an item that carries any. */
function waiverCount(item: ReadinessItem): string | undefined {
  const count = item.waivers ?? 0;
  return count === 0 ? undefined : `${count} ${count === 1 ? "waiver" : "waivers"}`;
}

/** Markdown special characters in plain text (titles and criteria are plain text). */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
