import { parse } from "yaml";
import { isRecord } from "../../pointer";
import { baseNameOf, folderOf, rebased } from "./paths";
import { pipelineConfig, type PortPart, type StepPart } from "./pipeline-document";
import { ImportError, type ImportContext, type ImportResult, type ImportSource } from "./types";
import { slugOf, textOf } from "./values";
import { importHeader, yamlDocument } from "./yaml-text";

type Json = Record<string, unknown>;

/**
 * A CWL `Workflow` or `CommandLineTool` (YAML or JSON) → PipelineConfig
 * (docs/formats-import.md#cwl). A workflow's steps become steps (`needs` from the step outputs
 * their inputs take); a tool is one step. A `DockerRequirement` (the step's, its inline tool's, or
 * the workflow's) gives the container image, a `ResourceRequirement` the resources; the File and
 * Directory inputs and outputs become the pipeline's inputs and outputs, with placeholder references.
 */
export async function importCwl(source: ImportSource, context: ImportContext): Promise<ImportResult> {
  let root: unknown;
  try {
    root = parse(source.text);
  } catch (error) {
    throw new ImportError(`the file is not valid CWL (YAML or JSON): ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isRecord(root) || (root.class !== "Workflow" && root.class !== "CommandLineTool")) {
    const found = isRecord(root) && typeof root.class === "string" ? ` (its class is ${root.class})` : "";
    throw new ImportError(`the file is not a CWL Workflow or CommandLineTool${found}.`);
  }
  const notes: string[] = [];
  const folder = folderOf(source.path);
  const fileStem = baseNameOf(source.path).replace(/\.(cwl|ya?ml|json)$/i, "");
  const inherited = requirementsOf(root);
  const steps = root.class === "Workflow" ? workflowSteps(root, inherited, notes) : [toolStep(slugOf(fileStem) ?? "tool", root, inherited)];
  const document = pipelineConfig({
    id: slugOf(typeof root.id === "string" ? root.id.replace(/^#/, "") : fileStem),
    description: textOf(root.doc) ?? textOf(root.label),
    engine: {
      type: "cwl",
      entrypoint: rebased(baseNameOf(source.path), folder, context.outputFolder ?? folder),
      ...(typeof root.cwlVersion === "string" ? { version: root.cwlVersion } : {}),
    },
    inputs: ports(root.inputs)
      .filter((port) => isData(port.type))
      .map(({ name }) => dataPort(name)),
    outputs: ports(root.outputs)
      .filter((port) => isData(port.type))
      .map(({ name }) => dataPort(name)),
    steps,
  });
  return {
    format: "cwl",
    kind: "PipelineConfig",
    text: yamlDocument(document, importHeader(`CWL ${String(root.class)}`, baseNameOf(source.path), context.today)),
    fileName: `${String(document.id)}.pipeline.yaml`,
    notes,
  };
}

function dataPort(name: string): PortPart {
  return { name, target: "dataset" };
}

/** CWL lists inputs, outputs, steps and requirements as a map (id → entry) or as a list of entries with `id` (or `class`). */
function entries(list: unknown, key = "id"): { name: string; value: unknown }[] {
  if (Array.isArray(list))
    return list.filter(isRecord).map((entry) => ({
      name: String(entry[key] ?? "")
        .replace(/^#/, "")
        .replace(/^.*\//, ""),
      value: entry,
    }));
  if (isRecord(list)) return Object.entries(list).map(([name, value]) => ({ name, value }));
  return [];
}

function ports(list: unknown): { name: string; type: unknown }[] {
  return entries(list).map(({ name, value }) => ({ name, type: isRecord(value) ? value.type : value }));
}

/** A File or Directory, a list of them, or an optional one: data the pipeline reads or writes. */
function isData(type: unknown): boolean {
  if (typeof type === "string") return /^(File|Directory)(\[\])?\??$|^(stdout|stderr)$/.test(type);
  if (Array.isArray(type)) return type.some(isData);
  if (isRecord(type)) return type.type === "array" && isData(type.items);
  return false;
}

interface Requirements {
  readonly image?: string;
  readonly resources?: Record<string, unknown>;
}

/** The requirements and hints of a process or step: the later (more specific) ones win over `inherited`. */
function requirementsOf(node: Json, inherited: Requirements = {}): Requirements {
  let found: Requirements = { ...inherited };
  for (const list of [node.hints, node.requirements]) {
    for (const { name, value } of entries(list, "class")) {
      if (!isRecord(value)) continue;
      if (name === "DockerRequirement" && typeof value.dockerPull === "string") found = { ...found, image: value.dockerPull };
      if (name === "ResourceRequirement") found = { ...found, resources: resourcesOf(value) };
    }
  }
  return found;
}

/** `coresMin` → cpus, `ramMin` (mebibytes) → memory; expressions are left out. */
function resourcesOf(requirement: Json): Record<string, unknown> {
  const cores = requirement.coresMin ?? requirement.coresMax;
  const ram = requirement.ramMin ?? requirement.ramMax;
  return {
    ...(typeof cores === "number" ? { cpus: Math.ceil(cores) } : {}),
    ...(typeof ram === "number" ? { memory: `${Math.ceil(ram)}Mi` } : {}),
  };
}

function workflowSteps(workflow: Json, inherited: Requirements, notes: string[]): StepPart[] {
  const steps = entries(workflow.steps).filter((step): step is { name: string; value: Json } => isRecord(step.value));
  const ids = new Map(steps.map(({ name }) => [name, slugOf(name) ?? "step"]));
  return steps.map(({ name, value: step }) => {
    const own = requirementsOf(step, inherited);
    const needs = new Set<string>();
    for (const { value } of entries(step.in)) {
      const sources = isRecord(value) ? value.source : value;
      for (const source of Array.isArray(sources) ? sources : [sources]) {
        const upstream = typeof source === "string" && source.includes("/") ? source.replace(/^#/, "").split("/")[0] : undefined;
        if (upstream && ids.has(upstream) && upstream !== name) needs.add(ids.get(upstream)!);
      }
    }
    if (isRecord(step.run)) return { ...toolStep(ids.get(name)!, step.run, own), needs: [...needs] };
    if (typeof step.run !== "string") notes.push(`step "${name}" has no run; its command is left for you.`);
    return {
      id: ids.get(name)!,
      needs: [...needs],
      run: typeof step.run === "string" ? step.run : undefined,
      image: own.image,
      resources: own.resources,
    };
  });
}

/** An inline or top-level CommandLineTool (or nested Workflow) as one step: its base command and fixed arguments. */
function toolStep(id: string, tool: Json, inherited: Requirements): StepPart {
  const own = requirementsOf(tool, inherited);
  const words = [...listOf(tool.baseCommand), ...listOf(tool.arguments).filter((word) => !word.includes("$("))];
  return {
    id,
    needs: [],
    run: tool.class === "CommandLineTool" && words.length ? words.join(" ") : undefined,
    image: own.image,
    resources: own.resources,
  };
}

function listOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => (typeof item === "string" || typeof item === "number" ? [String(item)] : []));
}
