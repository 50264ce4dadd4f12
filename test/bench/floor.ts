/**
 * The in-process floor of checking a document from scratch: one `yaml` parse to plain data plus one
 * validation with the compiled ajv schema, as the server's full path does at the least.
 */
import { performance } from "node:perf_hooks";
import { parseDocument } from "yaml";
import { SchemaRegistry } from "../../server/src/core/schema/registry";

export interface Floor {
  parse: number[];
  validate: number[];
  /** parse + validate of the same round. */
  total: number[];
  /** How many errors ajv reports for the text: the schema mistakes every server must find. */
  schemaErrors: number;
}

const registry = new SchemaRegistry();

export function measureFloor(text: string, rounds: number): Floor {
  // Compile the schema outside the timed rounds, as a running server has long done.
  const schemaErrors = registry.validate("DatasetManifest", parseDocument(text).toJS()).length;
  const floor: Floor = { parse: [], validate: [], total: [], schemaErrors };
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    const value = parseDocument(text).toJS();
    const parsed = performance.now();
    registry.validate("DatasetManifest", value);
    const validated = performance.now();
    floor.parse.push(parsed - start);
    floor.validate.push(validated - parsed);
    floor.total.push(validated - start);
  }
  return floor;
}
