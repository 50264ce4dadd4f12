import { code, orList } from "./markdown";
import { conditionalRequirements, isSchema, type Schema } from "./schema-conditions";

/**
 * The fields of a JSON Schema as rows of a reference table: path, type, required or not, allowed
 * values and the schema's own description (the single source of what a field means). A keyword
 * the walker does not know throws, so that a constraint added to a schema cannot go undocumented.
 */

export interface FieldRow {
  /** `distribution[].sha256`, `site.partitions.<name>.gpus`. */
  readonly path: string;
  /** The top-level property the row belongs to. */
  readonly top: string;
  readonly type: string;
  readonly required: string;
  readonly allowed: string;
  readonly description: string;
}

export interface SchemaContext {
  /** The schema document the walked schema is in, for its local `#/$defs/...` references. */
  readonly root: Schema;
  /** The Markdown link to a definition of common.schema.json. */
  readonly commonLink: (name: string) => string;
  /** Local definitions: written out in place (a kind's own `$defs`), or linked (common.md's). */
  readonly localDefs: "inline" | "link";
  /** The placeholder for the keys of a map (`additionalProperties`), by the map's path. */
  readonly mapKeys?: Readonly<Record<string, string>>;
}

const KNOWN_KEYWORDS = new Set([
  "description",
  "type",
  "const",
  "enum",
  "$ref",
  "items",
  "properties",
  "additionalProperties",
  "required",
  "if",
  "then",
  "allOf",
  "minItems",
  "minLength",
  "minimum",
  "exclusiveMinimum",
  "maximum",
  "pattern",
  "format",
  "uniqueItems",
  "anyOf",
  "propertyNames",
  "patternProperties",
  "$schema",
  "$id",
  "title",
  "$defs",
]);

const COMMON_REF = /^common\.schema\.json#\/\$defs\/([\w-]+)$/;
const LOCAL_REF = /^#\/\$defs\/([\w-]+)$/;

function checkKeywords(schema: Schema, path: string): void {
  const unknown = Object.keys(schema).filter((key) => !KNOWN_KEYWORDS.has(key));
  if (unknown.length) {
    throw new Error(`${path}: schema keyword(s) ${unknown.join(", ")} are not documented by scripts/docs/schema-fields.ts`);
  }
}

/** The definition a local reference names, when the context writes local definitions in place. */
function inlined(schema: Schema, context: SchemaContext): Schema {
  const ref = typeof schema.$ref === "string" ? LOCAL_REF.exec(schema.$ref) : null;
  if (!ref || context.localDefs !== "inline") return schema;
  const defs = isSchema(context.root.$defs) ? context.root.$defs : {};
  const target = defs[ref[1]];
  if (!isSchema(target)) throw new Error(`Unknown local reference ${String(schema.$ref)}`);
  const { $ref: _ref, ...rest } = schema;
  return { ...target, ...rest };
}

const PLURAL: Readonly<Record<string, string>> = {
  string: "strings",
  integer: "integers",
  number: "numbers",
  boolean: "booleans",
  object: "objects",
  array: "lists",
};

export function typeOf(given: Schema, context: SchemaContext): string {
  const schema = inlined(given, context);
  if (typeof schema.$ref === "string") {
    const common = COMMON_REF.exec(schema.$ref);
    const local = LOCAL_REF.exec(schema.$ref);
    if (common) return context.commonLink(common[1]);
    if (local) return `[${local[1]}](#${local[1].toLowerCase()})`;
    throw new Error(`Unknown reference ${schema.$ref}`);
  }
  if (schema.const !== undefined) return typeof schema.const;
  if (Array.isArray(schema.enum)) {
    const types = [...new Set(schema.enum.map((v) => typeof v))];
    return types.length === 1 ? types[0] : "any";
  }
  if (Array.isArray(schema.anyOf)) return orList(schema.anyOf.filter(isSchema).map((alt) => typeOf(alt, context)));
  if (schema.type === "array") {
    const items = isSchema(schema.items) ? inlined(schema.items, context) : undefined;
    if (!items) return "list";
    const alternatives = Array.isArray(items.anyOf) ? items.anyOf.filter(isSchema) : [items];
    return `list of ${orList(alternatives.map((alt) => typeOf(alt, context)).map((type) => PLURAL[type] ?? type))}`;
  }
  if (schema.type === "object" && isSchema(schema.additionalProperties)) return "map";
  return typeof schema.type === "string" ? schema.type : "any";
}

/** The constraints of a value, in words; the constraints of a referenced definition are on its own page. */
export function allowedOf(given: Schema, context: SchemaContext): string {
  const schema = inlined(given, context);
  const parts: string[] = [];
  if (schema.const !== undefined) parts.push(code(String(schema.const)));
  if (Array.isArray(schema.enum)) parts.push(schema.enum.map((v) => code(String(v))).join(", "));
  if (typeof schema.pattern === "string") parts.push(`matches ${code(schema.pattern)}`);
  if (typeof schema.format === "string") parts.push(`format ${code(schema.format)}`);
  if (schema.minLength === 1) parts.push("not empty");
  else if (typeof schema.minLength === "number") parts.push(`at least ${schema.minLength} characters`);
  if (typeof schema.minimum === "number") parts.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === "number") parts.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === "number") parts.push(`≤ ${schema.maximum}`);
  if (typeof schema.minItems === "number") parts.push(`at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"}`);
  if (schema.uniqueItems === true) parts.push("no duplicates");
  const keyPattern = isSchema(schema.propertyNames) ? schema.propertyNames.pattern : undefined;
  if (typeof keyPattern === "string") parts.push(`keys match ${code(keyPattern)}`);
  if (Array.isArray(schema.anyOf)) {
    for (const alt of schema.anyOf.filter(isSchema)) {
      const allowed = allowedOf(alt, context);
      if (allowed) parts.push(`${typeOf(alt, context)}: ${allowed}`);
    }
  }
  if (schema.type === "array" && isSchema(schema.items)) {
    const items = inlined(schema.items, context);
    const each = items.type === "object" ? "" : allowedOf(items, context);
    if (each) parts.push(`each: ${each}`);
  }
  return parts.join("; ");
}

/** Every field below an object schema, depth first, in the schema's order. */
export function fieldRows(object: Schema, context: SchemaContext, prefix = "", top?: string): FieldRow[] {
  checkKeywords(object, prefix || "/");
  const rows: FieldRow[] = [];
  const required = new Set(Array.isArray(object.required) ? (object.required as string[]) : []);
  const conditional = conditionalRequirements(object, prefix);
  const properties = isSchema(object.properties) ? object.properties : {};
  for (const [key, value] of Object.entries(properties)) {
    if (!isSchema(value)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const requiredText = required.has(key) ? "yes" : (conditional.get(key) ?? []).join("; ");
    rows.push(...fieldAndChildren(value, context, path, top ?? key, requiredText));
  }
  for (const key of conditional.keys()) {
    if (!(key in properties)) throw new Error(`${prefix || "/"}: ${key} is required conditionally but not a property`);
  }
  const patterns = isSchema(object.patternProperties) ? object.patternProperties : {};
  for (const [pattern, value] of Object.entries(patterns)) {
    const literal = /^\^([\w-]+)$/.exec(pattern);
    if (!literal || !isSchema(value)) throw new Error(`${prefix || "/"}: pattern property ${pattern} is not a plain prefix`);
    const path = `${prefix ? `${prefix}.` : ""}${literal[1]}*`;
    rows.push(...fieldAndChildren(value, context, path, top ?? path, ""));
  }
  if (isSchema(object.additionalProperties)) {
    const key = context.mapKeys?.[prefix] ?? "<name>";
    const path = prefix ? `${prefix}.${key}` : key;
    rows.push(...fieldAndChildren(object.additionalProperties, context, path, top ?? path, ""));
  }
  return rows;
}

function fieldAndChildren(given: Schema, context: SchemaContext, path: string, top: string, required: string): FieldRow[] {
  checkKeywords(given, path);
  const schema = inlined(given, context);
  const description = typeof schema.description === "string" ? schema.description : "";
  if (!description) throw new Error(`${path}: the schema gives no description`);
  const row: FieldRow = { path, top, type: typeOf(given, context), required, allowed: allowedOf(given, context), description };
  return [row, ...childrenOf(schema, context, path, top)];
}

function childrenOf(schema: Schema, context: SchemaContext, path: string, top: string): FieldRow[] {
  if (typeof schema.$ref === "string") return []; // documented where it is defined
  if (schema.type === "array" && isSchema(schema.items)) {
    const items = inlined(schema.items, context);
    return items.type === "object" || isSchema(items.properties) ? fieldRows(items, context, `${path}[]`, top) : [];
  }
  if (isSchema(schema.properties) || isSchema(schema.additionalProperties) || isSchema(schema.patternProperties)) {
    return fieldRows(schema, context, path, top);
  }
  return [];
}
