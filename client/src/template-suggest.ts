import type * as vscode from "vscode";
import { DOCUMENT_TEMPLATES } from "../../server/src/core/client-api";

/**
 * Offers the `genesis-modelcard` snippet as one types its prefix into an empty Markdown file.
 * VS Code turns quick suggestions off in Markdown (prose would drown in word suggestions), so a
 * snippet is otherwise only seen on Ctrl+Space. Rather than turning them on for all Markdown
 * (`configurationDefaults`), the suggestions are opened only while the whole file is one word that
 * begins a Genesis snippet's prefix: nowhere else, so prose is never interrupted.
 */

/** The prefixes of the Markdown templates (the snippets of snippets/markdown.json). */
const MARKDOWN_PREFIXES = [...new Set(DOCUMENT_TEMPLATES.filter((t) => t.language === "markdown").map((t) => t.prefix))];

/** Letters typed before the suggestions open: enough that a file starting "Ge..." in prose does not. */
const MIN_TYPED = 3;

/** Whether a Markdown file's whole text is the start of a Genesis snippet's prefix being typed. */
export function isTypingTemplatePrefix(text: string, prefixes: readonly string[] = MARKDOWN_PREFIXES): boolean {
  if (text.length < MIN_TYPED || /\s/.test(text)) return false;
  return prefixes.some((prefix) => prefix.startsWith(text) && prefix !== text);
}

/** The slice of `vscode` this needs, passed in so that a test drives it with fakes. */
export interface TemplateSuggestApi {
  readonly workspace: Pick<typeof vscode.workspace, "onDidChangeTextDocument">;
  readonly window: { readonly activeTextEditor?: { readonly document: unknown } };
  readonly commands: Pick<typeof vscode.commands, "executeCommand">;
}

export function offerTemplatesWhileTyping(api: TemplateSuggestApi): vscode.Disposable {
  return api.workspace.onDidChangeTextDocument((event) => {
    const document = event.document;
    if (document.languageId !== "markdown" || api.window.activeTextEditor?.document !== document) return;
    // One character typed, not a paste, an undo or another extension's edit.
    const [change, ...more] = event.contentChanges;
    if (!change || more.length > 0 || change.text.length !== 1 || change.rangeLength !== 0) return;
    if (document.lineCount === 1 && isTypingTemplatePrefix(document.getText()))
      void api.commands.executeCommand("editor.action.triggerSuggest");
  });
}
