import type { EvidencePart, FileEvidence } from "../core/evidence-api";

type OkEvidence = Extract<FileEvidence, { status: "ok" }>;

interface Entry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly evidence: OkEvidence;
}

/**
 * What was read of each file, keyed by real path and valid while the file's size and mtime are
 * unchanged (docs/rules.md: io results are cached by file size and mtime). A later request that wants more
 * parts of a file reads only the parts not yet known. Bounded: the oldest entries go first.
 */
export class EvidenceCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 5000) {}

  /** The parts known for this file version, or undefined. */
  get(realPath: string, size: number, mtimeMs: number): OkEvidence | undefined {
    const entry = this.entries.get(realPath);
    if (!entry) return undefined;
    if (entry.size !== size || entry.mtimeMs !== mtimeMs) {
      this.entries.delete(realPath);
      return undefined;
    }
    return entry.evidence;
  }

  set(realPath: string, size: number, mtimeMs: number, evidence: OkEvidence): void {
    this.entries.delete(realPath);
    this.entries.set(realPath, { size, mtimeMs, evidence });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Forgets a file, or every file below a folder (a deleted or renamed folder). */
  invalidate(realPath: string): void {
    const below = realPath.endsWith("/") || realPath.endsWith("\\") ? realPath : `${realPath}/`;
    for (const key of [...this.entries.keys()])
      if (key === realPath || key.startsWith(below) || key.startsWith(`${realPath}\\`)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Whether cached evidence already answers a part (read, or failed for a reason that will not change). */
export function knows(evidence: OkEvidence | undefined, part: EvidencePart): boolean {
  if (!evidence) return false;
  if (evidence.failures?.[part]) return evidence.failures[part]!.kind !== "unreadable";
  return evidence[part] !== undefined;
}
