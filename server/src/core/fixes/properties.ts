import { isRecord, joinPointer, parentPointer, valueAt } from "../pointer";
import { propertiesOf, schemaAt } from "../schema/navigate";
import { insertEntries, renameKey } from "./document-edits";
import { makeFix } from "./make-fix";
import { placeholderFor } from "./placeholders";
import type { FixProvider } from "./types";
import type { NewEntry } from "./values";

const HEADER = new Set(["apiVersion", "kind"]);

/**
 * `schema/required`: inserts the missing property after the last existing one of its mapping,
 * with a typed placeholder; a second fix inserts every required property still missing there.
 * Neither is preferred unless the value is fixed by the schema: a placeholder (`level: public`,
 * `version: 1.0.0`) must be looked at, so `fixAll` never writes one.
 */
export const requiredFixes: FixProvider = (document, diagnostic, context) => {
  const property = diagnostic.data?.property;
  const parent = valueAt(document.tree.value, diagnostic.pointer);
  if (typeof property !== "string" || !isRecord(parent) || Object.hasOwn(parent, property)) return [];
  const entry = entryFor(document, diagnostic.pointer, property);
  const fixed = entry.value.kind === "scalar" && entry.value.fixed === true;
  const fixes = makeFix(
    `Add the required property "${property}"`,
    [insertEntries(document, diagnostic.pointer, [entry], { at: "last" })],
    context,
    fixed,
  );

  const missing = propertiesOf(schemaAt(document.kind, diagnostic.pointer))
    .filter((p) => p.required && !Object.hasOwn(parent, p.name) && !(diagnostic.pointer === "" && HEADER.has(p.name)))
    .map((p) => p.name);
  if (!missing.includes(property)) missing.unshift(property);
  if (missing.length > 1) {
    const entries = missing.map((name) => entryFor(document, diagnostic.pointer, name));
    fixes.push(
      ...makeFix(
        `Add all missing required properties (${missing.join(", ")})`,
        [insertEntries(document, diagnostic.pointer, entries, { at: "last" })],
        context,
      ),
    );
  }
  return fixes;
};

function entryFor(document: Parameters<FixProvider>[0], parent: string, name: string): NewEntry {
  return { name, value: placeholderFor(document, joinPointer(parent, name)) };
}

/**
 * `schema/unknown-property`: renames the key to the nearest known one, unless that key is already
 * there (the rename would make a duplicate key).
 */
export const unknownPropertyFixes: FixProvider = (document, diagnostic, context) => {
  const nearest = diagnostic.data?.nearest;
  const property = diagnostic.data?.property;
  const parent = valueAt(document.tree.value, parentPointer(diagnostic.pointer));
  if (typeof nearest !== "string" || !isRecord(parent) || Object.hasOwn(parent, nearest)) return [];
  const key = document.tree.locations.get(diagnostic.pointer)?.key;
  if (!key) return [];
  const source = typeof property === "string" ? property : document.text.slice(key.start, key.end);
  return makeFix(`Rename "${source}" to "${nearest}"`, [renameKey(document, diagnostic.pointer, nearest)], context, true);
};
