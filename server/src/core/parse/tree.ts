import type { Finding, Span } from "../types";

/** Where one node of the parsed value sits in the text. */
export interface NodeLocation {
  /** The value itself (for a mapping or sequence: the whole collection). */
  readonly value: Span;
  /** The key that names it, when its parent is a mapping. */
  readonly key?: Span;
}

/** A comment in the source, for `genesis-ignore` suppressions. `text` excludes the comment marker. */
export interface SourceComment {
  readonly span: Span;
  readonly text: string;
}

/**
 * The result of parsing one structured region (a YAML or JSON file, or Markdown front matter).
 * `value` is plain data (objects, arrays, strings, numbers, booleans, null); `locations` maps the
 * JSON Pointer of every node to its spans in the original text.
 */
export interface ParsedTree {
  readonly syntax: "yaml" | "json";
  readonly value: unknown;
  readonly locations: ReadonlyMap<string, NodeLocation>;
  readonly problems: readonly Finding[];
  readonly comments: readonly SourceComment[];
  /** The region of the file this tree was parsed from. */
  readonly region: Span;
  /**
   * Where the first YAML syntax error lies, when the parser had to recover: the value built after
   * this point may hold fragments of the broken text, so schema findings there are not reported.
   */
  readonly brokenFrom?: number;
}

/** Nodes nested deeper than this are not descended into; the document gets one diagnostic instead. */
export const MAX_NESTING_DEPTH = 256;
