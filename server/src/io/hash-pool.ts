import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { hashFile } from "./hash-file";
import type { HashWorkerMessage } from "./hash-worker";
import { abortError } from "./read-failure";

/**
 * SHA-256 of files in worker threads (dist/hash-worker.js, built next to the CLI and server
 * bundles), a few at a time. Idle workers are kept for the next file but do not keep the process
 * alive; cancelling a hash terminates its worker. When the worker file is absent (the sources run
 * under tsx, in the unit tests) files are hashed in-process with the same streaming function.
 */
export class HashPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: (() => void)[] = [];
  private running = 0;

  constructor(
    private readonly size = Math.max(1, Math.min(2, availableParallelism() - 1)),
    private readonly workerFile: string | undefined = builtWorkerFile(),
  ) {}

  /** True when hashes run in worker threads (the built bundles), false in-process. */
  get usesWorkers(): boolean {
    return this.workerFile !== undefined;
  }

  /** `onBytes` receives the bytes hashed since its last call. Rejects with an AbortError when cancelled. */
  async hash(absolute: string, signal?: AbortSignal, onBytes?: (bytes: number) => void): Promise<string> {
    if (!this.workerFile) return hashFile(absolute, signal, onBytes);
    await this.acquire(signal);
    const worker = this.idle.pop() ?? new Worker(this.workerFile);
    worker.ref();
    let reusable = false;
    try {
      const outcome = await run(worker, absolute, signal, onBytes);
      reusable = outcome.reusable;
      if ("error" in outcome) throw outcome.error;
      return outcome.sha256;
    } finally {
      if (reusable) {
        worker.unref();
        this.idle.push(worker);
      } else {
        void worker.terminate();
      }
      this.release();
    }
  }

  /** Stops the idle workers (a running hash finishes or is cancelled by its own signal). */
  dispose(): void {
    for (const worker of this.idle.splice(0)) void worker.terminate();
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.running < this.size) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener("abort", cancel);
        this.running++;
        resolve();
      };
      const cancel = () => {
        this.waiting.splice(this.waiting.indexOf(start), 1);
        reject(abortError(signal));
      };
      signal?.addEventListener("abort", cancel, { once: true });
      this.waiting.push(start);
    });
  }

  private release(): void {
    this.running--;
    this.waiting.shift()?.();
  }
}

type Outcome = { readonly reusable: boolean } & ({ readonly sha256: string } | { readonly error: Error });

function run(worker: Worker, absolute: string, signal: AbortSignal | undefined, onBytes?: (bytes: number) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const finish = (outcome: Outcome) => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      signal?.removeEventListener("abort", onAbort);
      resolve(outcome);
    };
    const onMessage = (message: HashWorkerMessage) => {
      if (message.type === "progress") onBytes?.(message.bytes);
      else if (message.type === "done") finish({ reusable: true, sha256: message.sha256 });
      else finish({ reusable: true, error: Object.assign(new Error(message.message), { code: message.code }) });
    };
    const onError = (error: Error) => finish({ reusable: false, error });
    const onExit = (code: number) => finish({ reusable: false, error: new Error(`the hash worker stopped (exit code ${code})`) });
    const onAbort = () => finish({ reusable: false, error: abortError(signal) });
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.postMessage({ path: absolute });
  });
}

/** dist/hash-worker.js beside the running bundle; absent when the sources run under tsx. */
function builtWorkerFile(): string | undefined {
  const file = path.join(__dirname, "hash-worker.js");
  return existsSync(file) ? file : undefined;
}
