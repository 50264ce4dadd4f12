import * as path from "node:path";
import { URI } from "vscode-uri";
import type { DocumentSource } from "../core/index";
import { listWorkspaceFiles, readTextFile } from "../node/workspace-files";
import type { WorkspaceFileAccess, WorkspacePlace } from "./file-access";

/**
 * A relative path whose every character a file URI carries unencoded (vscode-uri leaves letters,
 * digits, `-`, `.`, `_`, `~` and `/` as they are), and no segment of which starts with a dot, so
 * that `.`, `..` and empty segments, which path.join would resolve, take the full route.
 */
const PLAIN_RELATIVE_PATH = /^[\w~-][\w.~-]*(?:\/[\w~-][\w.~-]*)*$/;

const folderUris = new Map<string, string>();

/** A workspace folder's URI, kept: a server has a handful of folders. */
function folderUriOf(root: string): string {
  let uri = folderUris.get(root);
  if (uri === undefined) {
    uri = URI.file(root).toString();
    if (folderUris.size > 64) folderUris.clear();
    folderUris.set(root, uri);
  }
  return uri;
}

/**
 * The Node server's file access: `file:` folders only, roots are absolute paths, and files come
 * from the disk through node/workspace-files (which never follows a link out of the root).
 */
export const NODE_FILE_ACCESS: WorkspaceFileAccess = {
  rootOf(folderUri: string): string | undefined {
    const uri = URI.parse(folderUri);
    return uri.scheme === "file" ? path.resolve(uri.fsPath) : undefined;
  },

  /** Files outside every folder count as their own root, untitled ones as having none. */
  place(uri: string, roots: readonly string[]): WorkspacePlace {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== "file") return { root: "", relativePath: path.posix.basename(parsed.path) || "untitled" };
    const file = path.resolve(parsed.fsPath);
    for (const root of roots) {
      const relative = path.relative(root, file);
      if (relative && !relative.startsWith("..") && !path.isAbsolute(relative))
        return { root, relativePath: relative.split(path.sep).join("/") };
    }
    return { root: path.dirname(file), relativePath: path.basename(file) };
  },

  uriOf(root: string, relativePath: string): string {
    if (!PLAIN_RELATIVE_PATH.test(relativePath)) return URI.file(path.join(root, ...relativePath.split("/"))).toString();
    // The same text as the line above, without encoding every segment again: a fan-out names
    // thousands of documents at once, and this is about thirty times cheaper.
    const folder = folderUriOf(root);
    return folder.endsWith("/") ? folder + relativePath : `${folder}/${relativePath}`;
  },

  folderUri(root: string): string {
    return folderUriOf(root);
  },

  folderName(root: string): string {
    return path.basename(root) || root;
  },

  async list(root: string, accept: (relativePath: string) => boolean): Promise<string[]> {
    const { files } = await listWorkspaceFiles(root, [root], { accept });
    return files.map((file) => file.path);
  },

  async read(root: string, relativePath: string, maxBytes: number): Promise<DocumentSource> {
    const content = await readTextFile(path.join(root, ...relativePath.split("/")), maxBytes);
    return content.kind === "text" ? content.text : { head: content.head, bytes: content.bytes };
  },
};
