import { ruleDocUrl } from "../rules/rule-docs";
import type { LineageGraph } from "./lineage";
import type { ReadinessEvidence, ReadinessItem, ReadinessModel, ReadinessStatus, ReadinessWaiver } from "./model";

/**
 * The readiness report (docs/checklist.md, docs/cli.md): the page a governance binder holds. Every format carries the
 * same content: the score, every item with its status, reason, criterion, evidence, fix and count
 * of waivers, the waivers themselves (rule, place, reason, expiry: what a governance officer
 * signs), and the lineage diagram.
 */
export interface ReadinessReport {
  /** How the workspace is named on the page (its folder name or path). */
  readonly root: string;
  /** ISO 8601; omitted from the page when absent. */
  readonly generatedAt?: string;
  readonly model: ReadinessModel;
  readonly lineage: LineageGraph;
  /**
   * How the text report names a workspace path (the CLI: relative to the folder the command ran
   * in, so that a terminal opens it); as is when absent. Markdown and HTML pages keep
   * workspace-relative paths, since they are read away from that folder.
   */
  readonly placePath?: (workspacePath: string) => string;
}

export const STATUS_LABEL: Readonly<Record<ReadinessStatus, string>> = { pass: "PASS", warn: "WARN", fail: "FAIL", "n/a": "N/A" };

/** `14/21 (67%)`; `0/0` when nothing applies. */
export function scoreText(model: ReadinessModel): string {
  const { passed, applicable } = model.score;
  return applicable ? `${passed}/${applicable} (${Math.round((100 * passed) / applicable)}%)` : "0/0";
}

/** `path:line:col` (1-based, as editors show it), `path`, or `(workspace)` for the workspace itself. */
export function placeOf(evidence: ReadinessEvidence, pathOf: (path: string) => string = (path) => path): string {
  if (!evidence.path) return "(workspace)";
  if (!evidence.range) return pathOf(evidence.path);
  return `${pathOf(evidence.path)}:${evidence.range.start.line + 1}:${evidence.range.start.character + 1}`;
}

/** `2 waivers`, for an item that carries any; undefined for one that carries none. */
export function waiverCount(item: ReadinessItem): string | undefined {
  const count = item.waivers ?? 0;
  return count === 0 ? undefined : `${count} ${count === 1 ? "waiver" : "waivers"}`;
}

/** The waivers of the model, in its order (path, then position). */
export function waiversOf(model: ReadinessModel): readonly ReadinessWaiver[] {
  return model.waivers ?? [];
}

/** `path:line` (1-based) of a waived finding. */
export function waiverPlace(waiver: ReadinessWaiver, pathOf: (path: string) => string = (path) => path): string {
  return `${pathOf(waiver.path)}:${waiver.range.start.line + 1}`;
}

/** `until 2027-03-31`, or `no expiry`. */
export function expiryText(waiver: ReadinessWaiver): string {
  return waiver.until === undefined ? "no expiry" : `until ${waiver.until}`;
}

/** The reason as the page shows it: a waiver without one says so. */
export function reasonText(waiver: ReadinessWaiver): string {
  return waiver.reason === "" ? "(no reason given)" : waiver.reason;
}

export const WAIVERS_INTRO = "Findings silenced by a genesis-ignore comment: accepted risks, which do not lower their items.";

/** The items that do not pass, by status: for the summary line of every format. */
export function itemsWith(model: ReadinessModel, status: ReadinessStatus): ReadinessItem[] {
  return model.groups.flatMap((g) => g.items).filter((item) => item.status === status);
}

/**
 * An item's fix worded for the reader of a report, who is not in the editor: what to do, where
 * (`place`, `path:line`), and the command line to run or the rule's page that explains the fix.
 * The editor's own wording ("Show the quick fixes for ...") stays in the sidebar.
 */
export interface ReaderFix {
  readonly text: string;
  readonly place?: string;
  readonly commandLine?: string;
  /** The rule's page (docs/rules/<rule-id>.md). */
  readonly page?: string;
}

export function readerFix(item: ReadinessItem, pathOf: (path: string) => string = (path) => path): ReaderFix | undefined {
  const fix = item.fix;
  if (!fix) return undefined;
  const place = fix.target ? `${pathOf(fix.target.path)}:${fix.target.range.start.line + 1}` : undefined;
  switch (fix.kind) {
    case "command":
      return fix.shell ? { text: fix.shell.title, commandLine: fix.shell.commandLine } : { text: fix.title };
    case "quickfix": {
      const rule = fix.target?.rule;
      return rule ? { text: `Correct the ${rule} finding`, place, page: ruleDocUrl(rule) } : { text: "Correct the finding", place };
    }
    case "snippet":
      return { text: fix.title, place };
  }
}

/** A reader's fix on one line of plain text: `Correct the version/semver finding at a.yaml:4; see https://...`. */
export function readerFixText(fix: ReaderFix): string {
  return (
    fix.text +
    (fix.place ? ` at ${fix.place}` : "") +
    (fix.commandLine ? `: run ${fix.commandLine}` : "") +
    (fix.page ? `; see ${fix.page}` : "")
  );
}

/** The lineage in words: one `from -> to (relation)` per edge, by the nodes' labels. */
export function lineageLines(lineage: LineageGraph): string[] {
  const byId = new Map(lineage.nodes.map((node) => [node.id, node]));
  const name = (id: string) => {
    const node = byId.get(id);
    return node ? `${node.label} (${KIND_WORD[node.kind]})` : id;
  };
  return lineage.edges.map((edge) => `${name(edge.from)} -> ${name(edge.to)} [${edge.relation}${edge.pinned ? "" : ", unpinned"}]`);
}

export const KIND_WORD: Readonly<Record<LineageGraph["nodes"][number]["kind"], string>> = {
  DatasetManifest: "dataset",
  PipelineConfig: "pipeline",
  ModelCard: "model",
  missing: "missing",
};
