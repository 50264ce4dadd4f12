import { code, orList } from "./markdown";

/**
 * The conditional requirements of a JSON Schema object (`if`/`then`, also inside `allOf`), in
 * words: "when `classification.level` is `internal`, `cui`, `cui-specified` or `ouo`". Only the
 * forms the Genesis schemas use are understood; any other form throws, so that a schema change the
 * docs cannot describe stops the generator instead of vanishing from the page.
 */

export type Schema = { readonly [key: string]: unknown };

export function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Property name -> the conditions under which it is required, and what else the branch asks of it. */
export type ConditionalRequirements = Map<string, string[]>;

export function conditionalRequirements(object: Schema, prefix: string): ConditionalRequirements {
  const result: ConditionalRequirements = new Map();
  const branches = [object, ...(Array.isArray(object.allOf) ? object.allOf.filter(isSchema) : [])];
  for (const branch of branches) {
    if (branch.if === undefined) continue;
    if (!isSchema(branch.if) || !isSchema(branch.then)) throw new Error(`${prefix || "/"}: an if without a then`);
    const when = `when ${describeCondition(branch.if, prefix)}`;
    const then = branch.then;
    const required = Array.isArray(then.required) ? (then.required as string[]) : [];
    for (const key of required) {
      const extra = isSchema(then.properties) && isSchema(then.properties[key]) ? thenConstraint(then.properties[key] as Schema) : "";
      const list = result.get(key) ?? [];
      list.push(`${when}${extra}`);
      result.set(key, list);
    }
  }
  return result;
}

/** What a `then` branch adds to a property beside requiring it (its description only restates that). */
function thenConstraint(schema: Schema): string {
  const known = new Set(["description", "type", "minItems"]);
  const unknown = Object.keys(schema).filter((key) => !known.has(key));
  if (unknown.length) {
    throw new Error(`A then branch constrains a property with ${unknown.join(", ")}; describe it in schema-conditions.ts`);
  }
  return typeof schema.minItems === "number" ? ` (at least ${schema.minItems} item${schema.minItems === 1 ? "" : "s"})` : "";
}

function join(prefix: string, key: string): string {
  return prefix ? `${prefix}.${key}` : key;
}

/** An `if` schema of the forms `{ required: [k], properties: { k: <value condition> } }`. */
function describeCondition(condition: Schema, prefix: string): string {
  const properties = isSchema(condition.properties) ? condition.properties : {};
  const keys = Object.keys(properties);
  if (keys.length !== 1) throw new Error(`${prefix || "/"}: a condition on ${keys.length} properties; describe it in schema-conditions.ts`);
  const [key] = keys;
  return describeValue(properties[key] as Schema, join(prefix, key));
}

function describeValue(value: Schema, path: string): string {
  if (value.const !== undefined) return `${code(path)} is ${code(String(value.const))}`;
  if (Array.isArray(value.enum)) return `${code(path)} is ${orList(value.enum.map((v) => code(String(v))))}`;
  if (value.type === "array" && isSchema(value.contains)) return `any ${describeCondition(value.contains, `${path}[]`)}`;
  if (value.type === "array" && value.minItems === 1) return `${code(path)} is not empty`;
  if (isSchema(value.properties)) return describeCondition(value, path);
  throw new Error(`${path}: a condition of a form the docs cannot describe: ${JSON.stringify(value)}`);
}
