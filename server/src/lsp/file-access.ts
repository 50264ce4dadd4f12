import type { DocumentSource } from "../core/index";

/** A document's place in the workspace: the folder root it belongs to and its relative POSIX path. */
export interface WorkspacePlace {
  /**
   * The workspace folder's root, as the file access names it (an absolute file-system path under
   * Node, the folder's URI in the browser); empty for documents outside every folder.
   */
  readonly root: string;
  /** Relative to `root`, with `/` separators. */
  readonly relativePath: string;
}

/**
 * How the language server reaches the files of the workspace. The Node server fills it with the
 * file system (node-file-access.ts); the browser server asks the client, which reads through VS
 * Code's `workspace.fs` (web/browser-file-access.ts). Everything above it speaks roots and
 * workspace-relative paths, never file-system paths. Nothing outside a root is ever listed or read.
 */
export interface WorkspaceFileAccess {
  /** The root of a workspace folder given by its URI; undefined for a folder this access cannot read. */
  rootOf(folderUri: string): string | undefined;
  /** Where a document lies: its folder among `roots` (deepest first, so a nested folder wins). */
  place(uri: string, roots: readonly string[]): WorkspacePlace;
  /** The URI of a file of a root. */
  uriOf(root: string, relativePath: string): string;
  /** The URI of a root itself. */
  folderUri(root: string): string;
  /** A short name for a root, for progress messages and reports. */
  folderName(root: string): string;
  /** Every file under the root that `accept` takes (relative paths, sorted); never node_modules or .git. */
  list(root: string, accept: (relativePath: string) => boolean): Promise<string[]>;
  /**
   * A file as text: whole, or above `maxBytes` its head and size. Rejects when the file does not
   * exist or cannot be read.
   */
  read(root: string, relativePath: string, maxBytes: number): Promise<DocumentSource>;
}
