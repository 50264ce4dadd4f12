import type { DocumentKind } from "../../types";

/** The formats of the field that `import` reads (docs/formats-import.md). */
export const IMPORT_FORMATS = ["croissant", "datapackage", "dvc", "cwl", "hugging-face"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What a local file named by the source is, read by the front end (streamed hash, real size). */
export interface LocalFileFacts {
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * What a converter needs besides the source text, passed in so that the converters stay pure: they
 * never read a file, fetch a URL or look at the clock themselves.
 */
export interface ImportContext {
  /**
   * The facts of a local file named by the source, by its workspace path (`/`-separated, relative to
   * the workspace root); undefined when there is no such file inside the workspace. The front end
   * refuses paths that leave the workspace and links that lead out of it.
   */
  localFile(workspacePath: string): Promise<LocalFileFacts | undefined>;
  /** Workspace path of a data file → the reference (`id@version`) of the Genesis document that declares it. */
  readonly declaredPaths: ReadonlyMap<string, string>;
  /** Today, `YYYY-MM-DD`, written in the header comment that says where the document came from. */
  readonly today: string;
  /**
   * The workspace folder the new document will be written in (`""`: the root); the source's own
   * folder when undefined. Local paths in the result are written relative to it.
   */
  readonly outputFolder?: string;
}

/** The source as the front end read it. */
export interface ImportSource {
  /** Workspace path of the source file. */
  readonly path: string;
  readonly text: string;
}

/** A new Genesis document made from a source. */
export interface ImportResult {
  readonly format: ImportFormat;
  readonly kind: DocumentKind;
  /** The document's text, in the layout and key order of the templates (core/templates/documents.ts). */
  readonly text: string;
  /** The suggested file name (no folder): a name the Genesis recognition accepts for `kind`. */
  readonly fileName: string;
  /** What the user should know about the conversion: a digest that differed from the file's, a value that did not map. */
  readonly notes: readonly string[];
}

/** A source that cannot be converted: not valid JSON/YAML, or not the format its name promises. */
export class ImportError extends Error {}
