import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem as LspCompletionItem,
  type CompletionList,
  type Connection,
} from "vscode-languageserver";
import { isoDateOf, type CompletionItem, type CompletionKind } from "../core/index";
import type { AuthoringDocument, AuthoringDocuments } from "./authoring-documents";

/** Typing one of these asks for completion: after `key:`, a blank, a list dash, or the `@` of a reference. */
export const COMPLETION_TRIGGER_CHARACTERS = [":", " ", "-", "@"];

const KINDS: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  rule: CompletionItemKind.Constant,
  snippet: CompletionItemKind.Snippet,
};

/** Completion of properties, values, references, rule ids and list items (server capability `completionProvider`). */
export function registerCompletion(connection: Connection, documents: AuthoringDocuments): void {
  connection.onCompletion((params): CompletionList | null => {
    const at = documents.get(params.textDocument);
    if (!at) return null;
    const offset = at.positions.offsetAt(params.position);
    const items = at.analysis.completion(at.path, at.text, offset, isoDateOf(new Date()));
    if (!items) return null;
    return { isIncomplete: false, items: items.map((item) => toLspCompletion(item, at, offset)) };
  });
}

function toLspCompletion(item: CompletionItem, at: AuthoringDocument, offset: number): LspCompletionItem {
  const span = item.replace ?? { start: offset, end: offset };
  const range = { start: at.positions.positionAt(span.start), end: at.positions.positionAt(span.end) };
  return {
    label: item.label,
    kind: KINDS[item.kind],
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    sortText: item.sortText,
    filterText: item.filterText,
    textEdit: { range, newText: item.insertText },
    insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    // The core writes the indentation of every line itself.
    insertTextMode: item.insertText.includes("\n") ? InsertTextMode.asIs : undefined,
    command: item.retrigger ? { title: "Suggest values", command: "editor.action.triggerSuggest" } : undefined,
  };
}
