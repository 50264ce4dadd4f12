import type { GenesisDocument } from "../document";
import type { NodeLocation } from "../parse/tree";
import { parentPointer, pointerSegments } from "../pointer";
import type { Span } from "../types";
import { writtenScalar, type ScalarValue } from "./scalar-text";
import type { Part } from "./snippet-parts";
import { afterLineOf, columnOf, indentationAt, indentUnitOf, lineBreakOf } from "./text-layout";
import { jsonMembers, yamlBlockEntries, yamlFlowEntries, type Layout, type NewEntry, type NewValue } from "./values";

/** An edit whose text is still parts (placeholders not yet written as plain text or snippet). */
export interface PartsEdit {
  readonly start: number;
  readonly end: number;
  readonly parts: readonly Part[];
}

/** Where new entries go in a mapping. */
export type Placement = { readonly at: "first" } | { readonly at: "last" } | { readonly at: "after"; readonly pointer: string };

type Located = Pick<GenesisDocument, "text" | "tree" | "syntax">;

/** The layout of the structured part of a document (a Markdown body's indented lines do not count). */
export function layoutOf(document: Pick<GenesisDocument, "text" | "tree">): Layout {
  const region = document.tree.region;
  const structured = region.end > region.start ? document.text.slice(region.start, region.end) : document.text;
  return { unit: " ".repeat(indentUnitOf(structured)), eol: lineBreakOf(document.text) };
}

/** The existing children of a mapping, in text order. */
function childrenOf(document: Located, pointer: string): { pointer: string; location: NodeLocation & { key: Span } }[] {
  const children: { pointer: string; location: NodeLocation & { key: Span } }[] = [];
  for (const [child, location] of document.tree.locations) {
    if (
      child !== pointer &&
      parentPointer(child) === pointer &&
      pointerSegments(child).length === pointerSegments(pointer).length + 1 &&
      location.key
    ) {
      children.push({ pointer: child, location: location as NodeLocation & { key: Span } });
    }
  }
  return children.sort((a, b) => a.location.key.start - b.location.key.start);
}

/** Whether the node at `pointer` sits inside a YAML flow collection (`[...]`, `{...}`). */
export function insideFlow(document: Located, pointer: string): boolean {
  if (document.syntax === "json") return false;
  for (let at = pointer; at !== "";) {
    at = parentPointer(at);
    const location = document.tree.locations.get(at);
    if (location && /^[[{]/.test(document.text.slice(location.value.start, location.value.start + 1))) return true;
  }
  return false;
}

/**
 * Inserts `name: value` entries into the mapping at `parent`, in the mapping's own style: block
 * YAML lines at its indentation, a YAML flow mapping's `, name: value`, JSON members. Nothing else
 * of the text changes. Undefined when `parent` is not a mapping written in the text.
 */
export function insertEntries(
  document: Located,
  parent: string,
  entries: readonly NewEntry[],
  placement: Placement,
): PartsEdit | undefined {
  const location = document.tree.locations.get(parent);
  if (!location || entries.length === 0) return undefined;
  const { text } = document;
  const layout = layoutOf(document);
  const opening = text.slice(location.value.start, location.value.start + 1);
  const children = childrenOf(document, parent);
  const anchor =
    placement.at === "first"
      ? children[0]
      : placement.at === "after"
        ? children.find((c) => c.pointer === placement.pointer)
        : children[children.length - 1];

  if (document.syntax === "json" || opening === "{") {
    if (opening !== "{") return undefined;
    if (!anchor) {
      const inner =
        document.syntax === "json"
          ? jsonMembers(entries, indentationAt(text, location.value.start) + layout.unit, layout)
          : yamlFlowEntries(entries);
      if (document.syntax !== "json") return { ...location.value, parts: ["{ ", ...inner, " }"] };
      const outer = indentationAt(text, location.value.start);
      return { ...location.value, parts: ["{", layout.eol, outer + layout.unit, ...inner, layout.eol, outer, "}"] };
    }
    const multiLine = document.syntax === "json" && /[\r\n]/.test(text.slice(location.value.start, children[0].location.key.start));
    const indent = multiLine ? indentationAt(text, anchor.location.key.start) : "";
    const separator = multiLine ? `,${layout.eol}${indent}` : ", ";
    const members = document.syntax === "json" ? jsonMembers(entries, indent, layout, separator) : yamlFlowEntries(entries);
    if (placement.at === "first")
      return { start: anchor.location.key.start, end: anchor.location.key.start, parts: [...members, separator] };
    const end = endOf(anchor.location);
    return { start: end, end, parts: [separator, ...members] };
  }

  if (!anchor || opening === "[" || location.value.end === location.value.start) return undefined;
  const indent = " ".repeat(columnOf(text, anchor.location.key.start));
  if (placement.at === "first") {
    // Before the first key, on its line: a list item's "- " stays in front of the new first entry.
    const lines = yamlBlockEntries(entries, indent, layout, "");
    return { start: anchor.location.key.start, end: anchor.location.key.start, parts: [...lines, indent] };
  }
  const { at, prefix } = afterLineOf(text, endOf(anchor.location));
  return { start: at, end: at, parts: [prefix, ...yamlBlockEntries(entries, indent, layout)] };
}

function endOf(location: NodeLocation): number {
  return Math.max(location.value.end, location.key?.end ?? 0);
}

/** Replaces the scalar at `pointer` with `value`, keeping its quote style (a number is written bare). */
export function replaceScalar(document: Located, pointer: string, value: ScalarValue): PartsEdit | undefined {
  const location = document.tree.locations.get(pointer);
  if (!location) return undefined;
  const source = document.text.slice(location.value.start, location.value.end);
  if (/^[[{|>]/.test(source) && document.syntax !== "json") return undefined;
  const written = writtenScalar(document.syntax === "json" ? "json" : "yaml", value, source, insideFlow(document, pointer));
  if (written === source) return undefined;
  // An empty value (`key:`) sits right after its colon, or right before a comment (`key:  # note`):
  // the new value needs a blank on that side, or it would touch the colon or swallow the comment.
  const before = source === "" && document.text[location.value.start - 1] === ":" ? " " : "";
  const after = source === "" && document.text[location.value.end] === "#" ? " " : "";
  return { ...location.value, parts: [before + written + after] };
}

/** Renames the key of the node at `pointer`, keeping its quote style. */
export function renameKey(document: Located, pointer: string, name: string): PartsEdit | undefined {
  const key = document.tree.locations.get(pointer)?.key;
  if (!key) return undefined;
  const source = document.text.slice(key.start, key.end);
  return { ...key, parts: [writtenScalar(document.syntax === "json" ? "json" : "yaml", name, source, insideFlow(document, pointer))] };
}

/**
 * Sets the value at `pointer`: replaces it when it is written, else inserts it into the nearest
 * mapping that is, creating the mappings in between (`classification:` / `level: cui`).
 */
export function setValue(document: Located, pointer: string, value: ScalarValue): PartsEdit | undefined {
  if (document.tree.locations.has(pointer)) return replaceScalar(document, pointer, value);
  let missing: NewValue = { kind: "scalar", value, fixed: true };
  let name = pointerSegments(pointer).pop();
  let parent = parentPointer(pointer);
  while (name !== undefined && parent !== "" && !document.tree.locations.has(parent)) {
    if (/^\d+$/.test(name)) return undefined; // a list item to create: not a determinate place
    missing = { kind: "object", entries: [{ name, value: missing }] };
    name = pointerSegments(parent).pop();
    parent = parentPointer(parent);
  }
  if (name === undefined || /^\d+$/.test(name)) return undefined;
  return insertEntries(document, parent, [{ name, value: missing }], { at: "last" });
}
