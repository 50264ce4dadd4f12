import { constants, promises as fs } from "node:fs";
import * as path from "node:path";
import type { BundledFile } from "../core/index";
import type { HashPool } from "../io/hash-pool";
import type { EvidenceProgress } from "../io/evidence-service";
import { checkDeclared, type BundleSource } from "./collect";

/** Files copied and hashed at once; the pool's workers limit the hashing further. */
const CONCURRENT_FILES = 3;

/**
 * Copies every source into the staging folder and hashes the copy (not the original, so that what
 * the bundle holds is exactly what was hashed, even if the workspace changes meanwhile) in the hash
 * pool's worker threads. A copy whose digest differs from one a document declares stops the
 * bundle (exit 1), naming the file, both digests and the declaring document. Progress is reported
 * in bytes hashed, as the `io` rules report theirs.
 */
export async function stageSources(
  sources: readonly BundleSource[],
  staging: string,
  pool: HashPool,
  onProgress?: (progress: EvidenceProgress) => void,
  signal?: AbortSignal,
): Promise<BundledFile[]> {
  const progress = { filesDone: 0, filesTotal: sources.length, bytesDone: 0, bytesTotal: sources.reduce((sum, s) => sum + s.bytes, 0) };
  const staged: BundledFile[] = new Array(sources.length);
  let next = 0;
  let failure: unknown;
  const work = async () => {
    while (next < sources.length && failure === undefined) {
      const at = next++;
      try {
        staged[at] = await stageOne(sources[at], staging, pool, signal, (bytes) => {
          progress.bytesDone += bytes;
          onProgress?.({ ...progress });
        });
      } catch (error) {
        failure ??= error;
        return;
      }
      progress.filesDone++;
      onProgress?.({ ...progress });
    }
  };
  // Every copy has stopped before a failure is thrown, so that the caller can remove the staging folder.
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_FILES, sources.length) }, work));
  if (failure !== undefined) throw failure;
  return staged;
}

async function stageOne(
  source: BundleSource,
  staging: string,
  pool: HashPool,
  signal: AbortSignal | undefined,
  onBytes: (bytes: number) => void,
): Promise<BundledFile> {
  const target = path.join(staging, ...source.path.split("/"));
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.copyFile(source.absolute, target, constants.COPYFILE_EXCL);
  const sha256 = await pool.hash(target, signal, onBytes);
  checkDeclared(source, sha256);
  const bytes = (await fs.stat(target)).size;
  return { path: source.path, sha256, bytes, role: source.role, ...(source.kind ? { kind: source.kind } : {}) };
}
