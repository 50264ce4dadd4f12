import type { GenesisDocument } from "../document";
import { fileTargets } from "../evidence/targets";
import { isRecord } from "../pointer";
import { SHA256 } from "../rules/integrity";

/** A local file a document names at one position, as a submission bundle carries it. */
export interface NamedFile {
  /** Workspace-relative POSIX path (the evidence key of targets.ts). */
  readonly path: string;
  /**
   * The sha256 the document declares for it, which the bundle checks the file against before
   * taking it; absent when none is declared, or when the dataset is `live` (its files change in
   * place, so the `io` rules do not hold them to a digest either).
   */
  readonly declaredSha256?: string;
  /** Where the document names it, for messages: `/distribution/0/path`. */
  readonly pointer: string;
}

/**
 * Every local file a document names at a position that the existence rules check (data files,
 * artifacts, entrypoints, lockfiles, policies, diagrams, the audit log): the files the `io` rules
 * read, one entry per position (two positions may name one file with different digests: the
 * bundle holds the file to each). URLs, placeholders and paths that leave the workspace name no
 * local file and are left out, as `fileTargets` leaves them out.
 */
export function namedFiles(document: GenesisDocument): NamedFile[] {
  const root = isRecord(document.tree.value) ? document.tree.value : {};
  return fileTargets(document).map((target) => {
    const declared = target.item?.value.sha256;
    const holdsDigest = typeof declared === "string" && SHA256.test(declared) && root.live !== true;
    return { path: target.path, pointer: target.pointer, ...(holdsDigest ? { declaredSha256: declared } : {}) };
  });
}
