import { API_VERSION } from "../../rules/header";
import { folderOf, isGlob, rebased, resolveInWorkspace } from "./paths";
import { placeholderAt, placeholderObject, TODO } from "./template-values";
import type { ImportContext } from "./types";
import { isUrl } from "./values";

/**
 * A DatasetManifest built from what a source (Croissant, a data package) says, in the template's key
 * order; what the source does not say gets placeholders (template-values.ts).
 */

export interface PersonPart {
  readonly name: string;
  readonly email?: string;
  readonly orcid?: string;
  readonly affiliation?: string;
}

export interface DistributionPart {
  readonly id: string;
  /** As the source writes it: relative to the source's folder, or a URL. */
  readonly path: string;
  readonly format: string;
  readonly sha256?: string;
  readonly md5?: string;
  readonly bytes?: number;
}

export interface FieldPart {
  readonly name: string;
  /** A Genesis field type; undefined when the source's type has none. */
  readonly type?: string;
  readonly description?: string;
  readonly constraints?: Readonly<Record<string, unknown>>;
}

export interface RecordSetPart {
  readonly id: string;
  /** The id of a distribution of the same document. */
  readonly source: string;
  readonly primaryKey?: readonly string[];
  readonly fields: readonly FieldPart[];
}

export const DATASHEET_TOPICS = [
  "motivation",
  "composition",
  "collection",
  "preprocessing",
  "uses",
  "limitations",
  "biases",
  "personalInformation",
  "maintenance",
] as const;
export type DatasheetTopic = (typeof DATASHEET_TOPICS)[number];

export interface DatasetParts {
  readonly id?: string;
  readonly version?: string;
  readonly name?: string;
  readonly description?: string;
  readonly license?: string;
  readonly creators: readonly PersonPart[];
  readonly publisher?: string;
  readonly datePublished?: string;
  readonly dateModified?: string;
  readonly doi?: string;
  readonly keywords: readonly string[];
  readonly live?: boolean;
  readonly distributions: readonly DistributionPart[];
  readonly recordSets: readonly RecordSetPart[];
  readonly derivedFrom: readonly string[];
  readonly datasheet: Partial<Record<DatasheetTopic, string>>;
}

const T = "dataset-manifest";

export async function datasetManifest(parts: DatasetParts, sourcePath: string, context: ImportContext, notes: string[]) {
  const sourceFolder = folderOf(sourcePath);
  const outputFolder = context.outputFolder ?? sourceFolder;
  const distribution = await Promise.all(
    parts.distributions.map((part) => distributionEntry(part, sourceFolder, outputFolder, context, notes, parts.live === true)),
  );
  return {
    apiVersion: API_VERSION,
    kind: "DatasetManifest",
    id: parts.id ?? placeholderAt(T, "/id"),
    version: parts.version ?? TODO,
    name: parts.name ?? placeholderAt(T, "/name"),
    description: parts.description ?? placeholderAt(T, "/description"),
    license: parts.license ?? TODO,
    creators: parts.creators.length ? parts.creators.map(personEntry) : [placeholderObject(T, "/creators/0")],
    ...(parts.publisher ? { publisher: parts.publisher } : {}),
    datePublished: parts.datePublished ?? TODO,
    ...(parts.dateModified ? { dateModified: parts.dateModified } : {}),
    ...(parts.doi ? { doi: parts.doi } : {}),
    ...(parts.keywords.length ? { keywords: [...parts.keywords] } : {}),
    classification: { level: TODO },
    access: { policy: TODO },
    ...(parts.live ? { live: true } : {}),
    distribution: distribution.length ? distribution : [placeholderDistribution()],
    ...(parts.recordSets.length ? { recordSets: parts.recordSets.map(recordSetEntry) } : {}),
    ...(parts.derivedFrom.length ? { lineage: { derivedFrom: [...parts.derivedFrom] } } : {}),
    datasheet: Object.fromEntries(
      DATASHEET_TOPICS.map((topic) => [topic, parts.datasheet[topic] ?? placeholderAt(T, `/datasheet/${topic}`)]),
    ),
  };
}

function personEntry(person: PersonPart): Record<string, string> {
  return {
    name: person.name,
    ...(person.email ? { email: person.email } : {}),
    ...(person.orcid ? { orcid: person.orcid } : {}),
    ...(person.affiliation ? { affiliation: person.affiliation } : {}),
  };
}

/**
 * A distribution entry. A local file the source names (inside the workspace, not a pattern) is read
 * by the front end: its real SHA-256 and size are written, and a digest the source declares that
 * differs is reported in the notes. Without a digest, the template's placeholder digest is written
 * (unless the dataset is live); an MD5 is kept beside it, never in its place.
 */
async function distributionEntry(
  part: DistributionPart,
  sourceFolder: string,
  outputFolder: string,
  context: ImportContext,
  notes: string[],
  live: boolean,
): Promise<Record<string, unknown>> {
  const local = isUrl(part.path) || isGlob(part.path) ? undefined : resolveInWorkspace(sourceFolder, part.path);
  const facts = local === undefined ? undefined : await context.localFile(local);
  if (facts && part.sha256 && part.sha256 !== facts.sha256)
    notes.push(`${part.path}: the source declares sha256 ${part.sha256}, the file's is ${facts.sha256}; the file's is written.`);
  const sha256 = facts?.sha256 ?? part.sha256 ?? (live ? undefined : placeholderAt(T, "/distribution/0/sha256"));
  const bytes = facts?.bytes ?? part.bytes;
  return {
    id: part.id,
    path: rebased(part.path, sourceFolder, outputFolder),
    format: part.format,
    ...(sha256 ? { sha256 } : {}),
    ...(part.md5 ? { md5: part.md5 } : {}),
    ...(bytes !== undefined ? { bytes } : {}),
  };
}

function placeholderDistribution(): Record<string, unknown> {
  return {
    id: TODO.toLowerCase(),
    path: placeholderAt(T, "/distribution/0/path", true),
    format: TODO,
    sha256: placeholderAt(T, "/distribution/0/sha256"),
  };
}

function recordSetEntry(set: RecordSetPart): Record<string, unknown> {
  return {
    id: set.id,
    source: set.source,
    ...(set.primaryKey?.length ? { primaryKey: [...set.primaryKey] } : {}),
    fields: set.fields.map((field) => ({
      name: field.name,
      type: field.type ?? TODO,
      description: field.description ?? placeholderAt(T, "/recordSets/0/fields/0/description"),
      ...(field.constraints && Object.keys(field.constraints).length ? { constraints: field.constraints } : {}),
    })),
  };
}
