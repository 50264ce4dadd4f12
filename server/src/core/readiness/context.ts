import { DEFAULT_CONFIG, type GenesisConfig } from "../config";
import { resolveSeverity } from "../rules/severity";
import { resolveWorkspacePath } from "../rules/workspace-path";
import type { Diagnostic, DocumentKind } from "../types";
import type { DocumentFacts } from "../workspace/facts";
import { WorkspaceIndex } from "../workspace/workspace-index";
import type { Subject } from "./judge";
import type { ReadinessFix, ReadinessInput, SettingsFile, ShellFix, WorkspaceFileList } from "./model";
import { isAtOrBelow, ReadinessDoc } from "./readiness-doc";
import { pacer, type Steps } from "./steps";

/**
 * What the readiness items see: the documents with their diagnostics and parsed values, the index
 * references resolve against, and the workspace's files. Items only read it.
 */

export class ReadinessContext {
  /** Every document, in path order. */
  readonly all: readonly ReadinessDoc[];
  readonly index: WorkspaceIndex;
  readonly files: WorkspaceFileList;
  readonly trusted: boolean;
  /** Where data files are never read (ReadinessInput.dataFilesUnread); undefined where they are. */
  readonly dataFilesUnread?: string;
  /** The workspace's configuration: its profile and overrides, and what its site allows. */
  readonly config: GenesisConfig;
  private pathMap?: ReadonlyMap<string, ReadinessDoc>;
  private genesisDocs: readonly ReadinessDoc[] = [];
  private readonly kinds = new Map<DocumentKind, readonly ReadinessDoc[]>();
  private readonly statuses = new Map<string, "warn" | "fail">();
  private readonly memos = new Map<object, unknown>();
  /**
   * The diagnostics that became evidence of the item being decided (cleared before each item):
   * the findings of its rules that the item did not cite itself are added after it (compute.ts).
   */
  readonly cited: Set<Diagnostic>;

  /** The context of an input, built in steps (steps.ts): a large workspace has tens of thousands of documents to wrap. */
  static *of(input: ReadinessInput): Steps<ReadinessContext> {
    const cited = new Set<Diagnostic>();
    const all: ReadinessDoc[] = [];
    const pause = pacer();
    for (const d of input.documents) {
      const { standing, waived } = splitWaived(d.diagnostics, d.waived);
      all.push(new ReadinessDoc(d.facts, standing, d.evidenceChecked, waived, cited));
      if (pause()) yield;
    }
    // Callers mostly pass documents in path order already; the sort is stable, so skipping it then changes nothing.
    if (!inPathOrder(all)) all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const context = new ReadinessContext(input, all, cited);
    // The documents of each kind, which most items start from, in the same order.
    const genesis: ReadinessDoc[] = [];
    const kinds = new Map<DocumentKind, ReadinessDoc[]>();
    for (const doc of all) {
      if (pause()) yield;
      if (doc.huggingFaceOnly) continue;
      genesis.push(doc);
      const same = kinds.get(doc.kind);
      if (same) same.push(doc);
      else kinds.set(doc.kind, [doc]);
    }
    context.genesisDocs = genesis;
    for (const [kind, docs] of kinds) context.kinds.set(kind, docs);
    return context;
  }

  private constructor(input: ReadinessInput, all: readonly ReadinessDoc[], cited: Set<Diagnostic>) {
    this.all = all;
    this.cited = cited;
    this.index = input.index ?? indexOf(input.documents.map((d) => d.facts));
    this.files = input.files;
    this.trusted = input.trusted;
    this.dataFilesUnread = input.dataFilesUnread;
    this.config = input.config ?? DEFAULT_CONFIG;
    this.settings = input.settings && settingsDoc(input.settings, this.cited);
  }

  /** The configuration file, when it has findings: they count for their items, no item judges it. */
  readonly settings?: ReadinessDoc;

  /** Every document by path (built on first use: no item needs it). */
  get byPath(): ReadonlyMap<string, ReadinessDoc> {
    this.pathMap ??= new Map(this.all.map((doc) => [doc.path, doc]));
    return this.pathMap;
  }

  /**
   * The status of a finding that `rule` covers when no diagnostic reports it: `fail` when the rule
   * is an error in this workspace (its profile and overrides), `warn` otherwise (also when off).
   */
  statusOf(rule: string): "warn" | "fail" {
    let status = this.statuses.get(rule);
    if (!status) {
      status = resolveSeverity({ rule }, this.config) === "error" ? "fail" : "warn";
      this.statuses.set(rule, status);
    }
    return status;
  }

  /**
   * The status of a finding that must never pass (a reference that does not resolve): as `statusOf`
   * while the rule is on, and `fail` when it is off, since the item cannot pass on what it could not read.
   */
  closedStatusOf(rule: string): "warn" | "fail" {
    return resolveSeverity({ rule }, this.config) === "off" ? "fail" : this.statusOf(rule);
  }

  /**
   * Records a finding that `rule` covers at `pointer`: the rule's diagnostic there when the document
   * has one (its severity decides), else `message` with the status the rule's severity gives.
   */
  finding(subject: Subject, doc: ReadinessDoc, rule: string, pointer: string, message: string, part: "key" | "value" = "value"): void {
    for (let i = 0; i < doc.diagnostics.length; i++) {
      const d = doc.diagnostics[i];
      if (d.rule === rule && isAtOrBelow(d.pointer, pointer)) {
        subject.addDiagnostic(doc, d);
        return;
      }
    }
    const waived = doc.waivedAt(rule, pointer);
    subject.add(waived ? doc.waiverEvidence(waived) : doc.evidence(pointer, message, this.statusOf(rule), part));
  }

  /**
   * Records a required property that is missing: the `schema/required` diagnostic that reports it
   * when there is one, else `message` as a failure at the parent's key.
   */
  missing(subject: Subject, doc: ReadinessDoc, parent: string, property: string, message: string, status: "warn" | "fail" = "fail"): void {
    for (let i = 0; i < doc.diagnostics.length; i++) {
      const d = doc.diagnostics[i];
      if (d.rule === "schema/required" && d.pointer === parent && d.data?.property === property) {
        subject.addDiagnostic(doc, d);
        return;
      }
    }
    const waived = doc.waivedAt("schema/required", parent, property);
    subject.add(waived && waived.pointer === parent ? doc.waiverEvidence(waived) : doc.evidence(parent, message, status, "key"));
  }

  /** The Genesis documents of a kind (Hugging Face cards without the Genesis block left out). */
  ofKind(kind: DocumentKind): readonly ReadinessDoc[] {
    return this.kinds.get(kind) ?? NO_DOCS;
  }

  /** Every Genesis document (Hugging Face cards without the Genesis block left out). */
  genesis(): readonly ReadinessDoc[] {
    return this.genesisDocs;
  }

  /**
   * What `compute` gives for this context, computed once: for what several items derive alike
   * (`compute` is the key, so it must be a module-level function).
   */
  *memo<T>(compute: (context: ReadinessContext) => Steps<T>): Steps<T> {
    if (this.memos.has(compute)) return this.memos.get(compute) as T;
    const value = yield* compute(this);
    this.memos.set(compute, value);
    return value;
  }

  /** Whether a workspace path is a file, or a folder with files in it. */
  exists(path: string): boolean {
    return path !== "" && (this.files.has(path) || this.files.under(path).length > 0);
  }
}

/**
 * A document's standing diagnostics and its waived ones. Waived diagnostics come in `waived`; one
 * that carries a `waiver` among `diagnostics` counts as waived as well.
 */
const NO_DOCS: readonly ReadinessDoc[] = [];

function splitWaived(
  diagnostics: readonly Diagnostic[],
  waived: readonly Diagnostic[] = [],
): { standing: readonly Diagnostic[]; waived: readonly Diagnostic[] } {
  if (!diagnostics.some((d) => d.waiver)) return { standing: diagnostics, waived };
  return { standing: diagnostics.filter((d) => !d.waiver), waived: [...waived, ...diagnostics.filter((d) => d.waiver)] };
}

function inPathOrder(docs: readonly ReadinessDoc[]): boolean {
  for (let i = 1; i < docs.length; i++) if (docs[i - 1].path > docs[i].path) return false;
  return true;
}

function indexOf(facts: readonly DocumentFacts[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const f of facts) index.load(f);
  return index;
}

/** Where a path written in a document leads: a workspace path, or why it leads nowhere usable. */
export function pathIn(doc: ReadinessDoc, declared: unknown): { ok: true; path: string } | { ok: false; why: string } {
  if (typeof declared !== "string") return { ok: false, why: "is not a path" };
  const resolved = resolveWorkspacePath(doc.path, declared);
  if (!resolved.ok) return { ok: false, why: resolved.reason };
  if (resolved.path === "") return { ok: false, why: "names the workspace root, not a file" };
  return { ok: true, path: resolved.path };
}

/** A fix that runs an editor command, and the same fix in a shell for the reports. */
export function commandFix(title: string, command: string, shell: ShellFix): ReadinessFix {
  return { kind: "command", title, command, shell };
}

/** A fix that opens a diagnostic and shows the editor's quick fixes for it. */
export function quickFix(doc: ReadinessDoc, diagnostic: Diagnostic): ReadinessFix {
  return {
    kind: "quickfix",
    title: `Show the quick fixes for ${diagnostic.rule} in ${doc.path}`,
    target: { path: doc.path, range: doc.range(diagnostic.span), rule: diagnostic.rule },
  };
}

/**
 * A fix that inserts a top-level block (`snippet`, VS Code snippet syntax, one key per line
 * followed by a line break) at the end of a YAML document or of a Markdown card's front matter.
 * None for JSON, flow-style documents, or front matter without its closing fence: the block
 * could not be added there without rewriting the document.
 */
export function snippetFix(doc: ReadinessDoc, title: string, snippet: string): ReadinessFix | undefined {
  const offset = doc.facts.blockInsertOffset;
  if (offset === undefined) return undefined;
  const before = doc.text.slice(0, offset);
  const text = before === "" || before.endsWith("\n") ? snippet : `\n${snippet}`;
  const at = doc.range({ start: offset, end: offset });
  return { kind: "snippet", title, target: { path: doc.path, range: at }, snippet: text };
}

/**
 * The configuration file as a document of the checklist: only its findings are read (for their
 * items, and as evidence placed in its text); it is of no kind the items look at.
 */
function settingsDoc(file: SettingsFile, cited: Set<Diagnostic>): ReadinessDoc | undefined {
  if (file.diagnostics.length === 0) return undefined;
  const facts = {
    path: file.path,
    text: file.text,
    value: {},
    references: [],
    recognisedBy: "file-name",
    get document(): never {
      throw new Error("the configuration file has no Genesis document");
    },
  } as unknown as DocumentFacts;
  return new ReadinessDoc(facts, file.diagnostics, false, [], cited);
}
