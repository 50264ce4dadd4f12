import { rootAnchor, spanOf } from "../document";
import { isRecord, pointerSegments, select, type Selected } from "../pointer";
import { LineIndex } from "../text";
import type { Diagnostic, DocumentKind, Span } from "../types";
import { label, type DocumentFacts } from "../workspace/facts";
import type { ReadinessEvidence, ReadinessRange } from "./model";

/**
 * One document as the items judge it: its parsed value, its standing and waived diagnostics, and
 * evidence placed in its text on first read. Its line index is built on first use.
 */
export class ReadinessDoc {
  readonly path: string;
  readonly kind: DocumentKind;
  /** `id@version`, else the id, else the path. */
  readonly label: string;
  /** The top-level object (`{}` when the document is not a mapping). */
  readonly value: Readonly<Record<string, unknown>>;
  /**
   * A Hugging Face card without the Genesis block (docs/formats/model-card.md): `model.cards` counts it as not yet
   * Genesis-ready, and the items about Genesis fields leave it out (one problem, one place).
   */
  readonly huggingFaceOnly: boolean;
  private readonly reading: Reading;

  /**
   * @param diagnostics the standing diagnostics: none of them waived (the items judge only these)
   * @param waived the waived diagnostics, each with its `waiver`: they never lower an item (docs/checklist.md#how-an-item-is-decided)
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
    this.reading = readingOf(facts, diagnostics);
    this.label = this.reading.label;
    this.value = facts.value;
    this.huggingFaceOnly = facts.recognisedBy === "hugging-face" && this.value.apiVersion === undefined && this.value.kind === undefined;
  }

  get text(): string {
    return this.facts.text;
  }

  range(span: Span): ReadinessRange {
    const lines = (this.reading.lineIndex ??= new LineIndex(this.text));
    return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
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
    const selections = (this.reading.selections ??= new Map());
    let found = selections.get(pattern);
    if (!found) {
      found = select(this.value, pattern);
      selections.set(pattern, found);
    }
    return found;
  }

  /** Where a node is (a missing node: its nearest parent's key; the root: the `kind` key). */
  spanAt(pointer: string, part: "key" | "value" = "value"): Span {
    return pointer === "" ? rootAnchor(this.facts.document) : spanOf(this.facts.document, pointer, part);
  }

  errors(): readonly Diagnostic[] {
    const reading = this.reading;
    if (!reading.errorList) {
      let found: Diagnostic[] | undefined;
      for (let i = 0; i < this.diagnostics.length; i++)
        if (this.diagnostics[i].severity === "error") (found ??= []).push(this.diagnostics[i]);
      reading.errorList = found ?? NONE;
    }
    return reading.errorList;
  }

  /** The errors at or below a node: a value with one is never passing evidence (docs/checklist.md#how-an-item-is-decided). */
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
      if (
        under !== undefined &&
        !(typeof under === "string" ? isAtOrBelow(d.pointer, under) : under.some((p) => isAtOrBelow(d.pointer, p)))
      )
        continue;
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
    return new NodeEvidence(
      this,
      diagnostic,
      "value",
      diagnostic.message,
      diagnostic.severity === "error" ? "fail" : "warn",
      diagnostic.rule,
    );
  }

  /** A waived diagnostic as evidence: it passes, and says which waiver accepted it (docs/checklist.md#how-an-item-is-decided). */
  waiverEvidence(diagnostic: Diagnostic): ReadinessEvidence {
    const waiver = diagnostic.waiver;
    const why = waiver?.reason ? `: ${waiver.reason}` : "";
    const until = waiver?.until ? ` (until ${waiver.until})` : "";
    return new NodeEvidence(
      this,
      diagnostic,
      "value",
      `Waived ${diagnostic.rule}${why}${until}. ${diagnostic.message}`,
      "pass",
      diagnostic.rule,
    );
  }
}

const NONE: readonly Diagnostic[] = [];

/**
 * What reading a document for the checklist works out once and keeps for the next computation,
 * as long as the document's facts and standing diagnostics are the same objects: its label, the
 * answers of `select`, its errors and its line index. Each depends on nothing else. A large
 * workspace's checklist is judged again after every pause in typing; worked out afresh each time,
 * these were tens of megabytes that lived through the whole computation, and through every young
 * collection of the server's heap (which then copies them) while a keystroke waited.
 */
class Reading {
  selections?: Map<string, readonly Selected[]>;
  errorList?: readonly Diagnostic[];
  lineIndex?: LineIndex;

  constructor(
    readonly diagnostics: readonly Diagnostic[],
    readonly label: string,
  ) {}
}

/** By facts: a document's facts are replaced when it changes, and its reading goes with them. */
const READINGS = new WeakMap<DocumentFacts, Reading>();

function readingOf(facts: DocumentFacts, diagnostics: readonly Diagnostic[]): Reading {
  const known = READINGS.get(facts);
  if (known?.diagnostics === diagnostics) return known;
  const reading = new Reading(diagnostics, label(facts));
  READINGS.set(facts, reading);
  return reading;
}

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
 * on. A value with an error is never shown as passing (docs/checklist.md#how-an-item-is-decided), so `Subject.add` records them instead.
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
