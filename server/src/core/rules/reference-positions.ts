import { KIND_NAME, type DocumentKind } from "../types";

/** Where a kind of document holds references to other documents, and what each must name. */
export interface ReferencePosition {
  /** A `select()` pattern (`*` = every item). */
  readonly pattern: string;
  /**
   * The kinds of document an internal `id@version` there may resolve to, the usual one first (what
   * a template or a placeholder writes there). Only a pipeline's outputs accept two (docs/formats/pipeline-config.md).
   */
  readonly targets: readonly [DocumentKind, ...DocumentKind[]];
  /** How the position reads in a message ("an upstream dataset"). */
  readonly role: string;
}

const POSITIONS: Readonly<Record<DocumentKind, readonly ReferencePosition[]>> = {
  DatasetManifest: [
    { pattern: "/lineage/derivedFrom/*", targets: ["DatasetManifest"], role: "an upstream dataset" },
    { pattern: "/lineage/generatedBy/pipeline", targets: ["PipelineConfig"], role: "the generating pipeline" },
  ],
  PipelineConfig: [
    { pattern: "/inputs/*/ref", targets: ["DatasetManifest"], role: "an input dataset" },
    // A training pipeline's output is its model (docs/formats/pipeline-config.md).
    { pattern: "/outputs/*/ref", targets: ["DatasetManifest", "ModelCard"], role: "an output dataset or model" },
  ],
  ModelCard: [
    { pattern: "/training/datasets/*", targets: ["DatasetManifest"], role: "a training dataset" },
    { pattern: "/training/pipeline", targets: ["PipelineConfig"], role: "the training pipeline" },
    { pattern: "/evaluation/datasets/*", targets: ["DatasetManifest"], role: "an evaluation dataset" },
    { pattern: "/evaluation/results/*/dataset", targets: ["DatasetManifest"], role: "an evaluation dataset" },
  ],
};

/** The reference positions of one kind (docs/formats/). */
export function referencePositions(kind: DocumentKind): readonly ReferencePosition[] {
  return POSITIONS[kind] ?? [];
}

/** `dataset manifest`, or for several kinds `dataset manifest or model card`. */
export function kindsName(kinds: readonly DocumentKind[]): string {
  const names = kinds.map((kind) => KIND_NAME[kind]);
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}
