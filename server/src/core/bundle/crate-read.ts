import { isRecord } from "../pointer";
import { SHA256 } from "../rules/integrity";
import { isSafeBundlePath, METADATA_FILE, STATEMENT_FILE } from "./layout";

/** A file the crate metadata of a bundle lists, with the digest and size it records. */
export interface ListedFile {
  readonly path: string;
  readonly sha256: string;
  /** Absent when the entity gives no whole number of bytes. */
  readonly bytes?: number;
}

export interface CrateListing {
  readonly files: readonly ListedFile[];
  /** One line per way the metadata falls short of a bundle's (each names the entity). */
  readonly problems: readonly string[];
}

/**
 * The files a bundle's `ro-crate-metadata.json` lists: the root Dataset's `hasPart`, each a File
 * entity with a well-formed sha256; the statement alone is listed without one (it signs the
 * metadata). Anything else the graph holds is left alone, so that merged entities do not matter.
 */
export function listedFiles(metadata: unknown): CrateListing {
  const problems: string[] = [];
  const graph = isRecord(metadata) && Array.isArray(metadata["@graph"]) ? metadata["@graph"].filter(isRecord) : undefined;
  if (!graph) return { files: [], problems: [`${METADATA_FILE}: not RO-Crate metadata (no @graph)`] };
  const byId = new Map(graph.filter((entity) => typeof entity["@id"] === "string").map((entity) => [entity["@id"] as string, entity]));
  const rootId = idOf(byId.get(METADATA_FILE)?.about);
  const root = rootId === undefined ? undefined : byId.get(rootId);
  if (!root) return { files: [], problems: [`${METADATA_FILE}: no root data entity (the descriptor's "about")`] };
  const files: ListedFile[] = [];
  const seen = new Set<string>();
  for (const part of Array.isArray(root.hasPart) ? root.hasPart : [root.hasPart]) {
    const path = idOf(part);
    if (path === undefined || path === STATEMENT_FILE) continue;
    if (!isSafeBundlePath(path) || path === METADATA_FILE) {
      problems.push(`${METADATA_FILE}: lists "${path}", which is not a path inside the bundle`);
      continue;
    }
    if (seen.has(path)) continue;
    seen.add(path);
    const sha256 = byId.get(path)?.sha256;
    if (typeof sha256 !== "string" || !SHA256.test(sha256)) {
      problems.push(`${path}: the metadata gives it no sha256`);
      continue;
    }
    const size = byId.get(path)?.contentSize;
    const bytes = typeof size === "string" && /^\d+$/.test(size) ? Number(size) : typeof size === "number" ? size : undefined;
    files.push({ path, sha256, ...(bytes !== undefined ? { bytes } : {}) });
  }
  return { files, problems };
}

function idOf(reference: unknown): string | undefined {
  return isRecord(reference) && typeof reference["@id"] === "string" ? reference["@id"] : undefined;
}
