import type { ParsedTree } from "./tree";

/**
 * Where the broken region of a tree with a YAML syntax error begins: the start of the top-level
 * entry (a line that starts at column 0 with neither blank nor comment) holding the first error.
 * After a syntax error the parser recovers by reading what follows as best it can, so keys there
 * may be fragments (`b]` from a broken flow sequence) and values may be cut short. Schema findings
 * at or after this offset are left out: the syntax error is the one thing to fix there, and the
 * schema speaks again once the text parses. Findings before it still stand. Undefined when the
 * tree parsed without error.
 */
export function brokenRegionStart(tree: ParsedTree, text: string): number | undefined {
  if (tree.brokenFrom === undefined) return undefined;
  let lineStart = text.lastIndexOf("\n", Math.max(tree.brokenFrom - 1, 0)) + 1;
  while (lineStart > tree.region.start && !startsTopLevelEntry(text, lineStart)) {
    lineStart = text.lastIndexOf("\n", lineStart - 2) + 1;
  }
  return Math.max(lineStart, tree.region.start);
}

function startsTopLevelEntry(text: string, lineStart: number): boolean {
  const c = text[lineStart];
  return c !== undefined && c !== " " && c !== "\t" && c !== "\n" && c !== "\r" && c !== "#";
}
