import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { isSafeBundlePath } from "../core/index";
import type { HashPool } from "../io/hash-pool";
import { openZipEntry, zipEntries, type ZipEntry } from "./zip-read";

/** Metadata and statements larger than this are not read into memory (a real one is far smaller). */
const MAX_TEXT_BYTES = 256 * 1024 * 1024;

/** The files of a bundle, a folder or a zip, as `verify` reads them. */
export interface BundleContents {
  /** Every regular file, bundle-relative with `/`, sorted. */
  readonly paths: readonly string[];
  /** What makes entries unreadable as bundle files (links, unsafe zip names), one line each. */
  readonly problems: readonly string[];
  sha256(path: string, onBytes?: (bytes: number) => void): Promise<string>;
  size(path: string): number;
  text(path: string): Promise<string>;
}

/** Opens a bundle folder or zip file; throws when it is neither. */
export async function openBundle(location: string, pool: HashPool): Promise<BundleContents> {
  const stats = await fs.stat(location);
  return stats.isDirectory() ? folderContents(location, pool) : zipContents(location);
}

async function folderContents(root: string, pool: HashPool): Promise<BundleContents> {
  const sizes = new Map<string, number>();
  const problems: string[] = [];
  const walk = async (folder: string, prefix: string) => {
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const relative = prefix + entry.name;
      const absolute = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(absolute, `${relative}/`);
      else if (entry.isFile()) sizes.set(relative, (await fs.stat(absolute)).size);
      else problems.push(`${relative}: not a regular file (a bundle holds no links or devices)`);
    }
  };
  await walk(root, "");
  const absolute = (relative: string) => path.join(root, ...relative.split("/"));
  return {
    paths: [...sizes.keys()].sort(),
    problems,
    sha256: (relative, onBytes) => pool.hash(absolute(relative), undefined, onBytes),
    size: (relative) => sizes.get(relative) ?? 0,
    text: async (relative) => {
      if ((sizes.get(relative) ?? 0) > MAX_TEXT_BYTES) throw new Error(`${relative}: too large to be bundle metadata`);
      return fs.readFile(absolute(relative), "utf8");
    },
  };
}

async function zipContents(file: string): Promise<BundleContents> {
  const entries = new Map<string, ZipEntry>();
  const problems: string[] = [];
  for (const entry of await zipEntries(file)) {
    if (!isSafeBundlePath(entry.name)) problems.push(`${entry.name}: a zip entry name that leads outside the bundle`);
    else if (entries.has(entry.name)) problems.push(`${entry.name}: in the zip twice`);
    else entries.set(entry.name, entry);
  }
  const read = async (relative: string, each: (chunk: Buffer) => void) => {
    const entry = entries.get(relative);
    if (!entry) throw new Error(`${relative}: not in the zip`);
    for await (const chunk of await openZipEntry(file, entry)) each(chunk as Buffer);
  };
  return {
    paths: [...entries.keys()].sort(),
    problems,
    sha256: async (relative, onBytes) => {
      const hash = createHash("sha256");
      await read(relative, (chunk) => {
        hash.update(chunk);
        onBytes?.(chunk.length);
      });
      return hash.digest("hex");
    },
    size: (relative) => entries.get(relative)?.size ?? 0,
    text: async (relative) => {
      if ((entries.get(relative)?.size ?? 0) > MAX_TEXT_BYTES) throw new Error(`${relative}: too large to be bundle metadata`);
      const chunks: Buffer[] = [];
      await read(relative, (chunk) => chunks.push(chunk));
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}
