import { isUrl } from "./values";

/**
 * Workspace paths, `/`-separated and relative to the workspace root (`""` is the root), as the
 * converters see them; the front end maps them to the disk and refuses any that leave the root.
 */

export function folderOf(workspacePath: string): string {
  const slash = workspacePath.lastIndexOf("/");
  return slash < 0 ? "" : workspacePath.slice(0, slash);
}

export function baseNameOf(workspacePath: string): string {
  return workspacePath.slice(workspacePath.lastIndexOf("/") + 1);
}

/**
 * `relative` (as a source writes it, relative to `folder`; `/` starts at the root) as a workspace
 * path; undefined for a URL, an absolute file-system path, a home path or one that leaves the root.
 */
export function resolveInWorkspace(folder: string, relative: string): string | undefined {
  const written = relative.trim().replace(/\\/g, "/");
  if (written === "" || isUrl(written) || /^[A-Za-z]:/.test(written) || written.startsWith("~")) return undefined;
  const parts = written.startsWith("/") ? [] : folder.split("/").filter(Boolean);
  for (const segment of written.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join("/");
}

/** `target` (a workspace path) as the new document writes it from `folder`: relative, `../` allowed inside the root. */
export function relativeFrom(folder: string, target: string): string {
  const from = folder.split("/").filter(Boolean);
  const to = target.split("/").filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => "..");
  return [...up, ...to.slice(common)].join("/") || ".";
}

/**
 * A path the source writes (relative to its own folder) as the new document writes it: rebased onto
 * the output folder when it is a local path, unchanged when it is a URL or cannot be resolved.
 */
export function rebased(written: string, sourceFolder: string, outputFolder: string): string {
  const resolved = resolveInWorkspace(sourceFolder, written);
  if (resolved === undefined || sourceFolder === outputFolder) return written;
  return relativeFrom(outputFolder, resolved);
}

/** True when a path is a pattern (`data/*.csv`), which names several files and none on its own. */
export function isGlob(path: string): boolean {
  return /[*?[\]{}]/.test(path);
}
