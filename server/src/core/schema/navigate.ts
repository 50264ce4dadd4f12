import { pointerSegments } from "../pointer";
import { COMMON_SCHEMA, SCHEMAS, type SchemaName } from "./registry";

/** A JSON Schema object as read from schemas/ (plain data). */
export type SchemaNode = Readonly<Record<string, unknown>>;

const COMMON_ID = String(COMMON_SCHEMA.$id ?? "");

/**
 * Follows a `$ref` of the schemas in schemas/: `common.schema.json#/...`, or a local `#/...`, looked
 * up in the schema being walked and then in common.schema.json (whose own local refs are met when
 * walking into it).
 */
export function resolveRef(ref: string, from: SchemaNode): SchemaNode | undefined {
  const [file, fragment = ""] = ref.split("#");
  const roots = file === "" ? [from, COMMON_SCHEMA] : file.endsWith("common.schema.json") || file === COMMON_ID ? [COMMON_SCHEMA] : [];
  for (const root of roots) {
    let node: unknown = root;
    for (const segment of pointerSegments(fragment)) {
      node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
    }
    if (typeof node === "object" && node !== null) return node as SchemaNode;
  }
  return undefined;
}

/**
 * The schema of a node, with `$ref`s merged into it (the node's own keywords, such as its
 * `description`, win) and the `properties` that `allOf`/`then` branches add gathered in. Enough
 * for hover, completion and quick fixes; not a validator.
 */
export function expand(node: SchemaNode | undefined, root: SchemaNode, depth = 0): SchemaNode | undefined {
  if (!node || depth > 16) return node;
  let merged: Record<string, unknown> = { ...node };
  if (typeof node.$ref === "string") {
    const target = expand(resolveRef(node.$ref, root), root, depth + 1);
    if (target) merged = { ...target, ...node };
    delete merged.$ref;
  }
  const extra: Record<string, unknown> = {};
  const branches = [...(Array.isArray(merged.allOf) ? merged.allOf : []), merged.then].filter(
    (b): b is SchemaNode => typeof b === "object" && b !== null,
  );
  for (const branch of branches) {
    const properties = branch.properties;
    if (typeof properties === "object" && properties !== null) {
      for (const [name, schema] of Object.entries(properties)) if (!(name in extra)) extra[name] = schema;
    }
    if (typeof branch.then === "object" && branch.then !== null) {
      const thenProperties = (branch.then as SchemaNode).properties;
      if (typeof thenProperties === "object" && thenProperties !== null) {
        for (const [name, schema] of Object.entries(thenProperties)) if (!(name in extra)) extra[name] = schema;
      }
    }
  }
  if (Object.keys(extra).length) merged.properties = { ...extra, ...((merged.properties as object) ?? {}) };
  return merged;
}

/**
 * The expanded schema of the node at `pointer` in a document of `name`, walking `properties`,
 * `items`, `patternProperties` and `additionalProperties`; undefined where the schema says nothing.
 */
export function schemaAt(name: SchemaName, pointer: string): SchemaNode | undefined {
  const root = SCHEMAS[name] as SchemaNode;
  let node = expand(root, root);
  for (const segment of pointerSegments(pointer)) {
    if (!node) return undefined;
    node = expand(childSchema(node, segment), root);
  }
  return node;
}

function childSchema(node: SchemaNode, segment: string): SchemaNode | undefined {
  const properties = node.properties as Record<string, SchemaNode> | undefined;
  if (properties && Object.prototype.hasOwnProperty.call(properties, segment)) return properties[segment];
  if (/^\d+$/.test(segment) && typeof node.items === "object" && node.items !== null) return node.items as SchemaNode;
  const patterns = node.patternProperties as Record<string, SchemaNode> | undefined;
  if (patterns) for (const [pattern, schema] of Object.entries(patterns)) if (new RegExp(pattern).test(segment)) return schema;
  if (typeof node.additionalProperties === "object" && node.additionalProperties !== null) return node.additionalProperties as SchemaNode;
  return undefined;
}

/** Property names of an object schema, required ones first, each with its schema. */
export function propertiesOf(node: SchemaNode | undefined, root?: SchemaNode): { name: string; required: boolean; schema: SchemaNode }[] {
  if (!node) return [];
  const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
  const properties = (node.properties as Record<string, SchemaNode> | undefined) ?? {};
  return Object.entries(properties)
    .map(([name, schema]) => ({ name, required: required.has(name), schema: expand(schema, root ?? node) ?? schema }))
    .sort((a, b) => Number(b.required) - Number(a.required));
}

/** The allowed values of an enum or const schema, if it is one. */
export function allowedValues(node: SchemaNode | undefined): readonly unknown[] | undefined {
  if (!node) return undefined;
  if (Array.isArray(node.enum)) return node.enum;
  if ("const" in node) return [node.const];
  return undefined;
}
