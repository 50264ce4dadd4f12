import { isRecord } from "../../pointer";
import {
  datasetManifest,
  type DatasetParts,
  type DatasheetTopic,
  type DistributionPart,
  type FieldPart,
  type PersonPart,
  type RecordSetPart,
} from "./dataset-document";
import { hasType, literal, nodes, referenced, text, typeName, value, values, type Node } from "./json-ld";
import { baseNameOf } from "./paths";
import { yamlDocument, importHeader } from "./yaml-text";
import { ImportError, type ImportContext, type ImportResult, type ImportSource } from "./types";
import { doiIn, formatOf, isoDateOf, md5Of, semverOf, sha256Of, slugOf, spdxOf, textOf, UniqueIds } from "./values";

/**
 * Croissant 1.0/1.1 JSON-LD → DatasetManifest (docs/formats-import.md#croissant). The JSON-LD is
 * read as written, by local property names, without expanding its context (which would mean
 * fetching it): a file whose context maps the usual names elsewhere is still read by those names.
 */
export async function importCroissant(source: ImportSource, context: ImportContext): Promise<ImportResult> {
  const root = parseJson(source.text);
  if (!hasType(root, "Dataset")) throw new ImportError("the file is not a Croissant dataset: its @type is not Dataset.");
  const notes: string[] = [];
  const distributionIds = new Map<string, string>();
  const distributions = distributionsOf(root, distributionIds);
  const parts: DatasetParts = {
    id: slugOf(text(root, "name") ?? ""),
    version: semverOf(text(root, "version")),
    name: text(root, "name")?.trim() || undefined,
    description: text(root, "description")?.trim() || undefined,
    license: licenseOf(root, notes),
    creators: peopleOf(nodes(root, "creator")),
    publisher: nameOf(value(root, "publisher")),
    datePublished: isoDateOf(text(root, "datePublished")),
    dateModified: isoDateOf(text(root, "dateModified")),
    doi: doiOf(root),
    keywords: values(root, "keywords")
      .map((keyword) => (isRecord(keyword) ? text(keyword, "name") : literal(keyword)))
      .filter((keyword): keyword is string => Boolean(keyword?.trim())),
    live: literal(value(root, "isLiveDataset")) === "true",
    distributions,
    recordSets: recordSetsOf(root, distributionIds),
    derivedFrom: [],
    datasheet: datasheetOf(root),
  };
  const version = text(root, "version");
  if (version !== undefined && parts.version === undefined) notes.push(`version "${version}" is not a semantic version; write one.`);
  const document = await datasetManifest(parts, source.path, context, notes);
  const conformsTo = values(root, "conformsTo")
    .map(literal)
    .find((uri) => uri?.includes("croissant"));
  const what = `Croissant${conformsTo ? ` ${conformsTo.replace(/^.*\//, "")}` : ""}`;
  return {
    format: "croissant",
    kind: "DatasetManifest",
    text: yamlDocument(document, importHeader(what, baseNameOf(source.path), context.today)),
    fileName: `${String(document.id)}.dataset.yaml`,
    notes,
  };
}

function parseJson(sourceText: string): Node {
  let parsed: unknown;
  try {
    parsed = JSON.parse(sourceText);
  } catch (error) {
    throw new ImportError(`the file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(parsed)) throw new ImportError("the file does not hold a JSON object.");
  return parsed;
}

/** The data's licence; `sdLicense` is the licence of the metadata itself and is not it. */
function licenseOf(root: Node, notes: string[]): string | undefined {
  const written = values(root, "license").map((license) =>
    isRecord(license) ? (referenced(license) ?? text(license, "name")) : literal(license),
  );
  const ids = written.filter((license): license is string => Boolean(license)).map((license) => ({ license, id: spdxOf(license) }));
  for (const { license, id } of ids)
    if (!id) notes.push(`license "${license}" names no SPDX licence the importer knows; write its SPDX id.`);
  const known = ids.map(({ id }) => id).filter((id): id is string => id !== undefined);
  return known.length && known.length === ids.length ? [...new Set(known)].join(" AND ") : undefined;
}

function nameOf(found: unknown): string | undefined {
  if (typeof found === "string") return found.trim() || undefined;
  return isRecord(found) ? text(found, "name")?.trim() || undefined : undefined;
}

/** schema.org Person or Organization → a Genesis person; an ORCID iD is taken from `identifier`, `url` or `@id`. */
function peopleOf(found: readonly Node[]): PersonPart[] {
  return found.flatMap((person) => {
    const name = text(person, "name")?.trim();
    if (!name) return [];
    const orcid = [text(person, "identifier"), text(person, "url"), referenced(person)]
      .map((candidate) => /(\d{4}-\d{4}-\d{4}-\d{3}[\dX])/.exec(candidate ?? "")?.[1])
      .find(Boolean);
    const affiliation = nameOf(value(person, "affiliation"));
    return [{ name, email: text(person, "email")?.replace(/^mailto:/, ""), orcid, affiliation }];
  });
}

function doiOf(root: Node): string | undefined {
  const candidates = [
    ...values(root, "identifier"),
    ...values(root, "sameAs"),
    ...values(root, "citeAs"),
    ...values(root, "citation"),
    value(root, "url"),
  ];
  for (const candidate of candidates) {
    const found = doiIn(literal(candidate) ?? (isRecord(candidate) ? (text(candidate, "value") ?? referenced(candidate) ?? "") : ""));
    if (found) return found;
  }
  return undefined;
}

/**
 * FileObjects and FileSets → distributions. A FileSet's `includes` patterns become one distribution
 * each (a pattern names no file on its own; see the docs for what does not map).
 */
function distributionsOf(root: Node, ids: Map<string, string>): DistributionPart[] {
  const unique = new UniqueIds();
  const parts: DistributionPart[] = [];
  for (const file of nodes(root, "distribution")) {
    const name = text(file, "name") ?? referenced(file) ?? "file";
    const key = referenced(file) ?? name;
    const mediaType = literal(value(file, "encodingFormat"));
    const paths = hasType(file, "FileSet")
      ? values(file, "includes")
          .map(literal)
          .filter((path): path is string => Boolean(path))
      : [text(file, "contentUrl") ?? name];
    paths.forEach((path, index) => {
      const id = unique.take(slugOf(paths.length > 1 ? `${name}-${index + 1}` : name) ?? "file");
      if (index === 0) {
        ids.set(key, id);
        ids.set(name, id);
      }
      parts.push({
        id,
        path,
        format: formatOf(mediaType, path),
        sha256: sha256Of(text(file, "sha256")),
        md5: md5Of(text(file, "md5")),
        bytes: bytesOf(text(file, "contentSize")),
      });
    });
  }
  return parts;
}

/** `117743 B` or `117743` → 117743; a size in larger units is not exact, and is left out. */
function bytesOf(size: string | undefined): number | undefined {
  const match = /^\s*(\d+)\s*(B|bytes?)?\s*$/i.exec(size ?? "");
  return match ? Number(match[1]) : undefined;
}

/** Croissant data types → Genesis field types; a type with no counterpart (an image, audio) is left for the user. */
export const CROISSANT_DATA_TYPES: Readonly<Record<string, string>> = {
  Text: "string",
  URL: "string",
  Integer: "integer",
  Float: "number",
  Number: "number",
  Boolean: "boolean",
  Date: "date",
  DateTime: "datetime",
};

function recordSetsOf(root: Node, distributionIds: ReadonlyMap<string, string>): RecordSetPart[] {
  const unique = new UniqueIds();
  const sets: RecordSetPart[] = [];
  for (const set of nodes(root, "recordSet")) {
    const setName = text(set, "name") ?? referenced(set) ?? "records";
    const fieldNodes = nodes(set, "field");
    const sources = fieldNodes.map((field) => fileOf(field, distributionIds)).filter((id): id is string => id !== undefined);
    // A record set with no file behind it (inline `data`, an enumeration of splits) describes no distribution.
    if (sources.length === 0 || fieldNodes.length === 0) continue;
    const fields = fieldNodes.map((field) => fieldOf(field, setName));
    const keyIds = values(set, "key")
      .map(referenced)
      .filter((key): key is string => key !== undefined);
    const primaryKey = keyIds.map(
      (key) => fields[fieldNodes.findIndex((field) => referenced(field) === key || text(field, "name") === key)]?.name,
    );
    sets.push({
      id: unique.take(slugOf(referenced(set) ?? setName) ?? "records"),
      source: sources[0],
      primaryKey: primaryKey.every(Boolean) ? (primaryKey as string[]) : undefined,
      fields,
    });
  }
  return sets;
}

/** The distribution a field is read from: its `source` (or, as some files write it, `references`) names a file. */
function fileOf(field: Node, distributionIds: ReadonlyMap<string, string>): string | undefined {
  for (const via of [...nodes(field, "source"), ...nodes(field, "references")]) {
    const file = referenced(value(via, "fileObject")) ?? referenced(value(via, "fileSet"));
    if (file && distributionIds.has(file)) return distributionIds.get(file);
  }
  return undefined;
}

function fieldOf(field: Node, setName: string): FieldPart {
  const extract = [...nodes(field, "source"), ...nodes(field, "references")].map((via) => nodes(via, "extract")[0]).find(Boolean);
  const column = extract ? text(extract, "column") : undefined;
  const name = column ?? (text(field, "name") ?? referenced(field) ?? "field").replace(new RegExp(`^${escaped(setName)}/`), "");
  const repeated = literal(value(field, "repeated")) === "true" || literal(value(field, "isArray")) === "true";
  const type = repeated
    ? "array"
    : values(field, "dataType")
        .map(typeName)
        .map((t) => (t ? CROISSANT_DATA_TYPES[t] : undefined))
        .find(Boolean);
  return { name, type, description: text(field, "description")?.trim() || undefined };
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The Croissant RAI properties (and their Croissant 1.0 `cr:` spellings) by the datasheet topic they answer. */
export const RAI_TOPICS: Readonly<Record<DatasheetTopic, readonly string[]>> = {
  motivation: [],
  composition: [],
  collection: ["dataCollection", "dataCollectionType", "dataCollectionTimeframe", "dataCollectionRawData", "dataCollectionMissingData"],
  preprocessing: ["dataPreprocessingProtocol", "dataManipulationProtocol", "dataImputationProtocol", "dataAnnotationProtocol"],
  uses: ["dataUseCases"],
  limitations: ["dataLimitations"],
  biases: ["dataBiases"],
  personalInformation: ["personalSensitiveInformation"],
  maintenance: ["dataReleaseMaintenancePlan"],
};

function datasheetOf(root: Node): Partial<Record<DatasheetTopic, string>> {
  const sheet: Partial<Record<DatasheetTopic, string>> = {};
  for (const [topic, names] of Object.entries(RAI_TOPICS) as [DatasheetTopic, readonly string[]][]) {
    const answer = textOf(names.flatMap((name) => values(root, name).map(literal)));
    if (answer) sheet[topic] = answer;
  }
  return sheet;
}
