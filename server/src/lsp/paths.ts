import type { WorkspaceFileAccess, WorkspacePlace } from "./file-access";

export type { WorkspacePlace } from "./file-access";

/** Workspace folders, deepest first, so a nested folder wins over its parent. */
export class WorkspaceFolders {
  private roots: string[] = [];

  constructor(private readonly files: WorkspaceFileAccess) {}

  /** The folders by URI; those the file access cannot read are left out. */
  set(uris: readonly string[]): void {
    this.roots = uris
      .map((uri) => this.files.rootOf(uri))
      .filter((root): root is string => root !== undefined)
      .sort((a, b) => b.length - a.length);
  }

  get all(): readonly string[] {
    return this.roots;
  }

  /** Where a document lives; files outside every folder (and untitled ones) count as their own root. */
  place(uri: string): WorkspacePlace {
    return this.files.place(uri, this.roots);
  }
}
