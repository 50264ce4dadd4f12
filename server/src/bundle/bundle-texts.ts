import { createHash, type KeyObject } from "node:crypto";
import {
  bundleStatement,
  crateMetadata,
  exportedEntities,
  exportInputOf,
  formatReadiness,
  METADATA_FILE,
  REPORT_HTML_FILE,
  REPORT_JSON_FILE,
  STATEMENT_FILE,
  WAIVERS_FILE,
  type BundledFile,
  type BundledRole,
  type ExportedEntities,
} from "../core/index";
import { signStatement } from "./signing";
import type { BundleRequest } from "./write-bundle";

/** A file the bundle makes itself (reports, waivers, metadata, statement), with its bytes. */
export interface BundleText {
  readonly file: BundledFile;
  readonly bytes: Buffer;
}

/** The readiness report (HTML and JSON) and the waivers, as `report` writes them. */
export function reportTexts(request: BundleRequest): BundleText[] {
  const model = request.host.readiness(request.isReported);
  const lineage = request.host.lineage(request.isReported);
  const report = { root: request.name, generatedAt: request.now.toISOString(), model, lineage };
  const waivers = { version: 1, waivers: model.waivers ?? [] };
  return [
    bundleText(REPORT_HTML_FILE, formatReadiness(report, "html"), "report"),
    bundleText(REPORT_JSON_FILE, formatReadiness(report, "json"), "report"),
    bundleText(WAIVERS_FILE, `${JSON.stringify(waivers, null, 2)}\n`, "waivers"),
  ];
}

/** What the RO-Crate export says of the bundled documents (run once per bundle: it reads them all). */
export function bundleEntities(request: BundleRequest): ExportedEntities {
  const context = { tool: request.generator, now: () => request.now, title: request.name };
  return exportedEntities(exportInputOf(request.host, context, request.isReported));
}

/**
 * `ro-crate-metadata.json` listing `files` (every file of the bundle but the metadata and the
 * statement), with `exported` (bundleEntities) merged in.
 */
export function metadataText(request: BundleRequest, files: readonly BundledFile[], exported = bundleEntities(request)): BundleText {
  const metadata = crateMetadata({
    name: request.name,
    created: request.now.toISOString(),
    generator: request.generator,
    files,
    signed: request.key !== undefined,
    extraEntities: exported.entities,
    mentions: exported.mentions,
    conformsTo: exported.conformsTo,
  });
  return bundleText(METADATA_FILE, `${JSON.stringify(metadata, null, 2)}\n`, "report");
}

/** The DSSE envelope of the statement naming `files` (every file of the bundle but the envelope). */
export function statementText(request: BundleRequest & { key: KeyObject }, files: readonly BundledFile[]): BundleText {
  const { score } = request.host.readiness(request.isReported);
  const statement = bundleStatement(
    files.map((file) => ({ name: file.path, digest: { sha256: file.sha256 } })),
    {
      generator: request.generator,
      created: request.now.toISOString(),
      crateMetadata: METADATA_FILE,
      readiness: {
        score: score.applicable > 0 ? Math.round((score.passed / score.applicable) * 1000) / 1000 : 0,
        passed: score.passed,
        applicable: score.applicable,
      },
    },
  );
  return bundleText(STATEMENT_FILE, `${JSON.stringify(signStatement(statement, request.key), null, 2)}\n`, "report");
}

function bundleText(relative: string, text: string, role: BundledRole): BundleText {
  const bytes = Buffer.from(text, "utf8");
  return { file: { path: relative, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length, role }, bytes };
}
