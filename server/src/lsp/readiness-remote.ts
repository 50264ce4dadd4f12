import { ReadinessMirror, ReadinessSyncSource, type ReadinessModel, type ReadinessSync, type Slicer } from "../core/index";
import type { Folder } from "./folder";
import { EVENT_LOOP_CLOCK, SLICE_MS, type WorkClock } from "./scheduler";

/** Makes the backend of a worker thread; `onFailure` is called once if the worker stops. */
export type StartMirrorWorker = (onFailure: () => void) => MirrorBackend;

/** Messages to the readiness worker (readiness-worker.ts). `folder` numbers a folder object. */
export type ReadinessRequest =
  | { readonly kind: "sync"; readonly folder: number; readonly sync: ReadinessSync }
  | { readonly kind: "drop"; readonly folder: number }
  | { readonly kind: "compute"; readonly folder: number; readonly id: number };

export type ReadinessReply = { readonly id: number; readonly model: ReadinessModel } | { readonly id: number; readonly error: string };

/** Where the mirrors live: a worker thread, or this thread when there is none. */
export interface MirrorBackend {
  apply(folder: number, sync: ReadinessSync): void;
  drop(folder: number): void;
  compute(folder: number): Promise<ReadinessModel>;
  dispose(): void;
}

/**
 * The readiness checklist of each folder, computed from a mirror of its host away from the editor's
 * thread (a worker, dist/readiness-worker.js). What runs here is only the sync: the documents whose
 * facts or findings changed since the last computation, gathered in slices of at most SLICE_MS
 * that give the event loop a turn in between, so that a keystroke is served while a large
 * workspace's checklist is worked out. Without the worker file (the sources run under tsx), or once
 * the worker has failed, the mirrors live in this thread: the same results, computed here.
 */
export class ReadinessRemote {
  private backend: MirrorBackend;
  private folders = new WeakMap<Folder, { readonly id: number; readonly source: ReadinessSyncSource }>();
  /** The folder object last synced for each root: a rescan replaces it, and the old mirror is dropped. */
  private readonly byRoot = new Map<string, number>();
  private nextId = 0;

  /**
   * `startWorker` makes the worker's backend (node-readiness-worker.ts under Node; none in the
   * browser, where the mirrors live in the server's own Web Worker), started on first use.
   */
  constructor(
    startWorker: StartMirrorWorker | undefined,
    private readonly clock: WorkClock = EVENT_LOOP_CLOCK,
    private readonly logError: (message: string) => void = () => {},
  ) {
    this.backend = startWorker ? new LazyBackend(() => startWorker(() => this.workerFailed())) : new InProcessBackend();
  }

  /** The checklist of a folder's documents, judged against `files` (every file of the folder). */
  async compute(state: Folder, files: readonly string[]): Promise<ReadinessModel> {
    const { id, source } = this.folderOf(state);
    const backend = this.backend;
    try {
      for await (const sync of source.syncs(files, this.slicer())) backend.apply(id, sync);
    } catch (error) {
      // A sync that did not arrive whole leaves the mirror unknown: the next computation starts afresh.
      this.folders.delete(state);
      backend.drop(id);
      throw error;
    }
    return backend.compute(id);
  }

  dispose(): void {
    this.backend.dispose();
  }

  private folderOf(state: Folder): { readonly id: number; readonly source: ReadinessSyncSource } {
    let known = this.folders.get(state);
    if (!known) {
      known = { id: this.nextId++, source: new ReadinessSyncSource(state.host) };
      this.folders.set(state, known);
      const previous = this.byRoot.get(state.root);
      if (previous !== undefined) this.backend.drop(previous);
      this.byRoot.set(state.root, known.id);
    }
    return known;
  }

  /** Gives the event loop a turn once SLICE_MS have gone since the last one. */
  private slicer(): Slicer {
    let started = this.clock.now();
    return () => {
      if (this.clock.now() - started < SLICE_MS) return undefined;
      return this.clock.yield().then(() => void (started = this.clock.now()));
    };
  }

  /** The worker is gone: every mirror starts again in this thread, from a full sync. */
  private workerFailed(): void {
    this.logError("The readiness worker stopped; the checklist is computed on the server's thread from now on.");
    this.backend = new InProcessBackend();
    this.folders = new WeakMap();
    this.byRoot.clear();
  }
}

/** Starts the worker on first use: a server that is never asked for a checklist has no thread for it. */
class LazyBackend implements MirrorBackend {
  private started?: MirrorBackend;

  constructor(private readonly start: () => MirrorBackend) {}

  private get backend(): MirrorBackend {
    this.started ??= this.start();
    return this.started;
  }

  apply(folder: number, sync: ReadinessSync): void {
    this.backend.apply(folder, sync);
  }

  drop(folder: number): void {
    this.started?.drop(folder);
  }

  compute(folder: number): Promise<ReadinessModel> {
    return this.backend.compute(folder);
  }

  dispose(): void {
    this.started?.dispose();
  }
}

class InProcessBackend implements MirrorBackend {
  private readonly mirrors = new Map<number, ReadinessMirror>();

  apply(folder: number, sync: ReadinessSync): void {
    let mirror = this.mirrors.get(folder);
    if (!mirror) this.mirrors.set(folder, (mirror = new ReadinessMirror()));
    mirror.apply(sync);
  }

  drop(folder: number): void {
    this.mirrors.delete(folder);
  }

  compute(folder: number): Promise<ReadinessModel> {
    return Promise.resolve((this.mirrors.get(folder) ?? new ReadinessMirror()).readiness());
  }

  dispose(): void {
    this.mirrors.clear();
  }
}
