import type { ExportDocument } from "./model";
import { at, compact, numberOf, record, records, text, texts } from "./values";
import type { WorkspaceView } from "./workspace-view";

/** The bom-ref of a document's component: `dataset:id@version`, `model:...`, `pipeline:...`. */
export function bomRefOf(document: ExportDocument): string {
  const prefix = document.kind === "DatasetManifest" ? "dataset" : document.kind === "ModelCard" ? "model" : "pipeline";
  return `${prefix}:${document.id ?? document.path}${document.version ? `@${document.version}` : ""}`;
}

/** Hugging Face pipeline tags whose models learn from labels; the others' approach is left out. */
const SUPERVISED_TASKS =
  /classification|regression|detection|segmentation|question-answering|token-classification|translation|summarization/;

/**
 * A model card's CycloneDX `modelCard` (docs/formats-export.md#cyclonedx): the model parameters
 * (task, training and evaluation datasets by bom-ref, artifact signatures as inputs and outputs),
 * the quantitative analysis from `evaluation.results`, and the considerations from the intended
 * and out-of-scope uses and the risk mapping.
 */
export function modelCardOf(view: WorkspaceView, card: ExportDocument, inBom: ReadonlySet<string>): Record<string, unknown> {
  const value = card.value;
  const task = text(value.pipeline_tag);
  const datasetRefs = [...texts(at(value, "training", "datasets")), ...texts(at(value, "evaluation", "datasets"))]
    .map((reference) => view.resolve(reference, ["DatasetManifest"]))
    .filter((found): found is ExportDocument => found !== undefined)
    .map(bomRefOf)
    .filter((ref, index, all) => inBom.has(ref) && all.indexOf(ref) === index);
  const signatures = records(value.artifacts).map((artifact) => record(artifact.signature));
  const ioFormats = (direction: "inputs" | "outputs") =>
    signatures.flatMap((signature) => records(signature?.[direction])).map((io) => ({ format: ioFormat(io) }));
  const modelParameters = compact({
    approach: task && SUPERVISED_TASKS.test(task) ? { type: "supervised" } : undefined,
    task,
    architectureFamily: text(value.model_type),
    datasets: datasetRefs.map((ref) => ({ ref })),
    inputs: ioFormats("inputs"),
    outputs: ioFormats("outputs"),
  });
  const performanceMetrics = records(at(value, "evaluation", "results")).flatMap((result) => {
    const metric = text(result.metric);
    const number = numberOf(result.value);
    if (!metric || number === undefined) return [];
    const slice = [text(result.dataset), text(result.split)].filter(Boolean).join(" ");
    return [compact({ type: metric, value: String(number), slice })];
  });
  const rmf = texts(at(value, "risk", "rmf"));
  const residual = text(at(value, "risk", "residual"));
  const ethicalConsiderations = [
    ...texts(at(value, "risk", "generative")).map((name) => ({ name: `NIST AI 600-1: ${name}` })),
    ...(residual
      ? [
          compact({
            name: `Residual risk: ${residual}`,
            mitigationStrategy: rmf.length ? `Mapped to NIST AI RMF ${rmf.join(", ")}` : undefined,
          }),
        ]
      : []),
  ];
  const considerations = compact({
    useCases: texts(value.intendedUse),
    technicalLimitations: texts(value.outOfScopeUse),
    ethicalConsiderations,
  });
  return compact({
    modelParameters: Object.keys(modelParameters).length ? modelParameters : undefined,
    quantitativeAnalysis: performanceMetrics.length ? { performanceMetrics } : undefined,
    considerations: Object.keys(considerations).length ? considerations : undefined,
  });
}

/** An artifact input or output as CycloneDX names a format: `features: float32[batch, 7]`. */
function ioFormat(io: Readonly<Record<string, unknown>>): string {
  const shape = Array.isArray(io.shape) ? `[${io.shape.map(String).join(", ")}]` : "";
  return `${text(io.name) ?? "tensor"}: ${text(io.dtype) ?? "unknown"}${shape}`;
}
