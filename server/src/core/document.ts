import type { FrontMatter, MarkdownHeading } from "./parse/markdown";
import type { NodeLocation, ParsedTree } from "./parse/tree";
import { parentPointer } from "./pointer";
import type { DocumentKind, Span } from "./types";

/** A file handed to the engine: its workspace-relative POSIX path and its current text. */
export interface SourceFile {
  /** Relative to the workspace root, with `/` separators (`data/ocean.dataset.yaml`). */
  readonly path: string;
  readonly text: string;
}

export type SourceSyntax = "yaml" | "json" | "markdown";

/** How a file was recognised as a Genesis document (docs/formats/README.md#recognition). */
export type RecognisedBy = "file-name" | "content" | "hugging-face";

export interface MarkdownParts {
  /** Undefined when the file has no front matter at all. */
  readonly frontMatter?: FrontMatter;
  readonly headings: readonly MarkdownHeading[];
  /** Where the Markdown body starts (after the front matter). */
  readonly bodyStart: number;
}

/** One parsed Genesis document: the input of every rule. Parsed once per text version. */
export interface GenesisDocument {
  readonly path: string;
  readonly text: string;
  readonly kind: DocumentKind;
  readonly syntax: SourceSyntax;
  readonly recognisedBy: RecognisedBy;
  /** The document object (for Markdown: the front matter). */
  readonly tree: ParsedTree;
  readonly markdown?: MarkdownParts;
}

/**
 * The span to underline for a node: its key or its value. A pointer with no node (a property that
 * is missing) falls back to the nearest ancestor that exists, and the root falls back to the first
 * key of the document, so that nothing is ever reported on the whole file or on a default position.
 */
export function spanOf(document: Pick<GenesisDocument, "tree" | "text">, pointer: string, part: "key" | "value" = "value"): Span {
  const { tree } = document;
  let current = pointer;
  let location: NodeLocation | undefined = tree.locations.get(current);
  while (!location && current !== "") {
    current = parentPointer(current);
    location = tree.locations.get(current);
  }
  if (location && current !== "") {
    const chosen = part === "key" || current !== pointer ? (location.key ?? location.value) : location.value;
    return nonEmpty(chosen, document.text);
  }
  return rootAnchor(document);
}

/** The key of the document's `kind`, else its first key, else its first non-blank character. */
export function rootAnchor(document: Pick<GenesisDocument, "tree" | "text">): Span {
  const { tree, text } = document;
  const kind = tree.locations.get("/kind");
  if (kind?.key) return kind.key;
  let firstKey: Span | undefined;
  for (const [pointer, location] of tree.locations) {
    if (pointer.lastIndexOf("/") === 0 && location.key && (!firstKey || location.key.start < firstKey.start)) firstKey = location.key;
  }
  if (firstKey) return firstKey;
  let start = tree.region.start;
  while (start < tree.region.end && /\s|\uFEFF/.test(text[start])) start++;
  if (start >= tree.region.end) start = tree.region.start;
  let end = start;
  while (end < text.length && text[end] !== "\n" && text[end] !== "\r") end++;
  return nonEmpty({ start, end }, text);
}

/** `span`, or one character beside it when it is empty, so that an editor can show it. */
export function nonEmpty(span: Span, text: string): Span {
  if (span.end > span.start) return span;
  const end = Math.min(text.length, span.start + 1);
  return end > span.start ? { start: span.start, end } : { start: Math.max(0, span.start - 1), end: span.start };
}
