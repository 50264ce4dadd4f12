import type { ErrorObject } from "ajv";
import { CLASSIFICATION_LEVELS, classificationRank } from "../rules/classification-levels";
import { isRecord, pointerSegments } from "../pointer";

/**
 * Why a property an `if`/`then` requires is required, read from the `if` (docs/rules.md#schema-required):
 * "classification.level is above public". ajv reports a failed `then` twice: the `then`'s own error
 * (its `required`, with the `then` as parent schema) and a bookkeeping `if` error whose parent schema
 * holds both, with the value checked. The second leads from the first to its condition.
 */
export interface Condition {
  /** The `if` schema. */
  readonly schema: Record<string, unknown>;
  /** The value the `if` was checked against. */
  readonly data: unknown;
  /** Where that value is in the document. */
  readonly instancePath: string;
}

/** The conditions of the failed `then`s among `errors`, by `then` schema object. */
export function conditionsOf(errors: readonly ErrorObject[]): Map<object, Condition> {
  const conditions = new Map<object, Condition>();
  for (const error of errors) {
    const parent = error.parentSchema;
    if (error.keyword !== "if" || !isRecord(parent) || !isRecord(parent.if) || !isRecord(parent.then)) continue;
    conditions.set(parent.then, { schema: parent.if, data: error.data, instancePath: error.instancePath });
  }
  return conditions;
}

/**
 * The condition in words, `classification.level is above public (it is "cui")`, or undefined when
 * the `if` uses keywords this does not read (the message then says nothing rather than something wrong).
 */
export function conditionText(condition: Condition): string | undefined {
  const base = pointerSegments(condition.instancePath).filter((segment) => !/^\d+$/.test(segment));
  const clauses = clausesOf(condition.schema, [], condition.data);
  if (!clauses || clauses.length === 0) return undefined;
  return clauses.map((clause) => clause([...base])).join(" and ");
}

/** One condition on one value, worded once the path of its field is known. */
type Clause = (path: string[]) => string;

function clausesOf(schema: Record<string, unknown>, path: readonly string[], data: unknown): Clause[] | undefined {
  const clauses: Clause[] = [];
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const key of Object.keys(schema)) {
    if (key === "properties" || key === "required" || key === "type" || key === "description") continue;
    const clause = leafClause(schema, key, path, data);
    if (!clause) return undefined;
    clauses.push(clause);
  }
  for (const [name, sub] of Object.entries(properties)) {
    if (!isRecord(sub)) return undefined;
    const value = isRecord(data) ? data[name] : undefined;
    const inner = clausesOf(sub, [...path, name], value);
    if (!inner) return undefined;
    clauses.push(...inner);
  }
  const required = Array.isArray(schema.required) ? schema.required : [];
  for (const name of required) {
    // A required key the `properties` also constrain is said by their clause: "level is cui" implies it is set.
    if (typeof name === "string" && !(name in properties)) clauses.push((base) => `${dotted([...base, ...path, name])} is set`);
  }
  return clauses;
}

function leafClause(schema: Record<string, unknown>, keyword: string, path: readonly string[], data: unknown): Clause | undefined {
  const field = (base: string[]) => dotted([...base, ...path]);
  const actual =
    typeof data === "string" || typeof data === "number" || typeof data === "boolean" ? ` (it is ${JSON.stringify(data)})` : "";
  switch (keyword) {
    case "const":
      return (base) => `${field(base)} is ${String(schema.const)}`;
    case "enum": {
      if (!Array.isArray(schema.enum)) return undefined;
      const above = levelsAbove(schema.enum, path);
      if (above !== undefined) return (base) => `${field(base)} is above ${above}${actual}`;
      const values = schema.enum.map(String);
      const listed = values.length > 1 ? `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}` : values.join("");
      return (base) => `${field(base)} is ${listed}${actual}`;
    }
    case "minItems":
      return schema.minItems === 1 ? (base) => `${field(base)} is not empty` : undefined;
    case "contains": {
      if (!isRecord(schema.contains)) return undefined;
      const inner = clausesOf(schema.contains, [], undefined);
      if (!inner || inner.length === 0) return undefined;
      return (base) => `${field(base)} has an item whose ${inner.map((clause) => clause([])).join(" and ")}`;
    }
    default:
      return undefined;
  }
}

/**
 * The level an enum of classification levels is every level above (`internal`, `cui`,
 * `cui-specified` and `ouo` are the levels above `public`); undefined for any other enum.
 */
function levelsAbove(values: readonly unknown[], path: readonly string[]): string | undefined {
  if (path[path.length - 1] !== "level") return undefined;
  const ranks = new Set(values.map((value) => classificationRank(value)));
  if (ranks.has(undefined)) return undefined;
  const lowest = Math.min(...(ranks as Set<number>));
  if (lowest < 1) return undefined;
  for (let rank = lowest; rank < CLASSIFICATION_LEVELS.length; rank++) if (!ranks.has(rank)) return undefined;
  return ranks.size === CLASSIFICATION_LEVELS.length - lowest ? CLASSIFICATION_LEVELS[lowest - 1] : undefined;
}

function dotted(path: readonly string[]): string {
  return path.join(".");
}
