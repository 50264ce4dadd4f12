import { parentPort } from "node:worker_threads";
import { hashFile } from "./hash-file";

/**
 * The hash worker (bundled as dist/hash-worker.js): one file at a time, so that hashing a large
 * data file never blocks the language server's or the CLI's main thread. Cancelling terminates
 * the worker. Protocol (see hash-pool.ts): in `{ path }`; out `{ type: "progress", bytes }` (new
 * bytes since the last report), then `{ type: "done", sha256 }` or `{ type: "error", code, message }`.
 */
export type HashWorkerMessage =
  | { readonly type: "progress"; readonly bytes: number }
  | { readonly type: "done"; readonly sha256: string }
  | { readonly type: "error"; readonly code?: string; readonly message: string };

parentPort?.on("message", (job: { path: string }) => {
  const post = (message: HashWorkerMessage) => parentPort!.postMessage(message);
  hashFile(job.path, undefined, (bytes) => post({ type: "progress", bytes })).then(
    (sha256) => post({ type: "done", sha256 }),
    (error: unknown) => {
      const code =
        typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
      post({ type: "error", code, message: error instanceof Error ? error.message : String(error) });
    },
  );
});
