import type { DocumentKind } from "../types";

/**
 * Where a kind of document names files (docs/formats/). `accepts` says what may stand there besides
 * a workspace path; `unlessSibling` skips a position whose sibling has a value (an `oci-image`
 * artifact's `path` is an image reference, not a file).
 */
export interface PathPosition {
  /** A `select()` pattern (`*` = every item). */
  readonly pattern: string;
  readonly accepts: "path" | "path-or-https" | "path-or-uri";
  /** How the file reads in a message ("the access policy"). */
  readonly role: string;
  readonly unlessSibling?: { readonly key: string; readonly value: string };
}

const POSITIONS: Readonly<Record<DocumentKind, readonly PathPosition[]>> = {
  DatasetManifest: [
    { pattern: "/distribution/*/path", accepts: "path-or-https", role: "a distribution file" },
    { pattern: "/access/policy", accepts: "path", role: "the access policy" },
  ],
  PipelineConfig: [
    { pattern: "/engine/entrypoint", accepts: "path", role: "the workflow entrypoint" },
    { pattern: "/reproducibility/lockfile", accepts: "path", role: "the lockfile" },
    { pattern: "/ci/workflow", accepts: "path", role: "the CI workflow" },
    { pattern: "/audit/log", accepts: "path-or-uri", role: "the audit log" },
    { pattern: "/docs/dataFlowDiagram", accepts: "path", role: "the data-flow diagram" },
    { pattern: "/docs/architectureDiagram", accepts: "path", role: "the architecture diagram" },
  ],
  ModelCard: [
    { pattern: "/training/environment/lockfile", accepts: "path", role: "the lockfile" },
    { pattern: "/artifacts/*/path", accepts: "path", role: "an artifact file", unlessSibling: { key: "format", value: "oci-image" } },
    { pattern: "/governance/binder", accepts: "path", role: "the governance binder" },
  ],
};

/** The path positions of one kind. */
export function pathPositions(kind: DocumentKind): readonly PathPosition[] {
  return POSITIONS[kind] ?? [];
}
