import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Alias, type Document, type Node, type ParseOptions } from "yaml";
import type { DocumentOptions, SchemaOptions } from "yaml";
import { joinPointer } from "../pointer";
import type { Finding, Span } from "../types";
import { MAX_NESTING_DEPTH, type NodeLocation, type ParsedTree, type SourceComment } from "./tree";
import { blankTabsInFlowIndentation, pyyamlOptions } from "./yaml-1.1";
import type { YamlVersion } from "./yaml-scalars";

/** Alias expansion above this many nodes (and above 10x the written nodes) is treated as an alias bomb. */
const MAX_EXPANDED_NODES = 100_000;

/**
 * Parses YAML from `text.slice(region.start, region.end)`; every span in the result is an offset
 * into `text` itself, so Markdown front matter needs no later shifting.
 */
export function parseYaml(text: string, region: Span = { start: 0, end: text.length }, version: YamlVersion = "1.2"): ParsedTree {
  const written = text.slice(region.start, region.end);
  const source = version === "1.1" ? blankTabsInFlowIndentation(written) : written;
  const base = region.start;
  const problems: Finding[] = [];
  const locations = new Map<string, NodeLocation>();
  const span = (range: readonly number[] | null | undefined, fallback: Span): Span =>
    range ? { start: base + range[0], end: base + Math.max(range[0], range[1]) } : fallback;

  const options: ParseOptions & DocumentOptions & SchemaOptions =
    version === "1.1"
      ? { prettyErrors: false, uniqueKeys: false, ...pyyamlOptions }
      : { prettyErrors: false, uniqueKeys: false, strict: true };
  const documents = parseAllDocuments(source, options);
  const docs = Array.isArray(documents) ? documents : [];
  const first = docs[0];
  for (const doc of docs.slice(0, 1)) {
    for (const error of doc.errors) {
      problems.push({
        rule: "syntax/yaml",
        message: `YAML syntax error: ${cleanYamlMessage(error.message)}`,
        span: span(error.pos, { start: base, end: base + 1 }),
        pointer: "",
      });
    }
  }
  if (docs.length > 1) {
    const second = docs[1];
    const at = span(second.range, { start: base, end: base + 1 });
    problems.push({
      rule: "syntax/yaml",
      message: `This file holds ${docs.length} YAML documents; a Genesis document is exactly one. Move the others into their own files.`,
      span: { start: at.start, end: Math.min(at.end, at.start + 3) },
      pointer: "",
    });
  }

  let value: unknown = null;
  if (first?.contents) {
    const aliasBudget = Math.max(MAX_EXPANDED_NODES, 10 * countWrittenNodes(source));
    const builder = new ValueBuilder(first, locations, problems, span, aliasBudget, text);
    value = builder.build(first.contents as Node, "", 0);
  }

  const errorStarts = (first?.errors ?? []).map((error) => base + error.pos[0]);
  return {
    syntax: "yaml",
    value,
    locations,
    problems,
    comments: scanYamlComments(written, base),
    region,
    ...(errorStarts.length ? { brokenFrom: Math.min(...errorStarts) } : {}),
  };
}

function cleanYamlMessage(message: string): string {
  return message.replace(/\s+at line \d+, column \d+.*$/s, "").trim();
}

/** A rough upper bound of the nodes written in the text, to scale the alias budget with the file. */
function countWrittenNodes(source: string): number {
  let count = 0;
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) count++;
  return count * 4 + 16;
}

type SpanOf = (range: readonly number[] | null | undefined, fallback: Span) => Span;

/** Turns the yaml AST into plain data and records where each node is. */
class ValueBuilder {
  private expanded = 0;
  private bombReported = false;
  private depthReported = false;
  /** Values built for anchored nodes, shared by the aliases that name them. */
  private readonly anchored = new Map<Node, unknown>();
  private readonly expandedSizes = new Map<Node, number>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly locations: Map<string, NodeLocation>,
    private readonly problems: Finding[],
    private readonly span: SpanOf,
    private readonly aliasBudget: number,
    private readonly text: string,
  ) {}

  build(node: Node | null, pointer: string, depth: number, key?: Span): unknown {
    const whole = this.span(node?.range, key ?? { start: 0, end: 0 });
    if (!node) {
      this.locations.set(pointer, { value: key ? { start: key.end, end: key.end } : whole, key });
      return null;
    }
    this.locations.set(pointer, { value: whole, key });
    if (depth > MAX_NESTING_DEPTH) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.problems.push({
          rule: "syntax/yaml",
          message:
            `Nesting is deeper than ${MAX_NESTING_DEPTH} levels; what lies below is not checked. ` +
            "Genesis documents need only a few levels.",
          span: { start: whole.start, end: Math.min(whole.end, whole.start + 1) },
          pointer,
        });
      }
      return null;
    }
    if (isAlias(node)) return this.expandAlias(node, whole, pointer);
    const value = this.buildCollectionOrScalar(node, pointer, depth, whole);
    if (node.anchor) this.anchored.set(node, value);
    const end = this.contentEnd(node, pointer, value, whole);
    if (end !== whole.end) this.locations.set(pointer, { value: { start: whole.start, end }, key });
    return value;
  }

  /**
   * Where a node's own text ends: a block collection ends with its last item, and a block scalar
   * with its last content line, not with the comments and line breaks that follow. (The fast parser
   * gives the same spans.)
   */
  private contentEnd(node: Node, pointer: string, value: unknown, whole: Span): number {
    if ((isMap(node) || isSeq(node)) && !node.flow) {
      let end = whole.start;
      const children = Array.isArray(value)
        ? value.map((_, i) => joinPointer(pointer, i))
        : Object.keys(value as object).map((k) => joinPointer(pointer, k));
      for (const child of children) end = Math.max(end, this.locations.get(child)?.value.end ?? end);
      return children.length ? end : whole.end;
    }
    if (isScalar(node) && (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED")) {
      let end = whole.end;
      const text = this.text;
      while (end > whole.start && /\s/.test(text[end - 1])) end--;
      return end;
    }
    return whole.end;
  }

  private buildCollectionOrScalar(node: Node, pointer: string, depth: number, whole: Span): unknown {
    if (isScalar(node)) return node.value ?? null;
    if (isMap(node)) {
      const result: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyValue = keyNode && isScalar(keyNode) ? keyNode.value : keyNode ? this.build(keyNode, pointer, depth + 1) : null;
        const name = typeof keyValue === "string" ? keyValue : keyValue === null ? "" : String(keyValue);
        const keySpan = this.span(keyNode?.range, whole);
        if (Object.prototype.hasOwnProperty.call(result, name)) {
          // The first occurrence is the one checked; every repetition is reported at its own key.
          this.problems.push({
            rule: "syntax/duplicate-key",
            message: `The key "${name}" appears twice in this mapping; keep one of them.`,
            span: keySpan,
            pointer: joinPointer(pointer, name),
          });
          continue;
        }
        result[name] = this.build(pair.value as Node | null, joinPointer(pointer, name), depth + 1, keySpan);
      }
      return result;
    }
    if (isSeq(node)) {
      return node.items.map((item, index) => this.build(item as Node | null, joinPointer(pointer, index), depth + 1));
    }
    return null;
  }

  /** Aliases share the anchored value; expansion is counted so that a "billion laughs" stays bounded. */
  private expandAlias(alias: Alias, at: Span, pointer: string): unknown {
    const target = alias.resolve(this.doc) as Node | undefined;
    if (!target) return null;
    this.expanded += this.expandedSize(target);
    if (this.expanded > this.aliasBudget) {
      if (!this.bombReported) {
        this.bombReported = true;
        this.problems.push({
          rule: "syntax/yaml",
          message:
            `Aliases expand to more than ${this.aliasBudget} nodes (an alias bomb?); the aliases past this point are read as null. ` +
            "Write the values out or use fewer nested aliases.",
          span: at,
          pointer,
        });
      }
      return null;
    }
    return this.anchored.has(target) ? this.anchored.get(target) : null;
  }

  /** Nodes a reader walks when it follows every alias; memoised, so linear in the written nodes. */
  private expandedSize(node: Node, depth = 0): number {
    const known = this.expandedSizes.get(node);
    if (known !== undefined) return known;
    if (depth > MAX_NESTING_DEPTH) return 1;
    let size = 1;
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as Node | undefined;
      size = target && target !== node ? this.expandedSize(target, depth + 1) : 1;
    } else if (isMap(node)) {
      for (const pair of node.items) size += pair.value ? this.expandedSize(pair.value as Node, depth + 1) : 1;
    } else if (isSeq(node)) {
      for (const item of node.items) size += item ? this.expandedSize(item as Node, depth + 1) : 1;
    }
    this.expandedSizes.set(node, size);
    return size;
  }
}

/**
 * Comments in YAML text: a `#` at the start of a line or after whitespace, outside quotes.
 * Good enough for suppressions; a `#` inside a multi-line quoted scalar is the rare miss.
 */
export function scanYamlComments(source: string, base: number): SourceComment[] {
  const comments: SourceComment[] = [];
  if (!source.includes("#")) return comments;
  let lineStart = 0;
  while (lineStart <= source.length) {
    let lineEnd = source.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = source.length;
    const hash = findCommentStart(source, lineStart, lineEnd);
    if (hash >= 0) {
      const end = source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
      comments.push({ span: { start: base + hash, end: base + end }, text: source.slice(hash + 1, end) });
    }
    lineStart = lineEnd + 1;
  }
  return comments;
}

function findCommentStart(source: string, from: number, to: number): number {
  let quote = "";
  for (let i = from; i < to; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) {
        if (quote === "'" && source[i + 1] === "'") i++;
        else quote = "";
      } else if (c === "\\" && quote === '"') i++;
    } else if (c === "#") {
      if (i === from || source[i - 1] === " " || source[i - 1] === "\t") return i;
    } else if ((c === '"' || c === "'") && (i === from || /[\s:[{,-]/.test(source[i - 1]))) {
      quote = c;
    }
  }
  return -1;
}
