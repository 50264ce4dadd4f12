/**
 * `npm run bench`, side by side: this project's language server and Red Hat's yaml-language-server
 * (a dev dependency, given the dataset manifest schema through `yaml.schemas`), both over stdio,
 * on the same generated dataset manifests, clean and with 1% schema mistakes, in one run. For each:
 * didOpen -> publish, single-character didChange -> publish (incremental and full sync; medians
 * and p95 over edits spread through the document), the schema findings both report, peak RSS,
 * and their ratio; the in-process floor (one `yaml` parse + one ajv validate); start-up times and
 * the bundle sizes. BENCH_SIZES=100,1000 chooses sizes, BENCH_EDITS=40 the edits per size (a
 * quarter of them at 50,000 lines and more).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { SERVER_PATH } from "../support/lsp-client";
import { genesis, yamlLanguageServer, type Contender } from "./contenders";
import { runSession, type Session } from "./edit-session";
import { measureFloor } from "./floor";
import { generateManifest, writeDistributionFiles } from "./generate";
import { writeBundledSchema } from "./schema-bundle";
import { runSchemaCheck, SCHEMA_CHECK_MISTAKES } from "./schema-check";
import { median, ms, percentile } from "./stats";

const SIZES = (process.env.BENCH_SIZES ?? "100,1000,10000,50000").split(",").map(Number);
const EDITS = Number(process.env.BENCH_EDITS ?? 40);
/**
 * yaml-language-server needs seconds per edit at 50,000 lines: fewer edits there keep the run under
 * ten minutes. By the requested size: the generated text has a few lines less.
 */
const editsAt = (size: number) => (size >= 50_000 ? Math.max(2, Math.ceil(EDITS / 4)) : EDITS);
const STARTS = 3;
const DOCUMENTS = [
  { label: "clean", mistakeRate: 0 },
  { label: "1% errors", mistakeRate: 0.01 },
];
const SCHEMA_SOURCE = path.resolve(__dirname, "../../schemas/dataset-manifest.schema.json");
const DIST = path.resolve(__dirname, "../../dist");

const COLUMNS: [string, number][] = [
  ["lines", 8],
  ["document", 11],
  ["server", 29],
  ["edits", 6],
  ["schema (all)", 13],
  ["open", 9],
  ["incr med", 10],
  ["p95", 9],
  ["full med", 10],
  ["p95", 9],
  ["peak RSS", 10],
  ["checks", 8],
];

function row(cells: (string | number)[]): string {
  return cells.map((cell, i) => (i < 3 ? String(cell).padEnd(COLUMNS[i][1]) : String(cell).padStart(COLUMNS[i][1]))).join("");
}

const ratio = (theirs: number, ours: number) =>
  Number.isFinite(theirs / ours) ? `×${(theirs / ours).toFixed(theirs / ours < 10 ? 2 : 1)}` : "-";
const mib = (value: number) => `${value.toFixed(0)} MiB`;

function sessionRow(lines: string, document: string, contender: Contender, edits: number, session: Session): string {
  const found = contender === genesis ? `${session.schemaFindings} (${session.diagnostics})` : String(session.diagnostics);
  const problems = [session.wrong && `${session.wrong} wrong`, session.extra && `${session.extra} extra`].filter(Boolean).join(", ");
  return row([
    lines,
    document,
    contender.name,
    edits,
    found,
    ms(session.open),
    ms(median(session.incremental)),
    ms(percentile(session.incremental, 95)),
    ms(median(session.full)),
    ms(percentile(session.full, 95)),
    mib(session.peakRssMiB),
    problems || "ok",
  ]);
}

async function printSchemaAgreement(contenders: Contender[], root: string): Promise<void> {
  console.log(
    `\n` +
      `Schema agreement on one manifest with ${SCHEMA_CHECK_MISTAKES} schema mistakes ($refs into $defs, ` +
      `if/then, contains, patterns, enum, type, minimum, additionalProperties):`,
  );
  const checks = [];
  for (const contender of contenders) checks.push(await runSchemaCheck(contender, root));
  for (const check of checks) console.log(`  ${check.contender}: ${check.findings.length} schema findings`);
  if (checks.some((check) => check.findings.length !== SCHEMA_CHECK_MISTAKES)) {
    for (const check of checks) console.log(`  ${check.contender}:\n${check.findings.map((f) => `    ${f}`).join("\n")}`);
  }
}

async function printStartUp(contenders: Contender[], root: string): Promise<void> {
  const text = generateManifest(100);
  console.log(
    `\n` +
      `Start-up: fresh server process, ${text.split("\n").length - 1}-line clean ` +
      `manifest opened right after initialization, median (min-max) of ${STARTS} starts`,
  );
  console.log(`  ${"server".padEnd(29)}${"spawn -> initialize result".padStart(30)}${"spawn -> first diagnostics".padStart(30)}`);
  for (const contender of contenders) {
    const initialize: number[] = [];
    const firstDiagnostics: number[] = [];
    for (let i = 0; i < STARTS; i++) {
      const server = await contender.start(pathToFileURL(root).toString());
      const uri = pathToFileURL(path.join(root, `start-${i}.dataset.yaml`)).toString();
      const published = server.publishFor(uri, 1, () => true, 60_000);
      await server.client.open(uri, "yaml", text, 1);
      await published;
      firstDiagnostics.push(performance.now() - server.spawnedAt);
      initialize.push(server.initializeMs);
      await server.stop();
    }
    const spread = (values: number[]) => `${ms(median(values))} ms (${ms(Math.min(...values))}-${ms(Math.max(...values))})`;
    console.log(`  ${contender.name.padEnd(29)}${spread(initialize).padStart(30)}${spread(firstDiagnostics).padStart(30)}`);
  }
}

function printBundleSizes(): void {
  const bundles = readdirSync(DIST).filter((name) => name.endsWith(".js"));
  const sizes = bundles.map((name) => `${name} ${(statSync(path.join(DIST, name)).size / 1024).toFixed(0)} KiB`);
  console.log(`\nBundle sizes (dist/*.js as they are; npm run bench builds them minified, as they ship): ${sizes.join(", ")}`);
}

async function printSideBySide(contenders: Contender[], root: string): Promise<void> {
  console.log("\nKeystroke to diagnostics, side by side (ms; each row a fresh server process; ratio = yaml-language-server ÷ genesis):");
  console.log(row(COLUMNS.map(([title]) => title)));
  for (const size of SIZES) {
    for (const { label, mistakeRate } of DOCUMENTS) {
      const text = generateManifest(size, mistakeRate);
      writeDistributionFiles(root, text);
      const lines = text.split("\n").length - 1;
      const edits = editsAt(size);
      const floor = measureFloor(text, Math.max(3, Math.min(edits, 15)));
      const sessions: Session[] = [];
      for (const contender of contenders) {
        const session = await runSession(contender, root, text, edits, floor.schemaErrors);
        sessions.push(session);
        console.log(
          sessionRow(
            sessions.length === 1 ? lines.toLocaleString("en-US") : "",
            sessions.length === 1 ? label : "",
            contender,
            edits,
            session,
          ),
        );
      }
      const [ours, theirs] = sessions;
      console.log(
        row([
          "",
          "",
          "ratio",
          "",
          "",
          ratio(theirs.open, ours.open),
          ratio(median(theirs.incremental), median(ours.incremental)),
          "",
          ratio(median(theirs.full), median(ours.full)),
          "",
          ratio(theirs.peakRssMiB, ours.peakRssMiB),
          "",
        ]),
      );
      console.log(
        `${"".padEnd(19)}floor (in-process, median of ${floor.total.length}): ` +
          `yaml parse ${ms(median(floor.parse))} + ajv validate ${ms(median(floor.validate))} = ${ms(median(floor.total))} ms; ` +
          `ajv finds ${floor.schemaErrors} schema mistakes`,
      );
    }
  }
}

async function main(): Promise<void> {
  if (!existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run "npm run build" first`);
  const work = mkdtempSync(path.join(tmpdir(), "genesis-bench-sbs-"));
  try {
    const schemaFolder = path.join(work, "schema");
    const root = path.join(work, "workspace");
    mkdirSync(schemaFolder);
    mkdirSync(root);
    const schemaFile = writeBundledSchema(SCHEMA_SOURCE, schemaFolder);
    const contenders = [genesis, yamlLanguageServer(schemaFile)];

    console.log(
      `\nSide by side: ${contenders.map((c) => c.name).join(" and ")}, both over stdio; node ${process.version}, ${cpus().length} CPUs`,
    );
    console.log(
      `  yaml-language-server: yaml.schemas -> a self-contained draft 2020-12 bundle of ` +
        `schemas/dataset-manifest.schema.json (common.schema.json's $defs inlined), schema store off`,
    );
    console.log(
      `  edits: type "x" after a "bytes:" number (a schema type mistake) ` +
        `with incremental changes, then delete each again with full-text changes`,
    );
    for (const contender of contenders) console.log(`  ${contender.name} answers a change with ${contender.matching}`);
    console.log(
      `  schema (all): schema findings (all diagnostics) after didOpen; checks: ` +
        `every answer showed its edit and as many schema findings as ajv counts`,
    );

    await printSchemaAgreement(contenders, root);
    await printStartUp(contenders, root);
    printBundleSizes();
    await printSideBySide(contenders, root);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
