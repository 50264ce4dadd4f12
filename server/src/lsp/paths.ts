import * as path from "node:path";
import { URI } from "vscode-uri";

/** A document's place in the workspace: the folder root it belongs to and its relative POSIX path. */
export interface WorkspacePlace {
  /** Absolute file-system path of the workspace folder (or of the file's own folder). */
  readonly root: string;
  /** Relative to `root`, with `/` separators. */
  readonly relativePath: string;
}

/** Workspace folders, deepest first, so a nested folder wins over its parent. */
export class WorkspaceFolders {
  private roots: string[] = [];

  set(uris: readonly string[]): void {
    this.roots = uris
      .map((uri) => URI.parse(uri))
      .filter((uri) => uri.scheme === "file")
      .map((uri) => path.resolve(uri.fsPath))
      .sort((a, b) => b.length - a.length);
  }

  get all(): readonly string[] {
    return this.roots;
  }

  /** Where a document lives; files outside every folder (and untitled ones) count as their own root. */
  place(uri: string): WorkspacePlace {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== "file") return { root: "", relativePath: path.posix.basename(parsed.path) || "untitled" };
    const file = path.resolve(parsed.fsPath);
    for (const root of this.roots) {
      const relative = path.relative(root, file);
      if (relative && !relative.startsWith("..") && !path.isAbsolute(relative))
        return { root, relativePath: relative.split(path.sep).join("/") };
    }
    return { root: path.dirname(file), relativePath: path.basename(file) };
  }
}
