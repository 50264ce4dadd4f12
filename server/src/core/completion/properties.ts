import { propertyDocumentation, referenceTargets, typeText } from "../hover";
import { joinPointer } from "../pointer";
import { allowedValues, propertiesOf, schemaAt, type SchemaNode } from "../schema/navigate";
import { SCHEMAS } from "../schema/registry";
import type { DocumentKind, Span } from "../types";
import { ordered, type CompletionItem } from "./item";

/** How a property name is written where the cursor is. */
export type PropertyForm =
  /** A key on its own line of a block mapping whose keys start at `column`. */
  | { readonly syntax: "block"; readonly column: number }
  /** A key inside a YAML flow mapping `{ }`. */
  | { readonly syntax: "flow" }
  /** A JSON property; `comma` when another property follows it. */
  | { readonly syntax: "json"; readonly comma: boolean };

export interface PropertyRequest {
  readonly kind: DocumentKind;
  readonly mapping: string;
  readonly present: ReadonlySet<string>;
  readonly form: PropertyForm;
  /** Only the name is written: the key already has its `:`. */
  readonly nameOnly: boolean;
  readonly replace: Span;
}

/**
 * The properties the schema allows in the mapping at `mapping` that it does not have yet, required
 * ones first, each with its description. The inserted text opens the value: the next line indented
 * for an object, a `- ` for a list, the constant itself for `apiVersion` and `kind`.
 */
export function propertyItems(request: PropertyRequest): CompletionItem[] {
  const { kind, mapping, present, form } = request;
  const schema = schemaAt(kind, mapping);
  if (!schema || !isObjectSchema(schema)) return [];
  const properties = propertiesOf(schema, SCHEMAS[kind]).filter(
    (p) => !present.has(p.name) && (p.name !== "$schema" || form.syntax === "json"),
  );
  const item = ({ name, required, schema: property }: (typeof properties)[number]): Omit<CompletionItem, "sortText"> => {
    const pointer = joinPointer(mapping, name);
    const insert = request.nameOnly ? nameOnly(name, form) : insertion(name, property, form);
    const completable =
      allowedValues(property) !== undefined || property.type === "boolean" || referenceTargets(kind, pointer) !== undefined;
    return {
      label: name,
      kind: "property",
      detail: required ? `${typeText(kind, pointer, property)} · required` : typeText(kind, pointer, property),
      documentation: propertyDocumentation(kind, pointer, property) || undefined,
      insertText: insert.text,
      isSnippet: insert.snippet || undefined,
      replace: request.replace,
      retrigger: completable && !request.nameOnly && !isConstant(property) ? true : undefined,
    };
  };
  return [...ordered(properties.filter((p) => p.required).map(item), 0), ...ordered(properties.filter((p) => !p.required).map(item), 1)];
}

export function isObjectSchema(schema: SchemaNode): boolean {
  return schema.type === "object" || (schema.type === undefined && typeof schema.properties === "object");
}

function isConstant(schema: SchemaNode): boolean {
  return allowedValues(schema)?.length === 1;
}

function nameOnly(name: string, form: PropertyForm): { text: string; snippet: boolean } {
  return { text: form.syntax === "json" ? JSON.stringify(name) : yamlKey(name), snippet: false };
}

function insertion(name: string, schema: SchemaNode, form: PropertyForm): { text: string; snippet: boolean } {
  const constant = isConstant(schema) ? allowedValues(schema)![0] : undefined;
  if (form.syntax === "json") {
    const comma = form.comma ? "," : "";
    if (constant !== undefined) return { text: `${JSON.stringify(name)}: ${JSON.stringify(constant)}${comma}`, snippet: false };
    const opening = isObjectSchema(schema) ? "{$1}" : schema.type === "array" ? "[$1]" : schema.type === "string" ? '"$1"' : "$1";
    return { text: `${JSON.stringify(name)}: ${opening}${comma}`, snippet: true };
  }
  const key = yamlKey(name);
  if (constant !== undefined) return { text: `${key}: ${String(constant)}`, snippet: false };
  if (form.syntax === "flow") return { text: `${key}: `, snippet: false };
  const indent = " ".repeat(form.column + 2);
  if (isObjectSchema(schema)) return { text: `${key}:\n${indent}`, snippet: false };
  if (schema.type === "array") return { text: `${key}:\n${indent}- `, snippet: false };
  return { text: `${key}: `, snippet: false };
}

/** A key as YAML writes it: plain when it can be, else double-quoted (`"$schema"`). */
function yamlKey(name: string): string {
  return /^[A-Za-z_][\w.-]*$/.test(name) ? name : JSON.stringify(name);
}
