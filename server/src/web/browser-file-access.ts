import type { Connection } from "vscode-languageserver";
import { URI, Utils } from "vscode-uri";
import type { DocumentSource } from "../core/index";
import type { WorkspaceFileAccess, WorkspacePlace } from "../lsp/file-access";
import { LIST_FILES_REQUEST, READ_FILE_REQUEST } from "../protocol";

/** Folders never indexed, as under Node (node/workspace-files.ts): installed dependencies and version control. */
const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(["node_modules", ".git"]);

/** A URI in the one spelling vscode-uri gives it, without a trailing slash (a root's key). */
function canonical(uri: string): string {
  const text = URI.parse(uri).toString();
  return text.endsWith("/") ? text.slice(0, -1) : text;
}

/**
 * The browser server's file access: it has no file system, so it asks the client
 * (`genesis/listFiles`, `genesis/readFile` in protocol.ts), which reads through VS Code's
 * `workspace.fs`. A root is its folder's URI, of any scheme (`vscode-vfs:` on github.dev). A
 * document outside every folder has no root, so nothing beside it is ever read.
 */
export class BrowserFileAccess implements WorkspaceFileAccess {
  constructor(private readonly connection: Connection) {}

  rootOf(folderUri: string): string | undefined {
    return canonical(folderUri);
  }

  place(uri: string, roots: readonly string[]): WorkspacePlace {
    const document = URI.parse(uri);
    const text = document.toString();
    for (const root of roots) {
      if (!text.startsWith(`${root}/`)) continue;
      const relativePath = document.path.slice(URI.parse(root).path.replace(/\/$/, "").length + 1);
      if (relativePath) return { root, relativePath };
    }
    return { root: "", relativePath: Utils.basename(document) || "untitled" };
  }

  uriOf(root: string, relativePath: string): string {
    return Utils.joinPath(URI.parse(root), ...relativePath.split("/")).toString();
  }

  folderUri(root: string): string {
    return root;
  }

  folderName(root: string): string {
    return Utils.basename(URI.parse(root)) || root;
  }

  async list(root: string, accept: (relativePath: string) => boolean): Promise<string[]> {
    const { uris } = await this.connection.sendRequest(LIST_FILES_REQUEST, { folder: root });
    const paths: string[] = [];
    for (const uri of uris) {
      const place = this.place(uri, [root]);
      if (place.root !== root || place.relativePath.split("/").some((segment) => SKIPPED_FOLDERS.has(segment) || segment === ".."))
        continue;
      if (accept(place.relativePath)) paths.push(place.relativePath);
    }
    return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  async read(root: string, relativePath: string, maxBytes: number): Promise<DocumentSource> {
    const result = await this.connection.sendRequest(READ_FILE_REQUEST, { uri: this.uriOf(root, relativePath), maxBytes });
    if (result.kind === "text") return result.text;
    if (result.kind === "too-large") return { head: result.head, bytes: result.bytes };
    throw new Error(`${relativePath} does not exist or cannot be read`);
  }
}
