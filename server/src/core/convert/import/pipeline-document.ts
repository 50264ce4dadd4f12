import { referencePlaceholder } from "../../fixes/placeholder-texts";
import { API_VERSION } from "../../rules/header";
import { placeholderAt, placeholderObject, TODO } from "./template-values";

/**
 * A PipelineConfig built from what a workflow (dvc.yaml, CWL) says, in the template's key order;
 * what the workflow does not say gets placeholders (template-values.ts).
 */

export interface PortPart {
  readonly name: string;
  /** The reference of the document that declares the data, when a manifest of the workspace does. */
  readonly ref?: string;
  /** What the placeholder reference should name when no document does. */
  readonly target: "dataset" | "model";
}

export interface StepPart {
  readonly id: string;
  readonly needs: readonly string[];
  readonly run?: string;
  readonly image?: string;
  readonly resources?: Readonly<Record<string, unknown>>;
}

export interface PipelineParts {
  readonly id?: string;
  readonly version?: string;
  readonly description?: string;
  readonly engine: { readonly type: string; readonly entrypoint?: string; readonly version?: string };
  readonly inputs: readonly PortPart[];
  readonly outputs: readonly PortPart[];
  readonly steps: readonly StepPart[];
}

const T = "pipeline-config";

export function pipelineConfig(parts: PipelineParts): Record<string, unknown> {
  const port = (part: PortPart) => ({ name: part.name, ref: part.ref ?? referencePlaceholder(part.target) });
  return {
    apiVersion: API_VERSION,
    kind: "PipelineConfig",
    id: parts.id ?? placeholderAt(T, "/id"),
    version: parts.version ?? TODO,
    description: parts.description ?? placeholderAt(T, "/description"),
    owner: placeholderObject(T, "/owner"),
    classification: { level: TODO },
    access: { policy: TODO },
    engine: {
      type: parts.engine.type,
      ...(parts.engine.entrypoint ? { entrypoint: parts.engine.entrypoint } : {}),
      ...(parts.engine.version ? { version: parts.engine.version } : {}),
    },
    inputs: parts.inputs.map(port),
    // At least one output: a workflow that declares none still produces something the user must name.
    outputs: parts.outputs.length ? parts.outputs.map(port) : [{ name: TODO, ref: referencePlaceholder("dataset") }],
    steps: parts.steps.map((step) => ({
      id: step.id,
      ...(step.needs.length ? { needs: [...step.needs] } : {}),
      run: step.run ?? placeholderAt(T, "/steps/0/run"),
      container: { image: step.image ?? placeholderAt(T, "/steps/0/container/image") },
      ...(step.resources && Object.keys(step.resources).length ? { resources: step.resources } : {}),
    })),
    environment: { site: placeholderAt(T, "/environment/site"), maxClassification: TODO },
    reproducibility: { lockfile: TODO },
  };
}
