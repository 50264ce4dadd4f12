/**
 * `npm run bench`: time from an LSP change to the matching publishDiagnostics, over stdio against
 * the bundled server, for generated dataset manifests; and the in-process floor (one `yaml` parse
 * plus one schema validation of the same text). Reports medians and p95 over many edits spread
 * through each document. Set BENCH_SIZES=100,1000 to choose sizes, BENCH_EDITS=40 for edit count.
 */
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseDocument } from "yaml";
import { SchemaRegistry } from "../../server/src/core/schema/registry";
import { LspTestClient, SERVER_PATH } from "../support/lsp-client";
import { editableLines, generateManifest } from "./generate";
import { median, ms, percentile } from "./stats";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,10000").split(",").map(Number);
const EDITS = Number(process.env.BENCH_EDITS ?? 40);

interface Row {
  lines: number;
  diagnostics: number;
  open: number;
  incremental: number[];
  full: number[];
  floor: number[];
}

async function measureServer(lines: number): Promise<Row> {
  const text = generateManifest(lines);
  const client = new LspTestClient("file:///bench");
  await client.initialize();
  const uri = `file:///bench/generated-${lines}.dataset.yaml`;
  let version = 1;

  const opened = client.diagnosticsFor(uri, (p) => p.version === 1, 60_000);
  const openStart = performance.now();
  await client.open(uri, "yaml", text, version);
  const first = await opened;
  const open = performance.now() - openStart;

  const targets = editableLines(text);
  const pick = (i: number) => targets[Math.floor(((i + 0.5) * targets.length) / EDITS) % targets.length];
  const incremental: number[] = [];
  const current = text.split("\n");
  for (let i = 0; i < EDITS; i++) {
    const line = pick(i);
    version++;
    const done = client.diagnosticsFor(uri, (p) => p.version === version, 60_000);
    const start = performance.now();
    await client.changeRange(
      uri,
      version,
      { start: { line, character: current[line].length }, end: { line, character: current[line].length } },
      "7",
    );
    await done;
    incremental.push(performance.now() - start);
    current[line] += "7";
  }
  const full: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const line = pick(i);
    current[line] = current[line].slice(0, -1);
    const nextText = current.join("\n");
    version++;
    const done = client.diagnosticsFor(uri, (p) => p.version === version, 60_000);
    const start = performance.now();
    await client.changeFull(uri, version, nextText);
    await done;
    full.push(performance.now() - start);
  }
  await client.shutdown();

  const registry = new SchemaRegistry();
  const floor: number[] = [];
  for (let i = 0; i < Math.min(EDITS, 15); i++) {
    const start = performance.now();
    const value = parseDocument(text).toJS();
    registry.validate("DatasetManifest", value);
    floor.push(performance.now() - start);
  }
  return { lines: text.split("\n").length - 1, diagnostics: first.diagnostics.length, open, incremental, full, floor };
}

async function main(): Promise<void> {
  if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run "npm run build" first`);
  console.log(`Genesis language server over stdio, ${EDITS} single-character edits per size, node ${process.version}`);
  console.log("times in ms: change -> publishDiagnostics (median / p95); floor = one yaml parse + one ajv validate in-process (median)\n");
  console.log(
    ["lines", "diags", "open", "incremental med", "p95", "full-sync med", "p95", "floor med"].map((h) => h.padStart(15)).join(""),
  );
  for (const lines of SIZES) {
    const row = await measureServer(lines);
    console.log(
      [
        row.lines,
        row.diagnostics,
        ms(row.open),
        ms(median(row.incremental)),
        ms(percentile(row.incremental, 95)),
        ms(median(row.full)),
        ms(percentile(row.full, 95)),
        ms(median(row.floor)),
      ]
        .map((c) => String(c).padStart(15))
        .join(""),
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
