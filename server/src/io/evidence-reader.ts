import { promises as fs } from "node:fs";
import * as path from "node:path";
import type { EvidencePart, EvidenceRequest, FileEvidence, ReadFailure } from "../core/evidence-api";
import { describeError, errorCode, isInside } from "../node/workspace-files";
import { EvidenceCache, knows } from "./evidence-cache";
import { readCsvTable } from "./formats/csv";
import { readHdf5 } from "./formats/hdf5";
import { readOnnxSignature } from "./formats/onnx";
import { readParquetTable } from "./formats/parquet";
import { HashPool } from "./hash-pool";
import { abortError, isAbortError, toReadFailure } from "./read-failure";

type OkEvidence = Extract<FileEvidence, { status: "ok" }>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A regular file inside the workspace, found and measured but not yet read. */
export interface LocatedFile {
  readonly request: EvidenceRequest;
  /** Real path (links resolved), inside the real workspace root. */
  readonly real: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface ReadOptions {
  readonly signal?: AbortSignal;
  /** Bytes hashed since the last call. */
  readonly onBytes?: (bytes: number) => void;
}

/** Names listed from a missing file's folder, for "did you mean". */
const MAX_NEARBY = 1000;

/**
 * Reads what an EvidenceRequest asks of one file of one workspace, and nothing outside it: the
 * path is resolved with every link followed and refused when its real place is not inside the
 * real workspace root (a link leading out is reported, never opened). Only regular files are
 * opened. Every read is bounded (see formats/); results are cached by real path, size and mtime.
 */
export class EvidenceReader {
  private realRoot: Promise<string> | undefined;

  constructor(
    readonly root: string,
    private readonly cache = new EvidenceCache(),
    private readonly hashes = new HashPool(),
  ) {}

  async read(request: EvidenceRequest, options: ReadOptions = {}): Promise<FileEvidence> {
    const located = await this.locate(request);
    return "status" in located ? located : this.readParts(located, options);
  }

  /** Finds the file: final evidence when there is nothing to read (missing, a folder, refused). */
  async locate(request: EvidenceRequest): Promise<FileEvidence | LocatedFile> {
    const root = await this.resolvedRoot();
    const absolute = path.join(root, ...request.path.split("/"));
    let real: string;
    try {
      real = await fs.realpath(absolute);
    } catch (error) {
      const code = errorCode(error);
      if (code === "ENOENT" || code === "ENOTDIR") return { status: "missing", nearby: await this.nearby(root, absolute) };
      if (code === "ELOOP") return { status: "unreadable", reason: "the symbolic links on its path form a loop" };
      return { status: "unreadable", reason: describeError(error) };
    }
    if (!isInside(root, real))
      return { status: "outside-workspace", reason: `leads through a symbolic link to ${real}, outside the workspace` };
    let stats;
    try {
      stats = await fs.stat(real);
    } catch (error) {
      return { status: "unreadable", reason: describeError(error) };
    }
    if (stats.isDirectory()) return { status: "ok", kind: "folder", size: 0 };
    if (!stats.isFile()) return { status: "unreadable", reason: "it is not a regular file (a device, a pipe or a socket)" };
    return { request, real, size: stats.size, mtimeMs: stats.mtimeMs };
  }

  /** How many bytes `readParts` will hash: 0 when the digest is cached or not asked for. */
  bytesToHash(located: LocatedFile): number {
    if (!located.request.sha256) return 0;
    return knows(this.cache.get(located.real, located.size, located.mtimeMs), "sha256") ? 0 : located.size;
  }

  /** Reads the requested parts not yet cached. Rejects with an AbortError when cancelled. */
  async readParts(located: LocatedFile, options: ReadOptions = {}): Promise<FileEvidence> {
    const { request, real, size, mtimeMs } = located;
    const { signal } = options;
    const cached = this.cache.get(real, size, mtimeMs);
    const evidence: Mutable<OkEvidence> = { ...cached, status: "ok", kind: "file", size };
    const failures: Partial<Record<EvidencePart, ReadFailure>> = { ...cached?.failures };
    const attempt = async <T>(part: EvidencePart, read: () => Promise<T>): Promise<T | undefined> => {
      if (signal?.aborted) throw abortError(signal);
      try {
        const value = await read();
        delete failures[part];
        return value;
      } catch (error) {
        if (isAbortError(error)) throw error;
        failures[part] = toReadFailure(error);
        return undefined;
      }
    };

    if (request.sha256 && !knows(cached, "sha256"))
      evidence.sha256 = await attempt("sha256", () => this.hashes.hash(real, signal, options.onBytes));
    const table = request.table;
    const wantsTable = table !== undefined && cached?.table?.format !== table;
    const wantsOnnx = request.onnx && !knows(cached, "onnx");
    if (wantsTable || wantsOnnx) {
      const handle = await attempt(table ? "table" : "onnx", () => fs.open(real, "r"));
      if (handle) {
        try {
          if (wantsTable)
            evidence.table = await attempt("table", () => (table === "csv" ? readCsvTable(handle, size) : readParquetTable(handle, size)));
          if (wantsOnnx) evidence.onnx = await attempt("onnx", () => readOnnxSignature(handle, size));
        } finally {
          await handle.close();
        }
      } else if (wantsOnnx && table) {
        failures.onnx = failures.table;
      }
    }
    if (request.hdf5 && !knows(cached, "hdf5")) evidence.hdf5 = await attempt("hdf5", () => readHdf5(real));

    for (const part of ["sha256", "table", "hdf5", "onnx"] as const) if (evidence[part] === undefined) delete evidence[part];
    if (Object.keys(failures).length > 0) evidence.failures = failures;
    else delete evidence.failures;
    if (await this.unchanged(located)) this.cache.set(real, size, mtimeMs, evidence);
    return evidence;
  }

  private resolvedRoot(): Promise<string> {
    this.realRoot ??= fs.realpath(this.root);
    return this.realRoot;
  }

  /** A file that changed while it was read is not cached: its next check reads it again. */
  private async unchanged(located: LocatedFile): Promise<boolean> {
    try {
      const stats = await fs.stat(located.real);
      return stats.size === located.size && stats.mtimeMs === located.mtimeMs;
    } catch {
      return false;
    }
  }

  private async nearby(root: string, absolute: string): Promise<string[] | undefined> {
    try {
      const folder = await fs.realpath(path.dirname(absolute));
      if (!isInside(root, folder)) return undefined;
      const names: string[] = [];
      const listing = await fs.opendir(folder);
      for await (const entry of listing) {
        names.push(entry.name);
        if (names.length >= MAX_NEARBY) break;
      }
      return names;
    } catch {
      return undefined;
    }
  }
}
