import { isRecord, joinPointer, select } from "../pointer";
import { writtenLevel } from "../rules/classification-levels";
import type { DocumentFacts, ReferenceRole } from "./facts";
import type { WorkspaceIndex } from "./workspace-index";

/**
 * One flow of the classification rules (docs/rules.md): an output, the classification that applies to it, and
 * the documents that flow into it. Only direct inputs count: each document answers for its own
 * inputs, so along a chain the first output classified too low is the one reported.
 */
export interface Flow {
  /** The output as a message names it: "This dataset", "This model", `Output "clean"`. */
  readonly subject: string;
  /** How the inputs relate to it, as a message says it: "it is derived from". */
  readonly relation: string;
  /**
   * Pointer of the classification mapping that applies (it need not exist: the engine then
   * underlines its nearest existing parent, or the document's root anchor).
   */
  readonly pointer: string;
  /** The mapping that applies; undefined when none is written, or something else is written in its place. */
  readonly classification?: Readonly<Record<string, unknown>>;
  /**
   * The level that applies as written (`writtenLevel`): the mapping's `level`, or a scalar written
   * in place of the mapping; undefined when none is written.
   */
  readonly level?: unknown;
  /** Dotted path of that mapping in messages: "classification", "outputs[0].classification". */
  readonly field: string;
  /** A pipeline output without its own classification, which takes the pipeline's. */
  readonly inherits: boolean;
  /** For a pipeline output, how a message names it within a sentence: `output "clean"`. */
  readonly output?: string;
  /** Resolved inputs, each once, the document itself excluded (a self-loop is `lineage/cycle`'s). */
  readonly inputs: readonly DocumentFacts[];
}

/**
 * The flows of a document: a dataset is derived from its `lineage.derivedFrom`; a model is trained
 * on its `training.datasets` (evaluation data does not flow into it); each `outputs[i]` of a
 * pipeline is produced from the pipeline's `inputs[].ref`. An unresolved reference is
 * `ref/unresolved`'s to report, so it takes no part. A classification that is not a mapping (a
 * schema/type error) still takes part with the level it names (`writtenLevel`), so that the
 * flow rules fail closed; an output's `classification: null` is read as absent, so it inherits.
 */
export function flowsOf(facts: DocumentFacts, index: WorkspaceIndex): Flow[] {
  const root = facts.value;
  // The document's own classification; written out in each flow, since object spread is slow here.
  const classification = facts.classification;
  const level = writtenLevel(root.classification);
  const own = "/classification";
  switch (facts.kind) {
    case "DatasetManifest": {
      const inputs = inputsOf(facts, index, "derivedFrom");
      return inputs.length
        ? [
            {
              pointer: own,
              classification,
              level,
              field: "classification",
              subject: "This dataset",
              relation: "it is derived from",
              inherits: false,
              inputs,
            },
          ]
        : [];
    }
    case "ModelCard": {
      const inputs = inputsOf(facts, index, "trainingData");
      return inputs.length
        ? [
            {
              pointer: own,
              classification,
              level,
              field: "classification",
              subject: "This model",
              relation: "it is trained on",
              inherits: false,
              inputs,
            },
          ]
        : [];
    }
    case "PipelineConfig": {
      const inputs = inputsOf(facts, index, "input");
      if (!inputs.length) return [];
      const flows: Flow[] = [];
      for (const { pointer, value: output } of select(root, "/outputs/*")) {
        if (!isRecord(output)) continue;
        const name = `output ${outputName(output, pointer)}`;
        const subject = `O${name.slice(1)}`;
        const relation = "the pipeline reads";
        const written = output.classification;
        if (written === undefined || written === null) {
          flows.push({
            pointer: own,
            classification,
            level,
            field: "classification",
            subject,
            relation,
            inherits: true,
            output: name,
            inputs,
          });
        } else {
          const at = joinPointer(pointer, "classification");
          const field = `outputs[${pointer.slice(pointer.lastIndexOf("/") + 1)}].classification`;
          const mapping = isRecord(written) ? written : undefined;
          flows.push({
            subject,
            relation,
            pointer: at,
            classification: mapping,
            level: writtenLevel(written),
            field,
            inherits: false,
            output: name,
            inputs,
          });
        }
      }
      return flows;
    }
  }
}

/** `"clean"` for an output with a name, else `outputs[1]`. */
function outputName(output: Readonly<Record<string, unknown>>, pointer: string): string {
  return typeof output.name === "string" && output.name.trim() !== ""
    ? JSON.stringify(output.name)
    : `outputs[${pointer.slice(pointer.lastIndexOf("/") + 1)}]`;
}

/** The documents `facts` references in `role` that resolve, each once, itself excluded. */
export function inputsOf(facts: DocumentFacts, index: WorkspaceIndex, role: ReferenceRole): DocumentFacts[] {
  const seen = new Map<string, DocumentFacts>();
  for (const { site, target } of index.upstreamOf(facts)) {
    if (site.role === role && target.path !== facts.path && !seen.has(target.path)) seen.set(target.path, target);
  }
  return [...seen.values()];
}
