import { promises as fs } from "node:fs";
import * as path from "node:path";
import { CONFIG_FILE_NAME, isReservedPath, namedFiles, type BundledRole, type WorkspaceHost } from "../core/index";
import { describeError, errorCode, isInside, listWorkspaceFiles } from "../node/workspace-files";
import { BundleError } from "./bundle-error";

/** A digest some document declares for a file, and where. */
export interface DeclaredDigest {
  readonly sha256: string;
  readonly document: string;
  readonly pointer: string;
}

/** One workspace file the bundle takes, with what is known of it before it is read. */
export interface BundleSource {
  /** Workspace-relative POSIX path: its path in the bundle too. */
  readonly path: string;
  /** Real absolute path (inside the root). */
  readonly absolute: string;
  readonly bytes: number;
  readonly role: BundledRole;
  readonly kind?: string;
  /** Every digest declared for it: the copy must match each. */
  readonly declared: readonly DeclaredDigest[];
}

interface Wanted {
  role: BundledRole;
  kind?: string;
  declared: DeclaredDigest[];
  /** The first document and position naming it, for the message when it is missing. */
  namedBy?: string;
}

/**
 * The files of a bundle: the reported documents, genesis.config.yaml when the root has one, and
 * every local file the documents name (a named folder brings every file below it). Each is
 * resolved inside the root, links included. A named file that does not exist, or leads out of the
 * workspace, stops the bundle (exit 1) with the file and the document naming it.
 */
export async function collectSources(root: string, host: WorkspaceHost, isReported: (path: string) => boolean): Promise<BundleSource[]> {
  const wanted = new Map<string, Wanted>();
  const want = (relative: string): Wanted => {
    let entry = wanted.get(relative);
    if (!entry) wanted.set(relative, (entry = { role: "file", declared: [] }));
    return entry;
  };
  const documents = [...host.paths()].filter((p) => isReported(p) && host.factsOf(p)?.kind !== undefined).sort();
  if (await exists(path.join(root, CONFIG_FILE_NAME))) want(CONFIG_FILE_NAME).role = "config";
  for (const document of documents) Object.assign(want(document), { role: "document", kind: host.factsOf(document)?.kind });
  for (const document of documents) {
    const parsed = host.documentOf(document);
    for (const named of parsed ? namedFiles(parsed) : []) {
      const entry = want(named.path);
      entry.namedBy ??= `named by ${document} at ${named.pointer}`;
      if (named.declaredSha256)
        entry.declared.push({ sha256: named.declaredSha256, document, pointer: named.pointer.replace(/\/path$/, "/sha256") });
    }
  }

  const sources = new Map<string, BundleSource>();
  for (const [relative, entry] of wanted) {
    for (const file of await filesAt(root, relative, entry)) {
      if (isReservedPath(file.path))
        throw new BundleError(`${file.path}: the bundle keeps this path for its own files; rename it to bundle the workspace.`, 1);
      // A folder's file may be wanted on its own as well: a document keeps its role, and the digests add up.
      const before = sources.get(file.path);
      const role = before && before.role !== "file" ? before.role : entry.role;
      const declared = [...(before?.declared ?? []), ...(file.path === relative ? entry.declared : [])];
      sources.set(file.path, { ...file, role, kind: before?.kind ?? file.kind, declared });
    }
  }
  return [...sources.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Stops the bundle (exit 1) when `sha256`, what was read of the source, is not what a document declares for it. */
export function checkDeclared(source: BundleSource, sha256: string): void {
  for (const declared of source.declared) {
    if (declared.sha256 !== sha256)
      throw new BundleError(
        `${source.path}: its sha256 is ${sha256}, but ${declared.document} declares ${declared.sha256} at ${declared.pointer}; ` +
          "nothing was written.",
        1,
      );
  }
}

/** The regular file at a workspace path, or every file below the folder there. */
async function filesAt(root: string, relative: string, entry: Wanted): Promise<Omit<BundleSource, "role" | "declared">[]> {
  const given = path.join(root, ...relative.split("/"));
  let real: string;
  try {
    real = await fs.realpath(given);
  } catch (error) {
    const reason = errorCode(error) === "ENOENT" ? "does not exist" : `cannot be read (${describeError(error)})`;
    throw new BundleError(`${relative}: ${reason}${entry.namedBy ? `; ${entry.namedBy}` : ""}.`, 1);
  }
  if (!isInside(root, real))
    throw new BundleError(`${relative}: a link that leads out of the workspace${entry.namedBy ? `; ${entry.namedBy}` : ""}.`, 1);
  const stats = await fs.stat(real);
  if (stats.isFile()) return [{ path: relative, absolute: real, bytes: stats.size, kind: entry.kind }];
  if (!stats.isDirectory()) throw new BundleError(`${relative}: not a regular file or folder.`, 1);
  // A named folder: its files, under the folder's path as named (links inside it stay inside the root).
  const listing = await listWorkspaceFiles(root, [real], { accept: () => true });
  if (listing.problems.length > 0) throw new BundleError(`${relative}: ${listing.problems[0].message}.`, 1);
  const prefix = path.relative(root, real).split(path.sep).join("/");
  return Promise.all(
    listing.files.map(async (file) => ({
      path: prefix !== relative && file.path.startsWith(`${prefix}/`) ? `${relative}/${file.path.slice(prefix.length + 1)}` : file.path,
      absolute: file.absolute,
      bytes: (await fs.stat(file.absolute)).size,
    })),
  );
}

async function exists(absolute: string): Promise<boolean> {
  try {
    return (await fs.stat(absolute)).isFile();
  } catch {
    return false;
  }
}
