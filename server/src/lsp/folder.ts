import type { WorkspaceHost } from "../core/index";

/**
 * One workspace folder of the editor: its absolute root (empty for documents outside every
 * folder) and the host that analyses its documents. A rescan replaces the whole folder object.
 */
export class Folder {
  constructor(
    readonly root: string,
    readonly host: WorkspaceHost,
  ) {}
}
