import { isRecord } from "../../pointer";
import {
  datasetManifest,
  type DatasetParts,
  type DistributionPart,
  type FieldPart,
  type PersonPart,
  type RecordSetPart,
} from "./dataset-document";
import { baseNameOf } from "./paths";
import { ImportError, type ImportContext, type ImportResult, type ImportSource } from "./types";
import { doiIn, formatOf, isoDateOf, md5Of, semverOf, sha256Of, slugOf, spdxOf, UniqueIds } from "./values";
import { importHeader, yamlDocument } from "./yaml-text";

type Json = Record<string, unknown>;

/**
 * A Frictionless data package (`datapackage.json`, v1 or v2) → DatasetManifest
 * (docs/formats-import.md#data-package): each resource with a path becomes a distribution, and each
 * inline Table Schema the record set of its resource.
 */
export async function importDataPackage(source: ImportSource, context: ImportContext): Promise<ImportResult> {
  const root = parseObject(source.text);
  if (!Array.isArray(root.resources)) throw new ImportError("the file is not a data package: it has no resources list.");
  const notes: string[] = [];
  const resources = root.resources.filter(isRecord);
  const { distributions, recordSets } = resourcesOf(resources, notes);
  const contributors = (Array.isArray(root.contributors) ? root.contributors : []).filter(isRecord);
  const isPublisher = (person: Json) => person.role === "publisher" || (Array.isArray(person.roles) && person.roles.includes("publisher"));
  const version = typeof root.version === "string" || typeof root.version === "number" ? String(root.version) : undefined;
  const parts: DatasetParts = {
    id: slugOf(str(root.name) ?? ""),
    version: semverOf(version),
    name: str(root.title) ?? str(root.name),
    description: str(root.description),
    license: licenseOf(root, notes),
    creators: contributors.filter((person) => !isPublisher(person)).flatMap(personOf),
    publisher: contributors.filter(isPublisher).flatMap(personOf)[0]?.name,
    datePublished: isoDateOf(root.created),
    doi: [root.id, root.homepage].map((candidate) => doiIn(str(candidate) ?? "")).find(Boolean),
    keywords: (Array.isArray(root.keywords) ? root.keywords : []).map(str).filter((keyword): keyword is string => keyword !== undefined),
    distributions,
    recordSets,
    derivedFrom: (Array.isArray(root.sources) ? root.sources : [])
      .filter(isRecord)
      .map((origin) => str(origin.path))
      .filter((path): path is string => path !== undefined && /^https:\/\//.test(path)),
    datasheet: {},
  };
  if (version !== undefined && parts.version === undefined) notes.push(`version "${version}" is not a semantic version; write one.`);
  const document = await datasetManifest(parts, source.path, context, notes);
  const profile = str(root.profile) ?? (str(root.$schema) ? "data package v2" : "data package");
  return {
    format: "datapackage",
    kind: "DatasetManifest",
    text: yamlDocument(document, importHeader(`Frictionless ${profile}`, baseNameOf(source.path), context.today)),
    fileName: `${String(document.id)}.dataset.yaml`,
    notes,
  };
}

function parseObject(text: string): Json {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`the file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(parsed)) throw new ImportError("the file does not hold a JSON object.");
  return parsed;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Every licence applies (AND); one that names no SPDX licence (by its name, else its URL) leaves the whole for the user. */
function licenseOf(root: Json, notes: string[]): string | undefined {
  const licenses = (Array.isArray(root.licenses) ? root.licenses : []).filter(isRecord);
  const ids = licenses.map((license) => {
    const id = spdxOf(str(license.name) ?? "") ?? spdxOf(str(license.path) ?? "");
    const shown = str(license.name) ?? str(license.title) ?? str(license.path);
    if (!id) notes.push(`license "${shown}" names no SPDX licence the importer knows; write its SPDX id.`);
    return id;
  });
  return ids.length && ids.every(Boolean) ? [...new Set(ids)].join(" AND ") : undefined;
}

function personOf(person: Json): PersonPart[] {
  const name = str(person.title) ?? str(person.name) ?? [str(person.givenName), str(person.familyName)].filter(Boolean).join(" ");
  if (!name) return [];
  return [{ name, email: str(person.email), affiliation: str(person.organization) }];
}

/** Frictionless Table Schema types → Genesis field types; types with no counterpart (`any`, `geojson`...) are left for the user. */
export const TABLE_SCHEMA_TYPES: Readonly<Record<string, string>> = {
  string: "string",
  integer: "integer",
  number: "number",
  boolean: "boolean",
  date: "date",
  datetime: "datetime",
  year: "integer",
  array: "array",
};

function resourcesOf(resources: readonly Json[], notes: string[]): { distributions: DistributionPart[]; recordSets: RecordSetPart[] } {
  const files = new UniqueIds();
  const sets = new UniqueIds();
  const distributions: DistributionPart[] = [];
  const recordSets: RecordSetPart[] = [];
  for (const resource of resources) {
    const name = str(resource.name) ?? "resource";
    const paths = (Array.isArray(resource.path) ? resource.path : [resource.path])
      .map(str)
      .filter((path): path is string => path !== undefined);
    if (paths.length === 0) {
      notes.push(`resource "${name}" holds its data inline (no path): it is no distribution.`);
      continue;
    }
    const hash = str(resource.hash);
    const ids = paths.map((path, index) => {
      const id = files.take(slugOf(paths.length > 1 ? `${name}-${index + 1}` : name) ?? "resource");
      distributions.push({
        id,
        path,
        format: formatOf(str(resource.mediatype) ?? str(resource.format), path),
        // A v1 `hash` without a prefix is an MD5; `sha256:...` names its algorithm.
        sha256: paths.length === 1 && hash?.startsWith("sha256:") ? sha256Of(hash) : undefined,
        md5: paths.length === 1 ? md5Of(hash) : undefined,
        bytes: paths.length === 1 && typeof resource.bytes === "number" ? resource.bytes : undefined,
      });
      return id;
    });
    const schema = resource.schema;
    if (typeof schema === "string")
      notes.push(`resource "${name}": its schema is a separate file (${schema}), which import does not read.`);
    if (!isRecord(schema) || !Array.isArray(schema.fields) || schema.fields.length === 0) continue;
    const fields = schema.fields.filter(isRecord).map(fieldOf);
    const primaryKey =
      typeof schema.primaryKey === "string"
        ? [schema.primaryKey]
        : Array.isArray(schema.primaryKey)
          ? schema.primaryKey.map(String)
          : undefined;
    recordSets.push({ id: sets.take(slugOf(name) ?? "records"), source: ids[0], primaryKey, fields });
  }
  return { distributions, recordSets };
}

function fieldOf(field: Json): FieldPart {
  const constraints = isRecord(field.constraints) ? field.constraints : {};
  const kept = Object.fromEntries(
    ["required", "unique", "minimum", "maximum", "enum", "pattern"]
      .filter((key) => constraints[key] !== undefined)
      .filter((key) => (key === "minimum" || key === "maximum" ? typeof constraints[key] === "number" : true))
      .map((key) => [key, constraints[key]]),
  );
  return {
    name: str(field.name) ?? "field",
    type: TABLE_SCHEMA_TYPES[str(field.type) ?? "string"],
    description: str(field.description) ?? str(field.title),
    constraints: kept,
  };
}
