import { DEFAULT_CONFIG, type GenesisConfig } from "../config";
import { rootAnchor, spanOf } from "../document";
import { resolveSeverity } from "../rules/severity";
import { isRecord, pointerSegments, select, type Selected } from "../pointer";
import { resolveWorkspacePath } from "../rules/workspace-path";
import { LineIndex } from "../text";
import type { Diagnostic, DocumentKind, Span } from "../types";
import { label, type DocumentFacts } from "../workspace/facts";
import { WorkspaceIndex } from "../workspace/index";
import type { Subject } from "./judge";
import type { ReadinessEvidence, ReadinessFix, ReadinessInput, ReadinessRange, WorkspaceFileList } from "./model";

/**
 * What the readiness items see: the documents with their diagnostics and parsed values, the index
 * references resolve against, and the workspace's files. Items only read it.
 */

/** One document as the items judge it. Its line index is built on first use. */
export class ReadinessDoc {
  readonly path: string;
  readonly kind: DocumentKind;
  /** `id@version`, else the id, else the path. */
  readonly label: string;
  /** The top-level object (`{}` when the document is not a mapping). */
  readonly value: Readonly<Record<string, unknown>>;
  /**
   * A Hugging Face card without the Genesis block (docs/formats/README.md#recognition): `model.cards` counts it as not yet
   * Genesis-ready, and the items about Genesis fields leave it out (one problem, one place).
   */
  readonly huggingFaceOnly: boolean;
  private lineIndex?: LineIndex;
  private errorList?: readonly Diagnostic[];
  /** `select` answers over `value`, by pattern: several items walk the same parts. */
  private selections?: Map<string, readonly Selected[]>;

  constructor(
    readonly facts: DocumentFacts,
    readonly diagnostics: readonly Diagnostic[],
    readonly evidenceChecked: boolean,
  ) {
    this.path = facts.path;
    this.kind = facts.kind;
    this.label = label(facts);
    this.value = facts.value;
    this.huggingFaceOnly = facts.recognisedBy === "hugging-face" && this.value.apiVersion === undefined && this.value.kind === undefined;
  }

  get text(): string {
    return this.facts.text;
  }

  range(span: Span): ReadinessRange {
    this.lineIndex ??= new LineIndex(this.text);
    return { start: this.lineIndex.positionAt(span.start), end: this.lineIndex.positionAt(span.end) };
  }

  /** The value at a pointer of the document's object (as `valueAt`). */
  at(pointer: string): unknown {
    let current: unknown = this.value;
    const segments = segmentsOf(pointer);
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      if (Array.isArray(current)) current = current[Number(segment)];
      else if (isRecord(current)) current = current[segment];
      else return undefined;
    }
    return current;
  }

  /** `select(value, pattern)`, remembered: callers only read the answer. */
  select(pattern: string): readonly Selected[] {
    this.selections ??= new Map();
    let found = this.selections.get(pattern);
    if (!found) {
      found = select(this.value, pattern);
      this.selections.set(pattern, found);
    }
    return found;
  }

  /** Where a node is (a missing node: its nearest parent's key; the root: the `kind` key). */
  spanAt(pointer: string, part: "key" | "value" = "value"): Span {
    return pointer === "" ? rootAnchor(this.facts.document) : spanOf(this.facts.document, pointer, part);
  }

  errors(): readonly Diagnostic[] {
    if (!this.errorList) {
      let found: Diagnostic[] | undefined;
      for (let i = 0; i < this.diagnostics.length; i++) if (this.diagnostics[i].severity === "error") (found ??= []).push(this.diagnostics[i]);
      this.errorList = found ?? NONE;
    }
    return this.errorList;
  }

  /** Diagnostics of the given rules, optionally only those at or below `under` (a pointer, or any of several). */
  diagnosticsOf(rules: readonly string[], under?: string | readonly string[]): readonly Diagnostic[] {
    // Indexed loops here and in the items: this runs per document per item, mostly before it is optimised.
    let found: Diagnostic[] | undefined;
    for (let i = 0; i < this.diagnostics.length; i++) {
      const d = this.diagnostics[i];
      if (!rules.includes(d.rule)) continue;
      if (under !== undefined && !(typeof under === "string" ? isAtOrBelow(d.pointer, under) : under.some((p) => isAtOrBelow(d.pointer, p)))) continue;
      (found ??= []).push(d);
    }
    return found ?? NONE;
  }

  /**
   * Evidence at a node of this document. Its place is worked out when first read: most evidence
   * of a large workspace is counted but not listed (MAX_EVIDENCE), and is never placed.
   */
  evidence(pointer: string, message: string, status: ReadinessEvidence["status"], part: "key" | "value" = "value"): ReadinessEvidence {
    return new NodeEvidence(this, pointer, part, message, status);
  }

  /** A diagnostic of this document as evidence: an error fails, anything milder warns. */
  diagnosticEvidence(diagnostic: Diagnostic): ReadinessEvidence {
    return new NodeEvidence(this, diagnostic, "value", diagnostic.message, diagnostic.severity === "error" ? "fail" : "warn", diagnostic.rule);
  }
}

const NONE: readonly Diagnostic[] = [];

/** The segments of the pointers `at` was given: constants of the items, split once each. */
const SEGMENTS = new Map<string, readonly string[]>();

function segmentsOf(pointer: string): readonly string[] {
  let segments = SEGMENTS.get(pointer);
  if (!segments) {
    segments = pointerSegments(pointer);
    // Pointers are constants of the items; the bound only guards against one building them.
    if (SEGMENTS.size < 512) SEGMENTS.set(pointer, segments);
  }
  return segments;
}

/** Evidence in a document, placed on first read (see ReadinessDoc.evidence); `plainEvidence` copies it. */
class NodeEvidence implements ReadinessEvidence {
  private placed?: Span;

  constructor(
    private readonly doc: ReadinessDoc,
    /** A pointer to place, or a diagnostic whose span it is. */
    private readonly at: string | Diagnostic,
    private readonly part: "key" | "value",
    readonly message: string,
    readonly status: ReadinessEvidence["status"],
    readonly rule?: string,
  ) {}

  get path(): string {
    return this.doc.path;
  }

  get span(): Span {
    this.placed ??= typeof this.at === "string" ? this.doc.spanAt(this.at, this.part) : this.at.span;
    return this.placed;
  }

  get range(): ReadinessRange {
    return this.doc.range(this.span);
  }
}

/** Evidence as plain data, in the order of its fields in ReadinessEvidence. */
export function plainEvidence(e: ReadinessEvidence): ReadinessEvidence {
  return {
    path: e.path,
    ...(e.span ? { span: e.span } : {}),
    ...(e.range ? { range: e.range } : {}),
    ...(e.rule ? { rule: e.rule } : {}),
    message: e.message,
    status: e.status,
    ...(e.uri ? { uri: e.uri } : {}),
  };
}

export function isAtOrBelow(pointer: string, ancestor: string): boolean {
  return ancestor === "" || pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}

export class ReadinessContext {
  /** Every document, in path order. */
  readonly all: readonly ReadinessDoc[];
  readonly index: WorkspaceIndex;
  readonly files: WorkspaceFileList;
  readonly trusted: boolean;
  private readonly config: GenesisConfig;
  private pathMap?: ReadonlyMap<string, ReadinessDoc>;
  private genesisDocs?: readonly ReadinessDoc[];
  private readonly kinds = new Map<DocumentKind, readonly ReadinessDoc[]>();
  private readonly statuses = new Map<string, "warn" | "fail">();
  private readonly memos = new Map<object, unknown>();

  constructor(input: ReadinessInput) {
    const all = input.documents.map((d) => new ReadinessDoc(d.facts, d.diagnostics, d.evidenceChecked));
    // Callers mostly pass documents in path order already; the sort is stable, so skipping it then changes nothing.
    if (!inPathOrder(all)) all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    this.all = all;
    this.index = input.index ?? indexOf(input.documents.map((d) => d.facts));
    this.files = input.files;
    this.trusted = input.trusted;
    this.config = input.config ?? DEFAULT_CONFIG;
  }

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
    subject.add(doc.evidence(pointer, message, this.statusOf(rule), part));
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
    subject.add(doc.evidence(parent, message, status, "key"));
  }

  /** The Genesis documents of a kind (Hugging Face cards without the Genesis block left out). */
  ofKind(kind: DocumentKind): readonly ReadinessDoc[] {
    let docs = this.kinds.get(kind);
    if (!docs) {
      docs = this.all.filter((d) => d.kind === kind && !d.huggingFaceOnly);
      this.kinds.set(kind, docs);
    }
    return docs;
  }

  /** Every Genesis document (Hugging Face cards without the Genesis block left out). */
  genesis(): readonly ReadinessDoc[] {
    this.genesisDocs ??= this.all.filter((d) => !d.huggingFaceOnly);
    return this.genesisDocs;
  }

  /**
   * What `compute` gives for this context, computed once: for what several items derive alike
   * (`compute` is the key, so it must be a module-level function).
   */
  memo<T>(compute: (context: ReadinessContext) => T): T {
    if (this.memos.has(compute)) return this.memos.get(compute) as T;
    const value = compute(this);
    this.memos.set(compute, value);
    return value;
  }

  /** Whether a workspace path is a file, or a folder with files in it. */
  exists(path: string): boolean {
    return path !== "" && (this.files.has(path) || this.files.under(path).length > 0);
  }
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

/** A fix that runs a command. */
export function commandFix(title: string, command: string, args?: readonly unknown[]): ReadinessFix {
  return args ? { kind: "command", title, command, arguments: args } : { kind: "command", title, command };
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
