import { DEFAULT_CONFIG, type GenesisConfig } from "../config";
import { RecentParses } from "../parse/recent-parses";
import { computeReadiness } from "../readiness/compute";
import { fileListOf, type ReadinessDocument, type ReadinessModel, type SettingsFile, type WorkspaceFileList } from "../readiness/model";
import type { Diagnostic } from "../types";
import { extractFacts, type DocumentFacts } from "../workspace/facts";
import { WorkspaceIndex } from "../workspace/workspace-index";
import type { PortableFacts } from "./pre-analysis";
import { withDocument } from "./with-document";

/**
 * What a readiness mirror is told about a folder since it was last told: plain data (it crosses to
 * a worker thread), the documents whose facts or findings changed, those removed, and the folder's
 * files, trust, configuration and configuration file when they changed.
 */
export interface ReadinessSync {
  readonly documents: readonly MirroredDocument[];
  readonly removed: readonly string[];
  readonly files?: readonly string[];
  readonly trusted?: boolean;
  /** Where data files are never read (WorkspaceHost.dataFilesUnread); null once they are read again. */
  readonly dataFilesUnread?: string | null;
  readonly config?: GenesisConfig;
  /** The configuration file with its findings; null when it has none any more. */
  readonly settings?: SettingsFile | null;
}

export interface MirroredDocument {
  readonly path: string;
  /**
   * The document's facts; absent when they would not cross to another thread as the same value (a
   * mapping key `__proto__`): the mirror then reads them from `text`, as the host did.
   */
  readonly facts?: PortableFacts;
  readonly text: string;
  /** Every finding of the document, waived ones included (each with its `waiver`). */
  readonly findings: readonly Diagnostic[];
  readonly evidenceChecked: boolean;
}

/**
 * A copy of what a folder's readiness checklist is computed from, kept up to date by syncs, so that
 * the checklist can be computed away from the host (in a worker thread, off the editor's thread).
 * It computes the same model as the host does from the same facts and findings: the documents are
 * judged in path order, and references resolve against an index of the same documents.
 */
export class ReadinessMirror {
  private readonly documents = new Map<string, ReadinessDocument>();
  private readonly index = new WorkspaceIndex();
  private readonly parses = new RecentParses();
  private files: WorkspaceFileList = fileListOf([]);
  private trusted = true;
  private dataFilesUnread?: string;
  private config: GenesisConfig = DEFAULT_CONFIG;
  private settings?: SettingsFile;

  apply(sync: ReadinessSync): void {
    for (const path of sync.removed) {
      if (this.documents.delete(path)) this.index.delete(path);
    }
    for (const mirrored of sync.documents) {
      const { path, text } = mirrored;
      const load = this.parses.reparsing({ path, text });
      const facts: DocumentFacts = withDocument(mirrored.facts ?? extractFacts(load()), load);
      const waived = mirrored.findings.filter((d) => d.waiver !== undefined);
      const diagnostics = waived.length ? mirrored.findings.filter((d) => d.waiver === undefined) : mirrored.findings;
      this.documents.set(path, { facts, diagnostics, ...(waived.length ? { waived } : {}), evidenceChecked: mirrored.evidenceChecked });
      // `load`, not `set`: the mirror needs no list of what a change affects (its findings come synced),
      // and working that out for every document of a first sync is quadratic (minutes at 10,000 documents).
      this.index.load(facts);
    }
    if (sync.files) this.files = fileListOf(sync.files);
    if (sync.trusted !== undefined) this.trusted = sync.trusted;
    if (sync.dataFilesUnread !== undefined) this.dataFilesUnread = sync.dataFilesUnread ?? undefined;
    if (sync.config) this.config = sync.config;
    if (sync.settings !== undefined) this.settings = sync.settings ?? undefined;
  }

  get size(): number {
    return this.documents.size;
  }

  readiness(): ReadinessModel {
    const settings = this.settings;
    return computeReadiness({
      documents: [...this.documents.values()],
      files: this.files,
      trusted: this.trusted,
      ...(this.dataFilesUnread ? { dataFilesUnread: this.dataFilesUnread } : {}),
      index: this.index,
      config: this.config,
      ...(settings ? { settings } : {}),
    });
  }
}
