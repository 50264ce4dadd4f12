import { METADATA_FILE, REPORT_HTML_FILE, REPORT_JSON_FILE, STATEMENT_FILE, WAIVERS_FILE } from "./layout";

/**
 * The RO-Crate 1.2 metadata of a submission bundle (docs/bundles.md): a root Dataset whose
 * `hasPart` lists every file of the bundle but this metadata and the statement, each a File entity
 * with its sha256 and contentSize; the readiness check that made the reports, as a CreateAction of
 * this tool. Kept apart from the writing so that more entities (the RO-Crate export's datasets,
 * models and workflow runs, crate-entities.ts) are merged into the same graph: `crateMetadata`
 * takes them as `extraEntities`. An entity given there for a bundled path becomes one entity with
 * the bundle's File: the bundle's properties win (its sha256 and contentSize are what `verify`
 * reads), the given ones fill in the rest, and the `@type`s add up. One whose `@id` is the bundle's
 * own (the descriptor, the root, the tool, the check, the licence note) is left out: the root stays
 * the bundle's. Every `@id` appears once.
 */

export const RO_CRATE_CONTEXT = "https://w3id.org/ro/crate/1.2/context";
export const RO_CRATE_SPEC = "https://w3id.org/ro/crate/1.2";

/** What a bundled file is to the crate. */
export type BundledRole = "document" | "config" | "file" | "report" | "waivers";

export interface BundledFile {
  /** Bundle-relative path: the entity's `@id`. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly role: BundledRole;
  /** The document kind (`DatasetManifest`...) of a document. */
  readonly kind?: string;
}

export interface CrateInput {
  /** The root Dataset's name: the workspace folder's. */
  readonly name: string;
  /** ISO date-time of the bundle. */
  readonly created: string;
  readonly generator: { readonly name: string; readonly version: string };
  readonly files: readonly BundledFile[];
  /** True when the bundle holds a signed statement (it is then described, without a digest). */
  readonly signed: boolean;
  readonly extraEntities?: readonly CrateEntity[];
  /** More CreateActions the root mentions beside the readiness check (the extra entities' lineage). */
  readonly mentions?: readonly string[];
  /** Profiles the root conforms to (their CreativeWork entities among the extra entities). */
  readonly conformsTo?: readonly string[];
}

export type CrateEntity = { readonly "@id": string; readonly "@type"?: string | readonly string[] } & Record<string, unknown>;

export interface CrateMetadata {
  readonly "@context": string;
  readonly "@graph": CrateEntity[];
}

const TOOL_ID = "#genesis-readiness";
const LICENSE_ID = "#licenses";
const CHECK_ID = "#readiness-check";

const ENCODINGS: Readonly<Record<string, string>> = {
  ".yaml": "application/yaml",
  ".yml": "application/yaml",
  ".json": "application/json",
  ".md": "text/markdown",
  ".csv": "text/csv",
  ".html": "text/html",
  ".txt": "text/plain",
  ".parquet": "application/vnd.apache.parquet",
  ".onnx": "application/onnx",
};

export function crateMetadata(input: CrateInput): CrateMetadata {
  const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const extras = new Map((input.extraEntities ?? []).map((entity) => [entity["@id"], entity]));
  for (const id of OWN_IDS) extras.delete(id);
  const fileEntities = files.map((file) => merged(fileEntity(file), extras.get(file.path)));
  for (const file of files) extras.delete(file.path);
  if (input.signed) extras.delete(STATEMENT_FILE);
  const conformsTo = (input.conformsTo ?? []).map((id) => ({ "@id": id }));
  const parts = [...files.map((file) => ({ "@id": file.path })), ...(input.signed ? [{ "@id": STATEMENT_FILE }] : [])];
  const documents = files.filter((file) => file.role === "document" || file.role === "config");
  const results = files.filter((file) => file.role === "report" || file.role === "waivers");
  const graph: CrateEntity[] = [
    { "@id": METADATA_FILE, "@type": "CreativeWork", conformsTo: { "@id": RO_CRATE_SPEC }, about: { "@id": "./" } },
    {
      "@id": "./",
      "@type": "Dataset",
      name: `Genesis submission bundle: ${input.name}`,
      description:
        `The Genesis documents of ${input.name}, every local file they name (each checked against its declared sha256), ` +
        "the readiness report and the waivers" +
        (input.signed ? ", with a signed in-toto statement of every file's digest." : "."),
      datePublished: input.created,
      license: { "@id": LICENSE_ID },
      ...(conformsTo.length ? { conformsTo } : {}),
      hasPart: parts,
      mentions: input.mentions?.length ? [CHECK_ID, ...input.mentions].map((id) => ({ "@id": id })) : { "@id": CHECK_ID },
    },
    {
      "@id": LICENSE_ID,
      "@type": "CreativeWork",
      name: "The licences the documents declare",
      description: "Each Genesis document states the licence of what it describes; the bundle as a whole has no single licence.",
    },
    { "@id": TOOL_ID, "@type": "SoftwareApplication", name: input.generator.name, version: input.generator.version },
    {
      "@id": CHECK_ID,
      "@type": "CreateAction",
      name: "Readiness check of the bundled documents",
      instrument: { "@id": TOOL_ID },
      endTime: input.created,
      object: documents.map((file) => ({ "@id": file.path })),
      result: results.map((file) => ({ "@id": file.path })),
    },
    ...fileEntities,
    ...(input.signed ? [statementEntity()] : []),
    ...extras.values(),
  ];
  return { "@context": RO_CRATE_CONTEXT, "@graph": graph };
}

const OWN_IDS = [METADATA_FILE, "./", TOOL_ID, LICENSE_ID, CHECK_ID];

/** The bundle's File entity with what `extra` says of the same path: the bundle's properties win, the `@type`s add up. */
function merged(own: CrateEntity, extra: CrateEntity | undefined): CrateEntity {
  if (!extra) return own;
  const types = [...new Set([own["@type"] ?? [], extra["@type"] ?? []].flat())];
  return { ...extra, ...own, "@type": types.length === 1 ? types[0] : types };
}

function fileEntity(file: BundledFile): CrateEntity {
  const slash = file.path.lastIndexOf("/");
  const name = file.path.slice(slash + 1);
  const dot = name.lastIndexOf(".");
  const encodingFormat = dot > 0 ? ENCODINGS[name.slice(dot).toLowerCase()] : undefined;
  return {
    "@id": file.path,
    "@type": "File",
    name: TITLES[file.path] ?? name,
    ...(file.kind
      ? { description: `Genesis ${file.kind}` }
      : file.role === "config"
        ? { description: "Genesis workspace configuration" }
        : {}),
    contentSize: String(file.bytes),
    sha256: file.sha256,
    ...(encodingFormat ? { encodingFormat } : {}),
    ...(file.role === "report" || file.role === "waivers" ? { about: { "@id": "./" } } : {}),
  };
}

const TITLES: Readonly<Record<string, string>> = {
  [REPORT_HTML_FILE]: "Readiness report (HTML)",
  [REPORT_JSON_FILE]: "Readiness report (JSON)",
  [WAIVERS_FILE]: "Waivers in force (JSON)",
};

function statementEntity(): CrateEntity {
  return {
    "@id": STATEMENT_FILE,
    "@type": "File",
    name: "Signed statement of every file's digest",
    description: "An in-toto Statement v1 in a DSSE envelope; it signs this metadata file too, so it carries no digest here.",
    encodingFormat: "application/json",
    about: { "@id": "./" },
  };
}
