import { SymbolKind, type Connection, type DocumentSymbol } from "vscode-languageserver";
import type { OutlineKind, OutlineSymbol } from "../core/index";
import type { AuthoringDocument, AuthoringDocuments } from "./authoring-documents";

const KINDS: Readonly<Record<OutlineKind, SymbolKind>> = {
  file: SymbolKind.File,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  field: SymbolKind.Field,
  module: SymbolKind.Module,
  key: SymbolKind.Key,
};

/** The outline of a Genesis document, as a tree (server capability `documentSymbolProvider`). */
export function registerDocumentSymbols(connection: Connection, documents: AuthoringDocuments): void {
  connection.onDocumentSymbol((params): DocumentSymbol[] | null => {
    const at = documents.get(params.textDocument);
    const symbols = at?.analysis.documentSymbols(at.path, at.text);
    return at && symbols ? symbols.map((symbol) => toLspSymbol(symbol, at)) : null;
  });
}

function toLspSymbol(symbol: OutlineSymbol, at: AuthoringDocument): DocumentSymbol {
  const range = (span: { start: number; end: number }) => ({
    start: at.positions.positionAt(span.start),
    end: at.positions.positionAt(span.end),
  });
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: KINDS[symbol.kind],
    range: range(symbol.span),
    selectionRange: range(symbol.selectionSpan),
    children: symbol.children.map((child) => toLspSymbol(child, at)),
  };
}
