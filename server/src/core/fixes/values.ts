import { isPlainSafe, scalarParts, writtenScalar, type ScalarValue } from "./scalar-text";
import type { Part } from "./snippet-parts";

/**
 * A value to insert, described independently of YAML or JSON. A scalar is a placeholder the user
 * fills in, unless `fixed` (a `const`, a value the fix knows).
 */
export type NewValue =
  | { readonly kind: "scalar"; readonly value: ScalarValue; readonly choices?: readonly ScalarValue[]; readonly fixed?: boolean }
  | { readonly kind: "object"; readonly entries: readonly NewEntry[] }
  | { readonly kind: "array"; readonly items: readonly NewValue[] };

export interface NewEntry {
  readonly name: string;
  readonly value: NewValue;
}

export function fixedScalar(value: ScalarValue): NewValue {
  return { kind: "scalar", value, fixed: true };
}

/** How inserted YAML and JSON is laid out: the indentation step and the line break. */
export interface Layout {
  readonly unit: string;
  readonly eol: string;
}

function scalar(syntax: "yaml" | "json", value: Extract<NewValue, { kind: "scalar" }>, inFlow: boolean): Part[] {
  return value.fixed ? [writtenScalar(syntax, value.value, "", inFlow)] : scalarParts(syntax, value.value, inFlow, value.choices);
}

function yamlKey(name: string, inFlow: boolean): string {
  return isPlainSafe(name, inFlow) ? name : JSON.stringify(name);
}

/** A YAML value in flow style: `{ a: 1, b: [x] }`. */
export function yamlFlowValue(value: NewValue): Part[] {
  switch (value.kind) {
    case "scalar":
      return scalar("yaml", value, true);
    case "object":
      if (value.entries.length === 0) return ["{}"];
      return [
        "{ ",
        ...joined(
          value.entries.map((entry) => [`${yamlKey(entry.name, true)}: `, ...yamlFlowValue(entry.value)]),
          ", ",
        ),
        " }",
      ];
    case "array":
      return ["[", ...joined(value.items.map(yamlFlowValue), ", "), "]"];
  }
}

/** `name: value` entries in YAML flow style, joined by commas. */
export function yamlFlowEntries(entries: readonly NewEntry[]): Part[] {
  return joined(
    entries.map((entry) => [`${yamlKey(entry.name, true)}: `, ...yamlFlowValue(entry.value)]),
    ", ",
  );
}

/**
 * Block YAML lines for entries, each ending with a line break: `indent` before every key,
 * `firstIndent` in place of it on the first line (for `- ` of a list item).
 */
export function yamlBlockEntries(entries: readonly NewEntry[], indent: string, layout: Layout, firstIndent = indent): Part[] {
  const parts: Part[] = [];
  entries.forEach((entry, i) => {
    parts.push(`${i === 0 ? firstIndent : indent}${yamlKey(entry.name, false)}:`);
    const value = entry.value;
    if (value.kind === "object" && value.entries.length > 0) {
      parts.push(layout.eol, ...yamlBlockEntries(value.entries, indent + layout.unit, layout));
    } else if (value.kind === "array" && value.items.some((item) => item.kind === "object" && item.entries.length > 0)) {
      parts.push(layout.eol);
      const itemIndent = indent + layout.unit;
      for (const item of value.items) {
        if (item.kind === "object" && item.entries.length > 0)
          parts.push(...yamlBlockEntries(item.entries, `${itemIndent}  `, layout, `${itemIndent}- `));
        else parts.push(`${itemIndent}- `, ...yamlFlowValue(item), layout.eol);
      }
    } else {
      parts.push(" ", ...yamlFlowValue(value), layout.eol);
    }
  });
  return parts;
}

/** A JSON value; objects are laid out one member a line, starting at `indent`. */
export function jsonValue(value: NewValue, indent: string, layout: Layout): Part[] {
  switch (value.kind) {
    case "scalar":
      return scalar("json", value, false);
    case "object":
      if (value.entries.length === 0) return ["{}"];
      return ["{", layout.eol, indent + layout.unit, ...jsonMembers(value.entries, indent + layout.unit, layout), layout.eol, indent, "}"];
    case "array":
      if (value.items.every((item) => item.kind === "scalar"))
        return [
          "[",
          ...joined(
            value.items.map((item) => jsonValue(item, indent, layout)),
            ", ",
          ),
          "]",
        ];
      return [
        "[",
        layout.eol,
        ...joined(
          value.items.map((item) => [indent + layout.unit, ...jsonValue(item, indent + layout.unit, layout)]),
          `,${layout.eol}`,
        ),
        layout.eol,
        indent,
        "]",
      ];
  }
}

/** `"name": value` members, one a line at `indent` (the first line's indentation left to the caller). */
export function jsonMembers(entries: readonly NewEntry[], indent: string, layout: Layout, separator = `,${layout.eol}${indent}`): Part[] {
  return joined(
    entries.map((entry) => [`${JSON.stringify(entry.name)}: `, ...jsonValue(entry.value, indent, layout)]),
    separator,
  );
}

function joined(groups: readonly Part[][], separator: string): Part[] {
  return groups.flatMap((group, i) => (i === 0 ? group : [separator, ...group]));
}
