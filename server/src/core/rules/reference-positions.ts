import type { DocumentKind } from "../types";

/** Where a kind of document holds references to other documents, and what each must name. */
export interface ReferencePosition {
  /** A `select()` pattern (`*` = every item). */
  readonly pattern: string;
  /** The kind of document an internal `id@version` there must resolve to. */
  readonly target: DocumentKind;
  /** How the position reads in a message ("an upstream dataset"). */
  readonly role: string;
}

const POSITIONS: Readonly<Record<DocumentKind, readonly ReferencePosition[]>> = {
  DatasetManifest: [
    { pattern: "/lineage/derivedFrom/*", target: "DatasetManifest", role: "an upstream dataset" },
    { pattern: "/lineage/generatedBy/pipeline", target: "PipelineConfig", role: "the generating pipeline" },
  ],
  PipelineConfig: [
    { pattern: "/inputs/*/ref", target: "DatasetManifest", role: "an input dataset" },
    { pattern: "/outputs/*/ref", target: "DatasetManifest", role: "an output dataset" },
  ],
  ModelCard: [
    { pattern: "/training/datasets/*", target: "DatasetManifest", role: "a training dataset" },
    { pattern: "/training/pipeline", target: "PipelineConfig", role: "the training pipeline" },
    { pattern: "/evaluation/datasets/*", target: "DatasetManifest", role: "an evaluation dataset" },
    { pattern: "/evaluation/results/*/dataset", target: "DatasetManifest", role: "an evaluation dataset" },
  ],
};

/** The reference positions of one kind (docs/formats/). */
export function referencePositions(kind: DocumentKind): readonly ReferencePosition[] {
  return POSITIONS[kind] ?? [];
}
