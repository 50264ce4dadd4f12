import { parentPort, workerData } from "node:worker_threads";
import { Engine, isoDateOf } from "../core/index";
import { analyseFile, type AnalysisSettings, type CandidateFile, type FileOutcome } from "./file-outcome";

/**
 * A `check` worker thread (bundled as dist/check-worker.js; see worker-pool.ts): reads, decodes
 * and analyses batches of files with its own engine, and posts back plain outcomes, never parse
 * trees. Protocol: `workerData` is the AnalysisSettings; in `CheckBatch`, out `CheckBatchResult`
 * for each batch, in the order the batches came.
 */

export interface CheckBatch {
  /** Index of the batch's first file in the whole list. */
  readonly first: number;
  readonly files: readonly CandidateFile[];
}

/**
 * `deferred`: the main thread must analyse this file itself. A value with a `__proto__` key (a
 * mapping key that JavaScript turns into the object's prototype) would not cross a thread as the
 * same value, so such a document never leaves the thread that parsed it.
 */
export type WorkerOutcome = FileOutcome | { readonly kind: "deferred" };

export interface CheckBatchResult {
  readonly first: number;
  readonly outcomes: readonly WorkerOutcome[];
}

const DEFERRED: WorkerOutcome = { kind: "deferred" };

function analyseBatch(batch: CheckBatch, engine: Engine, settings: AnalysisSettings): CheckBatchResult {
  const outcomes = batch.files.map((file): WorkerOutcome => {
    const outcome = analyseFile(file, engine, settings);
    return outcome.kind === "document" && outcome.analysed.facts.text.includes("__proto__") ? DEFERRED : outcome;
  });
  return { first: batch.first, outcomes };
}

function post(result: CheckBatchResult): void {
  try {
    parentPort!.postMessage(result);
  } catch {
    // Something in an outcome cannot be cloned: the main thread analyses the batch itself.
    parentPort!.postMessage({ first: result.first, outcomes: result.outcomes.map(() => DEFERRED) } satisfies CheckBatchResult);
  }
}

if (parentPort) {
  const settings = workerData as AnalysisSettings;
  const engine = new Engine({ today: () => isoDateOf(new Date()) });
  parentPort.on("message", (batch: CheckBatch) => post(analyseBatch(batch, engine, settings)));
}
