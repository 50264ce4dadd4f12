import { randomBytes, type KeyObject } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { BundledFile, WorkspaceHost } from "../core/index";
import type { EvidenceProgress } from "../io/evidence-service";
import { HashPool } from "../io/hash-pool";
import { errorCode } from "../node/workspace-files";
import { BundleError } from "./bundle-error";
import { metadataText, reportTexts, statementText, type BundleText } from "./bundle-texts";
import { collectSources, type BundleSource } from "./collect";
import { keyIdOf } from "./signing";
import { stageSources } from "./stage";
import { writeZipBundle } from "./zip-bundle";

export interface BundleRequest {
  /** Real path of the workspace root. */
  readonly root: string;
  readonly host: WorkspaceHost;
  /** The documents to bundle (the CLI's paths, or every document of an editor's folder). */
  readonly isReported: (path: string) => boolean;
  /** How the report names the root (`examples`). */
  readonly name: string;
  /** Absolute; a folder to create, or a file when it ends in `.zip`. */
  readonly out: string;
  readonly key?: KeyObject;
  readonly generator: { readonly name: string; readonly version: string };
  readonly now: Date;
  readonly onProgress?: (progress: EvidenceProgress) => void;
  readonly signal?: AbortSignal;
  /**
   * Called after each chunk of a workspace file has gone into a zip bundle, before the next is
   * read: a seam for tests that change a file while it is being bundled.
   */
  readonly afterChunk?: (path: string, bytesRead: number) => Promise<void> | void;
}

export interface BundleSummary {
  readonly out: string;
  readonly zip: boolean;
  /** Files in the bundle, the metadata and the statement included. */
  readonly files: number;
  readonly bytes: number;
  /** The signing key's id (hex SHA-256 of its public key) when signed. */
  readonly keyid?: string;
}

/**
 * Writes a submission bundle (docs/bundles.md). A folder is made in a hidden staging folder beside
 * `out`, a zip as a hidden partial file beside it; either becomes `out` only once every file has
 * been read and found to hold what its documents declare: a failure (a missing file, a digest
 * mismatch, a cancel) leaves nothing behind. An existing `out` is never replaced.
 */
export async function writeBundle(request: BundleRequest): Promise<BundleSummary> {
  const zip = request.out.toLowerCase().endsWith(".zip");
  await refuseExisting(request.out);
  const parent = path.dirname(request.out);
  if (!(await isFolder(parent))) throw new BundleError(`${parent}: no such folder to write the bundle in.`, 2);
  const sources = await collectSources(request.root, request.host, request.isReported);
  const partial = path.join(parent, `.${path.basename(request.out)}.partial-${randomBytes(6).toString("hex")}`);
  let all: BundledFile[];
  if (zip) {
    try {
      all = await writeZipBundle(request, sources, partial);
      await publishFile(partial, request.out);
    } finally {
      await fs.rm(partial, { force: true });
    }
  } else {
    all = await writeFolderBundle(request, sources, partial);
  }
  return {
    out: request.out,
    zip,
    files: all.length,
    bytes: all.reduce((sum, file) => sum + file.bytes, 0),
    ...(request.key ? { keyid: keyIdOf(request.key) } : {}),
  };
}

/** Copies and hashes every file into `staging`, adds the texts, and renames it to `out`. */
async function writeFolderBundle(request: BundleRequest, sources: readonly BundleSource[], staging: string): Promise<BundledFile[]> {
  await fs.mkdir(staging);
  const pool = new HashPool();
  try {
    const files = await stageSources(sources, staging, pool, request.onProgress, request.signal);
    for (const text of reportTexts(request)) files.push(await writeText(staging, text));
    const all = [...files, await writeText(staging, metadataText(request, files))];
    if (request.key) all.push(await writeText(staging, statementText({ ...request, key: request.key }, all)));
    await refuseExisting(request.out);
    await fs.rename(staging, request.out);
    return all;
  } finally {
    pool.dispose();
    await fs.rm(staging, { recursive: true, force: true });
  }
}

async function writeText(staging: string, text: BundleText): Promise<BundledFile> {
  const target = path.join(staging, ...text.file.path.split("/"));
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, text.bytes, { flag: "wx" });
  return text.file;
}

/** Gives the finished zip its name without replacing a file that appeared meanwhile (a link fails on an existing name). */
async function publishFile(partial: string, out: string): Promise<void> {
  try {
    await fs.link(partial, out);
  } catch (error) {
    if (errorCode(error) === "EEXIST") throw new BundleError(`${out}: exists already; the bundle never replaces a file or folder.`, 2);
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"].includes(errorCode(error) ?? "")) throw error;
    // A file system without hard links: checked once more, then renamed.
    await refuseExisting(out);
    await fs.rename(partial, out);
  }
}

async function refuseExisting(out: string): Promise<void> {
  try {
    await fs.lstat(out);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw error;
  }
  throw new BundleError(`${out}: exists already; the bundle never replaces a file or folder.`, 2);
}

async function isFolder(absolute: string): Promise<boolean> {
  try {
    return (await fs.stat(absolute)).isDirectory();
  } catch {
    return false;
  }
}
