import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { GenesisConfig } from "../core/index";
import {
  InThreadAnalyser,
  MIN_FILES_FOR_WORKERS,
  type DocumentAnalyser,
  type ParseBatch,
  type ParseBatchResult,
  type ParseItem,
  type ParseOutcome,
} from "./parse-pool";

/** dist/parse-worker.js beside the running bundle; absent when the sources run under tsx. */
export function builtParseWorker(): string | undefined {
  const file = path.join(__dirname, "parse-worker.js");
  return existsSync(file) ? file : undefined;
}

/** The analyser for a scan of `files` candidate files: workers (one per core but one) for a large folder. */
export function nodeAnalyserFor(files: number, workerFile = builtParseWorker(), cores = availableParallelism()): DocumentAnalyser {
  if (!workerFile || files < MIN_FILES_FOR_WORKERS) return new InThreadAnalyser();
  return new WorkerAnalyser(workerFile, Math.max(1, cores - 1));
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
