import { levelOf, markingOf, usageRestrictionsOf } from "./classification";
import { bomRefOf, modelCardOf } from "./cyclonedx-model-card";
import { licenseOf, spdxExpressionOf } from "./licenses";
import type { ExportDocument, ExportOutput } from "./model";
import { at, compact, md5Of, people, record, records, sha256Of, text, texts, type Value } from "./values";
import { labelOf, type WorkspaceView } from "./workspace-view";

/**
 * A CycloneDX 1.6 ML-BOM of the documents asked for (docs/formats-export.md#cyclonedx): each model
 * card a `machine-learning-model` component with its `modelCard`, each dataset manifest a `data`
 * component, their files as nested `file` components with their hashes, each pipeline a formula
 * whose workflow reads the datasets and writes its outputs. Lineage is the pedigree (a derived
 * dataset's or a model's ancestors) and the dependency graph. The classification is a property of
 * every component, and the data classification of every dataset.
 */
export function cycloneDxOf(view: WorkspaceView): ExportOutput {
  const documents = view.documents.filter((document) => document.kind !== "PipelineConfig");
  const inBom = new Set(documents.map(bomRefOf));
  const components = documents.map((document) =>
    document.kind === "ModelCard" ? modelComponent(view, document, inBom) : datasetComponent(view, document),
  );
  const formulation = view.ofKind("PipelineConfig").map((pipeline) => formulaOf(view, pipeline, inBom));
  const dependencies = documents.map((document) => ({
    ref: bomRefOf(document),
    dependsOn: upstreamOf(view, document)
      .map(bomRefOf)
      .filter((ref) => inBom.has(ref)),
  }));
  const bom = compact({
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: serialNumberOf(view),
    version: 1,
    metadata: {
      timestamp: view.input.generatedAt,
      tools: { components: [{ type: "application", name: view.input.tool.name, version: view.input.tool.version }] },
      component: { type: "data", name: view.input.title, description: "Genesis documents exported as an ML-BOM." },
    },
    components,
    formulation,
    dependencies,
  });
  return { text: `${JSON.stringify(bom, null, 2)}\n`, fileName: "genesis.cdx.json" };
}

function common(document: ExportDocument): Record<string, unknown> {
  const license = licenseOf(document.value.license);
  const expression = license && spdxExpressionOf(license);
  return compact({
    "bom-ref": bomRefOf(document),
    name: document.id ?? document.path,
    version: document.version,
    licenses: !license
      ? undefined
      : license.spdxId
        ? [{ license: { id: license.spdxId } }]
        : expression
          ? [{ expression }]
          : [{ license: { name: license.written } }],
    properties: [
      { name: "genesis:kind", value: document.kind },
      { name: "genesis:path", value: document.path },
      { name: "genesis:classification", value: markingOf(document) },
      { name: "genesis:classification:level", value: levelOf(document) },
    ],
  });
}

function modelComponent(view: WorkspaceView, card: ExportDocument, inBom: ReadonlySet<string>): Record<string, unknown> {
  const artifacts = records(card.value.artifacts).filter((artifact) => sha256Of(artifact.sha256));
  const owner = people([card.value.owner])[0];
  return compact({
    type: "machine-learning-model",
    ...common(card),
    description: text(card.value.intendedUse),
    authors: owner ? [compact({ name: owner.name, email: owner.email })] : undefined,
    hashes: artifacts.length === 1 ? hashesOf(artifacts[0]) : undefined,
    components: artifacts.map((artifact) =>
      compact({ type: "file", name: text(artifact.path) ?? "artifact", description: text(artifact.format), hashes: hashesOf(artifact) }),
    ),
    pedigree: pedigreeOf(view, card),
    modelCard: modelCardOf(view, card, inBom),
  });
}

function datasetComponent(view: WorkspaceView, manifest: ExportDocument): Record<string, unknown> {
  const value = manifest.value;
  const owners = people(value.creators).map((p) => ({ contact: compact({ name: p.name, email: p.email }) }));
  const datasheet = record(value.datasheet);
  const sensitive = text(datasheet?.personalInformation);
  return compact({
    type: "data",
    ...common(manifest),
    description: text(value.description),
    publisher: text(value.publisher),
    tags: texts(value.keywords),
    components: records(value.distribution).map((distribution) =>
      compact({
        type: "file",
        name: text(distribution.path) ?? "file",
        description: text(distribution.format),
        hashes: hashesOf(distribution),
      }),
    ),
    pedigree: pedigreeOf(view, manifest),
    data: [
      compact({
        type: "dataset",
        name: text(value.name) ?? labelOf(manifest),
        description: usageRestrictionsOf(manifest),
        classification: markingOf(manifest),
        sensitiveData: sensitive ? [sensitive] : undefined,
        governance: owners.length ? { owners } : undefined,
      }),
    ],
  });
}

function hashesOf(file: Value): { alg: string; content: string }[] | undefined {
  const sha256 = sha256Of(file.sha256);
  const md5 = md5Of(file.md5);
  const hashes = [...(sha256 ? [{ alg: "SHA-256", content: sha256 }] : []), ...(md5 ? [{ alg: "MD5", content: md5 }] : [])];
  return hashes.length ? hashes : undefined;
}

/** The documents a dataset or model was made from: `lineage.derivedFrom`, or `training.datasets`. */
function upstreamOf(view: WorkspaceView, document: ExportDocument): ExportDocument[] {
  const references =
    document.kind === "DatasetManifest" ? at(document.value, "lineage", "derivedFrom") : at(document.value, "training", "datasets");
  return texts(references)
    .map((reference) => view.resolve(reference, ["DatasetManifest"]))
    .filter((found): found is ExportDocument => found !== undefined);
}

/** Ancestors as plain components (a bom-ref names a component once; the dependency graph links them). */
function pedigreeOf(view: WorkspaceView, document: ExportDocument): Record<string, unknown> | undefined {
  const ancestors = upstreamOf(view, document).map((upstream) =>
    compact({ type: "data", name: upstream.id ?? upstream.path, version: upstream.version }),
  );
  return ancestors.length ? { ancestors } : undefined;
}

function formulaOf(view: WorkspaceView, pipeline: ExportDocument, inBom: ReadonlySet<string>): Record<string, unknown> {
  const resource = (io: Value) => {
    const found = view.resolve(io.ref, ["DatasetManifest", "ModelCard"]);
    const ref = found && bomRefOf(found);
    return ref && inBom.has(ref) ? { resource: { ref } } : undefined;
  };
  const ios = (list: unknown) =>
    records(list)
      .map(resource)
      .filter((io): io is { resource: { ref: string } } => io !== undefined);
  const ref = bomRefOf(pipeline);
  return compact({
    "bom-ref": ref,
    workflows: [
      compact({
        "bom-ref": `${ref}#workflow`,
        uid: labelOf(pipeline),
        name: pipeline.id,
        description: text(pipeline.value.description),
        taskTypes: ["build"],
        inputs: ios(pipeline.value.inputs),
        outputs: ios(pipeline.value.outputs),
        properties: [
          { name: "genesis:classification", value: markingOf(pipeline) },
          { name: "genesis:engine", value: text(at(pipeline.value, "engine", "type")) ?? "unknown" },
        ],
      }),
    ],
  });
}

/** An RFC 4122 version-5-shaped UUID from the export's content, so that one input gives one serial number. */
function serialNumberOf(view: WorkspaceView): string {
  const seed = [view.input.generatedAt, ...view.documents.map((document) => `${document.path}:${labelOf(document)}`)].join("\n");
  const hex = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b].map((basis) => fnv1a(seed, basis).toString(16).padStart(8, "0")).join("");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
