import { isRecord } from "../../pointer";

/**
 * Reading a document's parsed value without trusting its shape: an exporter writes what is there
 * and leaves out what is missing or of the wrong type (the rules report those; an export is no
 * second judge of them).
 */

export type Value = Readonly<Record<string, unknown>>;

export function text(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  // YAML reads `version: 1.2` and `datePublished: 2025-04-08` as a number or a date.
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

export function record(value: unknown): Value | undefined {
  return isRecord(value) ? value : undefined;
}

export function records(value: unknown): Value[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function texts(value: unknown): string[] {
  if (!Array.isArray(value)) return text(value) === undefined ? [] : [text(value) as string];
  return value.map(text).filter((item): item is string => item !== undefined);
}

export function numberOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A path below `value`, read through records only (`at(v, "training", "run", "seed")`). */
export function at(value: unknown, ...keys: string[]): unknown {
  let current: unknown = value;
  for (const key of keys) {
    if (!isRecord(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Drops the keys whose value is undefined, an empty string or an empty list, so outputs hold no empty properties. */
export function compact<T extends Record<string, unknown>>(object: T): T {
  const kept: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(object)) {
    if (item === undefined || item === "" || (Array.isArray(item) && item.length === 0)) continue;
    kept[key] = item;
  }
  return kept as T;
}

/** A person of a Genesis document (`{ name, email?, orcid?, affiliation? }`). */
export interface Person {
  readonly name: string;
  readonly email?: string;
  readonly orcid?: string;
  readonly affiliation?: string;
}

export function person(value: unknown): Person | undefined {
  const fields = record(value);
  const name = text(fields?.name);
  if (!fields || !name) return undefined;
  return compact({ name, email: text(fields.email), orcid: text(fields.orcid), affiliation: text(fields.affiliation) });
}

export function people(value: unknown): Person[] {
  return Array.isArray(value) ? value.map(person).filter((p): p is Person => p !== undefined) : [];
}

/** A SHA-256 as the schemas require it (64 lower-case hex), else undefined: a malformed digest is not passed on. */
export function sha256Of(value: unknown): string | undefined {
  return typeof value === "string" && /^[0-9a-f]{64}$/.test(value) ? value : undefined;
}

export function md5Of(value: unknown): string | undefined {
  return typeof value === "string" && /^[0-9a-fA-F]{32}$/.test(value) ? value.toLowerCase() : undefined;
}

/** A date as written (`2025-04-08`), or a date-time. */
export function dateOf(value: unknown): string | undefined {
  const written = text(value);
  return written && /^\d{4}-\d{2}-\d{2}/.test(written) ? written : undefined;
}
