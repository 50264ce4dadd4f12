import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import * as path from "node:path";

/** The official SARIF 2.1.0 schema (draft-07), vendored as test data: validation never goes online. */
export const SARIF_SCHEMA_PATH = path.resolve(__dirname, "../fixtures/sarif/sarif-schema-2.1.0.json");

let compiled: ValidateFunction | undefined;

export function sarifValidator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA_PATH, "utf8")) as object);
  }
  return compiled;
}

/** The parts of a SARIF log the tests read. */
export interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[];
      };
    };
    originalUriBaseIds: Record<string, { uri?: string; description?: { text: string } }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[];
      properties: { pointer: string };
      suppressions?: { kind: string; justification?: string; properties?: { until?: string } }[];
    }[];
  }[];
}
