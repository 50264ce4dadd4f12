import type { GenesisConfig } from "../core/config";
import type { GenesisDocument } from "../core/document";
import type { Engine } from "../core/engine";
import type { EvidenceMap } from "../core/evidence/types";
import type { Diagnostic } from "../core/types";
import { extractFacts, type DocumentFacts } from "../core/workspace/facts";
import { WorkspaceIndex } from "../core/workspace/index";
import { RecentParses } from "../core/parse/recent-parses";

/** One Genesis document as the server holds it: parsed once per text version. */
export class HeldDocument {
  constructor(
    private readonly load: () => GenesisDocument,
    readonly text: string,
    /** Diagnostics of the `type` rules, for this text and configuration. */
    readonly typeDiagnostics: readonly Diagnostic[],
    /** True while the editor has the file open: its text then wins over the disk. */
    readonly open: boolean,
  ) {}

  /**
   * The parsed document. For a document that is not open it may be parsed again from its text on
   * each read, so callers that need only the text read `text`.
   */
  get document(): GenesisDocument {
    return this.load();
  }

  with(changes: { typeDiagnostics?: readonly Diagnostic[]; open?: boolean }): HeldDocument {
    return new HeldDocument(this.load, this.text, changes.typeDiagnostics ?? this.typeDiagnostics, changes.open ?? this.open);
  }
}

/**
 * The documents of one workspace folder and their index. Paths are relative to the folder. The
 * open text of a document replaces the disk's until it is closed.
 */
export class FolderState {
  readonly index = new WorkspaceIndex();
  private readonly held = new Map<string, HeldDocument>();
  /** False until the first scan of the folder has finished: references cannot be judged before. */
  private scanFinished = false;
  /**
   * Each document's diagnostics as last computed, until something they depend on changes (its
   * text, a document of its neighbourhood, its files, the configuration): publishing and the
   * readiness model share them instead of re-running the rules of thousands of documents.
   */
  private readonly computed = new Map<string, Diagnostic[]>();
  /**
   * What was last read of the files each document names (the `io` rules' input). The diagnostics
   * are derived from it and the document's current parse at each publish, so typing never reads a
   * file and the ranges stay right.
   */
  private readonly evidence = new Map<string, EvidenceMap>();
  private readonly recentParses = new RecentParses();

  constructor(
    readonly root: string,
    private readonly engine: Engine,
  ) {}

  get scanned(): boolean {
    return this.scanFinished;
  }

  set scanned(value: boolean) {
    this.scanFinished = value;
    this.computed.clear();
  }

  get(path: string): HeldDocument | undefined {
    return this.held.get(path);
  }

  paths(): IterableIterator<string> {
    return this.held.keys();
  }

  isOpen(path: string): boolean {
    return this.held.get(path)?.open === true;
  }

  /**
   * Takes a new text of a file; returns the paths whose workspace diagnostics may change, or
   * undefined when the file is not a Genesis document (and removes it if it was one).
   */
  update(path: string, text: string, open: boolean, config: GenesisConfig, bulk = false): Set<string> | undefined {
    const previous = this.held.get(path);
    // An open document being typed in: re-parse only what the keystroke touched, when it can.
    const analysis = open && previous?.open ? this.engine.analyzeChange(previous.document, { path, text }, config) : this.engine.analyze({ path, text }, config);
    if (!analysis.document) return this.remove(path);
    // The parse trees of the files that are not open are the bulk of a large workspace's memory;
    // only the recently used are kept, the others are rebuilt from the text on demand.
    const document = open ? held(analysis.document) : this.recentParses.holder(analysis.document);
    this.held.set(path, new HeldDocument(document, text, analysis.diagnostics, open));
    const facts = withDocument(extractFacts(analysis.document), document);
    if (bulk) {
      this.index.load(facts);
      this.computed.delete(path);
      return new Set([path]);
    }
    return this.forget(this.index.set(facts));
  }

  /** Marks a document closed without changing its text (the caller re-reads the disk). */
  markClosed(path: string): void {
    const held = this.held.get(path);
    if (held) this.held.set(path, held.with({ open: false }));
  }

  setEvidence(path: string, evidence: EvidenceMap): void {
    if (!this.held.has(path)) return;
    this.evidence.set(path, evidence);
    this.computed.delete(path);
  }

  /** Whether the files a document names have been read since it was loaded. */
  hasEvidence(path: string): boolean {
    return this.evidence.has(path);
  }

  /** The facts last read from the files a document names, for the fixes that write them. */
  evidenceOf(path: string): EvidenceMap | undefined {
    return this.evidence.get(path);
  }

  remove(path: string): Set<string> | undefined {
    this.evidence.delete(path);
    this.computed.delete(path);
    if (!this.held.delete(path)) return undefined;
    return this.forget(this.index.delete(path));
  }

  /** Re-applies a changed configuration to every held document, without parsing again. */
  reconfigure(config: GenesisConfig): void {
    this.computed.clear();
    for (const [path, held] of this.held) {
      this.held.set(path, held.with({ typeDiagnostics: this.engine.check(held.document, config) }));
    }
  }

  /** Every diagnostic of a document: its own text's, then the workspace's. */
  diagnostics(path: string, config: GenesisConfig): Diagnostic[] {
    const known = this.computed.get(path);
    if (known) return known;
    const computed = this.computeDiagnostics(path, config);
    if (this.held.has(path)) this.computed.set(path, computed);
    return computed;
  }

  /** Drops the kept diagnostics of the documents an index change affects; returns the same set. */
  private forget(affected: Set<string>): Set<string> {
    affected.forEach((path) => this.computed.delete(path));
    return affected;
  }

  private computeDiagnostics(path: string, config: GenesisConfig): Diagnostic[] {
    const held = this.held.get(path);
    if (!held) return [];
    const evidence = this.evidence.get(path);
    const io = evidence ? this.engine.checkEvidence(held.document, evidence, config) : [];
    const facts = this.index.get(path);
    if (!this.scanned || !facts) return [...held.typeDiagnostics, ...io];
    return [...held.typeDiagnostics, ...this.engine.checkWorkspace(facts, this.index, config), ...io];
  }
}

/** A getter for a parsed document that is kept (an open document's). */
function held(parsed: GenesisDocument): () => GenesisDocument {
  return () => parsed;
}

/** The facts with their `document` read through `load`. */
function withDocument(facts: DocumentFacts, load: () => GenesisDocument): DocumentFacts {
  const { document: _document, ...rest } = facts;
  return Object.defineProperty(rest, "document", { get: load, enumerable: true }) as DocumentFacts;
}
