import { levelOf, markingOf, usageRestrictionsOf } from "./classification";
import { MEDIA_TYPES } from "./croissant-vocabulary";
import { fragment, Graph, ref, type Node } from "./jsonld-graph";
import { licenseOf, licenseUrl } from "./licenses";
import type { ExportDocument, ExportOutput } from "./model";
import { addPipelines, lineageClosure } from "./ro-crate-workflow";
import {
  documentMediaType,
  PROFILE_ENTITIES,
  PROCESS_RUN_CRATE,
  RO_CRATE_CONTEXT,
  RO_CRATE_SPEC,
  WORKFLOW_RO_CRATE,
  WORKFLOW_RUN_CRATE,
} from "./ro-crate-terms";
import { compact, numberOf, people, records, sha256Of, text, texts, type Person } from "./values";
import { labelOf, urlOf, workspacePathOf, type WorkspaceView } from "./workspace-view";

/** The root's licence note when the documents' licences differ (the bundle's crate has its own). */
export const LICENSE_PER_ENTITY = "#license-per-entity";

/**
 * `ro-crate-metadata.json` (RO-Crate 1.2) for the documents asked for (docs/formats-export.md#ro-crate):
 * each dataset and model as a data entity holding its files with their sha256, each pipeline as a
 * ComputationalWorkflow, and the lineage as CreateActions (Process Run Crate; with exactly one
 * pipeline it is the crate's main entity and the crate is a Workflow Run Crate). Every entity
 * carries its classification as an `additionalProperty`. Documents the lineage names are included,
 * so that no action points outside the crate. File ids are workspace-relative: the crate's root is
 * the workspace root.
 */
export function roCrateOf(view: WorkspaceView): ExportOutput {
  const graph = new Graph();
  const documents = lineageClosure(view);
  const entityIds = new Map<ExportDocument, string>();
  for (const document of documents) entityIds.set(document, addDocument(graph, document));
  const pipelines = documents.filter((document) => document.kind === "PipelineConfig");
  const mainEntity = pipelines.length === 1 ? entityIds.get(pipelines[0]) : undefined;
  const actions = addPipelines(graph, view, documents, entityIds);

  const profiles =
    actions.length > 0 || pipelines.length > 0 ? [PROCESS_RUN_CRATE, ...(mainEntity ? [WORKFLOW_RUN_CRATE, WORKFLOW_RO_CRATE] : [])] : [];
  for (const profile of profiles) graph.add({ "@id": profile, "@type": "CreativeWork", ...PROFILE_ENTITIES[profile] });

  const parts = graph
    .toArray()
    .filter((node) => isDataEntity(node))
    .map((node) => ref(node["@id"]));
  const root = compact({
    "@id": "./",
    "@type": "Dataset",
    name: view.input.title,
    description:
      `Genesis documents of ${view.input.title}: ${count(documents, "DatasetManifest", "dataset")}, ` +
      `${count(documents, "ModelCard", "model")} and ${count(documents, "PipelineConfig", "pipeline")}, ` +
      `exported by ${view.input.tool.name} ${view.input.tool.version}.`,
    datePublished: view.input.generatedAt,
    license: ref(rootLicense(graph, documents)),
    conformsTo: profiles.map(ref),
    mainEntity: mainEntity && ref(mainEntity),
    hasPart: parts,
    mentions: actions.map(ref),
  });
  const descriptor = {
    "@id": "ro-crate-metadata.json",
    "@type": "CreativeWork",
    conformsTo: mainEntity ? [ref(RO_CRATE_SPEC), ref(WORKFLOW_RO_CRATE)] : ref(RO_CRATE_SPEC),
    about: ref("./"),
  };
  const crate = { "@context": RO_CRATE_CONTEXT, "@graph": [descriptor, root, ...graph.toArray()] };
  return { text: `${JSON.stringify(crate, null, 2)}\n`, fileName: "ro-crate-metadata.json" };
}

function isDataEntity(node: Node): boolean {
  const types = ([] as unknown[]).concat(node["@type"]);
  return types.includes("File") || types.includes("Dataset");
}

function count(documents: readonly ExportDocument[], kind: string, noun: string): string {
  const n = documents.filter((document) => document.kind === kind).length;
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** The document's file, and (for a dataset or model) the entity it describes. Returns the entity's id. */
function addDocument(graph: Graph, document: ExportDocument): string {
  const classification = addClassification(graph, document);
  const license = addLicense(graph, document.value.license);
  const creators = people(document.kind === "DatasetManifest" ? document.value.creators : [document.value.owner]).map((p) =>
    addPerson(graph, p),
  );
  const file = {
    "@id": document.path,
    "@type": "File",
    name: `${labelOf(document)} (Genesis ${document.kind})`,
    encodingFormat: documentMediaType(document.path),
    additionalProperty: ref(classification),
  };
  // A pipeline's file is the workflow itself; ro-crate-workflow.ts adds its parameters and steps.
  if (document.kind === "PipelineConfig") return graph.add({ ...file, "@type": ["File", "SoftwareSourceCode", "ComputationalWorkflow"] });
  const entityId = fragment(document.kind === "DatasetManifest" ? "dataset" : "model", labelOf(document));
  graph.add({ ...file, about: ref(entityId) });
  const parts =
    document.kind === "DatasetManifest" ? addDistributions(graph, document, classification) : addArtifacts(graph, document, classification);
  graph.add(
    compact({
      "@id": entityId,
      "@type": "Dataset",
      name: text(document.value.name) ?? text(document.value.model_name) ?? labelOf(document),
      description: text(document.value.description) ?? text(document.value.intendedUse),
      version: document.version,
      identifier: labelOf(document),
      license: license && ref(license),
      creator: creators.map(ref),
      keywords: texts(document.value.keywords ?? document.value.tags),
      datePublished: text(document.value.datePublished),
      conditionsOfAccess: usageRestrictionsOf(document),
      additionalProperty: ref(classification),
      subjectOf: ref(document.path),
      hasPart: parts.map(ref),
    }),
  );
  return entityId;
}

function addDistributions(graph: Graph, document: ExportDocument, classification: string): string[] {
  return records(document.value.distribution).flatMap((distribution) => {
    const id = workspacePathOf(document, distribution.path) ?? urlOf(distribution.path);
    if (!id) return [];
    const bytes = numberOf(distribution.bytes);
    const format = text(distribution.format) ?? "other";
    return [
      graph.add(
        compact({
          "@id": format === "zarr" && !id.endsWith("/") ? `${id}/` : id,
          "@type": format === "zarr" ? "Dataset" : "File",
          name: text(distribution.id) ?? id,
          encodingFormat: MEDIA_TYPES[format] ?? MEDIA_TYPES.other,
          contentSize: bytes === undefined ? undefined : String(bytes),
          sha256: sha256Of(distribution.sha256),
          additionalProperty: ref(classification),
        }) as Node,
      ),
    ];
  });
}

function addArtifacts(graph: Graph, document: ExportDocument, classification: string): string[] {
  return records(document.value.artifacts).flatMap((artifact) => {
    // An OCI image is pinned by its digest in a registry, not a file of the workspace.
    const id = text(artifact.format) === "oci-image" ? undefined : workspacePathOf(document, artifact.path);
    if (!id) return [];
    return [
      graph.add(
        compact({
          "@id": id,
          "@type": "File",
          name: `${labelOf(document)} ${text(artifact.format) ?? "artifact"}`,
          encodingFormat: text(artifact.format) === "onnx" ? "application/onnx" : "application/octet-stream",
          sha256: sha256Of(artifact.sha256),
          additionalProperty: ref(classification),
        }) as Node,
      ),
    ];
  });
}

/** One PropertyValue per distinct marking, shared by every entity that carries it. */
export function addClassification(graph: Graph, document: ExportDocument): string {
  const marking = markingOf(document);
  return graph.add({
    "@id": fragment("classification", marking),
    "@type": "PropertyValue",
    propertyID: "classification",
    name: "classification",
    value: marking,
    description: `Genesis classification level ${levelOf(document)}.`,
  });
}

function addLicense(graph: Graph, value: unknown): string | undefined {
  const license = licenseOf(value);
  if (!license) return undefined;
  const url = licenseUrl(license);
  return graph.add(
    compact({
      "@id": url ?? fragment("license", license.written),
      "@type": "CreativeWork",
      name: license.written,
      identifier: license.spdxId,
    }),
  );
}

function addPerson(graph: Graph, person: Person): string {
  return graph.add(
    compact({
      "@id": person.orcid ? `https://orcid.org/${person.orcid}` : fragment("person", person.name),
      "@type": "Person",
      name: person.name,
      email: person.email,
      affiliation: person.affiliation,
    }),
  );
}

/** The root's license: the one every document shares, else a note that each part states its own. */
function rootLicense(graph: Graph, documents: readonly ExportDocument[]): string {
  const written = new Set(documents.map((document) => licenseOf(document.value.license)?.written ?? ""));
  if (written.size === 1 && !written.has("")) return addLicense(graph, [...written][0]) as string;
  return graph.add({
    "@id": LICENSE_PER_ENTITY,
    "@type": "CreativeWork",
    name: "Licenses of the parts",
    description: "The parts of this crate are under different licenses: each dataset and model states its own.",
  });
}
