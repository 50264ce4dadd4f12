import { realpathSync } from "node:fs";
import * as path from "node:path";
import {
  type GenesisDocument,
  evidenceRequests,
  mergeRequests,
  type RequestOptions,
  type EvidenceRequest,
  type FileEvidence,
} from "../core/evidence-api";
import { EvidenceCache } from "./evidence-cache";
import { EvidenceReader, type LocatedFile } from "./evidence-reader";
import { HashPool } from "./hash-pool";
import { abortError } from "./read-failure";

/** How far a gather is: files finished of those requested, and bytes hashed of those to hash. */
export interface EvidenceProgress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export type ProgressListener = (progress: EvidenceProgress) => void;

/** Files read at once; hashing is further limited by the hash pool's workers. */
const CONCURRENT_FILES = 4;

/**
 * The facts the `io` rules need, for the language server and the CLI: one cache and one pool of
 * hash workers shared by every workspace root. `gather` answers for one document; the engine's
 * `checkEvidence(document, evidence, config)` turns the answer into diagnostics.
 */
export class EvidenceService {
  private readonly cache = new EvidenceCache();
  private readonly hashes = new HashPool();
  private readonly readers = new Map<string, EvidenceReader>();

  /**
   * Reads what `document` (a workspace-relative path under `root`) needs, keyed by the
   * workspace-relative paths of `evidenceRequests`. Rejects with an AbortError when `signal` fires.
   * A part known from an earlier read of the same file version comes along even when not asked
   * for (a digest hashed on "Verify Files" stays available to the checksum fix after a save).
   */
  async gather(
    root: string,
    document: GenesisDocument,
    signal?: AbortSignal,
    onProgress?: ProgressListener,
    options?: RequestOptions,
  ): Promise<Map<string, FileEvidence>> {
    return (await this.gatherAll(root, [document], signal, onProgress, options)).get(document.path) ?? new Map();
  }

  /**
   * `gather` for several documents of one root at once: each file is read once however many
   * documents name it, and the progress counts the whole set. Keyed by document path.
   */
  async gatherAll(
    root: string,
    documents: readonly GenesisDocument[],
    signal?: AbortSignal,
    onProgress?: ProgressListener,
    options: RequestOptions = {},
  ): Promise<Map<string, Map<string, FileEvidence>>> {
    return this.gatherRequested(root, new Map(documents.map((d) => [d.path, evidenceRequests(d, options)])), signal, onProgress);
  }

  /**
   * `gatherAll` from each document's `evidenceRequests` worked out beforehand (the CLI has them
   * from its worker threads, and no parse tree at hand). Keyed by document path.
   */
  async gatherRequested(
    root: string,
    requestsByDocument: ReadonlyMap<string, readonly EvidenceRequest[]>,
    signal?: AbortSignal,
    onProgress?: ProgressListener,
  ): Promise<Map<string, Map<string, FileEvidence>>> {
    const reader = this.readerFor(root);
    const merged = oneRequestPerPath([...requestsByDocument.values()].flat());
    const located = await Promise.all(merged.map((request) => reader.locate(request)));
    if (signal?.aborted) throw abortError(signal);

    const results = new Map<string, FileEvidence>();
    const toRead: LocatedFile[] = [];
    located.forEach((found, index) => ("status" in found ? results.set(merged[index].path, found) : toRead.push(found)));
    const progress = {
      filesDone: results.size,
      filesTotal: merged.length,
      bytesDone: 0,
      bytesTotal: toRead.reduce((sum, file) => sum + reader.bytesToHash(file), 0),
    };
    onProgress?.({ ...progress });
    const onBytes = (bytes: number) => {
      progress.bytesDone += bytes;
      onProgress?.({ ...progress });
    };
    let next = 0;
    const work = async () => {
      while (next < toRead.length) {
        const file = toRead[next++];
        results.set(file.request.path, await reader.readParts(file, { signal, onBytes }));
        progress.filesDone++;
        onProgress?.({ ...progress });
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENT_FILES, toRead.length) }, work));

    const byDocument = new Map<string, Map<string, FileEvidence>>();
    for (const [documentPath, requests] of requestsByDocument) {
      const evidence = new Map<string, FileEvidence>();
      for (const request of requests) {
        const found = results.get(request.path);
        if (found) evidence.set(request.path, found);
      }
      byDocument.set(documentPath, evidence);
    }
    return byDocument;
  }

  /** Forgets what was read of a file (or of everything below a folder) that changed on disk. */
  invalidate(absolutePath: string): void {
    const resolved = path.resolve(absolutePath);
    this.cache.invalidate(resolved);
    try {
      const real = realpathSync.native(resolved);
      if (real !== resolved) this.cache.invalidate(real);
    } catch {
      // deleted: its entry, keyed by the real path it had, fails the size/mtime check anyway
    }
  }

  /** Stops the idle hash workers; the service stays usable (workers start again on demand). */
  dispose(): void {
    this.hashes.dispose();
  }

  private readerFor(root: string): EvidenceReader {
    const key = path.resolve(root);
    let reader = this.readers.get(key);
    if (!reader) {
      reader = new EvidenceReader(key, this.cache, this.hashes);
      this.readers.set(key, reader);
    }
    return reader;
  }
}

/** One request per path, asking for everything any document asks of it. */
function oneRequestPerPath(requests: readonly EvidenceRequest[]): EvidenceRequest[] {
  const byPath = new Map<string, EvidenceRequest>();
  for (const request of requests) {
    const before = byPath.get(request.path);
    byPath.set(request.path, before ? mergeRequests(before, request) : request);
  }
  return [...byPath.values()];
}
