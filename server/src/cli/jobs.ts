import { availableParallelism } from "node:os";

/**
 * Files each thread must have for another thread to pay off. A worker costs time before its first
 * result (its start-up, then warming up the engine again in its own isolate), and while it runs it
 * competes with the main thread's garbage collector and compiler for the cores.
 */
export const FILES_PER_THREAD = 2000;

/** However many are asked for: each worker holds an engine, so a mistyped count must not exhaust memory. */
export const MAX_THREADS = 64;

/**
 * How many threads analyse `files` files: the main thread, and this many less one workers.
 * `--jobs N` asks for N (1: the main thread alone). Without it, one thread per core but one, as
 * long as each gets FILES_PER_THREAD files: one thread already keeps most of a second core busy
 * with V8's garbage collector and compiler, and on the 2-core machine of `npm run bench` two
 * threads were slower than one at every size measured (test/bench/cli.ts prints the figures).
 */
export function analysisThreads(files: number, requested: number | undefined, cores = availableParallelism()): number {
  if (requested !== undefined) return Math.max(1, Math.min(requested, MAX_THREADS, files));
  return Math.max(1, Math.min(cores - 1, Math.floor(files / FILES_PER_THREAD)));
}
