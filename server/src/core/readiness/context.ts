import { DEFAULT_CONFIG, type GenesisConfig } from "../config";
import { rootAnchor, spanOf } from "../document";
import { isRecord, pointerSegments, select, type Selected } from "../pointer";
import { resolveSeverity } from "../rules/severity";
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
   * A Hugging Face card without the Genesis block (§1): `model.cards` counts it as not yet
   * Genesis-ready, and the items about Genesis fields leave it out (one problem, one place).
   */
  readonly huggingFaceOnly: boolean;
  private lineIndex?: LineIndex;
  private errorList?: readonly Diagnostic[];
  /** `select` answers over `value`, by pattern: several items walk the same parts. */
  private selections?: Map<string, readonly Selected[]>;

  /**
   * @param diagnostics the standing diagnostics: none of them waived (the items judge only these)
   * @param waived the waived diagnostics, each with its `waiver`: they never lower an item (§8.1)
   * @param cited where the diagnostics that become evidence are recorded (see ReadinessContext.cited)
   */
  constructor(
    readonly facts: DocumentFacts,
    readonly diagnostics: readonly Diagnostic[],
    readonly evidenceChecked: boolean,
    readonly waived: readonly Diagnostic[] = NONE,
    private readonly cited?: Set<Diagnostic>,
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

  /** The errors at or below a node: a value with one is never passing evidence (§8.1). */
  errorsAtOrBelow(pointer: string): readonly Diagnostic[] {
    const errors = this.errors();
    let found: Diagnostic[] | undefined;
    for (let i = 0; i < errors.length; i++) if (isAtOrBelow(errors[i].pointer, pointer)) (found ??= []).push(errors[i]);
    return found ?? NONE;
  }

  /** The waived diagnostic of `rule` at or below `pointer`, if there is one (`property`: a `schema/required` for it). */
  waivedAt(rule: string, pointer: string, property?: string): Diagnostic | undefined {
    for (let i = 0; i < this.waived.length; i++) {
      const d = this.waived[i];
      if (d.rule !== rule || !isAtOrBelow(d.pointer, pointer)) continue;
      if (property === undefined || d.data?.property === property) return d;
    }
    return undefined;
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
    this.cited?.add(diagnostic);
    return new NodeEvidence(this, diagnostic, "value", diagnostic.message, diagnostic.severity === "error" ? "fail" : "warn", diagnostic.rule);
  }

  /** A waived diagnostic as evidence: it passes, and says which waiver accepted it (§8.1). */
  waiverEvidence(diagnostic: Diagnostic): ReadinessEvidence {
    const waiver = diagnostic.waiver;
    const why = waiver?.reason ? `: ${waiver.reason}` : "";
    const until = waiver?.until ? ` (until ${waiver.until})` : "";
    return new NodeEvidence(this, diagnostic, "value", `Waived ${diagnostic.rule}${why}${until}. ${diagnostic.message}`, "pass", diagnostic.rule);
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

  /** The document's errors at or below the node this evidence is placed on (none when it is a diagnostic). */
  errorsBeneath(): { doc: ReadinessDoc; errors: readonly Diagnostic[] } {
    return { doc: this.doc, errors: typeof this.at === "string" ? this.doc.errorsAtOrBelow(this.at) : NONE };
  }
}

/**
 * The errors that contradict a piece of passing evidence: those at or below the node it is placed
 * on. A value with an error is never shown as passing (§8.1), so `Subject.add` records them instead.
 */
export function contradictingErrors(evidence: ReadinessEvidence): { doc: ReadinessDoc; errors: readonly Diagnostic[] } | undefined {
  if (evidence.status !== "pass" || !(evidence instanceof NodeEvidence)) return undefined;
  const found = evidence.errorsBeneath();
  return found.errors.length ? found : undefined;
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
  /**
   * The diagnostics that became evidence of the item being decided (cleared before each item):
   * the findings of its rules that the item did not cite itself are added after it (compute.ts).
   */
  readonly cited = new Set<Diagnostic>();

  constructor(input: ReadinessInput) {
    const all = input.documents.map((d) => {
      const { standing, waived } = splitWaived(d.diagnostics, d.waived);
      return new ReadinessDoc(d.facts, standing, d.evidenceChecked, waived, this.cited);
    });
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

/**
 * A document's standing diagnostics and its waived ones. Waived diagnostics come in `waived`; one
 * that carries a `waiver` among `diagnostics` counts as waived as well.
 */
function splitWaived(diagnostics: readonly Diagnostic[], waived: readonly Diagnostic[] = []): { standing: readonly Diagnostic[]; waived: readonly Diagnostic[] } {
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
