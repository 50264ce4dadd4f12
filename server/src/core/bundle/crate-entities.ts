import { exportDocuments } from "../convert/export/export";
import { LICENSE_PER_ENTITY } from "../convert/export/ro-crate";
import { PROCESS_RUN_CRATE } from "../convert/export/ro-crate-terms";
import type { ExportInput } from "../convert/export/model";
import type { CrateEntity } from "./crate-metadata";

/** What the RO-Crate export says of the bundled documents, ready to merge into the bundle's crate. */
export interface ExportedEntities {
  /** Every entity of the export but its metadata descriptor, its root and the root's own licence note. */
  readonly entities: readonly CrateEntity[];
  /** The export's CreateActions (the lineage), which the bundle's root mentions beside its own. */
  readonly mentions: readonly string[];
  /** The profiles the bundle's root conforms to with them: Process Run Crate when there are actions. */
  readonly conformsTo: readonly string[];
}

const NONE: ExportedEntities = { entities: [], mentions: [], conformsTo: [] };

/**
 * The entities `export --to ro-crate` writes for the bundled documents (docs/bundles.md#the-crate-metadata):
 * datasets and models with their licence, creators, classification and files, pipelines as
 * workflows with their steps, the lineage as CreateActions. The export sees only the bundled
 * documents (`workspace` is cut to them), so the crate describes no document it does not hold: a
 * reference to one outside names it by its reference alone, as the export does for one it cannot
 * resolve.
 *
 * The export runs through `exportDocuments`, its classification guard included and never waived:
 * RO-Crate is not a public format, so classified documents are described with their marking, as
 * `export --to ro-crate` describes them. Should the guard ever refuse, the crate gets no exported
 * entity at all and lists the files alone, as it did before.
 *
 * The export's root and descriptor give way to the bundle's; Workflow Run Crate and Workflow
 * RO-Crate are not claimed (the bundle's main subject is the submission, not one workflow), so
 * their profile entities are left out.
 */
export function exportedEntities(input: ExportInput): ExportedEntities {
  if (input.documents.length === 0) return NONE;
  const result = exportDocuments("ro-crate", { ...input, workspace: input.documents });
  if (!result.ok) return NONE;
  const crate = JSON.parse(result.output.text) as { "@graph": CrateEntity[] };
  const root = crate["@graph"].find((entity) => entity["@id"] === "./");
  const conformsTo = ids(root?.conformsTo).filter((id) => id === PROCESS_RUN_CRATE);
  const dropped = new Set(["./", "ro-crate-metadata.json", LICENSE_PER_ENTITY, ...ids(root?.conformsTo)]);
  for (const profile of conformsTo) dropped.delete(profile);
  return {
    entities: crate["@graph"].filter((entity) => !dropped.has(entity["@id"])),
    mentions: ids(root?.mentions),
    conformsTo,
  };
}

function ids(references: unknown): string[] {
  return ([] as unknown[])
    .concat(references ?? [])
    .map((reference) => (reference as { "@id"?: unknown })["@id"])
    .filter((id): id is string => typeof id === "string");
}
