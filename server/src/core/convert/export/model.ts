import type { DocumentFacts } from "../../workspace/facts";

/**
 * The formats of the field a workspace's Genesis documents can be written in (docs/formats-export.md).
 * `public` formats are published as they are (Croissant files go to dataset search engines and
 * conference sites): a document above `public` goes there only when the user says so.
 */
export const EXPORT_TARGETS = ["croissant", "ro-crate", "cyclonedx", "spdx"] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
export const PUBLIC_TARGETS: ReadonlySet<ExportTarget> = new Set<ExportTarget>(["croissant"]);

/** What an exporter reads of a document: its place, kind, identity and parsed value, as the host holds them. */
export type ExportDocument = Pick<DocumentFacts, "path" | "kind" | "id" | "version" | "value">;

/** The tool named as the output's creator. */
export interface ExportTool {
  readonly name: string;
  readonly version: string;
}

/**
 * An exporter's whole input: pure data, so that an output depends on nothing else. `generatedAt`
 * comes from the caller's clock (a test passes a fixed one, so outputs are byte-for-byte stable).
 */
export interface ExportInput {
  /** The documents asked for, in path order. */
  readonly documents: readonly ExportDocument[];
  /** Every document of the workspace, the asked-for ones included: references resolve against them. */
  readonly workspace: readonly ExportDocument[];
  readonly tool: ExportTool;
  /** ISO 8601 date-time with a `Z` offset and whole seconds (`2026-01-15T08:30:00Z`). */
  readonly generatedAt: string;
  /** A name for the whole export (the workspace folder's name), where a format wants one. */
  readonly title: string;
}

/** One export's output: the file's text, and the name a save dialog should suggest. */
export interface ExportOutput {
  readonly text: string;
  readonly fileName: string;
}

/** A document that a public format would disclose, and the level that forbids it. */
export interface ClassifiedDocument {
  readonly path: string;
  readonly label: string;
  /** The level it counts as (fail closed), or `unclassified` when it states none. */
  readonly level: string;
}

export type ExportResult =
  | { readonly ok: true; readonly output: ExportOutput }
  /** A public format and documents above `public`, without the user's leave. */
  | { readonly ok: false; readonly problem: "classified"; readonly documents: readonly ClassifiedDocument[]; readonly message: string }
  /** The selection does not fit the format (Croissant describes exactly one dataset). */
  | { readonly ok: false; readonly problem: "selection"; readonly message: string };
