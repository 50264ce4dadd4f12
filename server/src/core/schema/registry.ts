import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import common from "../../../../schemas/common.schema.json";
import datasetManifest from "../../../../schemas/dataset-manifest.schema.json";
import genesisConfig from "../../../../schemas/genesis-config.schema.json";
import modelCard from "../../../../schemas/model-card.schema.json";
import pipelineConfig from "../../../../schemas/pipeline-config.schema.json";
import type { DocumentKind } from "../types";

/** ISO 8601 date or date-time, as §2 allows (`2026-01-15`, `2026-01-15T08:30:00Z`). */
export const GENESIS_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;

export type SchemaName = DocumentKind | "GenesisConfig";

export const SCHEMAS: Readonly<Record<SchemaName, Record<string, unknown>>> = {
  DatasetManifest: datasetManifest,
  ModelCard: modelCard,
  PipelineConfig: pipelineConfig,
  GenesisConfig: genesisConfig,
};

export const COMMON_SCHEMA: Record<string, unknown> = common;

/** The schemas compiled once; validation is a plain function call afterwards. */
export class SchemaRegistry {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<SchemaName, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addFormat("genesis-date", GENESIS_DATE);
    this.ajv.addSchema(common);
  }

  validate(name: SchemaName, value: unknown): ErrorObject[] {
    let validator = this.compiled.get(name);
    if (!validator) {
      validator = this.ajv.compile(SCHEMAS[name]);
      this.compiled.set(name, validator);
    }
    return validator(value) ? [] : [...(validator.errors ?? [])];
  }

  /** A schema object by its `$ref`-style reference, for walking nested definitions. */
  resolveRef(ref: string): Record<string, unknown> | undefined {
    return this.ajv.getSchema(ref)?.schema as Record<string, unknown> | undefined;
  }
}
