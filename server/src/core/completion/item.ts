import type { Span } from "../types";

export type CompletionKind = "property" | "value" | "reference" | "rule" | "snippet";

/**
 * One completion proposal as plain data; the front end turns `replace` into a range. `insertText`
 * is the exact text to write, indentation included (front ends insert it as is).
 */
export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** True when `insertText` uses snippet syntax (`${1:default}`, `$0`). */
  readonly isSnippet?: boolean;
  readonly sortText?: string;
  /** What the client matches the typed text against, when not the label. */
  readonly filterText?: string;
  /** The text the item replaces; the cursor offset alone (an insertion) when absent. */
  readonly replace?: Span;
  /** True when the inserted text leaves the cursor where a value can be completed next. */
  readonly retrigger?: boolean;
}

/** Sort keys that keep a list in the order it was built. */
export function ordered(items: readonly Omit<CompletionItem, "sortText">[], group = 0): CompletionItem[] {
  const width = String(items.length).length;
  return items.map((item, i) => ({ ...item, sortText: `${group}${String(i).padStart(width, "0")}` }));
}
