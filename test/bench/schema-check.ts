/**
 * Whether both servers apply the same schema, shown on one small manifest whose mistakes need
 * every JSON Schema feature the dataset manifest schema uses: `$ref`s into the inlined `$defs`
 * (also nested ones: person -> orcid), `pattern`, `minimum`, `type`, `enum`,
 * `additionalProperties: false`, and the draft 2020-12 `if`/`then` rules, one of them with
 * `contains`. A server that ignored a keyword or failed to resolve a `$ref` would report fewer.
 */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { Contender } from "./contenders";

export const SCHEMA_CHECK_MANIFEST = `apiVersion: genesis/v1
kind: DatasetManifest
id: Not_A_Slug
version: 1.0.0
name: Schema check
description: A manifest with one mistake for each schema feature the benchmark relies on.
license: CC-BY-4.0
colour: blue
creators:
  - name: Bench Mark
    orcid: 1234-5678
datePublished: 2026-01-15
classification:
  level: internal
  categories: [lower]
distribution:
  - id: part-0
    path: files/part-0.csv
    format: csv
    sha256: ${"a".repeat(64)}
    bytes: -1
  - id: part-1
    path: files/part-1.csv
    format: parqet
    sha256: ${"b".repeat(64)}
    bytes: many
lineage:
  derivedFrom: [raw@1.0.0]
`;

/** Unknown property, 3 patterns (two through nested $refs), minimum, type, enum, and 3 `then` requirements. */
export const SCHEMA_CHECK_MISTAKES = 10;

export interface SchemaCheck {
  contender: string;
  findings: string[];
}

export async function runSchemaCheck(contender: Contender, root: string): Promise<SchemaCheck> {
  const server = await contender.start(pathToFileURL(root).toString());
  try {
    const uri = pathToFileURL(path.join(root, "schema-check.dataset.yaml")).toString();
    const published = server.publishFor(uri, 1, () => true, 60_000);
    await server.client.open(uri, "yaml", SCHEMA_CHECK_MANIFEST, 1);
    const findings = (await published).diagnostics.filter((d) => contender.isSchemaFinding(d));
    return { contender: contender.name, findings: findings.map((d) => `line ${d.range.start.line + 1}: ${d.message}`) };
  } finally {
    await server.stop();
  }
}
