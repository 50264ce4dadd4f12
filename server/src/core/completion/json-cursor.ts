import { getLocation, parse, type Node as JsonNode } from "jsonc-parser";
import { isRecord, joinPointer, valueAt } from "../pointer";
import type { Span } from "../types";

/** What the cursor is on in JSON: a property name of the object at `mapping`, or the value at `pointer`. */
export type JsonCursor =
  | {
      readonly kind: "key";
      readonly mapping: string;
      readonly present: ReadonlySet<string>;
      /** True when a `:` already follows the name: only the quoted name is to be written. */
      readonly hasValue: boolean;
      /** True when another property follows: a new one needs a comma after it. */
      readonly followed: boolean;
      readonly typed: string;
      readonly replace: Span;
    }
  | { readonly kind: "value"; readonly pointer: string; readonly typed: string; readonly replace: Span; readonly needsBlank: boolean };

/**
 * Reads the cursor position with jsonc-parser's scanner, which copes with the unfinished JSON of
 * a document being typed (`{ "kind": "X", "li| }`).
 */
export function jsonCursorAt(text: string, offset: number): JsonCursor | undefined {
  const location = getLocation(text, offset);
  const segments = location.path;
  const token = stringTokenAt(location.previousNode, offset);
  if (location.isAtPropertyKey) {
    const mapping = segments.slice(0, -1).reduce<string>((pointer, segment) => joinPointer(pointer, segment), "");
    const object = valueAt(parse(text, [], { allowTrailingComma: true }), mapping);
    const present = new Set(isRecord(object) ? Object.keys(object) : []);
    const replace = token?.span ?? { start: offset, end: offset };
    if (token) present.delete(token.value);
    const rest = text.slice(replace.end);
    return {
      kind: "key",
      mapping,
      present,
      hasValue: /^\s*:/.test(rest),
      followed: /^\s*"/.test(rest),
      typed: token?.value ?? "",
      replace,
    };
  }
  if (location.previousNode && !token) return undefined; // on a number, a literal, or after a value
  const pointer = segments.reduce<string>((p, segment) => joinPointer(p, segment), "");
  const replace = token?.span ?? { start: offset, end: offset };
  return {
    kind: "value",
    pointer,
    typed: token ? text.slice(token.span.start + 1, offset) : "",
    replace,
    needsBlank: text[offset - 1] === ":",
  };
}

/** The string token (quotes included) that the cursor is inside or at the end of, and its content. */
function stringTokenAt(node: JsonNode | undefined, offset: number): { span: Span; value: string } | undefined {
  if (!node || (node.type !== "string" && node.type !== "property") || typeof node.value !== "string") return undefined;
  if (offset <= node.offset || offset > node.offset + node.length) return undefined;
  return { span: { start: node.offset, end: node.offset + node.length }, value: node.value };
}
