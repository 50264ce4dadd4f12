/**
 * One run of the workspace-scale benchmark against one server process (test/bench/scale.ts): the
 * cold index of a lab workspace, keystrokes in its calibration dataset (the hub) and in a leaf card,
 * and typing in the leaf after pauses long enough for the readiness model to be recomputed.
 */
import { appendFileSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { SERVER_EXEC_ARGV } from "../../server/src/launch";
import { LspTestClient } from "../support/lsp-client";
import { peakRssMiB } from "./contenders";
import type { LabTree } from "./scale-tree";

export interface SessionOptions {
  /** The folder holding the server bundle (server.js) to run. */
  readonly dist: string;
  readonly hubEdits: number;
  readonly pausedKeystrokes: number;
  readonly pauseMs: number;
}

export interface SessionFigures {
  /** From `initialize` to every document's first publish. */
  readonly coldIndexMs: number;
  /** From `initialize` to the first publish of a document opened at once (the editor restoring a tab). */
  readonly openDuringScanMs: number;
  /** From the end of the cold index to the readiness checklist's answer (genesis/readiness). */
  readonly checklistMs: number;
  readonly hubOwnMs: number[];
  readonly allDependentsMs: number[];
  readonly leafDuringFanOutMs: number[];
  readonly leafAfterPauseMs: number[];
  readonly rssAfterIndexMiB: number;
  readonly peakRssMiB: number;
}

const TIMEOUT_MS = 600_000;
const LEAF_DELAY_MS = 5;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runScaleSession(root: string, tree: LabTree, options: SessionOptions): Promise<SessionFigures> {
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
  // SCALE_NODE_ARGS: more options for the server's Node (a profile: --cpu-prof --cpu-prof-dir=DIR).
  const extra = (process.env.SCALE_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const server = { command: process.execPath, args: [...SERVER_EXEC_ARGV, ...extra, path.join(options.dist, "server.js"), "--stdio"] };
  const client = new LspTestClient(pathToFileURL(root).toString(), { server });
  try {
    const hub = { uri: uriOf(tree.hub), text: readFileSync(path.join(root, tree.hub), "utf8"), version: 1 };
    const leaf = { uri: uriOf(tree.leaf), text: readFileSync(path.join(root, tree.leaf), "utf8"), version: 1 };
    const dependents = tree.dependents.map(uriOf);

    // Cold index, with the leaf opened at once as an editor restoring its tabs would.
    const unpublished = new Set(tree.files.map(uriOf));
    const allPublished = new Promise<void>((resolve) => {
      const listener = client.onDiagnostics((p) => {
        unpublished.delete(p.uri);
        if (unpublished.size > 0) return;
        listener.dispose();
        resolve();
      });
    });
    const started = performance.now();
    const leafOpened = client.diagnosticsFor(leaf.uri, (p) => p.version === 1, TIMEOUT_MS).then(() => performance.now() - started);
    await client.initialize();
    await client.open(leaf.uri, "yaml", leaf.text, 1);
    await allPublished;
    const coldIndexMs = performance.now() - started;
    const openDuringScanMs = await leafOpened;
    const rssAfterIndexMiB = peakRssMiB(client.pid);
    const askedForChecklist = performance.now();
    await client.connection.sendRequest("genesis/readiness", {});
    const checklistMs = performance.now() - askedForChecklist;
    const hubOpened = client.diagnosticsFor(hub.uri, (p) => p.version === 1, TIMEOUT_MS);
    await client.open(hub.uri, "yaml", hub.text, 1);
    await hubOpened;

    /** Sends a hub keystroke that changes what its dependents read (its classification). */
    const hubKeystroke = async () => {
      hub.version++;
      const text = hub.text.replace("level: public", hub.version % 2 ? "level: public" : "level: internal");
      const sent = performance.now();
      const own = client.diagnosticsFor(hub.uri, (p) => p.version === hub.version, TIMEOUT_MS).then(() => performance.now() - sent);
      const waiting = new Set(dependents);
      const fanOut = new Promise<number>((resolve) => {
        const listener = client.onDiagnostics((p) => {
          if (!waiting.delete(p.uri) || waiting.size > 0) return;
          listener.dispose();
          resolve(performance.now() - sent);
        });
      });
      await client.changeFull(hub.uri, hub.version, text);
      return { own, fanOut };
    };
    const leafKeystroke = async () => {
      leaf.version++;
      const text = leaf.text.replace("x-generated: true", `x-generated: true${leaf.version}`);
      const sent = performance.now();
      const answered = client.diagnosticsFor(leaf.uri, (p) => p.version === leaf.version, TIMEOUT_MS).then(() => performance.now() - sent);
      await client.changeFull(leaf.uri, leaf.version, text);
      return answered;
    };

    const hubOwnMs: number[] = [];
    const allDependentsMs: number[] = [];
    for (let i = 0; i < options.hubEdits; i++) {
      const { own, fanOut } = await hubKeystroke();
      hubOwnMs.push(await own);
      allDependentsMs.push(await fanOut);
    }
    const leafDuringFanOutMs: number[] = [];
    for (let i = 0; i < options.hubEdits; i++) {
      const { fanOut } = await hubKeystroke();
      await sleep(LEAF_DELAY_MS);
      leafDuringFanOutMs.push(await leafKeystroke());
      await fanOut;
    }
    const leafAfterPauseMs: number[] = [];
    for (let i = 0; i < options.pausedKeystrokes; i++) {
      await sleep(options.pauseMs);
      leafAfterPauseMs.push(await leafKeystroke());
    }
    return {
      coldIndexMs,
      openDuringScanMs,
      checklistMs,
      hubOwnMs,
      allDependentsMs,
      leafDuringFanOutMs,
      leafAfterPauseMs,
      rssAfterIndexMiB,
      peakRssMiB: peakRssMiB(client.pid),
    };
  } finally {
    if (extra.length > 0) {
      // Let the server exit by itself, so that a profile asked for is written.
      await client.connection.sendRequest("shutdown");
      await client.connection.sendNotification("exit");
      for (let waited = 0; !client.exited && waited < 30_000; waited += 100) await sleep(100);
    }
    await client.shutdown();
    // SCALE_SERVER_LOG: where to append what the server wrote to stderr (traces added while investigating).
    if (process.env.SCALE_SERVER_LOG) appendFileSync(process.env.SCALE_SERVER_LOG, client.logs.join(""));
  }
}
