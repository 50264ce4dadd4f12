import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { abortError } from "./read-failure";

/** How often (in bytes read) a hash reports its progress. */
const PROGRESS_STEP = 4 * 1024 * 1024;

/**
 * The SHA-256 of a file as lower-case hex, read as a stream (memory stays at one chunk whatever
 * the size). Used by the hash worker, and in-process where the worker file is not built.
 */
export function hashFile(absolute: string, signal?: AbortSignal, onBytes?: (bytes: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const hash = createHash("sha256");
    const stream = createReadStream(absolute, { highWaterMark: 1024 * 1024 });
    let read = 0;
    let reported = 0;
    const onAbort = () => stream.destroy(abortError(signal));
    signal?.addEventListener("abort", onAbort, { once: true });
    stream.on("data", (chunk) => {
      hash.update(chunk);
      read += chunk.length;
      if (onBytes && read - reported >= PROGRESS_STEP) {
        onBytes(read - reported);
        reported = read;
      }
    });
    stream.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(error);
    });
    stream.on("end", () => {
      signal?.removeEventListener("abort", onAbort);
      if (onBytes && read > reported) onBytes(read - reported);
      resolve(hash.digest("hex"));
    });
  });
}
