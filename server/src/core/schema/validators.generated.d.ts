// Types of validators.generated.js (written by scripts/generate-validators.mjs; this file is not).
import type { ErrorObject } from "ajv";

/** An ajv standalone validator: true if `data` is valid; otherwise `errors` holds the errors. */
export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const DatasetManifest: GeneratedValidator;
export declare const ModelCard: GeneratedValidator;
export declare const PipelineConfig: GeneratedValidator;
export declare const GenesisConfig: GeneratedValidator;
