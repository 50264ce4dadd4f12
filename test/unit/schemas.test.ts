import { strict as assert } from "node:assert";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ErrorObject, ValidateFunction } from "ajv";

import common from "../../schemas/common.schema.json";
import datasetManifest from "../../schemas/dataset-manifest.schema.json";
import pipelineConfig from "../../schemas/pipeline-config.schema.json";
import modelCard from "../../schemas/model-card.schema.json";
import genesisConfig from "../../schemas/genesis-config.schema.json";

type Json = Record<string, unknown>;

const GENESIS_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

const ALL_SCHEMAS: Record<string, Json> = {
  "common.schema.json": common as Json,
  "dataset-manifest.schema.json": datasetManifest as Json,
  "pipeline-config.schema.json": pipelineConfig as Json,
  "model-card.schema.json": modelCard as Json,
  "genesis-config.schema.json": genesisConfig as Json,
};

function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addFormat("genesis-date", GENESIS_DATE);
  ajv.addSchema(common);
  return ajv;
}

const ajv = makeAjv();
const validators: Record<string, ValidateFunction> = {
  dataset: ajv.compile(datasetManifest),
  pipeline: ajv.compile(pipelineConfig),
  model: ajv.compile(modelCard),
  config: ajv.compile(genesisConfig),
};

function errorsOf(kind: keyof typeof validators, doc: unknown): ErrorObject[] {
  const validate = validators[kind];
  validate(doc);
  return validate.errors ? [...validate.errors] : [];
}

function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || "/"} ${e.keyword} ${e.message ?? ""} ${JSON.stringify(e.params)}`).join("\n");
}

function assertValid(kind: keyof typeof validators, doc: unknown): void {
  const errors = errorsOf(kind, doc);
  assert.equal(errors.length, 0, `expected no errors, got:\n${describeErrors(errors)}`);
}

function missing(errors: ErrorObject[], property: string, instancePath = ""): ErrorObject | undefined {
  return errors.find(
    (e) => e.keyword === "required" && (e.params as { missingProperty?: string }).missingProperty === property && e.instancePath === instancePath,
  );
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// Walks a schema and reports every property-like subschema without a description.
function findUndescribed(node: unknown, path: string, out: string[]): void {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return;
  const schema = node as Json;
  const requireDescribed = (child: unknown, childPath: string): void => {
    if (child === null || typeof child !== "object" || Array.isArray(child)) {
      out.push(`${childPath} (not an object schema)`);
      return;
    }
    const description = (child as Json).description;
    if (typeof description !== "string" || description.trim() === "") out.push(childPath);
    findUndescribed(child, childPath, out);
  };
  for (const key of ["properties", "patternProperties", "$defs"] as const) {
    const map = schema[key];
    if (map && typeof map === "object") {
      for (const [name, child] of Object.entries(map as Json)) requireDescribed(child, `${path}/${key}/${name}`);
    }
  }
  for (const key of ["items", "additionalProperties"] as const) {
    const child = schema[key];
    if (child && typeof child === "object") requireDescribed(child, `${path}/${key}`);
  }
  for (const key of ["then", "else", "contains", "not"] as const) {
    if (schema[key] && typeof schema[key] === "object") findUndescribed(schema[key], `${path}/${key}`, out);
  }
  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) branches.forEach((b, i) => findUndescribed(b, `${path}/${key}/${i}`, out));
  }
}

function collectKeyword(node: unknown, keyword: string, path: string, out: string[]): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    node.forEach((child, i) => collectKeyword(child, keyword, `${path}/${i}`, out));
    return;
  }
  for (const [key, child] of Object.entries(node as Json)) {
    if (key === keyword) out.push(path);
    collectKeyword(child, keyword, `${path}/${key}`, out);
  }
}

const SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const IMAGE = `registry.example.gov/ocean/qc:1.3@sha256:${SHA}`;

const validDataset = {
  apiVersion: "genesis/v1",
  kind: "DatasetManifest",
  id: "ocean-temps-2025",
  version: "1.2.0",
  name: "Ocean surface temperatures, 2025 buoy campaign",
  description: "Hourly sea-surface temperatures from 120 moored buoys, quality-controlled.",
  license: "CC-BY-4.0",
  creators: [{ name: "Ada Lovelace", email: "ada@lab.example.gov", orcid: "0000-0002-1825-0097", affiliation: "Example National Laboratory" }],
  publisher: "Example National Laboratory",
  datePublished: "2026-01-15",
  dateModified: "2026-02-01T08:30:00Z",
  doi: "10.5281/zenodo.1234567",
  keywords: ["oceanography", "temperature"],
  classification: {
    level: "cui",
    categories: ["PRVCY"],
    dissemination: ["FEDONLY", "REL TO USA, GBR"],
    exportControl: { regime: "ear", eccn: "5D002" },
  },
  access: { policy: "governance/access/ocean.md", roles: ["ocean-analyst"], retentionDays: 365 },
  distribution: [
    { id: "temps-parquet", path: "data/temps.parquet", format: "parquet", sha256: SHA, bytes: 104857600 },
    { id: "readme", path: "https://data.example.gov/ocean/README.json", format: "json", sha256: SHA },
  ],
  recordSets: [
    {
      id: "readings",
      source: "temps-parquet",
      primaryKey: ["station_id", "timestamp"],
      fields: [
        { name: "station_id", type: "string", constraints: { required: true, pattern: "^ST[0-9]{4}$" } },
        { name: "timestamp", type: "datetime" },
        { name: "temp_c", type: "number", unit: "Cel", description: "Sea-surface temperature", constraints: { minimum: -2, maximum: 40 } },
        { name: "platform", type: "string", constraints: { enum: ["buoy", "glider"] } },
      ],
    },
  ],
  lineage: {
    derivedFrom: ["raw-buoys@2.0.0"],
    generatedBy: { pipeline: "buoy-qc@1.1.0", runId: "slurm-884213", startedAt: "2026-01-14T22:00:00Z", endedAt: "2026-01-15T03:12:00Z" },
  },
  datasheet: {
    motivation: "Forecast training.",
    composition: "4.2 M readings.",
    collection: "Moored buoys.",
    preprocessing: "Despiked.",
    uses: "Training.",
    limitations: "Gaps in March.",
    biases: "Coastal stations over-represented.",
    personalInformation: "None.",
    maintenance: "Ocean data team.",
  },
};

const validPipeline = {
  apiVersion: "genesis/v1",
  kind: "PipelineConfig",
  id: "buoy-qc",
  version: "1.1.0",
  description: "Quality-controls raw buoy readings and writes the hourly temperature dataset.",
  owner: { name: "Ada Lovelace", email: "ada@lab.example.gov" },
  classification: { level: "internal" },
  engine: { type: "snakemake", entrypoint: "workflow/Snakefile", version: "8.4.0" },
  inputs: [{ name: "raw", ref: "raw-buoys@2.0.0" }],
  outputs: [{ name: "clean", ref: "ocean-temps-2025@1.2.0", classification: { level: "cui", categories: ["PRVCY"] } }],
  steps: [
    { id: "fetch", run: "python fetch.py", container: { image: IMAGE }, network: "internal" },
    {
      id: "qc",
      run: "python -m buoyqc.clean",
      needs: ["fetch"],
      container: { image: IMAGE },
      resources: { cpus: 8, memory: "32Gi", gpus: 0, walltime: "04:00:00" },
      network: "none",
    },
  ],
  scheduler: { type: "slurm", account: "ocean-2026", partition: "cpu", nodes: 2, walltime: "1-00:00:00" },
  environment: { site: "example-hpc", enclave: "moderate", maxClassification: "cui" },
  reproducibility: { seed: 42, lockfile: "uv.lock", deterministic: true },
  ci: { provider: "github-actions", workflow: "/.github/workflows/pipeline.yml" },
  provenance: { emit: "ro-crate" },
  audit: { log: "logs/audit/", retentionDays: 2555 },
  docs: { dataFlowDiagram: "docs/dataflow.svg", architectureDiagram: "docs/architecture.png" },
};

const validModel = {
  apiVersion: "genesis/v1",
  kind: "ModelCard",
  id: "sea-ice-forecaster",
  version: "0.3.0",
  license: "apache-2.0",
  language: ["en"],
  library_name: "pytorch",
  pipeline_tag: "time-series-forecasting",
  tags: ["climate"],
  base_model: "org/base-model",
  datasets: ["org/sea-ice"],
  metrics: ["rmse"],
  "model-index": [
    {
      name: "sea-ice-forecaster",
      results: [
        {
          task: { type: "time-series-forecasting" },
          dataset: { type: "org/sea-ice", name: "Sea ice 2025", split: "test" },
          metrics: [{ type: "rmse", value: 0.42, verified: false }],
        },
      ],
    },
  ],
  co2_eq_emissions: { emissions: 1200, hardware_used: "4 x A100" },
  widget: [{ text: "hello" }],
  inference: false,
  extra_gated_prompt: "You agree to the lab's terms.",
  extra_gated_fields: { Affiliation: "text" },
  owner: { name: "Ada Lovelace", email: "ada@lab.example.gov" },
  contact: "ml-team@lab.example.gov",
  classification: { level: "internal" },
  training: {
    datasets: ["ocean-temps-2025@1.2.0"],
    pipeline: "train-forecaster@2.0.0",
    run: { tracker: "mlflow", runId: "3f2a9c1b", commit: "5503434ddd753f426f4b38109466949a1217c2bb", seed: 42 },
    environment: { lockfile: "uv.lock", image: IMAGE },
  },
  evaluation: {
    datasets: ["ocean-temps-2025@1.2.0"],
    results: [{ metric: "rmse", value: 0.42, dataset: "ocean-temps-2025@1.2.0", split: "test" }],
  },
  artifacts: [
    {
      format: "onnx",
      path: "models/forecaster.onnx",
      sha256: SHA,
      signature: {
        inputs: [{ name: "x", dtype: "float32", shape: ["batch", 24, 8] }],
        outputs: [{ name: "y", dtype: "float32", shape: ["batch", 1] }],
      },
    },
    { format: "oci-image", path: IMAGE },
  ],
  intendedUse: "Seven-day sea-ice extent forecasts for research planning.",
  outOfScopeUse: "Not for navigation.",
  risk: { rmf: ["GOVERN-2", "MAP-2.3"], generative: ["confabulation"], residual: "low", reviewDate: "2026-07-01" },
  governance: { binder: "/governance/", reviewCadence: "quarterly", decommissionPlan: "governance/decommission.md" },
};

const validConfig = {
  profile: "release",
  rules: { "container/latest": "error", "ref/unversioned": "off", "schema/unknown-property": "info" },
  ignore: ["third_party/**"],
  site: {
    registries: ["registry.example.gov"],
    partitions: {
      gpu: { maxWalltime: "2-00:00:00", gpus: true },
      cpu: { maxWalltime: "7-00:00:00", gpus: false },
    },
  },
};

describe("schemas", () => {
  describe("structure", () => {
    for (const [file, schema] of Object.entries(ALL_SCHEMAS)) {
      it(`${file} has $schema, $id, title and description`, () => {
        assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
        assert.equal(schema.$id, `https://genesis-readiness.dev/schemas/${file}`);
        assert.equal(typeof schema.title, "string");
        assert.ok((schema.title as string).length > 0);
        assert.equal(typeof schema.description, "string");
        assert.ok((schema.description as string).length > 0);
      });

      it(`${file} describes every property at every depth`, () => {
        const undescribed: string[] = [];
        findUndescribed(schema, "#", undescribed);
        assert.deepEqual(undescribed, []);
      });

      it(`${file} uses no oneOf`, () => {
        const found: string[] = [];
        collectKeyword(schema, "oneOf", "#", found);
        assert.deepEqual(found, []);
      });
    }

    it("every object schema closes additionalProperties (except the Hugging Face model-index)", () => {
      const open: string[] = [];
      const walk = (node: unknown, path: string, insideIf: boolean): void => {
        if (node === null || typeof node !== "object") return;
        if (Array.isArray(node)) {
          node.forEach((c, i) => walk(c, `${path}/${i}`, insideIf));
          return;
        }
        const s = node as Json;
        if (s.type === "object" && !insideIf && !path.includes("/model-index") && s.additionalProperties === undefined) {
          open.push(path);
        }
        for (const [k, v] of Object.entries(s)) walk(v, `${path}/${k}`, insideIf || k === "if");
      };
      for (const [file, schema] of Object.entries(ALL_SCHEMAS)) walk(schema, file, false);
      assert.deepEqual(open, []);
    });

    it("every kind compiles in strict mode", () => {
      const fresh = makeAjv();
      for (const schema of [datasetManifest, pipelineConfig, modelCard, genesisConfig]) {
        assert.equal(typeof fresh.compile(schema), "function");
      }
    });
  });

  describe("DatasetManifest", () => {
    it("accepts a complete valid manifest", () => {
      assertValid("dataset", validDataset);
    });

    it("requires the header and the required fields", () => {
      const errors = errorsOf("dataset", {});
      for (const p of ["apiVersion", "kind", "id", "version", "name", "description", "license", "creators", "datePublished", "classification", "distribution"]) {
        assert.ok(missing(errors, p), `expected required error for ${p}:\n${describeErrors(errors)}`);
      }
      const wrong = errorsOf("dataset", { ...validDataset, apiVersion: "genesis/v2", kind: "ModelCard" });
      assert.ok(wrong.some((e) => e.keyword === "const" && e.instancePath === "/apiVersion"));
      assert.ok(wrong.some((e) => e.keyword === "const" && e.instancePath === "/kind"));
    });

    it("requires access when classification is above public", () => {
      const doc: Json = clone(validDataset);
      delete doc.access;
      const errors = errorsOf("dataset", doc);
      assert.ok(missing(errors, "access"), describeErrors(errors));
      doc.classification = { level: "public" };
      assertValid("dataset", doc);
    });

    it("requires recordSets when a distribution is tabular", () => {
      const doc: Json = clone(validDataset);
      delete doc.recordSets;
      doc.distribution = [{ id: "t", path: "t.csv", format: "csv" }, { id: "j", path: "j.json", format: "json" }];
      const errors = errorsOf("dataset", doc);
      assert.ok(missing(errors, "recordSets"), describeErrors(errors));
      doc.distribution = [{ id: "j", path: "j.json", format: "json" }, { id: "z", path: "z.zarr", format: "zarr" }];
      assertValid("dataset", doc);
    });

    it("requires lineage.generatedBy when derivedFrom is non-empty", () => {
      const doc: Json = clone(validDataset);
      doc.lineage = { derivedFrom: ["raw-buoys@2.0.0"] };
      const errors = errorsOf("dataset", doc);
      assert.ok(missing(errors, "generatedBy", "/lineage"), describeErrors(errors));
      doc.lineage = { derivedFrom: [] };
      assertValid("dataset", doc);
    });

    it("requires categories for cui-specified and eccn for the ear regime", () => {
      const doc: Json = clone(validDataset);
      doc.classification = { level: "cui-specified", exportControl: { regime: "ear" } };
      const errors = errorsOf("dataset", doc);
      assert.ok(missing(errors, "categories", "/classification"), describeErrors(errors));
      assert.ok(missing(errors, "eccn", "/classification/exportControl"), describeErrors(errors));
      doc.classification = { level: "cui-specified", categories: [] };
      assert.ok(errorsOf("dataset", doc).some((e) => e.keyword === "minItems" && e.instancePath === "/classification/categories"));
    });

    it("does not require sha256 (integrity/checksum-missing reports it)", () => {
      const doc: Json = clone(validDataset);
      doc.distribution = [{ id: "temps-parquet", path: "data/temps.parquet", format: "parquet" }];
      assertValid("dataset", doc);
    });

    it("leaves rule-checked forms to the rules", () => {
      const doc: Json = clone(validDataset);
      doc.version = "v1";
      doc.license = "not a license ((";
      doc.distribution = [{ id: "temps-parquet", path: "../../etc/passwd", format: "parquet", sha256: "XYZ", md5: "nope" }];
      doc.lineage = { derivedFrom: ["raw-buoys"], generatedBy: { pipeline: "buoy-qc" } };
      doc.access = { policy: "~/policy.md" };
      assertValid("dataset", doc);
    });

    it("reports form errors for values no rule covers", () => {
      const doc: Json = clone(validDataset);
      doc.id = "Ocean Temps";
      doc.description = "too short";
      doc.creators = [{ name: "A", orcid: "123", email: "not-an-email" }];
      doc.datePublished = "15/01/2026";
      doc.doi = "doi:10.1/x";
      doc.classification = { level: "cui", categories: ["prvcy"], dissemination: ["NOFORN", "EYES ONLY"] };
      doc.distribution = [{ id: "temps-parquet", path: "p", format: "xlsx", bytes: -1 }];
      const errors = errorsOf("dataset", doc);
      const at = (path: string, keyword: string): boolean => errors.some((e) => e.instancePath === path && e.keyword === keyword);
      assert.ok(at("/id", "pattern"), describeErrors(errors));
      assert.ok(at("/description", "minLength"));
      assert.ok(at("/creators/0/orcid", "pattern"));
      assert.ok(at("/creators/0/email", "format"));
      assert.ok(at("/datePublished", "format"));
      assert.ok(at("/doi", "pattern"));
      assert.ok(at("/classification/categories/0", "pattern"));
      assert.ok(at("/classification/dissemination/1", "pattern"));
      assert.ok(at("/distribution/0/format", "enum"));
      assert.ok(at("/distribution/0/bytes", "minimum"));
    });

    it("flags misspelled keys at every depth", () => {
      const doc: Json = clone(validDataset);
      doc.licence = "MIT";
      (doc.distribution as Json[])[0].shaa256 = SHA;
      (doc.classification as Json).levle = "cui";
      const errors = errorsOf("dataset", doc).filter((e) => e.keyword === "additionalProperties");
      const extra = errors.map((e) => `${e.instancePath}:${(e.params as { additionalProperty: string }).additionalProperty}`).sort();
      assert.deepEqual(extra, ["/classification:levle", "/distribution/0:shaa256", ":licence"]);
    });

    it("accepts ouo and classified markings fail only the level enum", () => {
      const doc: Json = clone(validDataset);
      doc.classification = { level: "ouo" };
      assertValid("dataset", doc);
      doc.classification = { level: "secret" };
      const errors = errorsOf("dataset", doc);
      assert.deepEqual(errors.map((e) => `${e.instancePath} ${e.keyword}`), ["/classification/level enum"]);
    });
  });

  describe("PipelineConfig", () => {
    it("accepts a complete valid pipeline", () => {
      assertValid("pipeline", validPipeline);
    });

    it("requires the required fields", () => {
      const errors = errorsOf("pipeline", {});
      for (const p of ["apiVersion", "kind", "id", "version", "description", "owner", "classification", "engine", "inputs", "outputs", "steps", "environment", "reproducibility"]) {
        assert.ok(missing(errors, p), `expected required error for ${p}:\n${describeErrors(errors)}`);
      }
    });

    it("requires provenance when classification is above public", () => {
      const doc: Json = clone(validPipeline);
      delete doc.provenance;
      const errors = errorsOf("pipeline", doc);
      assert.ok(missing(errors, "provenance"), describeErrors(errors));
      doc.classification = { level: "public" };
      assertValid("pipeline", doc);
    });

    it("checks steps, outputs and resources", () => {
      const doc: Json = clone(validPipeline);
      doc.inputs = [];
      doc.outputs = [];
      doc.steps = [{ id: "a", run: "x", container: {}, resources: { cpus: 1.5, memory: "16GB" }, network: "internet" }];
      const errors = errorsOf("pipeline", doc);
      const at = (path: string, keyword: string): boolean => errors.some((e) => e.instancePath === path && e.keyword === keyword);
      assert.ok(at("/outputs", "minItems"), describeErrors(errors));
      assert.ok(missing(errors, "image", "/steps/0/container"));
      assert.ok(at("/steps/0/resources/cpus", "type"));
      assert.ok(at("/steps/0/resources/memory", "pattern"));
      assert.ok(at("/steps/0/network", "enum"));
      assert.ok(!errors.some((e) => e.instancePath === "/inputs"), "inputs may be empty");
    });

    it("leaves images, walltimes, references and paths to the rules", () => {
      const doc: Json = clone(validPipeline);
      doc.version = "latest";
      doc.inputs = [{ name: "raw", ref: "raw-buoys" }];
      doc.steps = [{ id: "a", run: "x", container: { image: "ubuntu:latest" }, resources: { walltime: "forever" } }];
      doc.scheduler = { type: "slurm", walltime: "25 hours" };
      doc.reproducibility = { lockfile: "/etc/lock" };
      assertValid("pipeline", doc);
    });
  });

  describe("ModelCard", () => {
    it("accepts a complete valid card with Hugging Face keys", () => {
      assertValid("model", validModel);
    });

    it("requires the required fields", () => {
      const errors = errorsOf("model", {});
      for (const p of ["apiVersion", "kind", "id", "version", "license", "owner", "contact", "classification", "training", "evaluation", "artifacts", "intendedUse", "outOfScopeUse", "risk"]) {
        assert.ok(missing(errors, p), `expected required error for ${p}:\n${describeErrors(errors)}`);
      }
      const nested = errorsOf("model", { ...clone(validModel), training: { run: {}, environment: {} }, evaluation: {}, risk: {} });
      assert.ok(missing(nested, "datasets", "/training"), describeErrors(nested));
      assert.ok(missing(nested, "tracker", "/training/run"));
      assert.ok(missing(nested, "lockfile", "/training/environment"));
      assert.ok(missing(nested, "datasets", "/evaluation"));
      assert.ok(missing(nested, "results", "/evaluation"));
      assert.ok(missing(nested, "rmf", "/risk"));
      assert.ok(missing(nested, "residual", "/risk"));
    });

    it("requires license_name and license_link when license is other", () => {
      const doc: Json = clone(validModel);
      doc.license = "other";
      const errors = errorsOf("model", doc);
      assert.ok(missing(errors, "license_name"), describeErrors(errors));
      assert.ok(missing(errors, "license_link"), describeErrors(errors));
      doc.license_name = "lab-research-license";
      doc.license_link = "LICENSE.md";
      assertValid("model", doc);
    });

    it("does not require risk.generative or artifact sha256, and leaves training.run values to repro/run", () => {
      const doc: Json = clone(validModel);
      doc.pipeline_tag = "text-generation";
      doc.risk = { rmf: ["NOT-AN-ID"], residual: "high" };
      doc.artifacts = [{ format: "safetensors", path: "model.safetensors" }];
      (doc.training as Json).run = { tracker: "wandb", runId: 12, commit: "abc", seed: "random" };
      doc.license = "not-a-real-license";
      assertValid("model", doc);
    });

    it("checks enums and value types", () => {
      const doc: Json = clone(validModel);
      doc.contact = "Ada";
      doc.evaluation = { datasets: [], results: [{ metric: "rmse", value: "0.4", dataset: "d@1.0.0" }] };
      doc.artifacts = [{ format: "pickle", path: "m.pkl", signature: { inputs: [{ name: "x", dtype: "float", shape: [-1] }], outputs: [] } }];
      doc.risk = { rmf: [], residual: "none", generative: ["hallucination"] };
      const errors = errorsOf("model", doc);
      const at = (path: string, keyword: string): boolean => errors.some((e) => e.instancePath === path && e.keyword === keyword);
      assert.ok(at("/contact", "format"), describeErrors(errors));
      assert.ok(at("/evaluation/results/0/value", "type"));
      assert.ok(at("/artifacts/0/format", "enum"));
      assert.ok(at("/artifacts/0/signature/inputs/0/dtype", "enum"));
      assert.ok(at("/artifacts/0/signature/inputs/0/shape/0", "anyOf"));
      assert.ok(at("/risk/rmf", "minItems"));
      assert.ok(at("/risk/residual", "enum"));
      assert.ok(at("/risk/generative/0", "enum"));
    });

    it("accepts a bare Hugging Face card's keys and flags unknown ones", () => {
      const doc: Json = clone(validModel);
      doc.language = "en";
      doc.base_model = ["org/a", "org/b"];
      doc.base_model_relation = "merge";
      doc.license_name = "x";
      doc.license_link = "https://example.org/license";
      doc.thumbnail = "https://example.org/t.png";
      doc.model_name = "m";
      doc.model_type = "llama";
      doc.new_version = "org/m2";
      doc.quantized_by = "someone";
      doc.model_creator = "someone";
      doc.extra_gated_heading = "Request access";
      assertValid("model", doc);
      doc.libary_name = "transformers";
      const errors = errorsOf("model", doc);
      assert.deepEqual(errors.map((e) => `${e.keyword}:${(e.params as { additionalProperty?: string }).additionalProperty}`), ["additionalProperties:libary_name"]);
    });
  });

  describe("genesis.config.yaml", () => {
    it("accepts a valid configuration", () => {
      assertValid("config", validConfig);
      assertValid("config", {});
    });

    it("rejects bad profiles, severities, rule ids and unknown keys", () => {
      const errors = errorsOf("config", {
        profile: "prod",
        rules: { "container/latest": "fatal", "Container_Latest": "off" },
        ignore: "third_party/**",
        site: { registries: ["r"], partitions: { gpu: { maxWalltime: "1-00", gpu: true } } },
        extra: 1,
      });
      const at = (path: string, keyword: string): boolean => errors.some((e) => e.instancePath === path && e.keyword === keyword);
      assert.ok(at("/profile", "enum"), describeErrors(errors));
      assert.ok(at("/rules/container~1latest", "enum"));
      assert.ok(at("/rules", "propertyNames"));
      assert.ok(at("/ignore", "type"));
      assert.ok(at("/site/partitions/gpu", "additionalProperties"));
      assert.ok(at("", "additionalProperties"));
    });
  });
});
