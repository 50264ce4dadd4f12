import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { joinPointer } from "../pointer";
import type { Finding, Span } from "../types";
import { MAX_NESTING_DEPTH, type NodeLocation, type ParsedTree } from "./tree";

/** Parses strict JSON (no comments, no trailing commas) and records where each node is. */
export function parseJson(text: string, region: Span = { start: 0, end: text.length }): ParsedTree {
  const source = text.slice(region.start, region.end);
  const base = region.start;
  const problems: Finding[] = [];
  const locations = new Map<string, NodeLocation>();
  const result = (value: unknown): ParsedTree => ({ syntax: "json", value, locations, problems, comments: [], region });

  const tooDeepAt = findNestingBeyond(source, MAX_NESTING_DEPTH);
  if (tooDeepAt >= 0) {
    problems.push({
      rule: "syntax/json",
      message:
        `Nesting is deeper than ${MAX_NESTING_DEPTH} levels; the file is not checked further. ` +
        "Genesis documents need only a few levels.",
      span: { start: base + tooDeepAt, end: base + tooDeepAt + 1 },
      pointer: "",
    });
    return result(null);
  }

  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  for (const error of errors) {
    problems.push({
      rule: "syntax/json",
      message: `JSON syntax error: ${describeJsonError(printParseErrorCode(error.error))}.`,
      span: { start: base + error.offset, end: base + error.offset + Math.max(1, error.length) },
      pointer: "",
    });
  }
  if (!root) return result(null);

  const at = (node: JsonNode): Span => ({ start: base + node.offset, end: base + node.offset + node.length });
  const build = (node: JsonNode, pointer: string, key?: Span): unknown => {
    locations.set(pointer, { value: at(node), key });
    switch (node.type) {
      case "object": {
        const object: Record<string, unknown> = {};
        for (const property of node.children ?? []) {
          const [keyNode, valueNode] = property.children ?? [];
          if (!keyNode) continue;
          const name = String(keyNode.value);
          if (Object.prototype.hasOwnProperty.call(object, name)) {
            problems.push({
              rule: "syntax/duplicate-key",
              message: `The key "${name}" appears twice in this object; keep one of them.`,
              span: at(keyNode),
              pointer: joinPointer(pointer, name),
            });
            continue;
          }
          const childPointer = joinPointer(pointer, name);
          object[name] = valueNode ? build(valueNode, childPointer, at(keyNode)) : null;
          if (!valueNode) locations.set(childPointer, { value: at(keyNode), key: at(keyNode) });
        }
        return object;
      }
      case "array":
        return (node.children ?? []).map((child, index) => build(child, joinPointer(pointer, index)));
      default:
        return node.value ?? null;
    }
  };
  return result(build(root, ""));
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: "unexpected character",
    InvalidNumberFormat: "malformed number",
    PropertyNameExpected: "expected a property name in double quotes",
    ValueExpected: "expected a value",
    ColonExpected: 'expected ":" after the property name',
    CommaExpected: 'expected "," between entries',
    CloseBraceExpected: 'expected "}" to close the object',
    CloseBracketExpected: 'expected "]" to close the array',
    EndOfFileExpected: "expected the end of the file after the top-level value",
    InvalidCommentToken: "comments are not allowed in JSON",
    UnexpectedEndOfComment: "unterminated comment",
    UnexpectedEndOfString: "unterminated string",
    UnexpectedEndOfNumber: "unterminated number",
    InvalidUnicode: "invalid unicode escape",
    InvalidEscapeCharacter: "invalid escape character",
    InvalidCharacter: "invalid character in a string",
  };
  return words[code] ?? code;
}

/** Offset of the first bracket nested deeper than `limit`, outside strings; -1 when none is. */
function findNestingBeyond(source: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > limit) return i;
    } else if (c === 125 || c === 93) depth--;
  }
  return -1;
}
