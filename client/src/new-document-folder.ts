/**
 * Where a "New ..." command proposes to create its document (the user may pick another place in
 * the save dialog): the folder chosen in the Explorer when run from its menu, else the workspace
 * folder for that kind of document when there is one (`models/` for a model card), else the active
 * file's folder, else the workspace root. Free of the editor API, so that a test reads it as it is.
 */

export type NewDocumentKind = "DatasetManifest" | "ModelCard" | "PipelineConfig";

/** The conventional folder of each kind, as examples/ lays them out. */
export const KIND_FOLDERS: Readonly<Record<NewDocumentKind, string>> = {
  DatasetManifest: "data",
  ModelCard: "models",
  PipelineConfig: "pipelines",
};

export interface FolderCandidates<T> {
  /** The folder the Explorer's menu was opened on. */
  readonly explorer?: T;
  /** The kind's folder in the workspace, when it exists. */
  readonly kindFolder?: T;
  /** The folder of the file in the active editor. */
  readonly active?: T;
  readonly root?: T;
}

export function proposedFolder<T>(candidates: FolderCandidates<T>): T | undefined {
  return candidates.explorer ?? candidates.kindFolder ?? candidates.active ?? candidates.root;
}
