/**
 * Plain data shared by every part of the engine. Everything here is offset based: `start`/`end` are
 * UTF-16 offsets into the full text of the file (the same units as LSP positions), and only the
 * front ends turn them into line/character ranges.
 */

export type DocumentKind = "DatasetManifest" | "ModelCard" | "PipelineConfig";
export const DOCUMENT_KINDS: readonly DocumentKind[] = ["DatasetManifest", "ModelCard", "PipelineConfig"];

/** How each kind reads in a message ("a dataset manifest"). */
export const KIND_NAME: Readonly<Record<DocumentKind, string>> = { DatasetManifest: "dataset manifest", ModelCard: "model card", PipelineConfig: "pipeline config" };

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
  /** Set only by rules whose severity depends on the case (§5.2 sections); else the catalog's. */
  readonly severity?: Severity;
}

/** A finding after configuration is applied: what the front ends show. */
export interface Diagnostic extends Finding {
  readonly severity: Severity;
}
