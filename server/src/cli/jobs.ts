import { availableParallelism } from "node:os";

/**
 * Files each thread must have for another thread to pay off. A worker costs time before its first
 * result (its start-up, then warming up the engine again in its own isolate), and while it runs it
 * competes with the main thread's garbage collector and compiler for the cores. On the 2-core
 * machine of `npm run bench` (lab trees of test/bench/scale-tree.ts, medians of 3 runs of `check
 * --no-io`), two threads against one took 1.61 s against 1.28 s at 5,000 files, 2.02 against 1.64
 * at 10,000, 2.23 against 1.98 at 15,000, 2.75 against 2.99 at 20,000 (and 3.11 against 2.69 in
 * a second set of 5 runs), 3.72 against 3.63 at 30,000, 5.79 against 6.66 at 50,000 (4.99
 * against 5.40, then 7.08 against 7.07, in two more sets) and 14.64 against 15.11 at 100,000:
 * below about 40,000 files a second thread loses, above it it ties or gains a little.
 */
export const FILES_PER_THREAD = 20_000;

/** However many are asked for: each worker holds an engine, so a mistyped count must not exhaust memory. */
export const MAX_THREADS = 64;

/**
 * How many threads analyse `files` files: the main thread, and this many less one workers.
 * `--jobs N` asks for N (1: the main thread alone). Without it, one thread per core, as long as
 * each gets FILES_PER_THREAD files; the main thread alone below twice that.
 */
export function analysisThreads(files: number, requested: number | undefined, cores = availableParallelism()): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, MAX_THREADS, files));
  return Math.max(1, Math.min(cores, Math.floor(files / FILES_PER_THREAD)));
}
