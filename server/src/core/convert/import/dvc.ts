import { parse } from "yaml";
import { isRecord } from "../../pointer";
import { declaringReference } from "./declared-paths";
import { baseNameOf, folderOf, rebased, resolveInWorkspace } from "./paths";
import { pipelineConfig, type PortPart, type StepPart } from "./pipeline-document";
import { ImportError, type ImportContext, type ImportResult, type ImportSource } from "./types";
import { slugOf } from "./values";
import { importHeader, yamlDocument } from "./yaml-text";

type Json = Record<string, unknown>;

/** Files a stage depends on that are its code or configuration, not data: they are no pipeline input. */
const CODE = /\.(py|ipynb|r|rmd|sh|bash|jl|js|mjs|ts|m|java|scala|go|rb|pl|c|cc|cpp|h|hpp|rs|sql|toml|ini|cfg)$/i;
/** Outputs that are trained models: their placeholder reference names a model card. */
const MODEL = /\.(pkl|pckl|pickle|joblib|pt|pth|ckpt|onnx|safetensors|gguf|keras|h5model|tflite|pb)$/i;

interface Stage {
  readonly id: string;
  readonly run?: string;
  /** Workspace paths, and as written (relative to dvc.yaml's folder, or to the stage's `wdir`). */
  readonly deps: readonly { readonly path: string; readonly written: string }[];
  readonly outs: readonly { readonly path: string; readonly written: string }[];
}

/**
 * `dvc.yaml` → PipelineConfig (docs/formats-import.md#dvc): each stage becomes a step (its `cmd` the
 * step's `run`, `needs` from the outputs it reads); the data the pipeline reads from outside become
 * its inputs, and the outputs no stage reads (or that `artifacts` or a manifest name) its outputs,
 * each the reference of the manifest or model
 * card that declares the path, else a placeholder reference.
 */
export async function importDvc(source: ImportSource, context: ImportContext): Promise<ImportResult> {
  let root: unknown;
  try {
    root = parse(source.text);
  } catch (error) {
    throw new ImportError(`the file is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(root) || !isRecord(root.stages)) throw new ImportError("the file is not a DVC pipeline: it has no stages mapping.");
  const notes: string[] = [];
  const folder = folderOf(source.path);
  const outputFolder = context.outputFolder ?? folder;
  const stages = Object.entries(root.stages)
    .filter((entry): entry is [string, Json] => isRecord(entry[1]))
    .map(([name, stage]) => stageOf(name, stage, folder, notes));
  const produced = new Map(stages.flatMap((stage) => stage.outs.map((out) => [out.path, stage.id] as const)));
  const consumed = new Set(stages.flatMap((stage) => stage.deps.map((dep) => dep.path)));
  const artifacts = Object.values(isRecord(root.artifacts) ? root.artifacts : {}).filter(isRecord);
  const artifactPath = (artifact: Json) => (typeof artifact.path === "string" ? resolveInWorkspace(folder, artifact.path) : undefined);
  const named = new Set(artifacts.map(artifactPath));
  const models = new Set(artifacts.filter((artifact) => artifact.type === "model").map(artifactPath));

  const port = (file: { path: string; written: string }): PortPart => ({
    name: file.written,
    ref: declaringReference(context.declaredPaths, file.path),
    target: models.has(file.path) || MODEL.test(file.path) ? "model" : "dataset",
  });
  const inputs = unique(stages.flatMap((stage) => stage.deps).filter((dep) => !CODE.test(dep.path) && !producedBy(produced, dep.path)));
  const outputs = unique(
    stages
      .flatMap((stage) => stage.outs)
      .filter((out) => !consumed.has(out.path) || named.has(out.path) || declaringReference(context.declaredPaths, out.path)),
  );
  const steps: StepPart[] = stages.map((stage) => ({
    id: stage.id,
    needs: [
      ...new Set(stage.deps.map((dep) => producedBy(produced, dep.path)).filter((id): id is string => id !== undefined && id !== stage.id)),
    ],
    run: stage.run,
  }));
  const folderName = baseNameOf(folder);
  const document = pipelineConfig({
    id: folderName ? slugOf(folderName) : undefined,
    engine: { type: "dvc", entrypoint: rebased(baseNameOf(source.path), folder, outputFolder) },
    inputs: inputs.map(port),
    outputs: outputs.map(port),
    steps,
  });
  return {
    format: "dvc",
    kind: "PipelineConfig",
    text: yamlDocument(document, importHeader("DVC pipeline", baseNameOf(source.path), context.today)),
    fileName: `${String(document.id)}.pipeline.yaml`,
    notes,
  };
}

function stageOf(name: string, stage: Json, folder: string, notes: string[]): Stage {
  // A `foreach`/`matrix` stage runs its `do` (or its own) command once per item: one step, its command as templated.
  const body = isRecord(stage.do) ? stage.do : stage;
  if (stage.foreach !== undefined || stage.matrix !== undefined)
    notes.push(`stage "${name}" runs once per item; its step keeps the templated command.`);
  const wdir = typeof body.wdir === "string" ? body.wdir : undefined;
  const base = wdir ? (resolveInWorkspace(folder, wdir) ?? folder) : folder;
  const files = (list: unknown) =>
    (Array.isArray(list) ? list : [])
      .flatMap((entry) => (typeof entry === "string" ? [entry] : isRecord(entry) ? Object.keys(entry) : []))
      .map((written) => ({ written, path: resolveInWorkspace(base, written) }))
      .filter((file): file is { written: string; path: string } => file.path !== undefined);
  const cmd = Array.isArray(body.cmd) ? body.cmd.map(String).join(" && ") : typeof body.cmd === "string" ? body.cmd.trim() : undefined;
  return {
    id: slugOf(name) ?? "stage",
    run: cmd && wdir ? `cd ${wdir} && ${cmd}` : cmd,
    deps: files(body.deps),
    outs: [...files(body.outs), ...files(body.metrics), ...files(body.plots)].filter(
      (out, i, all) => all.findIndex((o) => o.path === out.path) === i,
    ),
  };
}

/** The stage that writes `path`, or a folder holding it. */
function producedBy(produced: ReadonlyMap<string, string>, path: string): string | undefined {
  const exact = produced.get(path);
  if (exact) return exact;
  for (const [out, stage] of produced) if (path.startsWith(`${out}/`)) return stage;
  return undefined;
}

function unique<T extends { path: string }>(files: readonly T[]): T[] {
  return files.filter((file, index) => files.findIndex((other) => other.path === file.path) === index);
}
