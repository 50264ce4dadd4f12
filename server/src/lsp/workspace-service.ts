import type { Connection, Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { GenesisConfig } from "../core/index";
import { LineIndex, maxDocumentBytes, WorkspaceHost, type DocumentSource, type Engine } from "../core/index";
import { INDEXED_NOTIFICATION, type IndexedParams } from "../protocol";
import { configFileOf, type ConfigStore, type LoadedConfig } from "./config-store";
import { toLspDiagnostic } from "./convert";
import type { WorkspaceFileAccess } from "./file-access";
import { Folder } from "./folder";
import { IN_THREAD, type AnalyserFor } from "./parse-pool";
import type { WorkspaceFolders } from "./paths";
import type { WorkScheduler } from "./scheduler";
import type { SettingsStore } from "./settings";
import { sameData } from "./same-data";
import { scanFolder, type ScanProgress } from "./workspace-scan";

/** Publishes waiting in the connection's writer beyond which background work waits. */
const WRITER_BACKLOG = 16;

/** File extensions for documents that have no file name yet, by language id. */
const UNTITLED_EXTENSION: Record<string, string> = { yaml: ".yaml", json: ".json", markdown: ".md" };

/**
 * What changed in a folder: the documents whose diagnostics may differ now (none listed: the
 * whole folder, after a scan), and whether it came from the disk (so other files may have changed).
 */
export interface FolderChange {
  readonly state: Folder;
  readonly paths: readonly string[];
  readonly disk: boolean;
}

export interface DocumentPlace {
  readonly state: Folder;
  readonly path: string;
  readonly uri: string;
}

/**
 * Keeps every workspace folder's Genesis documents, from the editor and the disk, and publishes
 * their diagnostics: an edit re-checks the edited document first, then only the documents whose
 * workspace diagnostics it can change. Edits run as the scheduler's edits; every other publish (the
 * fan-out of an edit, a scan, a disk change) is its background work, in short slices that give way
 * to the next keystroke (scheduler.ts).
 */
export class WorkspaceService {
  private readonly states = new Map<string, Folder>();
  private readonly published = new Set<string>();
  /**
   * What was last sent for each open document (its version and diagnostics): a later check that
   * finds the same (evidence arriving after the first check, say) sends nothing, so the editor
   * does not redraw for nothing.
   */
  private readonly lastSent = new Map<string, { readonly version: number; readonly diagnostics: readonly LspDiagnostic[] }>();
  private readonly changeListeners = new Set<(change: FolderChange) => void>();
  /** The URI of each document outside every folder (untitled ones), by the path it is held under. */
  private readonly rootlessUris = new Map<string, string>();
  /** Diagnostics handed to the connection and not written yet (its writer sends one per turn of the event loop). */
  private unwritten = 0;
  /** The folders whose scan is under way. */
  private readonly scanning = new Set<Folder>();
  /** False in an untrusted workspace: no file is read but the open documents (see protocol.ts). */
  trusted = true;
  /** Where data files are never read (ServerPlatform.dataFilesUnread); every folder's host is told. */
  dataFilesUnread: string | undefined;
  /** Who parses a scanned folder's files (ServerPlatform.analyserFor): this thread unless the platform has workers. */
  analyserFor: AnalyserFor = IN_THREAD;

  constructor(
    private readonly connection: Connection,
    readonly engine: Engine,
    private readonly folders: WorkspaceFolders,
    private readonly configs: ConfigStore,
    private readonly settings: SettingsStore,
    private readonly openDocument: (uri: string) => TextDocument | undefined,
    private readonly progress: () => Promise<ScanProgress>,
    readonly files: WorkspaceFileAccess,
    private readonly scheduler: WorkScheduler,
  ) {}

  /** The folder state and relative path of a document URI (untitled files get a name from their language). */
  placeOf(uri: string, languageId?: string): DocumentPlace {
    const place = this.folders.place(uri);
    const relativePath =
      place.relativePath.includes(".") || !languageId ? place.relativePath : `${place.relativePath}${UNTITLED_EXTENSION[languageId] ?? ""}`;
    if (!place.root) this.rootlessUris.set(relativePath, uri);
    return { state: this.stateOf(place.root), path: relativePath, uri };
  }

  /** Tells `listener` whenever diagnostics of a folder may have changed (the readiness model listens). */
  onDiagnosticsChanged(listener: (change: FolderChange) => void): { dispose(): void } {
    this.changeListeners.add(listener);
    return { dispose: () => void this.changeListeners.delete(listener) };
  }

  private changed(state: Folder, paths: readonly string[], disk: boolean): void {
    for (const listener of this.changeListeners) listener({ state, paths, disk });
  }

  /** True while any folder is being scanned (its documents change with every batch). */
  get scanInProgress(): boolean {
    return this.scanning.size > 0;
  }

  /** Every folder state, for navigation across the workspace. */
  allStates(): IterableIterator<Folder> {
    return this.states.values();
  }

  uriOf(state: Folder, relativePath: string): string {
    return state.root ? this.files.uriOf(state.root, relativePath) : (this.rootlessUris.get(relativePath) ?? relativePath);
  }

  /** (Re)scans every workspace folder: at start, when folders change and when a config changes. */
  async scanAll(): Promise<void> {
    if (!this.trusted) return;
    for (const root of this.folders.all) await this.scan(root);
  }

  async scan(root: string): Promise<void> {
    const started = Date.now();
    const loaded = await this.configs.get(root);
    const { config } = loaded;
    const fresh = this.newFolder(root, loaded);
    const previous = this.states.get(root);
    this.states.set(root, fresh);
    // Open documents keep their editor text.
    for (const openPath of previous ? [...previous.host.paths()].filter((p) => previous.host.isOpen(p)) : []) {
      const document = this.openDocument(this.uriOf(fresh, openPath));
      if (document) fresh.host.update(openPath, document.getText(), true);
    }
    const excluded = await this.excludeGlobs(root);
    this.scanning.add(fresh);
    try {
      await scanFolder(fresh, this.files, config, excluded, await this.progress(), this.analyserFor);
    } finally {
      this.scanning.delete(fresh);
    }
    if (this.states.get(root) !== fresh) return; // a newer scan replaced this one
    fresh.host.finishLoading();
    const stale = [...this.published].filter((uri) => this.folders.place(uri).root === root && !fresh.host.has(this.placeOf(uri).path));
    stale.forEach((uri) => this.clear(uri));
    await this.publishMany(fresh, [...fresh.host.paths()]);
    this.changed(fresh, [], true);
    const indexed: IndexedParams = { folder: this.files.folderUri(root), documents: fresh.host.size, milliseconds: Date.now() - started };
    void this.connection.sendNotification(INDEXED_NOTIFICATION, indexed);
  }

  /**
   * The editor's text of a document changed (or it was opened). Run as the scheduler's edit of the
   * document: it publishes the document itself and queues the fan-out, without waiting for it.
   */
  async editorChanged(document: TextDocument): Promise<void> {
    const place = this.placeOf(document.uri, document.languageId);
    await this.configured(place.state);
    const affected = place.state.host.update(place.path, document.getText(), true);
    if (!affected) {
      this.changed(place.state, [place.path], false);
      this.clear(document.uri);
      return;
    }
    await this.publish(place.state, place.path);
    affected.delete(place.path);
    void this.publishMany(place.state, [...affected]);
  }

  /** The editor closed a document: the disk's text applies again. */
  async editorClosed(uri: string): Promise<void> {
    const place = this.placeOf(uri);
    const { host } = place.state;
    if (!host.has(place.path)) return this.clear(uri);
    host.markClosed(place.path);
    await this.configured(place.state);
    const fromDisk = await this.readDisk(place.state.root, place.path, host.configuration);
    const affected = fromDisk === undefined ? host.remove(place.path) : host.update(place.path, fromDisk);
    this.changed(place.state, [place.path], true);
    if (!host.loadFinished || !(await this.settings.get(uri)).validateWorkspace || fromDisk === undefined) this.clear(uri);
    if (affected) await this.publishMany(place.state, [...affected]);
  }

  /** A file changed on disk (created, changed or deleted); open documents keep their editor text. */
  async diskChanged(uri: string, deleted: boolean): Promise<void> {
    if (!this.trusted) return;
    const place = this.placeOf(uri);
    const { host } = place.state;
    this.changed(place.state, [place.path], true);
    if (!host.loadFinished || host.isOpen(place.path)) return;
    await this.configured(place.state);
    const text = deleted ? undefined : await this.readDisk(place.state.root, place.path, host.configuration);
    const affected = text === undefined ? host.remove(place.path) : host.update(place.path, text);
    if (text === undefined) this.clear(uri);
    if (affected) await this.publishMany(place.state, [...affected]);
  }

  /** The configuration of a folder changed: its ignore globs may change which files count, so rescan. */
  async configChanged(root: string): Promise<void> {
    if (this.trusted && this.folders.all.includes(root)) await this.scan(root);
    else {
      const state = this.states.get(root);
      if (!state) return;
      await this.configured(state);
      await this.publishMany(state, [...state.host.paths()]);
    }
  }

  /** Publishes again everything held (after a settings change). */
  async republishAll(): Promise<void> {
    for (const state of this.states.values()) await this.publishMany(state, [...state.host.paths()]);
  }

  private stateOf(root: string): Folder {
    let state = this.states.get(root);
    if (!state) {
      state = this.newFolder(root);
      this.states.set(root, state);
    }
    return state;
  }

  private newFolder(root: string, loaded?: LoadedConfig): Folder {
    const host = new WorkspaceHost(this.engine);
    host.trusted = this.trusted;
    host.dataFilesUnread = this.dataFilesUnread;
    if (loaded) host.configure(loaded.config, configFileOf(loaded));
    return new Folder(root, host);
  }

  /** Gives the folder's host the folder's current configuration, if it does not have it yet. */
  private async configured(state: Folder): Promise<GenesisConfig> {
    const loaded = await this.configs.get(state.root);
    if (state.host.configuration !== loaded.config) state.host.configure(loaded.config, configFileOf(loaded));
    return loaded.config;
  }

  /** Publishes the diagnostics of these documents again (after their files were read). */
  publishPaths(state: Folder, paths: readonly string[]): Promise<void> {
    return this.publishMany(state, paths);
  }

  /** Queues the publishes as background work: resolves once each has been sent or superseded. */
  private publishMany(state: Folder, paths: readonly string[]): Promise<void> {
    return this.scheduler.backgroundAll(paths.map((p) => [this.uriOf(state, p), () => this.publish(state, p)] as const));
  }

  private async publish(state: Folder, relativePath: string): Promise<void> {
    this.changed(state, [relativePath], false);
    const uri = this.uriOf(state, relativePath);
    const { host } = state;
    const text = host.textOf(relativePath);
    if (text === undefined) return this.clear(uri);
    const isOpen = host.isOpen(relativePath);
    // Settings of a document that is not open are the folder's: one request per folder, not per file.
    const settings = await this.settings.get(isOpen || !state.root ? uri : this.files.folderUri(state.root));
    if (!settings.enable || (!isOpen && !settings.validateWorkspace)) return this.clear(uri);
    await this.configured(state);
    // The awaits above let other changes in. The change that replaced or removed this document
    // publishes (or clears) it itself; publishing here too would send it twice.
    if (host.textOf(relativePath) !== text || host.isOpen(relativePath) !== isOpen) return;
    const diagnostics = host.diagnostics(relativePath);
    const open = isOpen ? this.openDocument(uri) : undefined;
    // The editor's text is newer than what was checked (a change is waiting for its turn, and will
    // publish): publishing now would label the old diagnostics with the new version.
    if (open && open.getText() !== text) return;
    // A clean file that is not open and never had diagnostics needs no message.
    if (!open && diagnostics.length === 0 && !this.published.has(uri)) return;
    const positions = open ?? new LineIndex(text);
    const sent = diagnostics.map((d) => toLspDiagnostic(positions, d));
    if (open) {
      // Compared only for the same version: a keystroke's publish (a new version) costs nothing here.
      const last = this.lastSent.get(uri);
      if (last && last.version === open.version && this.published.has(uri) && sameData(last.diagnostics, sent)) return;
      this.lastSent.set(uri, { version: open.version, diagnostics: sent });
    } else {
      this.lastSent.delete(uri);
    }
    this.published.add(uri);
    this.send({ uri, version: open?.version, diagnostics: sent });
  }

  /**
   * True while enough publishes wait in the connection's writer: background work then waits, so
   * that the next keystroke's publish is not queued behind a whole fan-out (scheduler.ts).
   */
  get congested(): boolean {
    return this.unwritten >= WRITER_BACKLOG;
  }

  private send(params: { uri: string; version?: number; diagnostics: LspDiagnostic[] }): void {
    this.unwritten++;
    void this.connection.sendDiagnostics(params).finally(() => this.unwritten--);
  }

  clear(uri: string): void {
    this.lastSent.delete(uri);
    if (!this.published.delete(uri)) return;
    this.send({ uri, diagnostics: [] });
  }

  /** The disk's text of a file: whole, or above the configuration's size limit its head and size. */
  private async readDisk(root: string, relativePath: string, config: GenesisConfig): Promise<DocumentSource | undefined> {
    if (!root || !this.trusted) return undefined;
    try {
      return await this.files.read(root, relativePath, maxDocumentBytes(config));
    } catch {
      return undefined;
    }
  }

  /** VS Code's `files.exclude` globs of a folder (those set to true). */
  private async excludeGlobs(root: string): Promise<string[]> {
    const exclude = await this.settings.filesExclude(this.files.folderUri(root));
    return Object.entries(exclude)
      .filter(([, on]) => on === true)
      .map(([glob]) => glob);
  }
}
