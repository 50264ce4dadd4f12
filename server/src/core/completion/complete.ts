import type { GenesisDocument } from "../document";
import { schemaAt } from "../schema/navigate";
import type { Span } from "../types";
import type { WorkspaceIndex } from "../workspace/workspace-index";
import type { CompletionItem } from "./item";
import { jsonCursorAt } from "./json-cursor";
import { listItemSnippets } from "./list-items";
import { isObjectSchema, propertyItems } from "./properties";
import { htmlCommentCursor, type ExpiryCursor, type RuleCursor } from "./rule-cursor";
import { expiryItems, ruleItems } from "./rules";
import { valueItems } from "./values";
import { yamlCursorAt, type ItemCursor } from "./yaml-cursor";

export type { CompletionItem, CompletionKind } from "./item";
export { documentBeingTyped } from "./document-being-typed";

export interface CompletionContext {
  /** The workspace the document belongs to, for `id@version` references. */
  readonly index?: WorkspaceIndex;
  /** Today's date, `YYYY-MM-DD`, from which a waiver's proposed expiry is counted (the core reads no clock). */
  readonly today?: string;
}

/**
 * Completion at `offset` (UTF-16) of a Genesis document: property names of the mapping at the
 * cursor, values of enums and booleans, `id@version` references, rule ids and the expiry in
 * `genesis-ignore` comments, and whole list items. The position is read from the text around the cursor, so an
 * unfinished document (which parses into something else, or not at all) completes as it will be.
 */
export function complete(document: GenesisDocument, offset: number, context: CompletionContext = {}): CompletionItem[] {
  const { text, kind } = document;
  const valueRequest = { kind, path: document.path, index: context.index };
  if (document.syntax === "json") {
    const cursor = jsonCursorAt(text, offset);
    if (!cursor) return [];
    if (cursor.kind === "key") {
      return propertyItems({
        kind,
        mapping: cursor.mapping,
        present: cursor.present,
        form: { syntax: "json", comma: cursor.followed },
        nameOnly: cursor.hasValue,
        replace: cursor.replace,
      });
    }
    return valueItems({
      ...valueRequest,
      pointer: cursor.pointer,
      typed: cursor.typed,
      replace: cursor.replace,
      syntax: "json",
      needsBlank: cursor.needsBlank,
    });
  }

  const region = yamlRegion(document, offset);
  if (!region) return markdownBodyCompletion(text, offset, context);
  const cursor = yamlCursorAt(text, region, offset);
  switch (cursor?.kind) {
    case "rule":
    case "expiry":
      return directiveItems(cursor, context);
    case "key":
      return propertyItems({
        kind,
        mapping: cursor.mapping,
        present: cursor.present,
        form: cursor.flow ? { syntax: "flow" } : { syntax: "block", column: cursor.column },
        nameOnly: cursor.hasValue,
        replace: cursor.replace,
      });
    case "value":
      return valueItems({
        ...valueRequest,
        pointer: cursor.pointer,
        typed: cursor.typed,
        replace: cursor.replace,
        syntax: "yaml",
        quote: cursor.quote,
        needsBlank: cursor.needsBlank,
      });
    case "item":
      return itemCompletion(document, cursor, context);
    default:
      return [];
  }
}

/**
 * After a `- `: for a list of mappings, whole items (on a bare dash) and the keys of the item; for
 * a list of values, the values.
 */
function itemCompletion(document: GenesisDocument, cursor: ItemCursor, context: CompletionContext): CompletionItem[] {
  const { kind } = document;
  const schema = schemaAt(kind, cursor.item);
  if (!schema || !isObjectSchema(schema)) {
    return valueItems({
      kind,
      path: document.path,
      index: context.index,
      pointer: cursor.item,
      typed: cursor.typed,
      replace: cursor.replace,
      syntax: "yaml",
      needsBlank: cursor.needsBlank,
    });
  }
  const snippets = cursor.bare ? listItemSnippets(kind, cursor.list, cursor.column, { start: cursor.dash, end: cursor.replace.end }) : [];
  const keys = propertyItems({
    kind,
    mapping: cursor.item,
    present: cursor.present,
    form: { syntax: "block", column: cursor.column + 2 },
    nameOnly: cursor.hasValue,
    replace: cursor.replace,
  });
  return [...snippets, ...keys.map((item) => (cursor.needsBlank ? { ...item, insertText: ` ${item.insertText}` } : item))];
}

/** The YAML the cursor is in: the file, or a Markdown card's front matter; undefined in a Markdown body. */
function yamlRegion(document: GenesisDocument, offset: number): Span | undefined {
  if (document.syntax !== "markdown") return { start: 0, end: document.text.length };
  const frontMatter = document.markdown?.frontMatter;
  if (!frontMatter) return undefined;
  const { start, end } = frontMatter.content;
  // On the closing fence's line the cursor is in the body.
  return offset >= start && (offset < end || (!frontMatter.closed && offset === end)) ? frontMatter.content : undefined;
}

function directiveItems(cursor: RuleCursor | ExpiryCursor, context: CompletionContext): CompletionItem[] {
  return cursor.kind === "rule" ? ruleItems(cursor) : expiryItems(cursor, context.today);
}

function markdownBodyCompletion(text: string, offset: number, context: CompletionContext): CompletionItem[] {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== "\n" && text[lineStart - 1] !== "\r") lineStart--;
  let lineEnd = offset;
  while (lineEnd < text.length && text[lineEnd] !== "\n" && text[lineEnd] !== "\r") lineEnd++;
  const cursor = htmlCommentCursor(text.slice(lineStart, offset), offset, text.slice(offset, lineEnd));
  return cursor ? directiveItems(cursor, context) : [];
}
