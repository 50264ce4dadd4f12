import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

/**
 * The minimal page the browser tests load: it starts dist/web/server.js in a Web Worker and relays
 * the worker's LSP messages to the test (`window.fromWorker`, bound by Playwright), except the
 * server's file requests (`genesis/listFiles`, `genesis/readFile`), which the page answers itself
 * from an in-memory workspace (`window.genesisFiles`: URI -> text), as the browser client answers
 * them from `workspace.fs`. `window.timeEdits` runs a keystroke benchmark inside the page, so that
 * no round trip to the test is counted.
 */
const PAGE_SCRIPT = String.raw`
const worker = new Worker("/server.js");
window.genesisFiles = new Map();
const waiting = new Map();
const encoder = new TextEncoder();
const answer = (message) => {
  const files = window.genesisFiles;
  if (message.method === "genesis/listFiles") {
    const prefix = message.params.folder.replace(/\/$/, "") + "/";
    return { uris: [...files.keys()].filter((uri) => uri.startsWith(prefix)) };
  }
  const text = files.get(message.params.uri);
  if (text === undefined) return { kind: "missing" };
  const bytes = encoder.encode(text).length;
  if (bytes > message.params.maxBytes) return { kind: "too-large", bytes, head: text.slice(0, 4096) };
  return { kind: "text", text };
};
worker.onmessage = (event) => {
  const message = event.data;
  if (message.id !== undefined && (message.method === "genesis/listFiles" || message.method === "genesis/readFile")) {
    worker.postMessage({ jsonrpc: "2.0", id: message.id, result: answer(message) });
    return;
  }
  if (message.method === "textDocument/publishDiagnostics") {
    const key = message.params.uri + "#" + message.params.version;
    const resolve = waiting.get(key);
    if (resolve) {
      waiting.delete(key);
      resolve(performance.now());
      return;
    }
  }
  window.fromWorker(message);
};
window.toWorker = (message) => worker.postMessage(message);
window.timeEdits = async (uri, firstVersion, edits) => {
  const times = [];
  for (let i = 0; i < edits.length; i++) {
    const version = firstVersion + i;
    const published = new Promise((resolve) => waiting.set(uri + "#" + version, resolve));
    const started = performance.now();
    const params = { textDocument: { uri, version }, contentChanges: [edits[i]] };
    worker.postMessage({ jsonrpc: "2.0", method: "textDocument/didChange", params });
    times.push((await published) - started);
  }
  return times;
};
`;

const PAGE =
  '<!doctype html><html><head><meta charset="utf-8"><title>Genesis worker</title></head>' +
  `<body><script>${PAGE_SCRIPT}</script></body></html>`;

export const WEB_SERVER_BUNDLE = path.resolve(__dirname, "../../../dist/web/server.js");

/** Serves the page and the worker bundle on 127.0.0.1 (a free port); nothing else, and no network beyond it. */
export async function servePage(): Promise<{ url: string; close(): Promise<void> }> {
  const bundle = readFileSync(WEB_SERVER_BUNDLE);
  const server: Server = createServer((request, response) => {
    if (request.url === "/server.js") {
      response.writeHead(200, { "content-type": "text/javascript" });
      response.end(bundle);
    } else if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html" });
      response.end(PAGE);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
