import { IMPORT_FROM_FILE_COMMAND } from "../../server/src/protocol";

/**
 * The import action on the sources of the field that the server is never given: their language is
 * none the server reads (a `.cwl` file is plain text, or `cwl` with an extension for it), so the
 * client offers "Create Genesis ... from this file" on them itself. The server offers the same
 * action on the sources written in YAML, JSON or Markdown (server/src/lsp/import-action.ts); the
 * conversion is the server's either way (`genesis.importFromFile`, which reads the file from disk).
 */
export const UNSYNCED_IMPORT_SOURCES = [{ scheme: "file", pattern: "**/*.cwl" }] as const;

/** The client command that starts the server if need be, then asks it to import a file (wiring.ts). */
export const IMPORT_SOURCE_COMMAND = "genesis.importSource";

/** The action's title: the server's own for a CWL source (a unit test holds the two equal). */
export const CWL_IMPORT_TITLE = "Create Genesis pipeline config from this file";

export interface ImportSourceAction {
  readonly title: string;
  readonly command: { readonly title: string; readonly command: string; readonly arguments: readonly unknown[] };
}

/**
 * The import action for a document the filter above matched, or none where the workspace is not
 * trusted (the server imports nothing there: a source may name files to hash).
 */
export function importSourceAction(uri: string, trusted: boolean): ImportSourceAction | undefined {
  if (!trusted || !uri.toLowerCase().endsWith(".cwl")) return undefined;
  return { title: CWL_IMPORT_TITLE, command: { title: CWL_IMPORT_TITLE, command: IMPORT_SOURCE_COMMAND, arguments: [uri] } };
}

/** What the client command sends to the server: its own command, on the file's URI. */
export function serverImportRequest(uri: unknown): { command: string; arguments: unknown[] } | undefined {
  return typeof uri === "string" ? { command: IMPORT_FROM_FILE_COMMAND, arguments: [uri] } : undefined;
}
