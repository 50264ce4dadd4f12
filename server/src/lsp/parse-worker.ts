import { parentPort } from "node:worker_threads";
import { Engine, isoDateOf } from "../core/index";
import { analyseHere, type ParseBatch, type ParseBatchResult } from "./parse-pool";

const HERE = "here" as const;

/**
 * A parse worker of the language server's scan (bundled as dist/parse-worker.js; see parse-pool.ts):
 * recognises, parses and runs the `type` rules of each text it is sent, with its own engine, and
 * posts back plain data (facts and diagnostics), never a parse tree.
 */
if (parentPort) {
  const port = parentPort;
  const engine = new Engine({ today: () => isoDateOf(new Date()) });
  port.on("message", (batch: ParseBatch) => {
    const result: ParseBatchResult = { id: batch.id, outcomes: batch.items.map((item) => analyseHere(engine, item, batch.config)) };
    try {
      port.postMessage(result);
    } catch {
      // Something cannot be cloned: the server's thread analyses the batch itself.
      port.postMessage({ id: batch.id, outcomes: batch.items.map(() => HERE) } satisfies ParseBatchResult);
    }
  });
}
