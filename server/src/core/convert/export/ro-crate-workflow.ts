import { fragment, ref, type Graph } from "./jsonld-graph";
import type { ExportDocument } from "./model";
import { ENGINE_LANGUAGES, FORMAL_PARAMETER_PROFILE } from "./ro-crate-terms";
import { at, compact, dateOf, record, records, text, texts } from "./values";
import { labelOf, type WorkspaceView } from "./workspace-view";

/**
 * The documents a crate holds: those asked for (one pipeline: the pipeline, what it reads and
 * writes, and what names it as its generator), and the documents their lineage names directly, so
 * that every action's instrument, object and result is in the crate. In path order.
 */
export function lineageClosure(view: WorkspaceView): ExportDocument[] {
  const asked = view.documents;
  const onePipeline = asked.length === 1 && asked[0].kind === "PipelineConfig" ? asked[0] : undefined;
  const scope = new Set<ExportDocument>(asked);
  if (onePipeline) {
    for (const document of view.input.workspace) if (generatorOf(view, document) === onePipeline) scope.add(document);
  }
  const crate = new Set(scope);
  for (const document of scope)
    for (const named of lineageReferences(document)) {
      const found = view.resolve(named.reference, named.kinds);
      if (found) crate.add(found);
    }
  return [...crate].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

type Kinds = readonly ExportDocument["kind"][];
const DATA_OR_MODEL: Kinds = ["DatasetManifest", "ModelCard"];

function lineageReferences(document: ExportDocument): { reference: unknown; kinds: Kinds }[] {
  const value = document.value;
  const many = (list: unknown, kinds: Kinds) => (Array.isArray(list) ? list : []).map((reference) => ({ reference, kinds }));
  if (document.kind === "DatasetManifest")
    return [
      ...many(at(value, "lineage", "derivedFrom"), ["DatasetManifest"]),
      ...many([at(value, "lineage", "generatedBy", "pipeline")], ["PipelineConfig"]),
    ];
  if (document.kind === "ModelCard")
    return [
      ...many(at(value, "training", "datasets"), ["DatasetManifest"]),
      ...many([at(value, "training", "pipeline")], ["PipelineConfig"]),
    ];
  return [...records(value.inputs), ...records(value.outputs)].map((io) => ({ reference: io.ref, kinds: DATA_OR_MODEL }));
}

/** The pipeline a dataset or model names as what generated it, when it resolves. */
function generatorOf(view: WorkspaceView, document: ExportDocument): ExportDocument | undefined {
  const reference =
    document.kind === "DatasetManifest"
      ? at(document.value, "lineage", "generatedBy", "pipeline")
      : document.kind === "ModelCard"
        ? at(document.value, "training", "pipeline")
        : undefined;
  return reference === undefined ? undefined : view.resolve(reference, ["PipelineConfig"]);
}

/**
 * Each pipeline as a ComputationalWorkflow with its formal parameters and steps, and each
 * generation the lineage records as a CreateAction (Process Run Crate). Returns the actions' ids.
 */
export function addPipelines(
  graph: Graph,
  view: WorkspaceView,
  documents: readonly ExportDocument[],
  entityIds: ReadonlyMap<ExportDocument, string>,
): string[] {
  for (const pipeline of documents.filter((document) => document.kind === "PipelineConfig")) addWorkflow(graph, view, pipeline, entityIds);
  const actions: string[] = [];
  for (const document of documents) {
    const action = addGeneration(graph, view, document, entityIds);
    if (action) actions.push(action);
  }
  return actions;
}

function addWorkflow(graph: Graph, view: WorkspaceView, pipeline: ExportDocument, entityIds: ReadonlyMap<ExportDocument, string>): void {
  const value = pipeline.value;
  const slug = labelOf(pipeline);
  const parameters = (direction: "input" | "output") =>
    records(value[`${direction}s`]).map((io) => {
      const name = text(io.name) ?? text(io.ref) ?? direction;
      const id = graph.add({
        "@id": fragment(`${direction}`, slug, name),
        "@type": "FormalParameter",
        conformsTo: ref(FORMAL_PARAMETER_PROFILE),
        name,
        additionalType: "Dataset",
        valueRequired: true,
      });
      const target = view.resolve(io.ref, DATA_OR_MODEL);
      const entity = target && entityIds.get(target);
      if (entity) graph.link(entity, "exampleOfWork", id);
      return ref(id);
    });
  const engineType = text(at(value, "engine", "type"));
  const language = engineType ? ENGINE_LANGUAGES[engineType] : undefined;
  if (language)
    graph.add(
      compact({
        "@id": language.id,
        "@type": "ComputerLanguage",
        name: language.name,
        url: language.url,
        version: text(at(value, "engine", "version")),
      }),
    );
  const steps = records(value.steps).map((step, index) =>
    ref(
      graph.add(
        compact({
          "@id": fragment("step", slug, text(step.id) ?? String(index)),
          "@type": "HowToStep",
          name: text(step.id),
          position: String(index),
          text: text(step.run),
        }),
      ),
    ),
  );
  const owner = record(value.owner);
  graph.add(
    compact({
      "@id": pipeline.path,
      description: text(value.description),
      version: pipeline.version,
      identifier: slug,
      programmingLanguage: language && ref(language.id),
      creator: owner && text(owner.name) ? { "@type": "Person", name: text(owner.name) } : undefined,
      input: parameters("input"),
      output: parameters("output"),
      step: steps,
    }) as never,
  );
}

/** The CreateAction of a dataset's `lineage.generatedBy` or a model's `training.pipeline`. */
function addGeneration(
  graph: Graph,
  view: WorkspaceView,
  document: ExportDocument,
  entityIds: ReadonlyMap<ExportDocument, string>,
): string | undefined {
  const dataset = document.kind === "DatasetManifest";
  const generation = dataset ? record(at(document.value, "lineage", "generatedBy")) : record(at(document.value, "training"));
  const reference = generation?.pipeline;
  const result = entityIds.get(document);
  if (!generation || reference === undefined || !result || document.kind === "PipelineConfig") return undefined;
  const pipeline = view.resolve(reference, ["PipelineConfig"]);
  const instrument =
    pipeline && graph.has(pipeline.path)
      ? pipeline.path
      : graph.add({ "@id": fragment("pipeline", String(reference)), "@type": "SoftwareApplication", name: String(reference) });
  const inputs = texts(dataset ? at(document.value, "lineage", "derivedFrom") : at(document.value, "training", "datasets"))
    .map((input) => view.resolve(input, ["DatasetManifest"]))
    .map((input) => input && entityIds.get(input))
    .filter((id): id is string => id !== undefined);
  const run = dataset ? text(generation.runId) : text(at(generation, "run", "runId"));
  return graph.add(
    compact({
      "@id": fragment("run", labelOf(document)),
      "@type": "CreateAction",
      name: `Run of ${String(reference)} that generated ${labelOf(document)}`,
      instrument: ref(instrument),
      object: inputs.map(ref),
      result: [ref(result)],
      startTime: dataset ? dateOf(generation.startedAt) : undefined,
      endTime: dataset ? dateOf(generation.endedAt) : undefined,
      identifier: run,
    }) as never,
  );
}
