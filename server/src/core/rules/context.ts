import type { GenesisConfig } from "../config";
import type { GenesisDocument } from "../document";
import type { DocumentKind, Finding, Severity, Span } from "../types";

export interface Report {
  readonly rule: string;
  /** JSON Pointer of the node the problem is about. */
  readonly pointer: string;
  /** What is wrong and what would be right. */
  readonly message: string;
  /** Underline the node's key instead of its value (missing children, unknown keys). */
  readonly part?: "key" | "value";
  /** An exact span, when the problem is a part of a value (one segment of an image reference). */
  readonly span?: Span;
  readonly severity?: Severity;
  readonly data?: Record<string, unknown>;
}

/**
 * A report as a finding, placed by `place` (the node's key or value span) unless the report
 * carries its own span: how the engine's passes and the io rules collect what rules report.
 */
export function findingOf(r: Report, place: (pointer: string, part: "key" | "value") => Span): Finding {
  return {
    rule: r.rule,
    message: r.message,
    pointer: r.pointer,
    span: r.span ?? place(r.pointer, r.part ?? "value"),
    severity: r.severity,
    data: r.data,
  };
}

/** What a document rule sees: the parsed document, its top-level object, and the configuration. */
export interface RuleContext {
  readonly document: GenesisDocument;
  /** The top-level object; `{}` when the document is not a mapping. */
  readonly value: Readonly<Record<string, unknown>>;
  readonly config: GenesisConfig;
  /**
   * Today's date, `YYYY-MM-DD`, when the front end gave the engine one (EngineOptions.today). The
   * core never reads the clock: a rule about dates does not run without it.
   */
  readonly today?: string;
  report(report: Report): void;
}

/**
 * A check over one document's own text (the `type` rules of docs/rules.md). A check may report several rule
 * ids; `reports` lists them so the catalog, the docs and the tests can see which check owns which id.
 */
export interface DocumentCheck {
  readonly name: string;
  readonly reports: readonly string[];
  /** The kinds it applies to; all when absent. */
  readonly kinds?: readonly DocumentKind[];
  check(context: RuleContext): void;
}
