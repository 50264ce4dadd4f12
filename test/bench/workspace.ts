/**
 * Workspace benchmark (part of `npm run bench`): a generated workspace of BENCH_DOCS documents
 * (default 10,000: datasets in chains, pipelines, model cards) written to a temporary folder, then
 * the bundled server over stdio: time to index it cold and publish every document's diagnostics,
 * the time from an edit of an ordinary document and of a widely referenced one to all the
 * diagnostics it affects, and the server's peak memory.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { SERVER_EXEC_ARGV } from "../../server/src/launch";
import { LspTestClient } from "../support/lsp-client";
import { peakRssMiB } from "./contenders";
import { median, ms } from "./stats";
import { writeWorkspaceTree } from "./workspace-tree";

const TOTAL = Number(process.env.BENCH_DOCS ?? 10_000);
const EDITS = 15;

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), "genesis-bench-ws-"));
  try {
    const { files, hub, ordinary } = writeWorkspaceTree(root, TOTAL);
    const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
    const client = new LspTestClient(pathToFileURL(root).toString());
    const remaining = new Set(files.map(uriOf));
    const allPublished = new Promise<void>((resolve) => {
      client.onDiagnostics((p) => {
        remaining.delete(p.uri);
        if (remaining.size === 0) resolve();
      });
    });
    const started = performance.now();
    await client.initialize();
    await allPublished;
    const coldIndex = performance.now() - started;
    const rssAfterIndex = peakRssMiB(client.pid);

    const measureEdits = async (name: string, change: (text: string, i: number) => string) => {
      const uri = uriOf(name);
      const original = readFileSync(path.join(root, name), "utf8");
      let version = 1;
      const opened = client.diagnosticsFor(uri, (p) => p.version === 1, 120_000);
      await client.open(uri, "yaml", original, version);
      await opened;
      const times: number[] = [];
      let fanOut = 0;
      for (let i = 0; i < EDITS; i++) {
        version++;
        const counted = new Set<string>();
        let last = performance.now();
        const listener = client.onDiagnostics((p) => {
          counted.add(p.uri);
          last = performance.now();
        });
        const start = performance.now();
        const own = client.diagnosticsFor(uri, (p) => p.version === version, 120_000);
        await client.changeFull(uri, version, change(original, i));
        await own;
        // The fan-out is done when no publish has arrived for 300 ms; the time is to the last one.
        await new Promise<void>((resolve) => {
          const poll = () => (performance.now() - last > 300 ? resolve() : setTimeout(poll, 20));
          poll();
        });
        listener.dispose();
        times.push(last - start);
        fanOut = counted.size;
      }
      await client.close(uri);
      return { median: median(times), fanOut };
    };
    const ordinaryEdit = await measureEdits(ordinary, (text, i) => text.replace("name: Dataset", `name: Dataset ${i}`));
    const hubEdit = await measureEdits(hub, (text, i) => text.replace("level: public", i % 2 ? "level: public" : "level: internal"));
    const rss = peakRssMiB(client.pid);
    await client.shutdown();

    console.log(
      `\n` +
        `Workspace of ${files.length} documents (server over stdio, ` +
        `started with ${SERVER_EXEC_ARGV.join(" ")} as the extension starts it):`,
    );
    console.log(`  cold index, every document checked and published: ${(coldIndex / 1000).toFixed(2)} s`);
    console.log(
      `  edit of an ordinary dataset -> its diagnostics and its dependents' ` +
        `(${ordinaryEdit.fanOut} documents): median ${ms(ordinaryEdit.median)} ms`,
    );
    console.log(
      `  edit of the classification of a dataset referenced by ${hubEdit.fanOut - 1} ` +
        `documents -> all their diagnostics: median ${ms(hubEdit.median)} ms`,
    );
    console.log(`  server peak RSS: ${rssAfterIndex.toFixed(0)} MiB after the cold index, ${rss.toFixed(0)} MiB at the end`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
