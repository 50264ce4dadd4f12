import {
  CONFIG_FILE_NAME,
  isGenesisFileName,
  mayDeclareKind,
  NAME_PATTERNS,
  SOURCE_SYNTAXES,
  type SourceSyntax,
} from "../../server/src/core/client-api";

/**
 * What the client knows of recognition (docs/formats/README.md#recognition), derived from the server's one table
 * (server/src/core/kinds/recognise.ts), so that the extension starts the server for exactly the
 * files the server will check. Free of the editor API, so that unit tests read it as it is.
 */

/** Base names that make a file a Genesis file: every document name pattern, and the configuration file. */
export const GENESIS_FILE_NAMES: readonly string[] = [...NAME_PATTERNS.flatMap((pattern) => pattern.names), CONFIG_FILE_NAME];

/** The same names as one glob, for `workspace.findFiles`. */
export const GENESIS_FILE_GLOB = `**/{${GENESIS_FILE_NAMES.join(",")}}`;

/**
 * The documents the server is given, saved or untitled, in every language a Genesis document can
 * be written in; the server itself decides which of them are Genesis documents.
 */
export const DOCUMENT_SELECTOR: readonly { readonly scheme: string; readonly language: string }[] = documentSelectorFor([
  "file",
  "untitled",
]);

/**
 * The same documents under other URI schemes: in the browser the workspace's files have their
 * folders' scheme (`vscode-vfs:` on github.dev), not `file:`.
 */
export function documentSelectorFor(schemes: readonly string[]): { readonly scheme: string; readonly language: string }[] {
  return schemes.flatMap((scheme) => SOURCE_SYNTAXES.map((language) => ({ scheme, language })));
}

/**
 * Whether a document may be a Genesis document, by its language, its name and the start of its
 * text: the server's own cheap test, so that the server is only started for files that need it.
 * False positives are harmless (the server decides); a false negative would leave a file unchecked.
 */
export function mayBeGenesis(languageId: string, path: string, head: string): boolean {
  if (!isSourceSyntax(languageId)) return false;
  return isGenesisFileName(path) || mayDeclareKind(head, languageId, path);
}

function isSourceSyntax(languageId: string): languageId is SourceSyntax {
  return (SOURCE_SYNTAXES as readonly string[]).includes(languageId);
}
