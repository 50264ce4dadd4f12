import { pathToFileURL } from "node:url";
import { RULES, ruleDocUrl, type Severity } from "../core/index";
import type { CheckReport, ReportedDiagnostic } from "./report";

/**
 * SARIF 2.1.0 for code-scanning services: one run, one driver rule per catalog rule id, one result
 * per diagnostic. Locations are relative to the `%SRCROOT%` base, the workspace root. The root's
 * absolute file URI is written only when asked (`--sarif-absolute-root`): a log uploaded or shared
 * should not carry the local path (user name, home folder) of the machine that made it, and a
 * code-scanning service reads the locations relative to the repository anyway. Regions are
 * 1-based, with `endColumn` just past the end, counted in UTF-16 code units. A waived finding
 * (docs/rules.md#waivers) is a result too, after the document's others, with an in-source
 * suppression whose justification is the waiver's reason (and its expiry a property).
 */

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };
const SOURCE_ROOT = "%SRCROOT%";
const ROOT_DESCRIPTION = "The workspace root: the folder holding genesis.config.yaml, or the folder checked.";

export function formatSarif(report: CheckReport, toolVersion: string, options: { readonly absoluteRoot: boolean }): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = report.documents.flatMap((document) =>
    [...document.diagnostics, ...(document.waived ?? [])].map((d) => {
      const index = ruleIndex.get(d.rule);
      return {
        ruleId: d.rule,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVEL[d.severity],
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: relativeUri(document.path), uriBaseId: SOURCE_ROOT },
              region: {
                startLine: d.start.line + 1,
                startColumn: d.start.character + 1,
                endLine: d.end.line + 1,
                endColumn: d.end.character + 1,
              },
            },
          },
        ],
        properties: { pointer: d.pointer },
        ...(d.waiver ? { suppressions: [suppressionOf(d.waiver)] } : {}),
      };
    }),
  );
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "genesis-readiness",
            version: toolVersion,
            rules: RULES.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.summary },
              helpUri: ruleDocUrl(rule.id),
              defaultConfiguration: { level: LEVEL[rule.severity] },
            })),
          },
        },
        originalUriBaseIds: {
          [SOURCE_ROOT]: options.absoluteRoot ? { uri: folderUri(report.root) } : { description: { text: ROOT_DESCRIPTION } },
        },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

function suppressionOf(waiver: NonNullable<ReportedDiagnostic["waiver"]>) {
  return {
    kind: "inSource",
    ...(waiver.reason === "" ? {} : { justification: waiver.reason }),
    ...(waiver.until === undefined ? {} : { properties: { until: waiver.until } }),
  };
}

/** A workspace-relative POSIX path as a relative URI reference (each segment percent-encoded). */
function relativeUri(relativePath: string): string {
  return relativePath.split("/").map(encodeURIComponent).join("/");
}

/** SARIF requires a base URI that names a folder to end with `/`. */
function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith("/") ? uri : `${uri}/`;
}
