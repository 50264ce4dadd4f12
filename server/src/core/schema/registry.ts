import type { ErrorObject } from "ajv";
import common from "../../../../schemas/common.schema.json";
import datasetManifest from "../../../../schemas/dataset-manifest.schema.json";
import genesisConfig from "../../../../schemas/genesis-config.schema.json";
import modelCard from "../../../../schemas/model-card.schema.json";
import pipelineConfig from "../../../../schemas/pipeline-config.schema.json";
import type { DocumentKind } from "../types";
import * as generated from "./validators.generated";

export { GENESIS_DATE, isGenesisDate } from "./genesis-date";

export type SchemaName = DocumentKind | "GenesisConfig";

export const SCHEMAS: Readonly<Record<SchemaName, Record<string, unknown>>> = {
  DatasetManifest: datasetManifest,
  ModelCard: modelCard,
  PipelineConfig: pipelineConfig,
  GenesisConfig: genesisConfig,
};

export const COMMON_SCHEMA: Record<string, unknown> = common;

/**
 * Validators compiled ahead of time (scripts/generate-validators.mjs) with the options this
 * registry used to compile with at run time: allErrors, verbose, strict off, formats validated.
 */
const VALIDATORS: Readonly<Record<SchemaName, generated.GeneratedValidator>> = {
  DatasetManifest: generated.DatasetManifest,
  ModelCard: generated.ModelCard,
  PipelineConfig: generated.PipelineConfig,
  GenesisConfig: generated.GenesisConfig,
};

/** The schemas, ready to validate with: a plain function call, nothing compiled at run time. */
export class SchemaRegistry {
  /** ajv errors (verbose: with schema, parentSchema and data), empty when the value is valid. */
  validate(name: SchemaName, value: unknown): ErrorObject[] {
    const validator = VALIDATORS[name];
    return validator(value) ? [] : [...(validator.errors ?? [])];
  }
}
