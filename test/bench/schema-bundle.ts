/**
 * A self-contained copy of a Genesis schema, for tools that cannot follow our cross-file `$ref`s
 * (`common.schema.json#/$defs/slug`) by themselves, such as yaml-language-server pointed at a
 * schema file: every definition the schema reaches in a sibling file is copied under the bundle's
 * own `$defs`, and every `$ref` to it becomes a local `#/$defs/<name>`. The bundle has no `$id`, so
 * that its local refs resolve against the file it is written to and nothing is looked up remotely.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const DEFS_PREFIX = "#/$defs/";

export function bundleSchema(schemaFile: string): JsonObject {
  const root = path.resolve(schemaFile);
  const documents = new Map<string, JsonObject>();
  const load = (file: string): JsonObject => {
    let document = documents.get(file);
    if (!document) {
      document = JSON.parse(readFileSync(file, "utf8")) as JsonObject;
      documents.set(file, document);
    }
    return document;
  };

  /** Bundle-wide definition name -> the file it came from, to refuse two different definitions of one name. */
  const origins = new Map<string, string>();
  const pending: { file: string; name: string }[] = [];
  const defs: JsonObject = {};

  const useDefinition = (file: string, name: string): string => {
    const origin = origins.get(name);
    if (origin === undefined) {
      origins.set(name, file);
      pending.push({ file, name });
    } else if (origin !== file) {
      throw new Error(`cannot bundle ${schemaFile}: "$defs/${name}" is defined both in ${origin} and in ${file}`);
    }
    return DEFS_PREFIX + name;
  };

  /** Rewrites one `$ref` found in `file` to its place in the bundle. */
  const rewrite = (ref: string, file: string): string => {
    const hash = ref.indexOf("#");
    const target = hash === 0 ? file : path.resolve(path.dirname(file), hash < 0 ? ref : ref.slice(0, hash));
    const fragment = hash < 0 ? "" : ref.slice(hash);
    if (!fragment.startsWith(DEFS_PREFIX) || fragment.slice(DEFS_PREFIX.length).includes("/")) {
      throw new Error(`cannot bundle ${schemaFile}: $ref "${ref}" in ${file} does not name a $defs entry`);
    }
    return useDefinition(target, decodeURIComponent(fragment.slice(DEFS_PREFIX.length)));
  };

  const copy = (node: Json, file: string): Json => {
    if (Array.isArray(node)) return node.map((item) => copy(item, file));
    if (node === null || typeof node !== "object") return node;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(node)) {
      out[key] = key === "$ref" && typeof value === "string" ? rewrite(value, file) : copy(value, file);
    }
    return out;
  };

  const { $id: _id, $defs: ownDefs, ...body } = load(root);
  for (const name of Object.keys((ownDefs as JsonObject | undefined) ?? {})) useDefinition(root, name);
  const bundle = copy(body, root) as JsonObject;
  while (pending.length > 0) {
    const { file, name } = pending.shift()!;
    const definition = ((load(file).$defs ?? {}) as JsonObject)[name];
    if (definition === undefined) throw new Error(`cannot bundle ${schemaFile}: ${file} has no "$defs/${name}"`);
    defs[name] = copy(definition, file);
  }
  if (Object.keys(defs).length > 0) bundle.$defs = defs;
  return bundle;
}

/** Writes the bundle of `schemaFile` into `folder` under the same file name and returns its path. */
export function writeBundledSchema(schemaFile: string, folder: string): string {
  const file = path.join(folder, path.basename(schemaFile));
  writeFileSync(file, JSON.stringify(bundleSchema(schemaFile), null, 2));
  return file;
}
