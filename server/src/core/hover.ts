import { nodeAt } from "./cursor";
import type { GenesisDocument } from "./document";
import { nearest } from "./nearest";
import { parentPointer, pointerSegments, valueAt } from "./pointer";
import { referencePositions } from "./rules/reference-positions";
import { allowedValues, schemaAt, type SchemaNode } from "./schema/navigate";
import { KIND_NAME, type DocumentKind, type Span } from "./types";

/** A hover: Markdown, and the key or value it is about. */
export interface HoverInfo {
  readonly markdown: string;
  readonly span: Span;
}

/**
 * The schema's word on the node under the cursor: on a key, what the property is (description,
 * type, allowed values, whether it is required); on the value of an enum, the allowed values with
 * the current one marked. Undefined elsewhere (other values, unknown properties, a Markdown body).
 * References are the workspace's to describe (`hoverFor`); the front end asks that first.
 */
export function schemaHover(document: GenesisDocument, offset: number): HoverInfo | undefined {
  const target = nodeAt(document, offset);
  if (!target || target.pointer === "") return undefined;
  const schema = schemaAt(document.kind, target.pointer);
  if (!schema) return undefined;
  if (target.part === "key" && target.location.key) {
    return { markdown: describeProperty(document.kind, target.pointer, schema), span: target.location.key };
  }
  const allowed = allowedValues(schema);
  if (!allowed) return undefined;
  return {
    markdown: describeAllowed(propertyName(target.pointer), allowed, valueAt(document.tree.value, target.pointer)),
    span: target.location.value,
  };
}

/** Title line, description and allowed values of the property at `pointer`. */
export function describeProperty(kind: DocumentKind, pointer: string, schema: SchemaNode): string {
  const facts = [`**${propertyName(pointer)}**`];
  if (isRequired(kind, pointer)) facts.push("required");
  facts.push(typeText(kind, pointer, schema));
  return [facts.join(" · "), propertyDocumentation(kind, pointer, schema)].filter(Boolean).join("\n\n");
}

/** The description of a property and, for an enum or a reference, what it accepts. */
export function propertyDocumentation(kind: DocumentKind, pointer: string, schema: SchemaNode): string {
  const parts: string[] = [];
  if (typeof schema.description === "string") parts.push(schema.description);
  const allowed = allowedValues(schema) ?? allowedValues(schemaAt(kind, `${pointer}/0`));
  if (allowed && allowed.length > 1) parts.push(`Allowed values: ${allowed.map(code).join(", ")}.`);
  const targets = referenceTargets(kind, pointer) ?? referenceTargets(kind, `${pointer}/0`);
  if (targets) parts.push(`Names a ${targets.map((target) => KIND_NAME[target]).join(" or a ")} of the workspace as \`id@version\`.`);
  return parts.join("\n\n");
}

/** Whether the parent's schema lists the property as required (unconditionally). */
export function isRequired(kind: DocumentKind, pointer: string): boolean {
  const parent = schemaAt(kind, parentPointer(pointer));
  return Array.isArray(parent?.required) && parent.required.includes(propertyName(pointer));
}

/** What a schema accepts, in a few words: `string`, `list of objects`, `one of 4 values`... */
export function typeText(kind: DocumentKind, pointer: string, schema: SchemaNode): string {
  const allowed = allowedValues(schema);
  if (allowed) return allowed.length === 1 ? `always ${code(allowed[0])}` : `one of ${allowed.length} values`;
  if (referenceTargets(kind, pointer)) return "reference";
  const branches = [schema.anyOf, schema.oneOf].find(Array.isArray) as SchemaNode[] | undefined;
  if (branches) return branches.map((branch) => typeText(kind, pointer, branch)).join(" or ");
  if (schema.type === "array") {
    const items =
      typeof schema.items === "object" && schema.items !== null
        ? (schemaAt(kind, `${pointer}/0`) ?? (schema.items as SchemaNode))
        : undefined;
    return items ? `list of ${plural(typeText(kind, `${pointer}/0`, items))}` : "list";
  }
  if (schema.format === "genesis-date") return "date (ISO 8601)";
  if (schema.format === "email") return "e-mail address";
  if (typeof schema.type === "string") return schema.type === "object" ? "object" : schema.type;
  return typeof schema.properties === "object" ? "object" : "any value";
}

/** The kinds of document a reference at `pointer` may name, when `pointer` is a reference position. */
export function referenceTargets(kind: DocumentKind, pointer: string): readonly DocumentKind[] | undefined {
  const segments = pointerSegments(pointer);
  for (const position of referencePositions(kind)) {
    const pattern = pointerSegments(position.pattern);
    if (pattern.length === segments.length && pattern.every((p, i) => p === "*" || p === segments[i])) return position.targets;
  }
  return undefined;
}

function describeAllowed(name: string, allowed: readonly unknown[], current: unknown): string {
  const lines = allowed.map((value) => (value === current ? `- **${code(value)}** (current)` : `- ${code(value)}`));
  const known = allowed.includes(current);
  const suggestion = !known && typeof current === "string" ? nearest(current, allowed.map(String)) : undefined;
  const note =
    known || current === null || current === undefined
      ? ""
      : `\n\n${code(current)} is not one of them.${suggestion ? ` Did you mean ${code(suggestion)}?` : ""}`;
  return `**${name}**: ${allowed.length === 1 ? "always" : "one of"}\n\n${lines.join("\n")}${note}`;
}

/** The name a pointer's node has in its parent; for a list item, the list's name. */
function propertyName(pointer: string): string {
  const segments = pointerSegments(pointer);
  const named = [...segments].reverse().find((segment) => !/^\d+$/.test(segment));
  return named ?? segments[segments.length - 1] ?? "";
}

const PLURALS: Readonly<Record<string, string>> = {
  string: "strings",
  integer: "integers",
  number: "numbers",
  boolean: "booleans",
  object: "objects",
  "date (ISO 8601)": "dates (ISO 8601)",
  "e-mail address": "e-mail addresses",
  "any value": "any values",
  reference: "references",
};

function plural(text: string): string {
  if (text.startsWith("one of")) return "values";
  return PLURALS[text] ?? text;
}

/** A Markdown code span of a value (JSON form for non-strings) that survives backticks. */
function code(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}
