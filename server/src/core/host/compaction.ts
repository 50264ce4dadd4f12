import type { Diagnostic, DocumentKind, Span } from "../types";
import type { DocumentFacts, ReferenceSite } from "../workspace/facts";
import { StoredFacts, type TreeSource } from "../workspace/stored-facts";

/**
 * Where what the host keeps of a document comes from, which says what compaction may do:
 * - `parsed` here: arrays were grown by push (room for 17 items kept for one), and strings of 13
 *   characters or more may be views into the document's text (V8 sliced strings), which a shared
 *   table must not keep, or it would keep old texts alive;
 * - `cloned` from another thread (pre-analysis.ts): arrays are exactly as long as their contents,
 *   and every string is a copy of its own, however often it repeats.
 */
export type Origin = "parsed" | "cloned";

/** Shorter strings are never views into another string in V8: a substring this short is copied. */
const SHORT = 13;
/**
 * Longer strings of a value are not looked up (descriptions, digests, addresses: rarely repeated,
 * and each lookup reads the whole string).
 */
const LONGEST_SHARED_VALUE = 32;
/** Longer messages are not shared: a message listing a schema's properties is about as long. */
const LONGEST_SHARED = 1024;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Makes what the host keeps of each document that is not open smaller without changing any value:
 * equal strings become one string, arrays exactly as long as their contents, and a diagnostic's
 * message (built by concatenation, a tree of pieces in V8) one flat string. In a large workspace
 * nearly every document is closed; the document being edited is not compacted, so typing never
 * pays for it.
 *
 * The table of shared strings is bounded: when full it starts again, so that strings of removed
 * documents are not kept for long (a string in use stays alive through its document).
 */
export class Compactor {
  private readonly strings = new Map<string, string>();
  private readonly kindLists = new Map<string, readonly DocumentKind[]>();

  constructor(private readonly capacity = 32_768) {}

  /**
   * The facts of a document that is not open, compacted; its value is compacted in place. `path`
   * is the string the host files the document under (the facts' own, when cloned, is a copy of it).
   */
  facts(facts: Omit<DocumentFacts, "document">, origin: Origin, tree: TreeSource, path = facts.path): StoredFacts {
    this.value(facts.value, origin);
    const cloned = origin === "cloned";
    return new StoredFacts(
      {
        path,
        kind: cloned ? (this.shared(facts.kind) as DocumentKind) : facts.kind,
        id: this.valueString(facts.id, origin),
        version: this.valueString(facts.version, origin),
        name: this.valueString(facts.name, origin),
        // In place above: the objects of the value themselves (the facts refer into the value).
        classification: facts.classification,
        license: this.valueString(facts.license, origin),
        idSpan: cloned ? spanCopy(facts.idSpan) : facts.idSpan,
        references: facts.references.map((site) => this.site(site, origin)),
        outputClassifications: facts.outputClassifications,
        landmarks: facts.landmarks,
        text: facts.text,
        value: facts.value,
        recognisedBy: cloned ? (this.shared(facts.recognisedBy) as DocumentFacts["recognisedBy"]) : facts.recognisedBy,
        blockInsertOffset: facts.blockInsertOffset,
      },
      tree,
    );
  }

  /**
   * A document's diagnostics, compacted, in an array exactly as long. Messages are flattened and
   * shared whatever their origin: a concatenation is a fresh string, never a view into a text.
   * Parsed here, the diagnostics are the caller's own fresh objects and are compacted in place;
   * cloned, they are copied (a cloned object keeps most of its properties outside itself).
   */
  diagnostics(list: readonly Diagnostic[], origin: Origin): readonly Diagnostic[] {
    return list.map((diagnostic) => (origin === "parsed" ? this.parsedDiagnostic(diagnostic) : this.clonedDiagnostic(diagnostic)));
  }

  private parsedDiagnostic(diagnostic: Diagnostic): Diagnostic {
    const kept = diagnostic as Mutable<Diagnostic>;
    kept.message = this.sharedIfShort(diagnostic.message);
    kept.pointer = this.sharedIfShort(diagnostic.pointer);
    return diagnostic;
  }

  private clonedDiagnostic(diagnostic: Diagnostic): Diagnostic {
    const { data } = diagnostic;
    return {
      ...diagnostic,
      rule: this.shared(diagnostic.rule),
      message: this.sharedIfShort(diagnostic.message),
      span: spanCopy(diagnostic.span),
      pointer: this.sharedIfShort(diagnostic.pointer),
      ...(data ? { data: this.record(data) } : {}),
      severity: this.shared(diagnostic.severity) as Diagnostic["severity"],
    };
  }

  /** A shallow copy of a diagnostic's data with its strings shared. */
  private record(data: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const copy = { ...data };
    for (const key of Object.keys(copy)) {
      const item = copy[key];
      if (typeof item === "string" && key !== "__proto__") copy[key] = this.sharedIfShort(item);
    }
    return copy;
  }

  /**
   * A value as parsed or cloned, compacted in place: its arrays replaced by exact copies (when
   * parsed here) and its strings shared (when cloned, or short). A key `__proto__` (an own property
   * the parser defined) is left as it is.
   */
  private value(value: unknown, origin: Origin): void {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = this.item(value[i], origin);
    } else if (typeof value === "object" && value !== null) {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) if (key !== "__proto__") record[key] = this.item(record[key], origin);
    }
  }

  private item(item: unknown, origin: Origin): unknown {
    if (typeof item === "string") return this.valueString(item, origin);
    if (typeof item !== "object" || item === null) return item;
    this.value(item, origin);
    return Array.isArray(item) && origin === "parsed" ? item.slice() : item;
  }

  private site(site: ReferenceSite, origin: Origin): ReferenceSite {
    return {
      pointer: this.sharedIfShort(site.pointer),
      span: origin === "cloned" ? spanCopy(site.span) : site.span,
      text: this.valueString(site.text, origin),
      id: this.valueString(site.id, origin),
      version: this.valueString(site.version, origin),
      targetKinds: this.kinds(site.targetKinds),
      role: origin === "cloned" ? (this.shared(site.role) as ReferenceSite["role"]) : site.role,
    };
  }

  private kinds(kinds: readonly DocumentKind[]): readonly DocumentKind[] {
    const key = kinds.join(" ");
    const known = this.kindLists.get(key);
    if (known) return known;
    this.kindLists.set(key, kinds);
    return kinds;
  }

  /** A string of a document's value: shared when short enough, and never when it may be a view into the text. */
  private valueString<T extends string | undefined>(text: T, origin: Origin): T {
    if (text === undefined || text.length >= (origin === "cloned" ? LONGEST_SHARED_VALUE + 1 : SHORT)) return text;
    return this.shared(text) as T;
  }

  private sharedIfShort<T extends string | undefined>(text: T): T {
    return text !== undefined && text.length <= LONGEST_SHARED ? (this.shared(text) as T) : text;
  }

  private shared(text: string): string {
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    if (this.strings.size >= this.capacity) this.strings.clear();
    flatten(text);
    this.strings.set(text, text);
    return text;
  }
}

/**
 * Makes a string built by concatenation one piece. V8 keeps `a + b` as a pair of the two (a
 * rope) until a character is read, and then writes it out flat in place, which frees the pieces; a
 * lookup in a Map does not. Only memory depends on it: an engine that does not flatten here
 * changes nothing else.
 */
function flatten(text: string): void {
  text.charCodeAt(0);
}

/** A span as an object literal makes: a cloned object has room for more properties than its two. */
function spanCopy(span: Span): Span {
  return { start: span.start, end: span.end };
}
