import type { GenesisDocument } from "../document";
import { isRecord } from "../pointer";
import { SHA256 } from "../rules/integrity";
import { fileTargets, type FileTarget } from "./targets";
import type { EvidenceRequest } from "./types";

export interface RequestOptions {
  /**
   * Also hash the files of the items that need a sha256 but declare no well-formed one (missing,
   * empty, a placeholder), so that "Update checksum from file" can write it. Only on an explicit
   * "Verify Files": hashing a large file nobody asked about on every open or save would be waste.
   */
  readonly hashUndeclared?: boolean;
}

/**
 * The files a document needs read for the `io` rules, and what of each. Every named local file is
 * at least looked up (existence); a file is hashed only when a well-formed sha256 is declared for
 * it (a malformed one is `integrity/checksum-format`'s, and a live dataset's files change in place)
 * or, with `hashUndeclared`, when its item needs one and has none; its schema is read only when a
 * record set describes it, and an ONNX graph only when the artifact declares a signature. Requests
 * for one path are merged. The `io` rules judge a digest only where the default requests ask for
 * one: a hash taken for the fix alone is never compared with anything. `targets` are the
 * document's `fileTargets`, for a caller that has them already.
 */
export function evidenceRequests(
  document: GenesisDocument,
  options: RequestOptions = {},
  targets: readonly FileTarget[] = fileTargets(document),
): EvidenceRequest[] {
  const root = isRecord(document.tree.value) ? document.tree.value : {};
  const described = describedSources(root);
  const byPath = new Map<string, EvidenceRequest>();
  for (const target of targets) {
    const { table, ...rest } = wants(target, root, described, options);
    const request: EvidenceRequest = { path: target.path, ...rest, ...(table ? { table } : {}) };
    const before = byPath.get(target.path);
    byPath.set(target.path, before ? mergeRequests(before, request) : request);
  }
  return [...byPath.values()];
}

/** One request for a file that two positions (or two documents) name: everything either asks. */
export function mergeRequests(a: EvidenceRequest, b: EvidenceRequest): EvidenceRequest {
  const table = a.table ?? b.table;
  return { path: a.path, sha256: a.sha256 || b.sha256, hdf5: a.hdf5 || b.hdf5, onnx: a.onnx || b.onnx, ...(table ? { table } : {}) };
}

/** Distribution ids that some record set with a field list names as its `source`. */
export function describedSources(root: Readonly<Record<string, unknown>>): Set<string> {
  const sources = new Set<string>();
  if (!Array.isArray(root.recordSets)) return sources;
  for (const recordSet of root.recordSets) {
    if (isRecord(recordSet) && typeof recordSet.source === "string" && Array.isArray(recordSet.fields)) sources.add(recordSet.source);
  }
  return sources;
}

function wants(
  target: FileTarget,
  root: Readonly<Record<string, unknown>>,
  described: ReadonlySet<string>,
  options: RequestOptions,
): Omit<EvidenceRequest, "path"> {
  const none = { sha256: false, hdf5: false, onnx: false };
  const item = target.item?.value;
  if (!item) return none;
  // A live dataset's items need no digest; every artifact here does (an OCI image names no local
  // file, so fileTargets gives none for it).
  const hash = (typeof item.sha256 === "string" && SHA256.test(item.sha256)) || options.hashUndeclared === true;
  if (target.pointer.startsWith("/distribution/")) {
    const hasSchema = typeof item.id === "string" && described.has(item.id);
    const format = item.format;
    return {
      sha256: hash && root.live !== true,
      table: hasSchema && (format === "csv" || format === "parquet") ? format : undefined,
      hdf5: hasSchema && format === "hdf5",
      onnx: false,
    };
  }
  if (target.pointer.startsWith("/artifacts/")) {
    return { sha256: hash, hdf5: false, onnx: item.format === "onnx" && isRecord(item.signature) };
  }
  return none;
}
