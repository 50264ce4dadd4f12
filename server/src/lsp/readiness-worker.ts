import { parentPort } from "node:worker_threads";
import { ReadinessMirror } from "../core/index";
import type { ReadinessReply, ReadinessRequest } from "./readiness-remote";

/**
 * The readiness worker thread (bundled as dist/readiness-worker.js; see readiness-remote.ts): one
 * mirror per folder, kept up to date by the syncs the server sends, and the checklist computed here,
 * off the thread that answers the editor. Requests are handled in the order they come.
 */
if (parentPort) {
  const port = parentPort;
  const mirrors = new Map<number, ReadinessMirror>();
  port.on("message", (request: ReadinessRequest) => {
    switch (request.kind) {
      case "sync": {
        let mirror = mirrors.get(request.folder);
        if (!mirror) mirrors.set(request.folder, (mirror = new ReadinessMirror()));
        mirror.apply(request.sync);
        return;
      }
      case "drop":
        mirrors.delete(request.folder);
        return;
      case "compute": {
        let reply: ReadinessReply;
        try {
          reply = { id: request.id, model: (mirrors.get(request.folder) ?? new ReadinessMirror()).readiness() };
        } catch (error) {
          reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
        }
        port.postMessage(reply);
      }
    }
  });
}
