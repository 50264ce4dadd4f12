import { usageRestrictionsOf } from "./classification";
import { CROISSANT_CONFORMS_TO, CROISSANT_CONTEXT, CROISSANT_DATA_TYPES, MEDIA_TYPES, RAI_PROPERTIES } from "./croissant-vocabulary";
import { licenseOf, licenseUrl } from "./licenses";
import type { ExportDocument, ExportOutput } from "./model";
import { compact, dateOf, md5Of, numberOf, people, record, records, sha256Of, text, texts, type Person, type Value } from "./values";
import { labelOf, slugOf, type WorkspaceView } from "./workspace-view";

/**
 * One dataset manifest as a Croissant 1.1 dataset (docs/formats-export.md#croissant): distributions
 * as FileObjects (a Zarr store as a FileSet), record sets and their typed fields, license, creators,
 * citation, and the Responsible AI properties from the datasheet and the classification. Every field
 * a Croissant import maps comes back out (md5 beside sha256, never in its place).
 *
 * `contentUrl` is the path as the manifest writes it, relative to the manifest's folder: the
 * Croissant file belongs beside the manifest.
 */
export function croissantOf(view: WorkspaceView, manifest: ExportDocument): ExportOutput {
  const value = manifest.value;
  const license = licenseOf(value.license);
  const doi = text(value.doi);
  const dataset = compact({
    "@context": CROISSANT_CONTEXT,
    "@type": "sc:Dataset",
    name: text(value.name) ?? slugOf(manifest),
    description: text(value.description),
    conformsTo: CROISSANT_CONFORMS_TO,
    version: text(value.version),
    license: license && (licenseUrl(license) ?? license.written),
    // Relative, like `contentUrl`, to the manifest's folder, where the Croissant file belongs.
    url: doi ? `https://doi.org/${doi}` : manifest.path.split("/").pop(),
    identifier: doi,
    creator: people(value.creators).map(personNode),
    publisher: text(value.publisher) && { "@type": "sc:Organization", name: text(value.publisher) },
    datePublished: dateOf(value.datePublished),
    dateModified: dateOf(value.dateModified),
    keywords: texts(value.keywords),
    citeAs: citationOf(manifest),
    isLiveDataset: value.live === true ? true : undefined,
    conditionsOfAccess: usageRestrictionsOf(manifest),
    ...raiOf(value),
    ...provenanceOf(view, manifest),
    distribution: records(value.distribution).map(distributionNode),
    recordSet: recordSetsOf(value),
  });
  return { text: `${JSON.stringify(dataset, null, 2)}\n`, fileName: `${slugOf(manifest)}.croissant.json` };
}

function personNode(person: Person): Record<string, unknown> {
  return compact({
    "@type": "sc:Person",
    name: person.name,
    email: person.email,
    identifier: person.orcid && `https://orcid.org/${person.orcid}`,
    affiliation: person.affiliation && { "@type": "sc:Organization", name: person.affiliation },
  });
}

function distributionNode(distribution: Value): Record<string, unknown> {
  const id = text(distribution.id) ?? text(distribution.path) ?? "file";
  const format = text(distribution.format) ?? "other";
  const bytes = numberOf(distribution.bytes);
  const common = { "@id": id, name: id, encodingFormat: MEDIA_TYPES[format] ?? MEDIA_TYPES.other };
  // A Zarr store is a folder of chunks: a set of files, not one file.
  if (format === "zarr") return compact({ "@type": "cr:FileSet", ...common, includes: `${stripSlash(text(distribution.path))}/**` });
  return compact({
    "@type": "cr:FileObject",
    ...common,
    contentUrl: text(distribution.path),
    contentSize: bytes === undefined ? undefined : `${bytes} B`,
    sha256: sha256Of(distribution.sha256),
    md5: md5Of(distribution.md5),
  });
}

function recordSetsOf(value: Value): Record<string, unknown>[] {
  const formats = new Map(records(value.distribution).map((d) => [text(d.id), text(d.format)]));
  return records(value.recordSets).map((recordSet) => {
    const id = text(recordSet.id) ?? "records";
    const source = text(recordSet.source);
    const sourceKey = source !== undefined && formats.get(source) === "zarr" ? "fileSet" : "fileObject";
    return compact({
      "@type": "cr:RecordSet",
      "@id": id,
      name: id,
      description: text(recordSet.description),
      key: texts(recordSet.primaryKey).map((name) => ({ "@id": `${id}/${name}` })),
      field: records(recordSet.fields).map((field) => fieldNode(id, field, source ? { [sourceKey]: { "@id": source } } : undefined)),
    });
  });
}

function fieldNode(recordSetId: string, field: Value, source: Record<string, unknown> | undefined): Record<string, unknown> {
  const name = text(field.name) ?? "field";
  const type = text(field.type);
  return compact({
    "@type": "cr:Field",
    "@id": `${recordSetId}/${name}`,
    name,
    description: text(field.description),
    // A type Croissant has no term for is a placeholder or a mistake the check reports: no data type is invented for it.
    dataType: type === undefined ? undefined : CROISSANT_DATA_TYPES[type],
    isArray: type === "array" ? true : undefined,
    unitText: text(field.unit),
    source: source && { ...source, extract: { column: name } },
  });
}

function raiOf(value: Value): Record<string, unknown> {
  const datasheet = record(value.datasheet);
  const rai: Record<string, unknown> = {};
  for (const [key, property] of RAI_PROPERTIES) {
    const answer = text(datasheet?.[key]);
    if (answer) rai[property] = answer;
  }
  return rai;
}

/** Lineage in PROV-O terms, as the Croissant provenance section writes it: the upstream datasets and the run. */
function provenanceOf(view: WorkspaceView, manifest: ExportDocument): Record<string, unknown> {
  const lineage = record(manifest.value.lineage);
  if (!lineage) return {};
  const upstream = texts(lineage.derivedFrom).map((reference) => {
    const found = view.resolve(reference, ["DatasetManifest"]);
    return compact({
      "@type": "sc:Dataset",
      name: found ? (text(found.value.name) ?? labelOf(found)) : reference,
      version: found?.version,
    });
  });
  const generatedBy = record(lineage.generatedBy);
  const pipeline = text(generatedBy?.pipeline);
  const run =
    generatedBy &&
    compact({
      "@type": "prov:Activity",
      "prov:label": [pipeline, text(generatedBy.runId)].filter(Boolean).join(" run ") || undefined,
      "prov:startedAtTime": dateOf(generatedBy.startedAt),
      "prov:endedAtTime": dateOf(generatedBy.endedAt),
    });
  return compact({ "prov:wasDerivedFrom": upstream, "prov:wasGeneratedBy": run });
}

/** A BibTeX `@misc` entry from the manifest's own fields (Genesis has no citation field of its own). */
function citationOf(manifest: ExportDocument): string {
  const value = manifest.value;
  const year = dateOf(value.datePublished)?.slice(0, 4);
  const entries = [
    ["title", text(value.name) ?? slugOf(manifest)],
    [
      "author",
      people(value.creators)
        .map((p) => p.name)
        .join(" and ") || undefined,
    ],
    ["publisher", text(value.publisher)],
    ["year", year],
    ["version", text(value.version)],
    ["doi", text(value.doi)],
  ].filter((entry): entry is [string, string] => entry[1] !== undefined);
  const key = `${slugOf(manifest).replace(/[^A-Za-z0-9]+/g, "_")}${year ?? ""}`;
  return `@misc{${key},\n${entries.map(([name, item]) => `  ${name} = {${item.replace(/[{}]/g, "")}}`).join(",\n")}\n}`;
}

function stripSlash(path: string | undefined): string {
  return (path ?? "").replace(/\/+$/, "");
}
