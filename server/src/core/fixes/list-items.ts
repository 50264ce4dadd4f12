import type { GenesisDocument } from "../document";
import { joinPointer, valueAt } from "../pointer";
import { insideFlow, layoutOf, type PartsEdit } from "./document-edits";
import type { Part } from "./snippet-parts";
import { afterLineOf, columnOf, indentationAt } from "./text-layout";
import { jsonMembers, jsonValue, yamlBlockEntries, yamlFlowValue, type Layout, type NewValue } from "./values";

/**
 * Edits that write items into a list already written in the text, in the list's own style: block
 * YAML `- ` items like its last one, a flow list's `, item`, JSON elements. Nothing else of the
 * text changes (comments on the list's lines stay where they are).
 */

type Located = Pick<GenesisDocument, "text" | "tree" | "syntax">;

/** Appends `items` after the last item of the non-empty list at `pointer`; undefined when that list is not written so. */
export function appendItems(document: Located, pointer: string, items: readonly NewValue[]): PartsEdit | undefined {
  const list = valueAt(document.tree.value, pointer);
  const location = document.tree.locations.get(pointer);
  if (!Array.isArray(list) || list.length === 0 || !location || items.length === 0) return undefined;
  const first = document.tree.locations.get(joinPointer(pointer, 0));
  const last = document.tree.locations.get(joinPointer(pointer, list.length - 1));
  if (!first || !last) return undefined;
  const { text } = document;
  const layout = layoutOf(document);
  const end = last.value.end;
  if (document.syntax === "json") {
    const multiLine = /[\r\n]/.test(text.slice(location.value.start, first.value.start));
    const indent = multiLine ? indentationAt(text, last.value.start) : "";
    const separator = multiLine ? `,${layout.eol}${indent}` : ", ";
    const inline = !/[\r\n]/.test(text.slice(last.value.start, last.value.end));
    return {
      start: end,
      end,
      parts: items.flatMap((item) => [separator, ...(inline ? inlineJson(item, layout) : jsonValue(item, indent, layout))]),
    };
  }
  if (text[location.value.start] === "[") return { start: end, end, parts: items.flatMap((item) => [", ", ...yamlFlowValue(item)]) };
  return appendBlockItems(text, last.value.start, end, items, layout);
}

/** An object on one line, `{ "name": "a", "type": "number" }`, as items written on one line are. */
function inlineJson(item: NewValue, layout: Layout): Part[] {
  if (item.kind !== "object" || item.entries.length === 0) return jsonValue(item, "", layout);
  return ["{ ", ...jsonMembers(item.entries, "", layout, ", "), " }"];
}

/** Block YAML: new `- ` lines after the last item's, at its dash and its content's columns. */
function appendBlockItems(
  text: string,
  lastStart: number,
  lastEnd: number,
  items: readonly NewValue[],
  layout: Layout,
): PartsEdit | undefined {
  let dash = lastStart - 1;
  while (dash >= 0 && (text[dash] === " " || text[dash] === "\t")) dash--;
  if (text[dash] !== "-") return undefined; // `-` alone on its line, or an odd layout: no determinate place
  const lead = `${" ".repeat(columnOf(text, dash))}${text.slice(dash, lastStart)}`;
  const contentIndent = " ".repeat(columnOf(text, lastStart));
  const flowItems = /^[[{]/.test(text.slice(lastStart, lastStart + 1));
  const { at, prefix } = afterLineOf(text, lastEnd);
  return { start: at, end: at, parts: [prefix, ...items.flatMap((item) => blockItem(item, lead, contentIndent, layout, flowItems))] };
}

function blockItem(item: NewValue, lead: string, contentIndent: string, layout: Layout, flow: boolean): Part[] {
  if (flow || item.kind !== "object" || item.entries.length === 0) return [lead, ...yamlFlowValue(item), layout.eol];
  return yamlBlockEntries(item.entries, contentIndent, layout, lead);
}

/**
 * Writes a list of `items` in place of an empty value at `pointer` (`fields: []`, `fields:`). In
 * block YAML the items go on the lines below the key, one step deeper, and whatever followed the
 * value on its line (a comment) stays on the key's line.
 */
export function replaceWithList(document: Located, pointer: string, items: readonly NewValue[]): PartsEdit | undefined {
  const location = document.tree.locations.get(pointer);
  if (!location?.key || items.length === 0) return undefined;
  const { text } = document;
  const layout = layoutOf(document);
  const list: NewValue = { kind: "array", items };
  if (document.syntax === "json") return { ...location.value, parts: jsonValue(list, indentationAt(text, location.key.start), layout) };
  if (insideFlow(document, pointer)) {
    const blank = location.value.start === location.value.end && text[location.value.start - 1] === ":" ? " " : "";
    return { ...location.value, parts: [blank, ...yamlFlowValue(list)] };
  }
  if (!/^[ \t]*:[ \t]*$/.test(text.slice(location.key.end, location.value.start))) return undefined;
  let lineEnd = location.value.end;
  while (lineEnd < text.length && text[lineEnd] !== "\n" && text[lineEnd] !== "\r") lineEnd++;
  const indent = " ".repeat(columnOf(text, location.key.start)) + layout.unit;
  const lines = items.flatMap((item) => blockItem(item, `${indent}- `, `${indent}  `, layout, false));
  lines.pop(); // the last line's break is the one already after the value
  return { start: location.key.end, end: lineEnd, parts: [":", text.slice(location.value.end, lineEnd), layout.eol, ...lines] };
}
