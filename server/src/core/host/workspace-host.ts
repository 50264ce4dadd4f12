import { DEFAULT_CONFIG, type GenesisConfig } from "../config";
import type { GenesisDocument } from "../document";
import { rootAnchor } from "../document";
import { Engine, type CheckOptions } from "../engine";
import { evidenceRequests, type RequestOptions } from "../evidence/requests";
import type { EvidenceMap, EvidenceRequest } from "../evidence/types";
import { RecentParses } from "../parse/recent-parses";
import { readinessSteps } from "../readiness/compute";
import { finish, pacer, type Steps } from "../readiness/steps";
import { lineageOf, type LineageGraph } from "../readiness/lineage";
import {
  fileListOf,
  type ReadinessDocument,
  type ReadinessInput,
  type ReadinessModel,
  type SettingsFile,
  type WorkspaceFileList,
} from "../readiness/model";
import { CONFIG_FILE_NAME } from "../kinds/recognise";
import type { Diagnostic } from "../types";
import { extractFacts, type DocumentFacts } from "../workspace/facts";
import { WorkspaceIndex } from "../workspace/workspace-index";
import { Compactor } from "./compaction";
import { HeldDocument } from "./held-document";
import type { DocumentSource, PreAnalysed } from "./pre-analysis";
import { WorkspaceAnalysis } from "./queries";

/** Which documents a question is about: every held one when absent. */
export type Selection = (path: string) => boolean;

/**
 * One workspace folder's analysis, on the pattern of rust-analyzer's AnalysisHost: the front ends
 * (the language server, the CLI, the tests) feed it texts, configuration, the facts read from the
 * files the documents name, and the folder's file list, and ask it questions. It is the one place
 * where the `type`, `ws` and `io` findings of a document are combined, where the size limit is
 * applied, and where waived findings are told apart, so that the editor, the CLI and the checklist
 * cannot disagree. Pure: no file system, no editor, no clock of its own.
 *
 * Paths are workspace-relative POSIX paths. The text of a document open in the editor wins over
 * the disk's until it is closed.
 */
export class WorkspaceHost {
  readonly engine: Engine;
  private readonly index = new WorkspaceIndex();
  private readonly held = new Map<string, HeldDocument>();
  private config: GenesisConfig = DEFAULT_CONFIG;
  private settingsFileOf?: SettingsFile;
  private files: WorkspaceFileList = fileListOf([]);
  /** False until the whole folder has been loaded: references cannot be judged before. */
  private loaded = false;
  /**
   * Each document's diagnostics (waived ones included) as last computed, until something they
   * depend on changes: its text, a document of its neighbourhood, its evidence, the configuration.
   */
  private readonly computed = new Map<string, readonly Diagnostic[]>();
  /** What was last read of the files each document names (the io rules' input). */
  private readonly evidence = new Map<string, EvidenceMap>();
  private readonly recentParses = new RecentParses();
  /** Makes what is kept of the documents that are not open smaller (see compaction.ts). */
  private readonly compactor = new Compactor();
  /** False in an untrusted workspace: the checklist's items that need other files are n/a. */
  trusted = true;
  /** Where data files are never read (`in the browser`): the checklist's items that need them are n/a. */
  dataFilesUnread: string | undefined;
  private readonly queries = new WorkspaceAnalysis(this);

  constructor(engine: Engine = new Engine()) {
    this.engine = engine;
  }

  // Changes ---------------------------------------------------------------------------------

  /**
   * A new configuration: every held document's `type` diagnostics are worked out again, lazily.
   * `file` is the configuration file's text and own findings, which the checklist counts too.
   */
  configure(config: GenesisConfig, file?: { readonly text: string; readonly diagnostics: readonly Diagnostic[] }): void {
    this.config = config;
    this.settingsFileOf = file && { path: CONFIG_FILE_NAME, text: file.text, diagnostics: file.diagnostics };
    this.computed.clear();
    for (const [path, held] of this.held) this.held.set(path, held.unchecked());
  }

  get configuration(): GenesisConfig {
    return this.config;
  }

  /**
   * Takes a text of a file from the editor (`open`) or the disk. Returns the paths whose
   * diagnostics may change, or undefined when the file is not a Genesis document (it is removed if
   * it was one). A disk text of a document open in the editor is ignored: the editor's wins.
   */
  update(path: string, source: DocumentSource, open = false): Set<string> | undefined {
    const previous = this.held.get(path);
    if (!open && previous?.open) return new Set();
    const analysis =
      typeof source !== "string"
        ? this.engine.tooLarge(path, source.head, source.bytes, this.config)
        : open && previous?.open
          ? // Being typed in: only what the keystroke touched is parsed again, when it can be.
            this.engine.analyzeChange(previous.document, { path, text: source }, this.config, { includeWaived: true })
          : this.engine.analyze({ path, text: source }, this.config, { includeWaived: true });
    if (!analysis.document) return this.remove(path);
    // The parse trees of the files that are not open are the bulk of a large workspace's memory:
    // only the recently used are kept, the others are rebuilt from the text on demand.
    const parsed = analysis.document;
    const text = typeof source === "string" ? source : parsed.text;
    if (open) {
      const facts = extractFacts(parsed);
      this.held.set(path, new HeldDocument(facts, text, analysis.diagnostics, open));
      return this.link(facts);
    }
    const facts = this.compactor.facts(extractFacts(parsed), "parsed", this.recentParses);
    this.recentParses.keep(facts, parsed);
    this.held.set(path, new HeldDocument(facts, text, this.compactor.diagnostics(analysis.diagnostics, "parsed"), open));
    return this.link(facts);
  }

  /** Takes a document analysed ahead of the host (see pre-analysis.ts), as a disk text. */
  adopt(path: string, analysed: PreAnalysed): Set<string> {
    const facts = this.compactor.facts(analysed.facts, "cloned", this.recentParses, path);
    const typeDiagnostics = analysed.typeDiagnostics && this.compactor.diagnostics(analysed.typeDiagnostics, "cloned");
    this.held.set(path, new HeldDocument(facts, facts.text, typeDiagnostics, false));
    return this.link(facts);
  }

  /** The editor closed a document: until the disk's text comes, the held text counts as the disk's. */
  markClosed(path: string): void {
    const held = this.held.get(path);
    if (held) this.held.set(path, held.with({ open: false }));
  }

  /** Returns the paths whose diagnostics may change, or undefined when nothing was held there. */
  remove(path: string): Set<string> | undefined {
    this.evidence.delete(path);
    this.computed.delete(path);
    if (!this.held.delete(path)) return undefined;
    return this.forget(this.index.delete(path));
  }

  /** The facts read from the files a document names (an empty map: read, nothing to judge). */
  setEvidence(path: string, evidence: EvidenceMap): void {
    if (!this.held.has(path)) return;
    this.evidence.set(path, evidence);
    this.computed.delete(path);
  }

  /** Every file of the folder (not only documents), for the checklist's items about files. */
  setFiles(paths: Iterable<string>): void {
    this.files = fileListOf(paths);
  }

  /** The whole folder is loaded: from now on references are judged. */
  finishLoading(): void {
    this.loaded = true;
    this.computed.clear();
  }

  get loadFinished(): boolean {
    return this.loaded;
  }

  /** The questions about places in documents: navigation, hover, completion, outline, fixes. */
  analysis(): WorkspaceAnalysis {
    return this.queries;
  }

  // Reads -----------------------------------------------------------------------------------

  get size(): number {
    return this.held.size;
  }

  paths(): IterableIterator<string> {
    return this.held.keys();
  }

  has(path: string): boolean {
    return this.held.has(path);
  }

  isOpen(path: string): boolean {
    return this.held.get(path)?.open === true;
  }

  /** The text a document's diagnostics were computed from. */
  textOf(path: string): string | undefined {
    return this.held.get(path)?.text;
  }

  /** The parsed document held for a path. */
  documentOf(path: string): GenesisDocument | undefined {
    return this.held.get(path)?.document;
  }

  factsOf(path: string): DocumentFacts | undefined {
    return this.index.get(path);
  }

  allFacts(): IterableIterator<DocumentFacts> {
    return this.index.all();
  }

  /** The index references resolve against: for the query verbs (navigation.ts, authoring.ts). */
  get workspaceIndex(): WorkspaceIndex {
    return this.index;
  }

  hasEvidence(path: string): boolean {
    return this.evidence.has(path);
  }

  evidenceOf(path: string): EvidenceMap | undefined {
    return this.evidence.get(path);
  }

  /** What the io rules of a document need read from the files it names. */
  evidenceRequests(path: string, options?: RequestOptions): EvidenceRequest[] {
    const document = this.documentOf(path);
    return document ? evidenceRequests(document, options) : [];
  }

  /** A document's diagnostics to show: its own text's, the workspace's and its files', not waived. */
  diagnostics(path: string): Diagnostic[] {
    return this.all(path).filter((d) => d.waiver === undefined);
  }

  /**
   * Every finding of a document, waived ones included: the same array until something it depends on
   * changes (so that a caller can tell by identity whether it changed).
   */
  findings(path: string): readonly Diagnostic[] {
    return this.all(path);
  }

  /** The configuration file's text and findings, when it has findings (the checklist counts them). */
  get settingsFile(): SettingsFile | undefined {
    return this.settingsFileOf;
  }

  /** A document's waived diagnostics, each with its waiver. */
  waived(path: string): Diagnostic[] {
    return this.all(path).filter((d) => d.waiver !== undefined);
  }

  /** The readiness checklist of the selected documents (all by default), judged against the whole folder. */
  readiness(selection?: Selection): ReadinessModel {
    return finish(this.readinessSteps(selection));
  }

  /**
   * The same checklist in steps (core/readiness/steps.ts), for a caller that judges a large
   * workspace in slices on a thread that also serves the editor. The host may change between
   * steps: each document is read as it is when its turn comes.
   */
  *readinessSteps(selection?: Selection): Steps<ReadinessModel> {
    return yield* readinessSteps(yield* this.readinessInputSteps(selection));
  }

  /** The lineage graph of the selected documents (all by default), resolved against the whole folder. */
  lineage(selection?: Selection): LineageGraph {
    const facts = [...this.selected(selection)].map((path) => this.index.get(path)).filter((f): f is DocumentFacts => f !== undefined);
    return lineageOf(facts, this.index);
  }

  // Internals -------------------------------------------------------------------------------

  /** Every diagnostic of a document, waived ones included: combined here and nowhere else. */
  private all(path: string): readonly Diagnostic[] {
    const known = this.computed.get(path);
    if (known) return known;
    const held = this.held.get(path);
    if (!held) return [];
    let diagnostics: readonly Diagnostic[];
    try {
      diagnostics = this.combine(path, held);
    } catch (error) {
      diagnostics = [failure(error, held)];
    }
    this.computed.set(path, diagnostics);
    return diagnostics;
  }

  private combine(path: string, held: HeldDocument): readonly Diagnostic[] {
    let typeDiagnostics = held.typeDiagnostics;
    if (typeDiagnostics === undefined) {
      typeDiagnostics = this.engine.check(held.document, this.config, { includeWaived: true });
      if (!held.open) typeDiagnostics = this.compactor.diagnostics(typeDiagnostics, "parsed");
      this.held.set(path, held.with({ typeDiagnostics }));
    }
    const others = this.others(() => held.document, this.index.get(path), this.evidence.get(path), { includeWaived: true });
    if (others.length === 0) return typeDiagnostics; // kept for every document: no copy of the same list
    return [...typeDiagnostics, ...(held.open ? others : this.compactor.diagnostics(others, "parsed"))];
  }

  /**
   * The one place where a document's findings are put together: its own text's (`type`), the
   * workspace's (`ws`, once the folder is loaded) and its files' (`io`, from `evidence`). The parse
   * tree is read through `documentOf` only when the io rules have something to judge.
   */
  combined(
    documentOf: () => GenesisDocument,
    typeDiagnostics: readonly Diagnostic[],
    facts: DocumentFacts | undefined,
    evidence: EvidenceMap | undefined,
    options: CheckOptions = {},
  ): Diagnostic[] {
    return [...typeDiagnostics, ...this.others(documentOf, facts, evidence, options)];
  }

  /** The `ws` and `io` findings of `combined`. */
  private others(
    documentOf: () => GenesisDocument,
    facts: DocumentFacts | undefined,
    evidence: EvidenceMap | undefined,
    options: CheckOptions,
  ): Diagnostic[] {
    // A document with no evidence has nothing for the io rules to judge (evidence/check.ts).
    const io = evidence && evidence.size > 0 ? this.engine.checkEvidence(documentOf(), evidence, this.config, options) : [];
    const workspace = this.loaded && facts ? this.engine.checkWorkspace(facts, this.index, this.config, options) : [];
    return io.length === 0 ? workspace : workspace.length === 0 ? io : [...workspace, ...io];
  }

  private link(facts: DocumentFacts): Set<string> {
    if (!this.loaded) {
      this.index.load(facts);
      this.computed.delete(facts.path);
      return new Set([facts.path]);
    }
    return this.forget(this.index.set(facts));
  }

  /** Drops the kept diagnostics of the documents an index change affects; returns the same set. */
  private forget(affected: Set<string>): Set<string> {
    affected.forEach((path) => this.computed.delete(path));
    return affected;
  }

  private *selected(selection?: Selection): Generator<string> {
    for (const path of this.held.keys()) if (!selection || selection(path)) yield path;
  }

  private readinessDocument(path: string): ReadinessDocument | undefined {
    const facts = this.index.get(path);
    if (!facts) return undefined;
    const all = this.all(path);
    // The list itself when nothing is waived (the usual case): the same object from one checklist
    // to the next while the document does not change, so that its reading is kept (ReadinessDoc).
    if (!all.some((d) => d.waiver !== undefined)) return { facts, diagnostics: all, evidenceChecked: this.evidence.has(path) };
    const diagnostics = all.filter((d) => d.waiver === undefined);
    const waived = all.filter((d) => d.waiver !== undefined);
    return { facts, diagnostics, waived, evidenceChecked: this.evidence.has(path) };
  }

  /** What the checklist of the selected documents is computed from (for tests and tools that look inside). */
  readinessInput(selection?: Selection): ReadinessInput {
    return finish(this.readinessInputSteps(selection));
  }

  private *readinessInputSteps(selection?: Selection): Steps<ReadinessInput> {
    const documents: ReadinessDocument[] = [];
    const pause = pacer();
    for (const path of this.selected(selection)) {
      // A document's findings may have to be combined afresh (after a change of configuration).
      if (pause()) yield;
      const document = this.readinessDocument(path);
      if (document) documents.push(document);
    }
    return this.inputOf(documents);
  }

  private inputOf(documents: readonly ReadinessDocument[]): ReadinessInput {
    const settings = this.settingsFileOf;
    return {
      documents,
      files: this.files,
      trusted: this.trusted,
      ...(this.dataFilesUnread ? { dataFilesUnread: this.dataFilesUnread } : {}),
      index: this.index,
      config: this.config,
      ...(settings ? { settings } : {}),
    };
  }
}

/** A check that threw on a document (a bug in this tool): one diagnostic there, the others go on. */
function failure(error: unknown, held: HeldDocument): Diagnostic {
  let span = { start: 0, end: 0 };
  try {
    span = rootAnchor(held.document);
  } catch {
    // The document itself cannot be read: the start of the file.
  }
  return {
    rule: "internal/rule-error",
    severity: "error",
    message:
      `Genesis Readiness could not check this document (${error instanceof Error ? error.message : String(error)}). ` +
      "Please report this.",
    span,
    pointer: "",
  };
}
