/**
 * `npm run bench`, the browser beside Node: the same 1,000-line dataset manifest edited in this
 * project's Node server (dist/server.js over stdio) and in its browser server (dist/web/server.js
 * in a Web Worker of Debian's Chromium, test/browser/support). Each edit types one character after
 * a `bytes:` value (a schema mistake on that line) and is timed from sending the change to the
 * publish of its version: for Node in this process, for the worker inside the page, so that no
 * round trip through Playwright is counted. The bound: the browser's median within 2x the
 * Node server's. BENCH_BROWSER_LINES and BENCH_BROWSER_EDITS change the size and the edits.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { LspTestClient } from "../support/lsp-client";
import { testConfiguration, WorkerClient } from "../browser/support/worker-client";
import { editableLines, generateManifest, writeDistributionFiles } from "./generate";
import { median, ms, percentile } from "./stats";

const LINES = Number(process.env.BENCH_BROWSER_LINES ?? 1000);
const EDITS = Number(process.env.BENCH_BROWSER_EDITS ?? 60);
/** The bound the issue sets: the browser's median keystroke at most this many times the Node server's. */
const MAX_RATIO = 2;
/** After the open, both servers get this long to finish what follows it (the Node server verifies the files the manifest names). */
const SETTLE_MS = 1500;

interface Edit {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly text: string;
}

/** One typed character at the end of a `bytes:` line, spread through the document. */
function editsOf(text: string): Edit[] {
  const lines = text.split("\n");
  const targets = editableLines(text);
  const edits: Edit[] = [];
  for (let i = 0; i < EDITS; i++) {
    const line = targets[Math.floor(((i + 0.5) * targets.length) / EDITS) % targets.length];
    const end = { line, character: lines[line].length };
    lines[line] += "x";
    edits.push({ range: { start: end, end }, text: "x" });
  }
  return edits;
}

async function nodeSession(rootUri: string, uri: string, text: string, edits: readonly Edit[]): Promise<number[]> {
  const client = new LspTestClient(rootUri, { configuration: testConfiguration });
  try {
    const indexed = client.indexed();
    await client.initialize({ trusted: true });
    await indexed;
    const opened = client.diagnosticsFor(uri, (p) => p.version === 1, 60_000);
    await client.open(uri, "yaml", text, 1);
    await opened;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const times: number[] = [];
    for (let i = 0; i < edits.length; i++) {
      const version = i + 2;
      const published = client.diagnosticsFor(uri, (p) => p.version === version, 60_000);
      const started = performance.now();
      await client.changeRange(uri, version, edits[i].range, edits[i].text);
      await published;
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await client.shutdown();
  }
}

async function workerSession(rootUri: string, uri: string, text: string, edits: readonly Edit[]): Promise<number[]> {
  const worker = await WorkerClient.launch();
  try {
    await worker.setFiles(new Map([[uri, text]]));
    const indexed = worker.indexed();
    await worker.initialize(rootUri);
    await indexed;
    const opened = worker.diagnosticsFor(uri, (p) => p.version === 1, 60_000);
    await worker.open(uri, "yaml", text, 1);
    await opened;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return await worker.timeEdits(uri, 2, edits);
  } finally {
    await worker.close();
  }
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), "genesis-bench-browser-"));
  try {
    const text = generateManifest(LINES);
    const name = `generated-${LINES}.dataset.yaml`;
    writeFileSync(path.join(root, name), text);
    writeDistributionFiles(root, text);
    const rootUri = pathToFileURL(root).toString();
    const uri = `${rootUri}/${name}`;
    const edits = editsOf(text);
    const node = await nodeSession(rootUri, uri, text, edits);
    const browser = await workerSession(rootUri, uri, text, edits);
    const ratio = median(browser) / median(node);
    console.log(`\nA keystroke on a ${text.split("\n").length - 1}-line manifest, ${EDITS} edits each, to its diagnostics:`);
    console.log(`  Node server (stdio)               median ${ms(median(node))}  p95 ${ms(percentile(node, 95))}`);
    console.log(`  browser server (Chromium worker)  median ${ms(median(browser))}  p95 ${ms(percentile(browser, 95))}`);
    console.log(`  browser / Node: ×${ratio.toFixed(2)} (bound ×${MAX_RATIO}) ${ratio <= MAX_RATIO ? "ok" : "OVER THE BOUND"}`);
    if (ratio > MAX_RATIO) process.exitCode = 1;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
