/** Shared by the schema tests: a strict ajv with the schemas, helpers, and one valid document per kind. */
import { strict as assert } from "node:assert";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ErrorObject, ValidateFunction } from "ajv";

import common from "../../../schemas/common.schema.json";
import datasetManifest from "../../../schemas/dataset-manifest.schema.json";
import pipelineConfig from "../../../schemas/pipeline-config.schema.json";
import modelCard from "../../../schemas/model-card.schema.json";
import genesisConfig from "../../../schemas/genesis-config.schema.json";

export type Json = Record<string, unknown>;

export const GENESIS_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export const ALL_SCHEMAS: Record<string, Json> = {
  "common.schema.json": common as Json,
  "dataset-manifest.schema.json": datasetManifest as Json,
  "pipeline-config.schema.json": pipelineConfig as Json,
  "model-card.schema.json": modelCard as Json,
  "genesis-config.schema.json": genesisConfig as Json,
};

export function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addFormat("genesis-date", GENESIS_DATE);
  ajv.addSchema(common);
  return ajv;
}

export const ajv = makeAjv();
export const validators: Record<string, ValidateFunction> = {
  dataset: ajv.compile(datasetManifest),
  pipeline: ajv.compile(pipelineConfig),
  model: ajv.compile(modelCard),
  config: ajv.compile(genesisConfig),
};

export function errorsOf(kind: keyof typeof validators, doc: unknown): ErrorObject[] {
  const validate = validators[kind];
  validate(doc);
  return validate.errors ? [...validate.errors] : [];
}

export function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || "/"} ${e.keyword} ${e.message ?? ""} ${JSON.stringify(e.params)}`).join("\n");
}

export function assertValid(kind: keyof typeof validators, doc: unknown): void {
  const errors = errorsOf(kind, doc);
  assert.equal(errors.length, 0, `expected no errors, got:\n${describeErrors(errors)}`);
}

export function missing(errors: ErrorObject[], property: string, instancePath = ""): ErrorObject | undefined {
  return errors.find(
    (e) =>
      e.keyword === "required" &&
      (e.params as { missingProperty?: string }).missingProperty === property &&
      e.instancePath === instancePath,
  );
}

export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// Walks a schema and reports every property-like subschema without a description.
export function findUndescribed(node: unknown, path: string, out: string[]): void {
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

export function collectKeyword(node: unknown, keyword: string, path: string, out: string[]): void {
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

export const SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
export const IMAGE = `registry.example.gov/ocean/qc:1.3@sha256:${SHA}`;

export const validDataset = {
  apiVersion: "genesis/v1",
  kind: "DatasetManifest",
  id: "ocean-temps-2025",
  version: "1.2.0",
  name: "Ocean surface temperatures, 2025 buoy campaign",
  description: "Hourly sea-surface temperatures from 120 moored buoys, quality-controlled.",
  license: "CC-BY-4.0",
  creators: [
    { name: "Ada Lovelace", email: "ada@lab.example.gov", orcid: "0000-0002-1825-0097", affiliation: "Example National Laboratory" },
  ],
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

export const validPipeline = {
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

export const validModel = {
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

export const validConfig = {
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
export { common, datasetManifest, genesisConfig, modelCard, pipelineConfig };
