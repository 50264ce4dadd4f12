import type { ErrorObject } from "ajv";
import { spanOf, type GenesisDocument } from "../document";
import { listOf, nearest, synonymAmong } from "../nearest";
import { isRecord, joinPointer, pointerSegments } from "../pointer";
import type { Finding } from "../types";
import { conditionsOf, conditionText, type Condition } from "./conditions";

type Located = Pick<GenesisDocument, "tree" | "text">;

/**
 * The fields of ajv's `params` that the messages read. Each keyword sets its own (`required` sets
 * `missingProperty`, `maxLength` sets `limit`, ...): a field is read only under its keywords.
 */
interface ErrorParams {
  readonly missingProperty?: string;
  readonly property?: string;
  readonly additionalProperty?: string;
  readonly unevaluatedProperty?: string;
  readonly allowedValues: unknown[];
  readonly allowedValue: unknown;
  readonly type: string | string[];
  readonly format: string;
  readonly pattern: string;
  readonly limit: number;
  readonly comparison?: string;
  readonly i: number;
  readonly j: number;
}

/**
 * Turns ajv errors into findings with docs/rules.md rule ids, one per problem. Errors of the branches of an
 * `anyOf`/`oneOf` and the bookkeeping `if` errors are dropped: only the summary is reported.
 */
export function schemaFindings(document: Located, errors: readonly ErrorObject[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const conditions = conditionsOf(errors);
  for (const error of errors) {
    if (isBranchNoise(error)) continue;
    const finding = toFinding(document, error, conditions);
    if (!finding) continue;
    const key = `${finding.rule}\u0000${finding.pointer}\u0000${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function isBranchNoise(error: ErrorObject): boolean {
  if (error.keyword === "if") return true;
  return /\/(anyOf|oneOf)\/\d+\//.test(error.schemaPath);
}

function nameOf(pointer: string): string {
  const segments = pointerSegments(pointer);
  if (segments.length === 0) return "the document";
  const last = segments[segments.length - 1];
  return /^\d+$/.test(last) && segments.length > 1 ? `item ${Number(last) + 1} of "${segments[segments.length - 2]}"` : `"${last}"`;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return Number.isInteger(value) ? "an integer" : "a number";
  return `a ${typeof value}`;
}

/**
 * For a string field whose value YAML read as a number, a boolean or null (`0E001`, `1.2`, `no`):
 * the text as written, and that quoting it keeps it as written. Empty when it does not apply.
 */
function quoteAdvice(document: Located, pointer: string, expected: string, value: unknown): string {
  if (!expected.split(" or ").includes("string")) return "";
  if (typeof value !== "number" && typeof value !== "boolean" && value !== null) return "";
  const span = spanOf(document, pointer, "value");
  const written = document.text.slice(span.start, span.end).trim();
  if (written === "" || /^["']/.test(written) || written.length > 60) return "";
  const read = value === null ? "null" : typeof value === "number" ? "a number" : `the boolean ${String(value)}`;
  return ` YAML reads ${written} as ${read}; quote it to keep it as written: "${written}".`;
}

/**
 * For a missing required property written under a near name the schema does not define (`tasks` for
 * `task`): that name, as a hint. Empty when there is none.
 */
function misspeltHint(data: unknown, parent: Record<string, unknown> | undefined, property: string): string {
  if (!isRecord(data)) return "";
  const defined = isRecord(parent?.properties) ? parent.properties : {};
  const written = nearest(
    property,
    Object.keys(data).filter((key) => !(key in defined)),
  );
  return written === undefined ? "" : ` "${written}" is written here: did you mean "${property}"?`;
}

function firstSentence(text: unknown): string {
  if (typeof text !== "string") return "";
  const match = /^(.*?[.!?])(\s|$)/.exec(text);
  return ` ${(match ? match[1] : text).trim()}`;
}

interface KnownProperties {
  readonly names: readonly string[];
  /** `names` as a message lists them. */
  readonly listed: string;
  nearest(property: string): string | undefined;
}

/**
 * The properties a schema object defines, by schema object: the same unknown key (a team's own
 * extension, say) is usually reported in many documents against the same few schema objects.
 */
const KNOWN_PROPERTIES = new WeakMap<object, KnownProperties>();
const NO_SCHEMA = {};

function knownProperties(parent: Record<string, unknown> | undefined): KnownProperties {
  const schema = parent ?? NO_SCHEMA;
  let known = KNOWN_PROPERTIES.get(schema);
  if (!known) {
    const names = Object.keys((parent?.properties as Record<string, unknown>) ?? {});
    const suggestions = new Map<string, string | undefined>();
    known = {
      names,
      listed: listOf(names),
      nearest(property) {
        if (suggestions.has(property)) return suggestions.get(property);
        const suggestion = nearest(property, names);
        // Bounded: property names come from the documents.
        if (suggestions.size < 256) suggestions.set(property, suggestion);
        return suggestion;
      },
    };
    KNOWN_PROPERTIES.set(schema, known);
  }
  return known;
}

function toFinding(document: Located, error: ErrorObject, conditions: ReadonlyMap<object, Condition>): Finding | undefined {
  const pointer = error.instancePath;
  const parent = error.parentSchema as Record<string, unknown> | undefined;
  const params = error.params as ErrorParams;
  const at = (
    rule: string,
    message: string,
    target = pointer,
    part: "key" | "value" = "value",
    data?: Record<string, unknown>,
  ): Finding => ({
    rule,
    message,
    span: spanOf(document, target, part),
    pointer: target,
    data,
  });

  switch (error.keyword) {
    case "required":
    case "dependentRequired": {
      const property = String(params.missingProperty ?? params.property);
      const condition = parent && conditions.get(parent);
      const because = condition ? conditionText(condition) : undefined;
      const why = because
        ? `, required because ${because}.`
        : /\/then\//.test(error.schemaPath) && typeof parent?.description === "string"
          ? `. ${parent.description}`
          : `.${misspeltHint(error.data, parent, property)}`;
      return at("schema/required", `${capitalise(nameOf(pointer))} is missing the required property "${property}"${why}`, pointer, "key", {
        property,
      });
    }
    case "additionalProperties":
    case "unevaluatedProperties": {
      const property = String(params.additionalProperty ?? params.unevaluatedProperty);
      const known = knownProperties(parent);
      const suggestion = known.nearest(property);
      const hint = suggestion ? ` Did you mean "${suggestion}"?` : known.names.length ? ` Known properties here: ${known.listed}.` : "";
      return at(
        "schema/unknown-property",
        `Unknown property "${property}" in ${nameOf(pointer)}.${hint}`,
        joinPointer(pointer, property),
        "key",
        {
          property,
          nearest: suggestion,
        },
      );
    }
    case "enum":
    case "const": {
      const allowed: unknown[] = error.keyword === "enum" ? params.allowedValues : [params.allowedValue];
      const names = allowed.filter((v): v is string => typeof v === "string");
      const suggestion = typeof error.data === "string" ? (nearest(error.data, names) ?? synonymAmong(error.data, names)) : undefined;
      const options = allowed.length === 1 ? `it must be ${shown(allowed[0])}` : `allowed values are ${listOf(allowed)}`;
      return at(
        "schema/enum",
        `${shown(error.data)} is not allowed for ${nameOf(pointer)}; ${options}.${suggestion ? ` Did you mean "${suggestion}"?` : ""}`,
        pointer,
        "value",
        { allowed, nearest: suggestion },
      );
    }
    case "type": {
      const expected = String(params.type).split(",").join(" or ");
      const message = `${capitalise(nameOf(pointer))} must be ${article(expected)}, not ${typeName(error.data)}.`;
      return at("schema/type", message + quoteAdvice(document, pointer, expected, error.data));
    }
    case "anyOf":
    case "oneOf":
      return at("schema/type", `${capitalise(nameOf(pointer))} has none of the allowed forms.${firstSentence(parent?.description)}`);
    case "not":
      return at("schema/enum", `${shown(error.data)} is not allowed for ${nameOf(pointer)}.${firstSentence(parent?.description)}`);
    case "format":
      return at("schema/format", `${shown(error.data)} is not a valid ${formatName(String(params.format))} for ${nameOf(pointer)}.`);
    case "pattern": {
      const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
      if (propertyName !== undefined) {
        const target = joinPointer(pointer, propertyName);
        return at("schema/pattern", `The key "${propertyName}" does not have the expected form (${params.pattern}).`, target, "key");
      }
      return at(
        "schema/pattern",
        `${shown(error.data)} does not have the expected form for ${nameOf(pointer)} (${params.pattern}).` +
          `${firstSentence(parent?.description)}`,
      );
    }
    case "propertyNames":
      return undefined; // the nested error names the key
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
    case "minLength":
    case "maxLength":
    case "minItems":
    case "maxItems":
    case "uniqueItems":
    case "minProperties":
    case "maxProperties":
    case "contains":
    case "multipleOf":
      return at("schema/range", `${capitalise(nameOf(pointer))} ${rangeMessage(error)}.`);
    default:
      return at("schema/type", `${capitalise(nameOf(pointer))} ${error.message ?? "is not valid"}.`);
  }
}

function rangeMessage(error: ErrorObject): string {
  const p = error.params as ErrorParams;
  switch (error.keyword) {
    case "minLength":
      return `must be at least ${p.limit} characters long (it has ${String(error.data).length})`;
    case "maxLength":
      return `must be at most ${p.limit} characters long`;
    case "minItems":
      return p.limit === 1 ? "must list at least one item" : `must list at least ${p.limit} items`;
    case "maxItems":
      return `must list at most ${p.limit} items`;
    case "uniqueItems":
      return `must not repeat items (items ${p.j + 1} and ${p.i + 1} are the same)`;
    case "contains":
      return "does not contain a required item";
    default:
      return `must be ${String(p.comparison ?? "")} ${p.limit ?? ""}`.replace(/\s+/g, " ").trim() + ` (it is ${shown(error.data)})`;
  }
}

function formatName(format: string): string {
  const names: Record<string, string> = {
    "genesis-date": "ISO 8601 date (2026-01-15 or 2026-01-15T08:30:00Z)",
    email: "email address",
    uri: "URI",
    date: "date (2026-01-15)",
    "date-time": "date-time (2026-01-15T08:30:00Z)",
  };
  return names[format] ?? format;
}

function article(noun: string): string {
  const named: Record<string, string> = {
    object: "a mapping",
    array: "a list",
    string: "a string",
    integer: "an integer",
    number: "a number",
    boolean: "true or false",
    null: "null",
  };
  return noun
    .split(" or ")
    .map((n) => named[n] ?? n)
    .join(" or ");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
