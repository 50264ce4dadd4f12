// The validators generated ahead of time (scripts/generate-validators.mjs) must behave exactly like
// the schemas compiled by ajv at run time with the options SchemaRegistry used to compile with, and
// the committed file must be what the generator writes for the schemas as they are now.
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { isDeepStrictEqual } from "node:util";
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";
import { generateValidators, OUTPUT } from "../../../scripts/generate-validators.mjs";
import { parseGenesisDocument } from "../../../server/src/core/parse/document";
import { allowedValues, schemaAt } from "../../../server/src/core/schema/navigate";
import { COMMON_SCHEMA, isGenesisDate, SCHEMAS, SchemaRegistry, type SchemaName } from "../../../server/src/core/schema/registry";
import { validConfig, validDataset, validModel, validPipeline } from "../schemas/support";

const ROOT = path.resolve(__dirname, "../../..");
const NAMES = Object.keys(SCHEMAS) as SchemaName[];

/** ajv as SchemaRegistry configured it before the validators were generated. */
function runTimeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, validateFormats: true });
  addFormats(ajv);
  ajv.addFormat("genesis-date", { type: "string", validate: isGenesisDate });
  ajv.addSchema(COMMON_SCHEMA);
  return ajv;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

/** The value of every YAML, JSON and Markdown (front matter) file under `dir`, as the checker reads it. */
function valuesUnder(dir: string): { label: string; value: unknown }[] {
  const values: { label: string; value: unknown }[] = [];
  for (const file of filesUnder(dir)) {
    const label = path.relative(ROOT, file);
    const text = readFileSync(file, "utf8");
    const document = parseGenesisDocument({ path: file, text });
    if (document) values.push({ label, value: document.tree.value });
    else if (/\.(ya?ml|cwl)$/.test(file)) values.push({ label, value: parseYaml(text, { uniqueKeys: false }) });
    else if (/\.json$/.test(file)) values.push({ label, value: JSON.parse(text) });
  }
  return values;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function setAt(root: unknown, segments: readonly string[], change: (parent: Record<string, unknown>, key: string) => void): unknown {
  const copy = clone(root);
  let parent = copy as Record<string, unknown>;
  for (const segment of segments.slice(0, -1)) parent = parent[segment] as Record<string, unknown>;
  change(parent, segments[segments.length - 1]);
  return copy;
}

/**
 * Variants of a valid document that break it in many ways: every value replaced by values of the
 * wrong type, shape, pattern or format, by an empty string and by each value its schema allows
 * (which switches if/then branches); every property removed; an unknown property in every mapping.
 */
function variants(name: SchemaName, valid: Record<string, unknown>): { label: string; value: unknown }[] {
  const out: { label: string; value: unknown }[] = [];
  const replacements: unknown[] = [
    42,
    1.5,
    -1,
    true,
    null,
    "",
    "NOT valid ~~",
    "([",
    "not-an-email",
    "2026-13-45",
    "2026-01-15T08:30:00Z",
    "",
    {},
    [],
    ["x"],
    [{}],
  ];
  const walk = (node: unknown, segments: string[]): void => {
    const pointer = segments.map((s) => `/${s}`).join("");
    if (segments.length > 0) {
      const allowed = allowedValues(schemaAt(name, pointer)) ?? [];
      for (const replacement of [...replacements, ...allowed]) {
        out.push({
          label: `${pointer} = ${JSON.stringify(replacement)}`,
          value: setAt(valid, segments, (parent, key) => (parent[key] = replacement)),
        });
      }
      if (!Array.isArray(node)) {
        out.push({
          label: `without ${pointer}`,
          value: setAt(valid, segments, (parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key])),
        });
      }
    }
    if (typeof node === "object" && node !== null) {
      if (!Array.isArray(node)) {
        const value = segments.length
          ? setAt(valid, [...segments, "bogusProperty"], (parent, key) => (parent[key] = 1))
          : { ...valid, bogusProperty: 1 };
        out.push({ label: `${pointer}/bogusProperty = 1`, value });
      }
      for (const [key, child] of Object.entries(node)) walk(child, [...segments, key]);
    }
  };
  walk(valid, []);
  return out;
}

describe("generated schema validators", function () {
  this.timeout(60000);

  const ajv = runTimeAjv();
  const compiled = new Map<SchemaName, ValidateFunction>(NAMES.map((name) => [name, ajv.compile(SCHEMAS[name])]));
  const registry = new SchemaRegistry();

  const runTime = (name: SchemaName, value: unknown): ErrorObject[] => {
    const validate = compiled.get(name)!;
    return validate(value) ? [] : [...(validate.errors ?? [])];
  };

  /** Validates every value against the schemas both ways; the keywords of the errors seen, by schema. */
  function compareAll(values: { label: string; value: unknown }[], names = NAMES): Map<SchemaName, Set<string>> {
    const keywords = new Map<SchemaName, Set<string>>(NAMES.map((name) => [name, new Set<string>()]));
    for (const { label, value } of values) {
      for (const name of names) {
        const expected = runTime(name, value);
        const actual = registry.validate(name, value);
        // isDeepStrictEqual first: assert's diff of large schemas is slow, and needed only on failure.
        if (!isDeepStrictEqual(actual, expected)) assert.deepStrictEqual(actual, expected, `${name}: ${label}`);
        for (const error of expected) keywords.get(name)!.add(error.keyword);
      }
    }
    return keywords;
  }

  it("give the same errors as run-time ajv for every document under examples/ and test/fixtures/", function () {
    const values = [...valuesUnder(path.join(ROOT, "examples")), ...valuesUnder(path.join(ROOT, "test/fixtures"))];
    assert.ok(values.length > 100, `found ${values.length} documents`);
    const keywords = compareAll(values);
    for (const [name, seen] of keywords) assert.ok(seen.size >= 3, `${name}: the documents fail only ${[...seen].join(", ")}`);
  });

  it("give the same errors for values that are not mappings", function () {
    compareAll(
      [undefined, null, 0, "DatasetManifest", [], [{ apiVersion: "genesis/v1" }], {}].map((value) => ({
        label: JSON.stringify(value) ?? "undefined",
        value,
      })),
    );
  });

  const fixtures: Record<SchemaName, Record<string, unknown>> = {
    DatasetManifest: validDataset,
    ModelCard: validModel,
    PipelineConfig: validPipeline,
    GenesisConfig: validConfig,
  };
  for (const name of NAMES) {
    it(`give the same errors for broken variants of a valid ${name}`, function () {
      assert.deepEqual(registry.validate(name, fixtures[name]), []);
      const values = variants(name, fixtures[name]);
      assert.ok(values.length > 100, `${values.length} variants`);
      const keywords = compareAll(values, [name]).get(name)!;
      // The keywords the schema uses, itself or through common.schema.json.
      const own = JSON.stringify(SCHEMAS[name]);
      const used = own.includes("common.schema.json#") ? own + JSON.stringify(COMMON_SCHEMA) : own;
      for (const keyword of ["required", "additionalProperties", "type", "enum", "const", "pattern", "minLength", "format"]) {
        if (used.includes(`"${keyword}":`))
          assert.ok(keywords.has(keyword), `a variant of ${name} fails "${keyword}" (seen: ${[...keywords].join(", ")})`);
      }
    });
  }

  it("check the genesis-date, email and regex formats as run-time ajv does", function () {
    const cases: { at: string[]; format: string; values: string[] }[] = [
      {
        at: ["datePublished"],
        format: "genesis-date",
        values: ["2026-01-15", "2026-01-15T08:30:00+0100", "2026-02-30", "2026-1-5", "2026-01-15T25:00:00Z", "yesterday"],
      },
      { at: ["creators", "0", "email"], format: "email", values: ["ada@lab.example.gov", "ada", "ada@", "a b@c.d", "ada@lab..gov"] },
      {
        at: ["recordSets", "0", "fields", "0", "constraints", "pattern"],
        format: "regex",
        values: ["^ST[0-9]{4}$", "([", "x{2,1}", "\\", "(?<n>a)"],
      },
    ];
    for (const { at, format, values } of cases) {
      const documents = values.map((value) => ({
        label: `${at.join("/")} = ${value}`,
        value: setAt(validDataset, at, (parent, key) => (parent[key] = value)),
      }));
      compareAll(documents, ["DatasetManifest"]);
      const failed = documents.filter((d) =>
        registry
          .validate("DatasetManifest", d.value)
          .some((e) => e.keyword === "format" && (e.params as { format?: string }).format === format),
      );
      assert.ok(failed.length > 0 && failed.length < documents.length, `${format}: ${failed.length} of ${documents.length} fail`);
    }
  });

  it("are what the generator writes for the schemas now (run node scripts/generate-validators.mjs)", function () {
    assert.ok(
      readFileSync(OUTPUT, "utf8") === generateValidators(),
      `${path.relative(ROOT, OUTPUT)} is stale: run node scripts/generate-validators.mjs`,
    );
  });

  it("need only ajv's run-time helpers, not its compiler", function () {
    const script = `require(${JSON.stringify(OUTPUT)}); console.log(JSON.stringify(Object.keys(require.cache)));`;
    const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    assert.equal(run.status, 0, run.stderr);
    const loaded = JSON.parse(run.stdout) as string[];
    const ajvModules = loaded.filter((file) => /[\\/]node_modules[\\/]ajv[\\/]/.test(file));
    assert.ok(ajvModules.length > 0 && ajvModules.every((file) => /[\\/]ajv[\\/]dist[\\/]runtime[\\/]/.test(file)), ajvModules.join("\n"));
  });
});
