import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { preAnalyse, type DocumentSource, type Engine, type GenesisConfig, type PreAnalysed } from "../core/index";
import { EVENT_LOOP_CLOCK, SLICE_MS, type WorkClock } from "./scheduler";

/**
 * The per-file step of a scan (the core's preAnalyse: recognise, parse, facts, `type` rules) for
 * batches of texts, in worker threads when the folder is large enough to pay for them, else on
 * this thread in short slices. Either way the results are plain data the host adopts without a
 * parse tree (WorkspaceHost.adopt).
 */

export interface ParseItem {
  readonly path: string;
  readonly source: DocumentSource;
}

/** Pre-analysed; undefined: not a Genesis document; "here": to be analysed on the server's thread. */
export type ParseOutcome = PreAnalysed | undefined | "here";

export interface ParseBatch {
  readonly id: number;
  readonly config: GenesisConfig;
  readonly items: readonly ParseItem[];
}

export interface ParseBatchResult {
  readonly id: number;
  readonly outcomes: readonly ParseOutcome[];
}

export interface DocumentAnalyser {
  analyse(config: GenesisConfig, items: readonly ParseItem[]): Promise<readonly ParseOutcome[]>;
  dispose(): void;
}

/**
 * Folders with fewer candidate files are parsed on the server's thread: a worker's start-up and
 * its own heap would cost more than it saves (the CLI's FILES_PER_THREAD came out the same).
 */
export const MIN_FILES_FOR_WORKERS = 2000;

/**
 * One text's outcome, as a worker computes it. A text with a `__proto__` key would not cross
 * threads as the same value, and a text the engine throws on is reported by the host: both are
 * left to the server's thread.
 */
export function analyseHere(engine: Engine, item: ParseItem, config: GenesisConfig): ParseOutcome {
  const text = typeof item.source === "string" ? item.source : item.source.head;
  if (text.includes("__proto__")) return "here";
  try {
    return preAnalyse(engine, item.path, item.source, config, { diagnostics: true, evidence: false });
  } catch {
    return "here";
  }
}

/** dist/parse-worker.js beside the running bundle; absent when the sources run under tsx. */
export function builtParseWorker(): string | undefined {
  const file = path.join(__dirname, "parse-worker.js");
  return existsSync(file) ? file : undefined;
}

/** The analyser for a scan of `files` candidate files: workers (one per core but one) for a large folder. */
export function analyserFor(files: number, workerFile = builtParseWorker(), cores = availableParallelism()): DocumentAnalyser {
  if (!workerFile || files < MIN_FILES_FOR_WORKERS) return new InThreadAnalyser();
  return new WorkerAnalyser(workerFile, Math.max(1, cores - 1));
}

/**
 * On this thread: every text is left to the host (`here`), which analyses it in `update`; the scan
 * yields between slices, so this only says so.
 */
export class InThreadAnalyser implements DocumentAnalyser {
  analyse(_config: GenesisConfig, items: readonly ParseItem[]): Promise<readonly ParseOutcome[]> {
    return Promise.resolve(items.map(() => "here" as const));
  }

  dispose(): void {}
}

interface Member {
  readonly worker: Worker;
  /** Batches sent and not answered yet, by id. */
  readonly held: Map<number, { readonly resolve: (outcomes: readonly ParseOutcome[]) => void; readonly size: number }>;
}

/** Batches go to the least busy worker; a worker that fails leaves its batches to the server's thread. */
export class WorkerAnalyser implements DocumentAnalyser {
  private readonly members: Member[] = [];
  private nextId = 0;

  constructor(file: string, count: number) {
    for (let i = 0; i < count; i++) {
      const member: Member = { worker: new Worker(file), held: new Map() };
      member.worker.unref();
      member.worker.on("message", (result: ParseBatchResult) => {
        const waiting = member.held.get(result.id);
        member.held.delete(result.id);
        waiting?.resolve(result.outcomes);
      });
      member.worker.on("error", () => this.stopped(member));
      member.worker.on("exit", () => this.stopped(member));
      this.members.push(member);
    }
  }

  analyse(config: GenesisConfig, items: readonly ParseItem[]): Promise<readonly ParseOutcome[]> {
    let member: Member | undefined;
    for (const candidate of this.members) if (!member || candidate.held.size < member.held.size) member = candidate;
    if (!member) return Promise.resolve(items.map(() => "here" as const));
    const id = this.nextId++;
    const chosen = member;
    return new Promise((resolve) => {
      chosen.held.set(id, { resolve, size: items.length });
      chosen.worker.postMessage({ id, config, items } satisfies ParseBatch);
    });
  }

  dispose(): void {
    for (const member of this.members.splice(0)) {
      member.worker.removeAllListeners();
      void member.worker.terminate();
      this.release(member);
    }
  }

  private stopped(member: Member): void {
    const at = this.members.indexOf(member);
    if (at >= 0) this.members.splice(at, 1);
    this.release(member);
  }

  /** What a worker held is analysed on the server's thread. */
  private release(member: Member): void {
    for (const waiting of member.held.values()) waiting.resolve(Array.from({ length: waiting.size }, () => "here" as const));
    member.held.clear();
  }
}

/** Gives the event loop a turn once SLICE_MS have gone since the last one (for loops on the server's thread). */
export function timeSlicer(clock: WorkClock = EVENT_LOOP_CLOCK): () => Promise<void> | undefined {
  let started = clock.now();
  return () => {
    if (clock.now() - started < SLICE_MS) return undefined;
    return clock.yield().then(() => void (started = clock.now()));
  };
}
