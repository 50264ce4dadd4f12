/**
 * Plain data shared by every part of the engine. Everything here is offset based: `start`/`end` are
 * UTF-16 offsets into the full text of the file (the same units as LSP positions), and only the
 * front ends turn them into line/character ranges.
 */

export type DocumentKind = "DatasetManifest" | "ModelCard" | "PipelineConfig";
export const DOCUMENT_KINDS: readonly DocumentKind[] = ["DatasetManifest", "ModelCard", "PipelineConfig"];

/** How each kind reads in a message ("a dataset manifest"). */
export const KIND_NAME: Readonly<Record<DocumentKind, string>> = {
  DatasetManifest: "dataset manifest",
  ModelCard: "model card",
  PipelineConfig: "pipeline config",
};

export type Severity = "error" | "warning" | "info";

/** A half-open region `[start, end)` of the file text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One problem found in a document, before severity resolution and suppression. */
export interface Finding {
  readonly rule: string;
  readonly message: string;
  readonly span: Span;
  /** JSON Pointer (RFC 6901) of the node the finding is about; "" is the document root. */
  readonly pointer: string;
  /** Extra facts a quick fix may need (the nearest allowed value, the missing property...). */
  readonly data?: Record<string, unknown>;
  /** Set only by rules whose severity depends on the case (model card sections); else the catalog's. */
  readonly severity?: Severity;
}

/**
 * A `genesis-ignore` comment that silences a finding (docs/rules.md#waivers): an accepted risk, listed in the
 * readiness report. `until` is the ISO date after which it no longer applies.
 */
export interface Waiver {
  readonly reason: string;
  readonly until?: string;
  /** Where the comment is, in the same text as the finding. */
  readonly span: Span;
}

/** A finding after configuration is applied: what the front ends show. */
export interface Diagnostic extends Finding {
  readonly severity: Severity;
  /**
   * Set when a waiver silences this diagnostic: it is not shown in the editor and does not count
   * against `check`, but the checklist counts it and the report lists it (docs/checklist.md#how-an-item-is-decided).
   */
  readonly waiver?: Waiver;
}
