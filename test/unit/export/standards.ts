import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { Engine, exportInputOf, type ExportInput } from "../../../server/src/core/index";
import { runCheck } from "../../../server/src/cli/run";

/**
 * The standards' own schemas and contexts, vendored as test data (test/fixtures/export/standards/SOURCES.md):
 * every validation here runs offline, and a JSON-LD document loader that is asked for anything else throws.
 */
export const STANDARDS = path.resolve(__dirname, "../../fixtures/export/standards");
export const REPOSITORY = path.resolve(__dirname, "../../..");

function readJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(STANDARDS, name), "utf8")) as Record<string, unknown>;
}

/** The ro-crate package's own validator (RO-Crate 1.2 rules), used without its context fetch. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { Validator: RoCrateValidator } = require("ro-crate/lib/validator") as {
  Validator: new () => {
    parseJSON(json: unknown): void;
    rootDataEntity(): void;
    checkFiles(files: Record<string, { exists: boolean }>): void;
    results: { id: string; status: string; message: string; entity?: string }[];
  };
};

/** Every file under `root`, by its `/`-separated path relative to it, as the validator's checkFiles takes them. */
export function filesUnder(root: string): Record<string, { exists: boolean }> {
  const found: Record<string, { exists: boolean }> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else found[path.relative(root, full).split(path.sep).join("/")] = { exists: true };
    }
  };
  walk(root);
  return found;
}

let cycloneDx: ValidateFunction | undefined;

/** CycloneDX 1.6 (draft-07), with the SPDX license list and JSF schemas it refers to, as the CycloneDX library loads them. */
export function cycloneDxValidator(): ValidateFunction {
  if (!cycloneDx) {
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      schemas: {
        "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json": readJson("cyclonedx-spdx.schema.json"),
        "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json": readJson("cyclonedx-jsf-0.82.schema.json"),
      },
      loadSchema: (uri) => Promise.reject(new Error(`no remote schema: ${uri}`)),
    });
    addFormats(ajv);
    ajv.addFormat("idn-email", true);
    ajv.addFormat("iri-reference", true);
    cycloneDx = ajv.compile(readJson("cyclonedx-bom-1.6.schema.json"));
  }
  return cycloneDx;
}

/** Contexts by URL, for `jsonld`'s document loader. */
const CONTEXTS: Readonly<Record<string, string>> = {
  "https://w3id.org/ro/crate/1.2/context": "ro-crate-1.2-context.json",
};

/** A JSON-LD document loader that serves the vendored contexts and refuses every other URL: never the network. */
export async function offlineLoader(url: string): Promise<{ contextUrl: undefined; documentUrl: string; document: unknown }> {
  const file = CONTEXTS[url];
  if (!file) throw new Error(`offline: refusing to load ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: readJson(file) };
}

/** The Croissant 1.1 context of the specification's Appendix 1. */
export function croissantContext(): Record<string, unknown> {
  return readJson("croissant-1.1-context.jsonld")["@context"] as Record<string, unknown>;
}

export function roCrateContext(): Record<string, unknown> {
  return readJson("ro-crate-1.2-context.json")["@context"] as Record<string, unknown>;
}

const loaded = new Map<string, Promise<Awaited<ReturnType<typeof runCheck>>>>();

/** A workspace folder loaded as the CLI loads it (no data files read), once per test run. */
export function loadWorkspace(folder: string): ReturnType<typeof runCheck> {
  let run = loaded.get(folder);
  if (!run) {
    run = runCheck({ paths: [folder], noIo: true, jobs: 1 }, REPOSITORY, new Engine({ today: () => "2026-01-15" }));
    loaded.set(folder, run);
  }
  return run;
}

export const FIXED_CLOCK = (): Date => new Date("2026-01-15T08:30:00.000Z");

/** The export input of the documents under `under` (all of the folder by default), with a fixed clock. */
export async function inputOf(folder: string, under?: (documentPath: string) => boolean): Promise<ExportInput> {
  const run = await loadWorkspace(folder);
  return exportInputOf(
    run.workspace.host,
    { tool: { name: "genesis-readiness", version: "0.0.0-test" }, now: FIXED_CLOCK, title: path.basename(folder) },
    under,
  );
}

/** The two workspaces every target is validated on. */
export const WORKSPACES = ["examples", "test/fixtures/workspaces/ocean-glider"] as const;
