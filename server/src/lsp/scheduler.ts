import type { Slicer } from "../core/index";

/** Longest run of background work between two yields to the event loop (where new edits come in). */
export const SLICE_MS = 10;

/** The scheduler's view of time: a real clock in the server, a fake one in tests. */
export interface WorkClock {
  now(): number;
  /** Resolves once the event loop has had a turn (I/O included: a keystroke waiting to be read). */
  yield(): Promise<void>;
}

/**
 * The hops of `setImmediate` a yield takes. A message from the client reaches its handler two
 * immediates after its bytes are read: vscode-jsonrpc's reader decodes it in one, its connection
 * dispatches it in the next, each queued behind immediates already waiting. Work that resumed
 * after one hop would run a whole slice more before a keystroke that came during its last slice
 * were even seen; after three, the keystroke's edit is scheduled first, and the work gives way to it.
 */
const HOPS_PER_TURN = 3;

function hops(left: number, resolve: () => void): void {
  setImmediate(() => (left > 1 ? hops(left - 1, resolve) : resolve()));
}

export const EVENT_LOOP_CLOCK: WorkClock = {
  now: () => performance.now(),
  yield: () => new Promise<void>((resolve) => hops(HOPS_PER_TURN, resolve)),
};

/** Gives the event loop a turn once SLICE_MS have gone since the last one (for loops on the server's thread). */
export function timeSlicer(clock: WorkClock = EVENT_LOOP_CLOCK): Slicer {
  let started = clock.now();
  return () => {
    if (clock.now() - started < SLICE_MS) return undefined;
    return clock.yield().then(() => void (started = clock.now()));
  };
}

type Work = () => Promise<void> | void;

interface Pending {
  run: Work;
  /** Called once the work has run, or was superseded by work that did its job. */
  readonly done: (() => void)[];
}

/**
 * The language server's one queue of work, in two priorities:
 * - edits (`edit`): the check and publish of a document the editor changed. They run before any
 *   background work, one at a time, and a newer edit of a document replaces its pending one.
 * - background work (`background`): the republishing of documents an edit or a scan affects (the
 *   fan-out). It runs in slices of at most `sliceMs`, yielding to the event loop after each slice,
 *   and an edit that arrived meanwhile goes first. Queued once per key: queuing a key again keeps
 *   the first place and runs the newest work. An edit of a key drops that key's queued background
 *   work, which the edit does itself.
 * So a keystroke never waits for more than one slice of somebody else's fan-out. And since what
 * background work sends queues in the connection's writer (one message per turn of the event loop)
 * ahead of the keystroke's own publish, background work also waits while `congested` says the
 * writer has enough queued: the keystroke's publish then has only a few messages ahead of it.
 */
export class WorkScheduler {
  private readonly edits = new Map<string, Pending>();
  private readonly queued = new Map<string, Pending>();
  private draining = false;
  private editing = false;
  private readonly editWaiters: (() => void)[] = [];
  private readonly idleWaiters: (() => void)[] = [];
  private congested: () => boolean = () => false;

  constructor(
    private readonly onError: (error: unknown) => void,
    private readonly clock: WorkClock = EVENT_LOOP_CLOCK,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** Background work waits while `congested()` is true (the messages it sent are still being written). */
  setBackpressure(congested: () => boolean): void {
    this.congested = congested;
  }

  /** Schedules the edit of `key`, replacing a pending one (the newer version supersedes it). */
  edit(key: string, run: Work): void {
    const pending = this.edits.get(key);
    const background = this.queued.get(key);
    this.queued.delete(key);
    const done = [...(pending?.done ?? []), ...(background?.done ?? [])];
    // Re-inserted, so that edits run in the order of their latest change.
    this.edits.delete(key);
    this.edits.set(key, { run, done });
    this.start();
  }

  /** Queues background work for `key`; resolves once it ran or was superseded. */
  background(key: string, run: Work): Promise<void> {
    return new Promise((resolve) => this.enqueue(key, run, resolve));
  }

  /**
   * Queues background work for many keys; resolves once all of it ran or was superseded. One
   * countdown for them all, not a promise each: a fan-out queues thousands while a keystroke waits.
   */
  backgroundAll(items: Iterable<readonly [string, Work]>): Promise<void> {
    return new Promise((resolve) => {
      let left = 1;
      const settled = () => {
        if (--left === 0) resolve();
      };
      for (const [key, run] of items) {
        left++;
        this.enqueue(key, run, settled);
      }
      settled();
    });
  }

  private enqueue(key: string, run: Work, done: () => void): void {
    const edit = this.edits.get(key);
    if (edit) {
      // The pending edit does this work.
      edit.done.push(done);
      return;
    }
    const queued = this.queued.get(key);
    if (queued) {
      queued.run = run;
      queued.done.push(done);
    } else {
      this.queued.set(key, { run, done: [done] });
    }
    this.start();
  }

  /** Drops the pending edit and background work of `key` (its document was closed). */
  cancel(key: string): void {
    for (const map of [this.edits, this.queued]) {
      map.get(key)?.done.forEach((resolve) => resolve());
      map.delete(key);
    }
  }

  /** Resolves once every edit scheduled so far has run (background work may still be queued). */
  editsDone(): Promise<void> {
    if (this.edits.size === 0 && !this.editing) return Promise.resolve();
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  /** Resolves once nothing is queued or running. */
  idle(): Promise<void> {
    if (!this.draining) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * A slicer (core Slicer) for long work outside the queue, such as the readiness checklist: it
   * gives way as queued background work does, at the end of each slice of `sliceMs` and, before its
   * slice is over, to any edit waiting or running and to a congested writer. It goes on once no
   * edit is left and the last one's publish has had a turn to be written.
   */
  slicer(): Slicer {
    let started = this.clock.now();
    return () => {
      if (this.clock.now() - started < this.sliceMs && !this.busy()) return undefined;
      return this.giveWay().then(() => void (started = this.clock.now()));
    };
  }

  private busy(): boolean {
    return this.edits.size > 0 || this.editing || this.congested();
  }

  private async giveWay(): Promise<void> {
    let waited = false;
    do {
      await this.clock.yield();
      if (this.busy()) waited = true;
    } while (this.busy());
    // An edit ran meanwhile: one more turn, so that its publish is written before the work goes on.
    if (waited) await this.clock.yield();
  }

  /** Background work still queued (for tests and progress). */
  get backlog(): number {
    return this.queued.size;
  }

  private start(): void {
    if (this.draining) return;
    this.draining = true;
    // Started on the next turn, so that a burst of changes coalesces first.
    void this.clock.yield().then(() => this.drain());
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        if (this.edits.size > 0) {
          await this.runEdit();
          // The edit's publish is written before any background work runs.
          await this.clock.yield();
          continue;
        }
        if (this.queued.size === 0) break;
        await this.runSlice();
        // New edits are read from the connection here.
        await this.clock.yield();
      }
    } finally {
      this.draining = false;
      this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  private async runEdit(): Promise<void> {
    const [key, pending] = this.edits.entries().next().value as [string, Pending];
    this.edits.delete(key);
    this.editing = true;
    await this.attempt(pending);
    this.editing = false;
    if (this.edits.size === 0) this.editWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** Background work until the slice is used up or an edit is waiting. */
  private async runSlice(): Promise<void> {
    const started = this.clock.now();
    while (this.queued.size > 0 && this.edits.size === 0 && !this.congested()) {
      const [key, pending] = this.queued.entries().next().value as [string, Pending];
      this.queued.delete(key);
      await this.attempt(pending);
      if (this.clock.now() - started >= this.sliceMs) return;
    }
  }

  private async attempt(pending: Pending): Promise<void> {
    try {
      await pending.run();
    } catch (error) {
      this.onError(error);
    } finally {
      pending.done.forEach((resolve) => resolve());
    }
  }
}
