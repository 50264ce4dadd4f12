import { isRecord } from "../../pointer";

/**
 * Reading Croissant's JSON-LD without expanding it (no context is fetched): a property is found by
 * its local name whatever prefix or vocabulary the file's context gives it (`name`, `sc:name`,
 * `schema:name`, `https://schema.org/name`), and so is a type (`cr:FileObject`, `FileObject`).
 */

export type Node = Record<string, unknown>;

function localName(key: string): string {
  return key.replace(/^.*[:/#]/, "");
}

/** The values of a property, as a list (JSON-LD allows one value or many). */
export function values(node: Node, name: string): unknown[] {
  const found: unknown[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@") || localName(key) !== name) continue;
    if (Array.isArray(value)) found.push(...value);
    else if (value !== undefined && value !== null) found.push(value);
  }
  return found;
}

export function value(node: Node, name: string): unknown {
  return values(node, name)[0];
}

/** A property as text: a string, a number, or a value object's `@value`. */
export function text(node: Node, name: string): string | undefined {
  const found = value(node, name);
  return literal(found);
}

export function literal(found: unknown): string | undefined {
  if (typeof found === "string") return found;
  if (typeof found === "number" || typeof found === "boolean") return String(found);
  if (isRecord(found) && (typeof found["@value"] === "string" || typeof found["@value"] === "number")) return String(found["@value"]);
  return undefined;
}

export function nodes(node: Node, name: string): Node[] {
  return values(node, name).filter(isRecord);
}

export function types(node: Node): string[] {
  const type = node["@type"];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string").map(localName);
}

export function hasType(node: Node, name: string): boolean {
  return types(node).includes(name);
}

/** What a reference names: `{ "@id": "x" }`, or the bare `"x"` Croissant 1.0 also allows. */
export function referenced(found: unknown): string | undefined {
  if (typeof found === "string") return found;
  if (isRecord(found) && typeof found["@id"] === "string") return found["@id"];
  return undefined;
}

/** A data type's local name (`sc:Integer` → `Integer`). */
export function typeName(found: unknown): string | undefined {
  const name = referenced(found);
  return name === undefined ? undefined : localName(name);
}
