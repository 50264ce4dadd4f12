import { existsSync } from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { Engine } from "../core/index";
import { analyseInProcess } from "./analyse-in-process";
import type { CheckBatch, CheckBatchResult, WorkerOutcome } from "./check-worker";
import { analyseFile, type AnalysisSettings, type CandidateFile, type FileOutcome } from "./file-outcome";

/** Files per message to a worker at most: enough that messages cost little. */
const MAX_BATCH_SIZE = 32;
/** Batches for each thread at least, so that the threads finish close together. */
const BATCHES_PER_THREAD = 8;
/** Batches handed to a worker ahead of its answers, so that it never waits for the next one. */
const BATCHES_IN_FLIGHT = 2;

export interface PoolOptions {
  /** Worker threads besides this one, which analyses too. */
  readonly workers: number;
  readonly workerFile: string;
  /** For the files the workers hand back (see WorkerOutcome) or leave undone when one stops. */
  readonly engine: Engine;
}

/**
 * Every file's outcome, in the files' order whatever order the threads finish in, analysed in
 * batches by `workers` worker threads and by this thread, which takes a batch whenever the next
 * outcome is not in yet. Every batch is analysed with the same function as `--jobs 1`, so the
 * outcomes are the same. A worker that stops (a crash, an exception outside the engine) loses
 * nothing: the batches it held are analysed here, and the others go to the threads left.
 * Outcomes are dropped once yielded: only the batches in flight and those finished ahead of the
 * one awaited are held.
 */
export async function* analyseInWorkers(
  files: readonly CandidateFile[],
  settings: AnalysisSettings,
  options: PoolOptions,
): AsyncGenerator<FileOutcome> {
  const pool = new Pool(files, settings, options);
  try {
    for (let next = 0; next < files.length; next++) {
      const outcome = await pool.take(next);
      yield outcome.kind === "deferred" ? analyseFile(files[next], options.engine, settings) : outcome;
    }
  } finally {
    await pool.close();
  }
}

/** dist/check-worker.js beside the running bundle; absent when the sources run under tsx. */
export function builtCheckWorker(): string | undefined {
  const file = path.join(__dirname, "check-worker.js");
  return existsSync(file) ? file : undefined;
}

interface Member {
  readonly worker: Worker;
  /** Batches sent and not answered yet, oldest first. */
  readonly held: CheckBatch[];
}

class Pool {
  private readonly outcomes: (WorkerOutcome | undefined)[];
  private readonly waiting: CheckBatch[] = [];
  private readonly members = new Set<Member>();
  /** Called when an outcome arrives: wakes `take`. */
  private wake: (() => void) | undefined;
  private closing = false;

  constructor(
    files: readonly CandidateFile[],
    private readonly settings: AnalysisSettings,
    private readonly options: PoolOptions,
  ) {
    this.outcomes = new Array<WorkerOutcome | undefined>(files.length);
    const size = Math.max(1, Math.min(MAX_BATCH_SIZE, Math.ceil(files.length / ((options.workers + 1) * BATCHES_PER_THREAD))));
    for (let first = 0; first < files.length; first += size) this.waiting.push({ first, files: files.slice(first, first + size) });
    const count = Math.max(1, Math.min(options.workers, this.waiting.length));
    for (let i = 0; i < count; i++) this.start();
  }

  /**
   * The outcome of file `index`. While it is not in, this thread analyses a batch no worker has
   * taken yet rather than wait, then lets the workers' answers in before looking again.
   */
  async take(index: number): Promise<WorkerOutcome> {
    for (;;) {
      const outcome = this.outcomes[index];
      if (outcome) {
        this.outcomes[index] = undefined;
        return outcome;
      }
      const batch = this.waiting.shift();
      if (batch) {
        this.store(batch.first, [...analyseInProcess(batch.files, this.options.engine, this.settings)]);
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.members].map((member) => member.worker.terminate()));
  }

  private start(): void {
    const member: Member = { worker: new Worker(this.options.workerFile, { workerData: this.settings }), held: [] };
    this.members.add(member);
    member.worker.on("message", (result: CheckBatchResult) => this.received(member, result));
    member.worker.on("error", () => this.stopped(member));
    member.worker.on("exit", () => this.stopped(member));
    this.feed(member);
  }

  private feed(member: Member): void {
    while (member.held.length < BATCHES_IN_FLIGHT && this.waiting.length > 0) {
      const batch = this.waiting.shift()!;
      member.held.push(batch);
      member.worker.postMessage(batch);
    }
  }

  private received(member: Member, result: CheckBatchResult): void {
    const answered = member.held.findIndex((batch) => batch.first === result.first);
    if (answered >= 0) member.held.splice(answered, 1);
    this.store(result.first, result.outcomes);
    this.feed(member);
  }

  /**
   * A worker stopped (or failed and will stop): the batches it held are analysed here, not handed
   * to another worker, since one of their files may be what stopped it. The batches no worker has
   * taken yet are left to the workers left and to `take`.
   */
  private stopped(member: Member): void {
    if (!this.members.delete(member) || this.closing) return;
    void member.worker.terminate();
    for (const batch of member.held.splice(0))
      this.store(batch.first, [...analyseInProcess(batch.files, this.options.engine, this.settings)]);
  }

  private store(first: number, outcomes: readonly WorkerOutcome[]): void {
    outcomes.forEach((outcome, i) => (this.outcomes[first + i] = outcome));
    this.wake?.();
    this.wake = undefined;
  }
}
