import { promises as fs } from "node:fs";
import * as path from "node:path";
import { ResponseError, type CancellationToken, type Connection } from "vscode-languageserver/node";
import { URI } from "vscode-uri";
import { version } from "../../../package.json";
import { BundleError } from "../bundle/bundle-error";
import { signingKey } from "../bundle/signing";
import { writeBundle } from "../bundle/write-bundle";
import { BUNDLE_PROGRESS_NOTIFICATION, BUNDLE_REQUEST, type BundleParams, type BundleResult } from "../protocol";
import type { WorkspaceService } from "./workspace-service";

/** Progress goes to the client at most this often. */
const PROGRESS_MS = 200;

/**
 * `genesis/bundle` (protocol.ts): the CLI's `bundle` run in the server, on the host it already
 * holds for the folder (every document of the folder; the files read from disk). A BundleError
 * becomes a response error with the same message the CLI prints.
 */
export function registerBundle(connection: Connection, workspace: WorkspaceService): void {
  connection.onRequest(BUNDLE_REQUEST, async (params: BundleParams, token: CancellationToken): Promise<BundleResult> => {
    if (!workspace.trusted) throw new ResponseError(1, "A submission bundle reads the workspace's files: trust the workspace first.");
    const folders = [...workspace.allStates()].filter((state) => state.root !== "");
    const wanted = params.folder ? URI.parse(params.folder).fsPath : undefined;
    const state = wanted ? folders.find((f) => path.resolve(f.root) === path.resolve(wanted)) : folders[0];
    if (!state || !state.host.loadFinished) throw new ResponseError(1, "The folder is not loaded yet; try again once it has been scanned.");
    const abort = new AbortController();
    const cancelled = token.onCancellationRequested(() => abort.abort());
    let last = 0;
    try {
      const key = params.key ? signingKey(await fs.readFile(params.key), params.key) : undefined;
      const summary = await writeBundle({
        root: await fs.realpath(state.root),
        host: state.host,
        isReported: () => true,
        name: path.basename(state.root),
        out: path.resolve(params.out),
        key,
        generator: { name: "genesis-readiness", version },
        now: new Date(),
        signal: abort.signal,
        onProgress: (progress) => {
          const now = Date.now();
          if (now - last < PROGRESS_MS && progress.filesDone < progress.filesTotal) return;
          last = now;
          void connection.sendNotification(BUNDLE_PROGRESS_NOTIFICATION, progress);
        },
      });
      return { out: summary.out, files: summary.files, bytes: summary.bytes, ...(summary.keyid ? { keyid: summary.keyid } : {}) };
    } catch (error) {
      if (error instanceof BundleError) throw new ResponseError(error.exitCode, error.message);
      throw new ResponseError(2, error instanceof Error ? error.message : String(error));
    } finally {
      cancelled.dispose();
    }
  });
}
