import type { GenesisDocument } from "./document";
import type { MarkdownHeading } from "./parse/markdown";
import { isRecord, joinPointer, pointerSegments, valueAt } from "./pointer";
import type { DocumentKind, Span } from "./types";

export type OutlineKind = "file" | "object" | "array" | "field" | "module" | "key";

/** One entry of a document's outline. `selectionSpan` (the name to reveal) lies inside `span`. */
export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  readonly span: Span;
  readonly selectionSpan: Span;
  readonly children: readonly OutlineSymbol[];
}

/**
 * The outline of a Genesis document: the parts a reader looks for in each kind (distributions,
 * record sets and their fields, steps, artifacts...), and for a Markdown model card its front
 * matter and its sections. Nodes that are missing or of an unexpected shape are left out.
 */
export function documentSymbols(document: GenesisDocument): OutlineSymbol[] {
  const outline = new Outline(document);
  const fields = OUTLINES[document.kind](outline);
  if (document.syntax !== "markdown") return fields;
  const frontMatter = document.markdown?.frontMatter;
  const symbols: OutlineSymbol[] = [];
  if (frontMatter && fields.length) {
    const selection = { start: frontMatter.block.start, end: frontMatter.block.start + 3 };
    symbols.push({ name: "front matter", kind: "object", span: frontMatter.block, selectionSpan: selection, children: fields });
  }
  return [...symbols, ...sectionSymbols(document.markdown?.headings ?? [], document.text)];
}

const OUTLINES: Readonly<Record<DocumentKind, (outline: Outline) => OutlineSymbol[]>> = {
  DatasetManifest: (o) =>
    present([
      ...o.header(),
      o.list("/distribution", "file", (entry) => ({ name: text(entry.id), detail: joined(entry.format, entry.path) })),
      o.list("/recordSets", "object", (set, pointer) => ({
        name: text(set.id),
        detail: typeof set.source === "string" ? `source: ${set.source}` : undefined,
        children: o.list(joinPointer(pointer, "fields"), "field", (field) => ({
          name: text(field.name),
          detail: [text(field.type), typeof field.unit === "string" ? `(${field.unit})` : ""].filter(Boolean).join(" "),
        }))?.children,
      })),
      o.object("/lineage", undefined, (lineage) =>
        present([
          o.references("/lineage/derivedFrom"),
          o.object("/lineage/generatedBy", isRecord(lineage.generatedBy) ? text(lineage.generatedBy.pipeline) : undefined),
        ]),
      ),
    ]),
  PipelineConfig: (o) =>
    present([
      ...o.header(),
      o.list("/inputs", "object", (input) => ({ name: text(input.name), detail: text(input.ref) })),
      o.list("/outputs", "object", (output) => ({ name: text(output.name), detail: text(output.ref) })),
      o.list("/steps", "module", (step) => ({
        name: text(step.id),
        detail: Array.isArray(step.needs) && step.needs.length ? `needs: ${step.needs.map(String).join(", ")}` : undefined,
      })),
      o.object("/scheduler", joined(o.value("/scheduler/type"), o.value("/scheduler/partition"))),
      o.object("/environment", joined(o.value("/environment/site"), o.value("/environment/maxClassification"))),
    ]),
  ModelCard: (o) =>
    present([
      ...o.header(),
      o.object("/training", undefined, () =>
        present([
          o.references("/training/datasets"),
          o.key("/training/pipeline"),
          o.object("/training/run", text(o.value("/training/run/tracker"))),
        ]),
      ),
      o.object("/evaluation", undefined, () =>
        present([
          o.references("/evaluation/datasets"),
          o.list("/evaluation/results", "field", (result) => ({ name: text(result.metric), detail: joined(result.value, result.dataset) })),
        ]),
      ),
      o.list("/artifacts", "file", (artifact) => ({ name: text(artifact.path ?? artifact.format), detail: text(artifact.format) })),
      o.object("/risk", typeof o.value("/risk/residual") === "string" ? `residual: ${o.value("/risk/residual")}` : undefined),
    ]),
};

/** Builds symbols from the parse tree's locations; each returns undefined when its node is missing. */
class Outline {
  constructor(private readonly document: GenesisDocument) {}

  value(pointer: string): unknown {
    return valueAt(this.document.tree.value, pointer);
  }

  /** `id` and `version`, with their values as detail. */
  header(): (OutlineSymbol | undefined)[] {
    return [this.key("/id"), this.key("/version")];
  }

  /** A scalar property: its name, its value as detail. */
  key(pointer: string): OutlineSymbol | undefined {
    const value = this.value(pointer);
    return this.symbol(
      pointer,
      "key",
      lastSegment(pointer),
      typeof value === "string" || typeof value === "number" ? String(value) : undefined,
      [],
    );
  }

  /** A mapping property; `children` builds its entries from its value. */
  object(
    pointer: string,
    detail: string | undefined,
    children?: (value: Record<string, unknown>) => OutlineSymbol[],
  ): OutlineSymbol | undefined {
    const value = this.value(pointer);
    if (!isRecord(value)) return undefined;
    return this.symbol(pointer, "object", lastSegment(pointer), detail, children ? children(value) : []);
  }

  /** A list of references, each item named by its text. */
  references(pointer: string): OutlineSymbol | undefined {
    const value = this.value(pointer);
    if (!Array.isArray(value)) return undefined;
    const items = value.map((item, i) =>
      typeof item === "string" ? this.item(joinPointer(pointer, i), "key", item, undefined, []) : undefined,
    );
    return this.symbol(pointer, "array", lastSegment(pointer), count(value.length, "reference"), present(items));
  }

  /** A list of mappings, each item named (and detailed) by `describe`; items that are not mappings are left out. */
  list(
    pointer: string,
    kind: OutlineKind,
    describe: (item: Record<string, unknown>, pointer: string) => { name: string; detail?: string; children?: readonly OutlineSymbol[] },
  ): OutlineSymbol | undefined {
    const value = this.value(pointer);
    if (!Array.isArray(value)) return undefined;
    const items = value.map((item, i) => {
      if (!isRecord(item)) return undefined;
      const itemPointer = joinPointer(pointer, i);
      const described = describe(item, itemPointer);
      return this.item(itemPointer, kind, described.name || `#${i + 1}`, described.detail, described.children ?? []);
    });
    return this.symbol(pointer, "array", lastSegment(pointer), count(value.length, "item"), present(items));
  }

  /** A property: from its key to the end of its value, revealing the key. */
  private symbol(
    pointer: string,
    kind: OutlineKind,
    name: string,
    detail: string | undefined,
    children: readonly OutlineSymbol[],
  ): OutlineSymbol | undefined {
    const location = this.document.tree.locations.get(pointer);
    if (!location) return undefined;
    const selectionSpan = location.key ?? location.value;
    const span = { start: Math.min(selectionSpan.start, location.value.start), end: Math.max(selectionSpan.end, location.value.end) };
    return { name, detail: detail || undefined, kind, span, selectionSpan, children };
  }

  /** A list item: its value, revealing its `id`/`name` value when it has one. */
  private item(
    pointer: string,
    kind: OutlineKind,
    name: string,
    detail: string | undefined,
    children: readonly OutlineSymbol[],
  ): OutlineSymbol | undefined {
    const location = this.document.tree.locations.get(pointer);
    if (!location) return undefined;
    const naming = ["id", "name", "metric", "path"]
      .map((key) => this.document.tree.locations.get(joinPointer(pointer, key))?.value)
      .find((span) => span && within(span, location.value));
    return { name, detail: detail || undefined, kind, span: location.value, selectionSpan: naming ?? location.value, children };
  }
}

/**
 * Level-2 headings of a Markdown body, with their level-3 subsections (`Out-of-Scope Use` lives
 * under `Uses`). A section runs from its heading to the next heading of its level or higher.
 */
function sectionSymbols(headings: readonly MarkdownHeading[], text: string): OutlineSymbol[] {
  const section = (heading: MarkdownHeading, children: OutlineSymbol[]): OutlineSymbol => ({
    name: heading.title || "(untitled section)",
    kind: "module",
    span: { start: heading.span.start, end: trimEnd(text, heading.body.end, heading.span.end) },
    selectionSpan: heading.span,
    children,
  });
  return headings
    .filter((heading) => heading.level === 2)
    .map((heading) =>
      section(
        heading,
        headings.filter((sub) => sub.level === 3 && within(sub.span, heading.body)).map((sub) => section(sub, [])),
      ),
    );
}

/** The end of a section without its trailing blank lines (never before its heading's end). */
function trimEnd(text: string, end: number, floor: number): number {
  let at = end;
  while (at > floor && /\s/.test(text[at - 1])) at--;
  return at;
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function present<T>(items: readonly (T | undefined)[]): T[] {
  return items.filter((item): item is T => item !== undefined);
}

function lastSegment(pointer: string): string {
  return pointerSegments(pointer).pop() ?? "";
}

function text(value: unknown): string {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/** The scalar parts that are present, joined with ` · `. */
function joined(...parts: unknown[]): string | undefined {
  const shown = parts.map(text).filter(Boolean);
  return shown.length ? shown.join(" · ") : undefined;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
