import type { GenesisConfig } from "../config";
import type { Position } from "../text";
import type { Diagnostic, Span } from "../types";
import type { DocumentFacts } from "../workspace/facts";
import type { WorkspaceIndex } from "../workspace/workspace-index";

/**
 * The readiness checklist of docs/checklist.md as plain data: what the sidebar shows, what the status bar counts
 * and what every report prints. Everything here is JSON-serialisable and carries LSP-style ranges
 * (0-based line/character), so a front end shows it without converting anything.
 */

export type ReadinessStatus = "pass" | "warn" | "fail" | "n/a";
export type ReadinessGroupId = "data" | "model" | "infrastructure" | "governance";

export interface ReadinessRange {
  readonly start: Position;
  readonly end: Position;
}

/** One document, diagnostic or file that decided an item. */
export interface ReadinessEvidence {
  /** Workspace-relative POSIX path of the document or file. */
  readonly path: string;
  /** UTF-16 offsets into the document's text. */
  readonly span?: Span;
  /** The same place as `span`, 0-based as in LSP. */
  readonly range?: ReadinessRange;
  /** The rule of the diagnostic this evidence is, when it is one. */
  readonly rule?: string;
  readonly message: string;
  /** How this piece counted: it passed, it made the item warn, or it made the item fail. */
  readonly status: "pass" | "warn" | "fail";
  /** The file's URI, set by the language server (the core knows only workspace paths). */
  readonly uri?: string;
}

/** Where a quick fix or snippet applies: the document and the range to open. */
export interface ReadinessTarget {
  readonly path: string;
  readonly range: ReadinessRange;
  /** The diagnostic's rule, for a quick fix. */
  readonly rule?: string;
  /** Set by the language server. */
  readonly uri?: string;
}

/**
 * How to act on an item. `command`: run `command` with `arguments`. `quickfix`: open `target` and
 * ask the editor for the quick fixes there. `snippet`: open `target` (an empty range where the
 * block goes) and insert `snippet` (VS Code snippet syntax). `title` words it for the editor (the
 * sidebar); the reports word it for a reader outside the editor (report-parts.ts `readerFix`),
 * from `shell` for a command.
 */
export interface ReadinessFix {
  readonly kind: "command" | "snippet" | "quickfix";
  readonly title: string;
  readonly command?: string;
  readonly arguments?: readonly unknown[];
  readonly target?: ReadinessTarget;
  readonly snippet?: string;
  /** A command's counterpart in a shell: what it does, and the command line that does it. */
  readonly shell?: ShellFix;
}

/** A fix as a terminal runs it (`genesis-readiness init modelcard`). */
export interface ShellFix {
  readonly title: string;
  readonly commandLine: string;
}

export interface ReadinessItem {
  /** `data.schemas`, ... (docs/checklist.md). */
  readonly id: string;
  readonly title: string;
  readonly status: ReadinessStatus;
  /** One line: why this status. For `n/a`, what is missing for the item to apply. */
  readonly reason: string;
  /** The "passes when" text of docs/checklist.md. */
  readonly criterion: string;
  /** Failures first, then warnings, then what passed; at most MAX_EVIDENCE entries. */
  readonly evidence: readonly ReadinessEvidence[];
  /** How many more pieces of evidence there were beyond those listed. */
  readonly omittedEvidence?: number;
  readonly fix?: ReadinessFix;
  /** How many waived findings of this item's rules stand (they do not lower it; docs/checklist.md#how-an-item-is-decided). */
  readonly waivers?: number;
}

/** One waived finding, as a governance officer signs it off (docs/rules.md#waivers): rule, place, reason, expiry. */
export interface ReadinessWaiver {
  readonly rule: string;
  /** The readiness item the rule belongs to. */
  readonly item: string;
  /** Workspace-relative POSIX path of the document. */
  readonly path: string;
  /** The waived finding's place, 0-based as in LSP. */
  readonly range: ReadinessRange;
  /** The finding's message. */
  readonly message: string;
  readonly reason: string;
  /** ISO date after which the waiver lapses, when it has one. */
  readonly until?: string;
  /** Set by the language server. */
  readonly uri?: string;
}

export interface ReadinessGroup {
  readonly id: ReadinessGroupId;
  readonly title: string;
  readonly passed: number;
  /** Items that are not `n/a`. */
  readonly applicable: number;
  readonly items: readonly ReadinessItem[];
}

export interface ReadinessScore {
  readonly passed: number;
  readonly applicable: number;
}

export interface ReadinessModel {
  /** Passed items / applicable items (docs/checklist.md). */
  readonly score: ReadinessScore;
  readonly groups: readonly ReadinessGroup[];
  /** Every waived finding of the documents, in path then position order. */
  readonly waivers?: readonly ReadinessWaiver[];
}

/** The files of the workspace (every file, not only documents), as workspace-relative POSIX paths. */
export interface WorkspaceFileList {
  has(path: string): boolean;
  /** The files at any depth below `folder` ("" is the root), sorted. */
  under(folder: string): string[];
}

export interface ReadinessDocument {
  readonly facts: DocumentFacts;
  /** Every diagnostic of the document after configuration: type, workspace and io rules. */
  readonly diagnostics: readonly Diagnostic[];
  /** The document's waived diagnostics (each with its `waiver`); none when absent. */
  readonly waived?: readonly Diagnostic[];
  /** True when the io rules have looked at the files the document names (checksums verified). */
  readonly evidenceChecked: boolean;
}

/** The workspace configuration file as the checklist sees it: its own findings (a schema error, an unknown rule id). */
export interface SettingsFile {
  /** Workspace-relative path (`genesis.config.yaml`). */
  readonly path: string;
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ReadinessInput {
  readonly documents: readonly ReadinessDocument[];
  readonly files: WorkspaceFileList;
  /** False in an untrusted workspace: items that need other files than the documents are `n/a`. */
  readonly trusted: boolean;
  /**
   * Set where the contents of data files are never read, to say where (`in the browser`): the items
   * that need them (`readsData`) are `n/a`, "not verified in the browser: ...". Absent: they are read.
   */
  readonly dataFilesUnread?: string;
  /**
   * The index references resolve against; built from `documents` when absent. Pass the whole
   * workspace's index when `documents` is a part of it (the CLI's paths).
   */
  readonly index?: WorkspaceIndex;
  /**
   * The workspace configuration: a finding that no diagnostic reports (its rule is off, or its io
   * rule has not run) takes the status its rule's severity would give. Default: DEFAULT_CONFIG.
   */
  readonly config?: GenesisConfig;
  /**
   * The configuration file's own findings: `check` reports them, so they count against the items
   * of their rules like any document's (docs/checklist.md#how-an-item-is-decided).
   */
  readonly settings?: SettingsFile;
}

/** At most this many pieces of evidence per item; the count of the others is kept. */
export const MAX_EVIDENCE = 50;

export const GROUP_TITLES: Readonly<Record<ReadinessGroupId, string>> = {
  data: "Data",
  model: "Model",
  infrastructure: "Infrastructure",
  governance: "Governance",
};

export const GROUP_ORDER: readonly ReadinessGroupId[] = ["data", "model", "infrastructure", "governance"];

/** A file list over a set of paths (what the CLI and the server build from a directory walk). */
export function fileListOf(paths: Iterable<string>): WorkspaceFileList {
  const set = new Set(paths);
  const sorted = [...set].sort();
  return {
    has: (path) => set.has(path),
    under: (folder) => (folder === "" ? [...sorted] : withPrefix(sorted, `${folder}/`)),
  };
}

/** The paths of a sorted list that start with `prefix`: a contiguous run of it, found by bisection. */
function withPrefix(sorted: readonly string[], prefix: string): string[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < prefix) low = mid + 1;
    else high = mid;
  }
  const found: string[] = [];
  for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) found.push(sorted[i]);
  return found;
}
