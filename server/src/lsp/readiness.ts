import type { Connection } from "vscode-languageserver";
import {
  finishInSlices,
  formatReadiness,
  ignoreMatcher,
  mergeLineage,
  mergeReadiness,
  WorkspaceHost,
  type GenesisConfig,
  type ReadinessModel,
  type ReportFormat,
  type Slicer,
} from "../core/index";
import {
  READINESS_CHANGED_NOTIFICATION,
  READINESS_REQUEST,
  REPORT_REQUEST,
  type ReadinessChangedParams,
  type ReadinessParams,
  type ReportParams,
  type ReportResult,
} from "../protocol";
import { configFileOf, type ConfigStore } from "./config-store";
import type { WorkspaceFileAccess } from "./file-access";
import type { Folder } from "./folder";
import type { WorkspaceFolders } from "./paths";
import { timeSlicer } from "./scheduler";
import type { FolderChange, WorkspaceService } from "./workspace-service";

/**
 * Quiet time after the last diagnostics change before the model is recomputed and announced: long
 * enough that a burst of typing never pays for it.
 */
export const READINESS_DEBOUNCE_MS = 1000;

export interface ReadinessDependencies {
  readonly workspace: WorkspaceService;
  readonly configs: ConfigStore;
  readonly folders: WorkspaceFolders;
  /** A short fingerprint of a model's JSON (ServerPlatform.fingerprint). */
  readonly fingerprint: (text: string) => string;
  /**
   * The slices the checklist is judged in on the server's thread (WorkScheduler.slicer: giving way
   * to every edit); by default, slices of the event loop.
   */
  readonly slicer?: () => Slicer;
}

/**
 * `genesis/readiness`, `genesis/report` and `genesis/readinessChanged` (protocol.ts): the readiness
 * checklist of each workspace folder, recomputed only when its inputs change: a document's
 * diagnostics, or the folder's files (any file event the client's watcher reports to the server).
 */
export function registerReadiness(connection: Connection, dependencies: ReadinessDependencies): { dispose(): void } {
  const tracker = new ReadinessTracker(
    dependencies,
    (params) => void connection.sendNotification(READINESS_CHANGED_NOTIFICATION, params),
    (message) => connection.console.error(message),
  );
  dependencies.workspace.onDiagnosticsChanged((change) => tracker.changed(change));
  connection.onRequest(READINESS_REQUEST, (params: ReadinessParams | undefined) => tracker.model(params?.folder));
  connection.onRequest(REPORT_REQUEST, (params: ReportParams) => tracker.report(params.format, params.folder));
  return tracker;
}

/** What is kept of one folder between changes (the host keeps each document's diagnostics). */
interface FolderReadiness {
  /** The folder's files (workspace paths); undefined until listed and after the disk changed. */
  files?: Promise<readonly string[]>;
  model?: ReadinessModel;
  /** Bumped by every change; a model computed from an older generation is stale. */
  generation: number;
  computedGeneration: number;
  /** The computation under way, and the generation it started from: callers meanwhile share it. */
  computing?: { readonly generation: number; readonly model: Promise<ReadinessModel> };
}

export class ReadinessTracker {
  private readonly entries = new WeakMap<Folder, FolderReadiness>();
  /** The JSON of the model last announced per folder root, so that only real changes are announced. */
  private readonly announced = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly dependencies: ReadinessDependencies,
    private readonly announce: (params: ReadinessChangedParams) => void,
    private readonly logError: (message: string) => void,
  ) {}

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  changed(change: FolderChange): void {
    const entry = this.entryOf(change.state);
    if (change.disk) entry.files = undefined;
    entry.generation++;
    this.schedule();
  }

  /** The model of one folder (its URI), or of every workspace folder merged. */
  async model(folder?: string): Promise<ReadinessModel> {
    const parts = await this.parts(folder);
    return mergeReadiness(parts.map(({ name, model }) => ({ name, model })));
  }

  async report(format: ReportFormat, folder?: string): Promise<ReportResult> {
    // The report is a file for others to read: the same as the CLI's for the same evidence, so
    // without the URIs (local paths) the sidebar needs.
    const parts = (await this.parts(folder)).map((part) => ({ ...part, model: withoutUris(part.model) }));
    const model = mergeReadiness(parts);
    const lineage = mergeLineage(
      parts.map(({ name, state }) => ({ name, lineage: state ? state.host.lineage() : { nodes: [], edges: [] } })),
    );
    const root = parts.map((p) => p.name).join(", ") || "workspace";
    const text = formatReadiness({ root, generatedAt: new Date().toISOString(), model, lineage }, format);
    const slug =
      root
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "workspace";
    return { text, fileName: `genesis-readiness-${slug}.${EXTENSION[format]}` };
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error) =>
        this.logError(`Computing readiness failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      );
    }, READINESS_DEBOUNCE_MS);
    this.timer.unref?.();
  }

  /** Recomputes the stale models and announces those that differ from the last announced. */
  private async flush(): Promise<void> {
    // A folder still being scanned changes with every batch: its checklist waits for the end of the scan.
    if (this.dependencies.workspace.scanInProgress) return this.schedule();
    const parts = await this.parts(undefined);
    const changed: string[] = [];
    for (const { root, state, model } of parts) {
      // A change came while the model was judged (in slices): it may mix before and after, and the
      // change has scheduled the flush that announces its successor.
      if (state && this.entryOf(state).computedGeneration !== this.entryOf(state).generation) continue;
      // Offsets shift with every keystroke; what the client shows (ranges, statuses, text) does not.
      // Kept as a digest: the JSON of a large workspace's model runs to megabytes.
      const digest = this.dependencies.fingerprint(JSON.stringify(model, (key, value: unknown) => (key === "span" ? undefined : value)));
      if (this.announced.get(root) === digest) continue;
      this.announced.set(root, digest);
      changed.push(this.dependencies.workspace.files.folderUri(root));
    }
    if (changed.length) this.announce({ folders: changed, score: mergeReadiness(parts).score });
  }

  /** Each workspace folder asked for (all when `folder` is undefined), with a current model. */
  private async parts(folder?: string): Promise<{ name: string; root: string; state?: Folder; model: ReadinessModel }[]> {
    const { folders, workspace } = this.dependencies;
    const wanted = folder === undefined ? folders.all : folders.all.filter((root) => root === folderRoot(folder, folders, workspace.files));
    const states = new Map([...workspace.allStates()].map((state) => [state.root, state]));
    const parts = [];
    for (const root of [...wanted].sort()) {
      const state = states.get(root);
      parts.push({
        name: workspace.files.folderName(root),
        root,
        state,
        model: state ? await this.current(state) : await this.empty(root),
      });
    }
    return parts;
  }

  private current(state: Folder): Promise<ReadinessModel> {
    const entry = this.entryOf(state);
    if (entry.model && entry.computedGeneration === entry.generation) return Promise.resolve(entry.model);
    if (entry.computing?.generation === entry.generation) return entry.computing.model;
    const model = this.compute(state, entry);
    entry.computing = { generation: entry.generation, model };
    return model;
  }

  private async compute(state: Folder, entry: FolderReadiness): Promise<ReadinessModel> {
    const generation = entry.generation;
    const loaded = await this.dependencies.configs.get(state.root);
    const { config } = loaded;
    const { host } = state;
    if (host.configuration !== config) host.configure(config, configFileOf(loaded));
    host.trusted = this.dependencies.workspace.trusted;
    host.dataFilesUnread = this.dependencies.workspace.dataFilesUnread;
    const files = host.trusted ? await this.filesOf(state.root, entry, config) : NO_FILES;
    host.setFiles(files);
    // On this thread, in slices of at most SLICE_MS that give way to every keystroke, so that a
    // keystroke is served while a large workspace is judged.
    const computed = await finishInSlices(host.readinessSteps(), this.dependencies.slicer?.() ?? timeSlicer());
    const model = withUris(computed, state, this.dependencies.workspace);
    entry.model = model;
    entry.computedGeneration = generation;
    if (entry.computing?.generation === generation) entry.computing = undefined;
    return model;
  }

  /** A folder with no documents yet (nothing scanned or opened): every item is n/a. */
  private async empty(root: string): Promise<ReadinessModel> {
    const host = new WorkspaceHost(this.dependencies.workspace.engine);
    const loaded = await this.dependencies.configs.get(root);
    host.configure(loaded.config, configFileOf(loaded));
    host.trusted = this.dependencies.workspace.trusted;
    host.dataFilesUnread = this.dependencies.workspace.dataFilesUnread;
    return host.readiness();
  }

  /** The folder's files, from one directory walk kept until the disk changes. */
  private filesOf(root: string, entry: FolderReadiness, config: GenesisConfig): Promise<readonly string[]> {
    if (!root) return Promise.resolve([]);
    const ignored = ignoreMatcher(config);
    entry.files ??= this.dependencies.workspace.files.list(root, (relative) => !ignored(relative)).catch(() => []);
    return entry.files;
  }

  private entryOf(state: Folder): FolderReadiness {
    let entry = this.entries.get(state);
    if (!entry) {
      entry = { generation: 0, computedGeneration: -1 };
      this.entries.set(state, entry);
    }
    return entry;
  }
}

const NO_FILES: readonly string[] = [];

/** The workspace folder a URI is, or lies in. */
function folderRoot(uri: string, folders: WorkspaceFolders, files: WorkspaceFileAccess): string {
  const itself = files.rootOf(uri);
  return folders.all.find((root) => root === itself) ?? folders.place(uri).root;
}

const EXTENSION: Readonly<Record<ReportFormat, string>> = { text: "txt", json: "json", markdown: "md", html: "html" };

/** The model with the URI of every file it names, so that the client opens them as they are. */
function withUris(model: ReadinessModel, state: Folder, workspace: WorkspaceService): ReadinessModel {
  const uriOf = (relative: string) => (relative ? workspace.uriOf(state, relative) : workspace.files.folderUri(state.root));
  return {
    ...model,
    groups: model.groups.map((group) => ({
      ...group,
      items: group.items.map((item) => ({
        ...item,
        evidence: item.evidence.map((e) => ({ ...e, uri: uriOf(e.path) })),
        ...(item.fix?.target ? { fix: { ...item.fix, target: { ...item.fix.target, uri: uriOf(item.fix.target.path) } } } : {}),
      })),
    })),
    ...(model.waivers ? { waivers: model.waivers.map((w) => ({ ...w, uri: uriOf(w.path) })) } : {}),
  };
}

/** The model as the core computed it, without the URIs `withUris` added. */
function withoutUris(model: ReadinessModel): ReadinessModel {
  const bare = <T extends { readonly uri?: string }>({ uri: _uri, ...rest }: T): Omit<T, "uri"> => rest;
  return {
    ...model,
    groups: model.groups.map((group) => ({
      ...group,
      items: group.items.map((item) => ({
        ...item,
        evidence: item.evidence.map(bare),
        ...(item.fix?.target ? { fix: { ...item.fix, target: bare(item.fix.target) } } : {}),
      })),
    })),
    ...(model.waivers ? { waivers: model.waivers.map(bare) } : {}),
  };
}
