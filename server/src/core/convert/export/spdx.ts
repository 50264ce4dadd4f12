import { levelOf, markingOf } from "./classification";
import { licenseOf, spdxExpressionOf } from "./licenses";
import type { ExportDocument, ExportOutput } from "./model";
import { at, compact, dateOf, md5Of, numberOf, people, record, records, sha256Of, text, texts, type Person, type Value } from "./values";
import { labelOf, type WorkspaceView } from "./workspace-view";

const CREATION_INFO = "_:creationinfo";
const NO_ASSERTION_LICENSE = "https://spdx.org/rdf/3.0.1/terms/ExpandedLicensing/NoAssertionLicense";

/** Genesis levels to the Dataset profile's confidentiality levels (Traffic Light Protocol); no level counts as the top. */
const CONFIDENTIALITY: Readonly<Record<string, string>> = { public: "clear", internal: "green", cui: "amber", "cui-specified": "red" };

/** Distribution formats to the Dataset profile's dataset types. */
const DATASET_TYPES: Readonly<Record<string, string>> = {
  csv: "structured",
  parquet: "structured",
  jsonl: "structured",
  json: "structured",
  hdf5: "numeric",
  netcdf: "numeric",
  zarr: "numeric",
  tiff: "image",
  other: "other",
};

/**
 * An SPDX 3.0.1 document in JSON-LD with the AI and Dataset profiles (docs/formats-export.md#spdx):
 * each model card an `ai_AIPackage` (its safety risk assessment from `risk.residual`, its metrics,
 * limitations and intended use), each dataset manifest a `dataset_DatasetPackage` (its
 * confidentiality level from the classification), their files as `software_File`s with their
 * hashes, and the licenses and lineage as Relationships. Pipelines have no element here: the Build
 * profile would be their place, and the lineage they carry is written as `trainedOn`, `testedOn`
 * and `ancestorOf` between the packages.
 */
export function spdxOf(view: WorkspaceView): ExportOutput {
  const base = `urn:genesis-readiness:${encodeURIComponent(view.input.title)}:${view.input.generatedAt.replace(/[^0-9]/g, "")}`;
  const elements = new SpdxElements(base);
  const tool = elements.add({ type: "Tool", spdxId: `${base}#tool`, name: `${view.input.tool.name} ${view.input.tool.version}` });
  const packages = view.documents
    .filter((document) => document.kind !== "PipelineConfig")
    .map((document) => (document.kind === "ModelCard" ? aiPackage(elements, document) : datasetPackage(elements, document)));
  for (const document of view.documents) lineageOf(elements, view, document);
  const spdxDocument = {
    type: "SpdxDocument",
    spdxId: `${base}#document`,
    creationInfo: CREATION_INFO,
    name: `${view.input.title} (Genesis documents)`,
    profileConformance: ["core", "software", "simpleLicensing", "ai", "dataset"],
    rootElement: packages,
    element: elements.ids(),
  };
  const creationInfo = {
    type: "CreationInfo",
    "@id": CREATION_INFO,
    specVersion: "3.0.1",
    created: view.input.generatedAt,
    createdBy: [tool],
    createdUsing: [tool],
  };
  const graph = { "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [creationInfo, ...elements.all(), spdxDocument] };
  return { text: `${JSON.stringify(graph, null, 2)}\n`, fileName: "genesis.spdx.json" };
}

/** The elements of the document, each with the shared creation info, by spdxId. */
class SpdxElements {
  private readonly elements = new Map<string, Record<string, unknown>>();
  private relationships = 0;

  constructor(readonly base: string) {}

  add(element: Record<string, unknown> & { spdxId: string }): string {
    if (!this.elements.has(element.spdxId)) this.elements.set(element.spdxId, compact({ ...element, creationInfo: CREATION_INFO }));
    return element.spdxId;
  }

  relate(from: string, type: string, to: readonly string[]): void {
    if (to.length === 0) return;
    this.add({
      type: "Relationship",
      spdxId: `${this.base}#relationship-${++this.relationships}`,
      from,
      relationshipType: type,
      to: [...to],
    });
  }

  ids(): string[] {
    return [...this.elements.keys()];
  }

  has(spdxId: string): boolean {
    return this.elements.has(spdxId);
  }

  all(): Record<string, unknown>[] {
    return [...this.elements.values()];
  }
}

function packageId(elements: SpdxElements, document: ExportDocument): string {
  return `${elements.base}#${document.kind === "ModelCard" ? "model" : "dataset"}-${encodeURIComponent(labelOf(document))}`;
}

/** What every package shares: identity, version, people, license relationships, classification. */
function packageCommon(
  elements: SpdxElements,
  document: ExportDocument,
  id: string,
  authors: Person[],
): Record<string, unknown> & { spdxId: string } {
  const license = licenseOf(document.value.license);
  const expression = license && spdxExpressionOf(license);
  const licenseId = expression
    ? elements.add({ type: "simplelicensing_LicenseExpression", spdxId: `${id}-license`, simplelicensing_licenseExpression: expression })
    : NO_ASSERTION_LICENSE;
  elements.relate(id, "hasDeclaredLicense", [licenseId]);
  elements.relate(id, "hasConcludedLicense", [licenseId]);
  const agents = authors.map((person, index) =>
    elements.add({ type: "Person", spdxId: `${id}-person-${index + 1}`, name: person.name, externalIdentifier: orcidOf(person) }),
  );
  const published = dateOf(document.value.datePublished);
  return {
    spdxId: id,
    name: document.id ?? document.path,
    software_packageVersion: document.version,
    originatedBy: agents,
    releaseTime: published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? `${published}T00:00:00Z` : undefined,
    comment: `Genesis ${document.kind} ${document.path}; classification ${markingOf(document)}.`,
  };
}

function orcidOf(person: Person): Record<string, unknown>[] | undefined {
  return person.orcid
    ? [
        {
          type: "ExternalIdentifier",
          externalIdentifierType: "other",
          identifier: `https://orcid.org/${person.orcid}`,
          issuingAuthority: "ORCID",
        },
      ]
    : undefined;
}

function aiPackage(elements: SpdxElements, card: ExportDocument): string {
  const value = card.value;
  const id = packageId(elements, card);
  const residual = text(at(value, "risk", "residual"));
  const metrics = records(at(value, "evaluation", "results")).flatMap((result) => {
    const number = numberOf(result.value);
    const metric = text(result.metric);
    if (!metric || number === undefined) return [];
    const on = [text(result.dataset), text(result.split)].filter(Boolean).join(" ");
    return [{ type: "DictionaryEntry", key: on ? `${metric} (${on})` : metric, value: String(number) }];
  });
  const run = record(at(value, "training", "run"));
  const training = [
    texts(at(value, "training", "datasets")).length ? `Datasets: ${texts(at(value, "training", "datasets")).join(", ")}.` : "",
    text(at(value, "training", "pipeline")) ? `Pipeline: ${text(at(value, "training", "pipeline"))}.` : "",
    run ? `Run: ${runParts(run).join(", ")}.` : "",
  ].filter(Boolean);
  elements.add({
    type: "ai_AIPackage",
    ...packageCommon(elements, card, id, people([value.owner])),
    software_primaryPurpose: "model",
    description: text(value.intendedUse),
    ai_informationAboutApplication: text(value.intendedUse),
    ai_limitation: text(value.outOfScopeUse),
    ai_safetyRiskAssessment: residual && ["low", "medium", "high"].includes(residual) ? residual : undefined,
    ai_domain: texts(value.tags),
    ai_typeOfModel: [text(value.pipeline_tag), text(value.library_name)].filter((item): item is string => item !== undefined),
    ai_informationAboutTraining: training.join(" ") || undefined,
    ai_metric: metrics,
    ai_standardCompliance: texts(at(value, "risk", "rmf")).map((rmf) => `NIST AI RMF 1.0 ${rmf}`),
  });
  filesOf(
    elements,
    card,
    id,
    records(value.artifacts).filter((artifact) => text(artifact.format) !== "oci-image"),
  );
  return id;
}

function datasetPackage(elements: SpdxElements, manifest: ExportDocument): string {
  const value = manifest.value;
  const id = packageId(elements, manifest);
  const datasheet = record(value.datasheet);
  const distributions = records(value.distribution);
  const types = [...new Set(distributions.map((distribution) => DATASET_TYPES[text(distribution.format) ?? "other"] ?? "other"))];
  const sizes = distributions.map((distribution) => numberOf(distribution.bytes));
  const personal = text(datasheet?.personalInformation);
  elements.add({
    type: "dataset_DatasetPackage",
    ...packageCommon(elements, manifest, id, people(value.creators)),
    software_primaryPurpose: "data",
    summary: text(value.name),
    description: text(value.description),
    dataset_datasetType: types.length ? types : ["noAssertion"],
    dataset_confidentialityLevel: CONFIDENTIALITY[levelOf(manifest)] ?? "red",
    dataset_dataCollectionProcess: text(datasheet?.collection),
    dataset_dataPreprocessing: texts(datasheet?.preprocessing),
    dataset_intendedUse: text(datasheet?.uses),
    dataset_knownBias: texts(datasheet?.biases),
    dataset_hasSensitivePersonalInformation: personal === undefined ? undefined : /^\s*(none|no)\b/i.test(personal) ? "no" : "yes",
    dataset_datasetUpdateMechanism: text(datasheet?.maintenance),
    dataset_datasetSize:
      sizes.length && sizes.every((size) => size !== undefined) ? sizes.reduce((a, b) => (a ?? 0) + (b ?? 0), 0) : undefined,
  });
  filesOf(elements, manifest, id, distributions);
  return id;
}

function runParts(run: Value): string[] {
  const commit = text(run.commit);
  const seed = text(run.seed);
  return [text(run.tracker), text(run.runId), commit && `commit ${commit}`, seed && `seed ${seed}`].filter(
    (part): part is string => !!part,
  );
}

/** The files of a package, with their hashes, and a `contains` relationship to them. */
function filesOf(elements: SpdxElements, document: ExportDocument, packageSpdxId: string, files: Value[]): void {
  const ids = files.flatMap((file, index) => {
    const sha256 = sha256Of(file.sha256);
    const md5 = md5Of(file.md5);
    const name = text(file.path);
    if (!name) return [];
    const verifiedUsing = [
      ...(sha256 ? [{ type: "Hash", algorithm: "sha256", hashValue: sha256 }] : []),
      ...(md5 ? [{ type: "Hash", algorithm: "md5", hashValue: md5 }] : []),
    ];
    return [
      elements.add({
        type: "software_File",
        spdxId: `${packageSpdxId}-file-${index + 1}`,
        name,
        verifiedUsing,
        comment: `Classification ${markingOf(document)}.`,
      }),
    ];
  });
  elements.relate(packageSpdxId, "contains", ids);
}

/** `trainedOn`/`testedOn` from a card's datasets, `ancestorOf` from a derived dataset's upstream ones. */
function lineageOf(elements: SpdxElements, view: WorkspaceView, document: ExportDocument): void {
  const inDocument = (reference: string) => {
    const found = view.resolve(reference, ["DatasetManifest"]);
    const id = found && packageId(elements, found);
    return id && elements.has(id) ? [id] : [];
  };
  const id = packageId(elements, document);
  if (document.kind === "ModelCard") {
    elements.relate(id, "trainedOn", texts(at(document.value, "training", "datasets")).flatMap(inDocument));
    elements.relate(id, "testedOn", texts(at(document.value, "evaluation", "datasets")).flatMap(inDocument));
  } else if (document.kind === "DatasetManifest") {
    for (const upstream of texts(at(document.value, "lineage", "derivedFrom")).flatMap(inDocument))
      elements.relate(upstream, "ancestorOf", [id]);
  }
}
