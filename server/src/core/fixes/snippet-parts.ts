import { escapeSnippetText } from "../templates/snippet-syntax";

/**
 * Text to insert, built as literal pieces and placeholders, so that one description gives both the
 * plain text (each placeholder's default) and the snippet (each placeholder a tab stop, a choice
 * when the value is one of a list).
 */
export type Part = string | Slot;

export interface Slot {
  /** The default text, written out as it must appear in the document. */
  readonly text: string;
  /** Other values the user may pick, the default first; each written out like `text`. */
  readonly choices?: readonly string[];
}

export function slot(text: string, choices?: readonly string[]): Slot {
  return choices && choices.length > 1 ? { text, choices } : { text };
}

export function hasSlots(parts: readonly Part[]): boolean {
  return parts.some((part) => typeof part !== "string");
}

/** The plain text: every placeholder keeps its default. */
export function plainText(parts: readonly Part[]): string {
  return parts.map((part) => (typeof part === "string" ? part : part.text)).join("");
}

/** Snippet syntax: tab stops numbered in order of appearance, literal text escaped. */
export function snippetText(parts: readonly Part[]): string {
  let stop = 0;
  return parts
    .map((part) => {
      if (typeof part === "string") return escapeSnippetText(part);
      stop++;
      if (part.choices) return `\${${stop}|${part.choices.map(escapeChoice).join(",")}|}`;
      return `\${${stop}:${escapeSnippetText(part.text)}}`;
    })
    .join("");
}

function escapeChoice(text: string): string {
  return text.replace(/[,|\\$}]/g, (c) => `\\${c}`);
}
