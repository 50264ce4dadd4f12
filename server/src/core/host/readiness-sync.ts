import type { GenesisConfig } from "../config";
import type { SettingsFile } from "../readiness/model";
import type { Diagnostic } from "../types";
import type { DocumentFacts } from "../workspace/facts";
import type { MirroredDocument, ReadinessSync } from "./readiness-mirror";
import { portableFacts } from "./with-document";
import type { WorkspaceHost } from "./workspace-host";

/** Documents per sync message: small enough that building one holds the thread for a few milliseconds. */
export const SYNC_BATCH = 250;

/**
 * Awaited between batches of work: resolves at once while the caller's time slice lasts, and after
 * a turn of the event loop once it is used up (undefined: go on).
 */
export type Slicer = () => Promise<void> | undefined;

interface Sent {
  readonly facts: DocumentFacts;
  readonly findings: readonly Diagnostic[];
  readonly evidenceChecked: boolean;
}

/**
 * What a readiness mirror (readiness-mirror.ts) of one host has been told, and the syncs that bring
 * it up to date: only the documents whose facts or findings changed since (told apart by identity:
 * the host makes new facts for a new text, and new findings when anything they depend on changed).
 */
export class ReadinessSyncSource {
  private readonly sent = new Map<string, Sent>();
  private files?: readonly string[];
  private trusted?: boolean;
  private dataFilesUnread?: string | null;
  private config?: GenesisConfig;
  private settings?: SettingsFile | null;

  constructor(private readonly host: WorkspaceHost) {}

  /**
   * The syncs that bring the mirror to the host's current state, in batches of SYNC_BATCH
   * documents; `slice` is awaited between documents. Each batch must be applied in order.
   */
  async *syncs(files: readonly string[], slice: Slicer): AsyncGenerator<ReadinessSync> {
    const { host } = this;
    let documents: MirroredDocument[] = [];
    let removed: string[] = [];
    for (const path of host.paths()) {
      const pause = slice();
      if (pause) await pause;
      // The document may have gone while this waited.
      const facts = host.factsOf(path);
      if (!facts) continue;
      const findings = host.findings(path);
      const evidenceChecked = host.hasEvidence(path);
      const before = this.sent.get(path);
      if (before && before.facts === facts && before.findings === findings && before.evidenceChecked === evidenceChecked) continue;
      this.sent.set(path, { facts, findings, evidenceChecked });
      // A `__proto__` key would not survive the structured clone to a worker: the mirror parses such a text itself.
      const portable = facts.text.includes("__proto__") ? {} : { facts: portableFacts(facts) };
      documents.push({ path, text: facts.text, ...portable, findings, evidenceChecked });
      if (documents.length >= SYNC_BATCH) {
        yield { documents, removed };
        documents = [];
        removed = [];
      }
    }
    for (const path of this.sent.keys()) {
      if (host.factsOf(path)) continue;
      this.sent.delete(path);
      removed.push(path);
    }
    yield { documents, removed, ...this.folderChanges(files) };
  }

  /** The folder's files, trust, configuration and configuration file, where they changed. */
  private folderChanges(files: readonly string[]): Partial<ReadinessSync> {
    const changes: { -readonly [K in keyof ReadinessSync]?: ReadinessSync[K] } = {};
    const { host } = this;
    if (this.files !== files) changes.files = this.files = files;
    if (this.trusted !== host.trusted) changes.trusted = this.trusted = host.trusted;
    const unread = host.dataFilesUnread ?? null;
    if (this.dataFilesUnread !== unread) changes.dataFilesUnread = this.dataFilesUnread = unread;
    if (this.config !== host.configuration) changes.config = this.config = host.configuration;
    const settings = host.settingsFile ?? null;
    if (this.settings !== settings) changes.settings = this.settings = settings;
    return changes;
  }
}
