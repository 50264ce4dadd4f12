import type { Position, Severity } from "../core/index";
import type { FailOn } from "./args";

/**
 * What a check found, in the form every output format starts from: documents with diagnostics
 * whose offsets are already turned into 0-based line/character positions (as in LSP).
 */

export interface ReportedDiagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: Position;
  readonly end: Position;
  readonly pointer: string;
  /** Set on a waived diagnostic: the reason and expiry of the `genesis-ignore` that silences it. */
  readonly waiver?: { readonly reason: string; readonly until?: string };
}

export interface ReportedDocument {
  /** Relative to the root, with `/` separators. */
  readonly path: string;
  /** A DocumentKind, or "GenesisConfig" for the workspace configuration. */
  readonly kind: string;
  /** In position order. Never waived ones. */
  readonly diagnostics: readonly ReportedDiagnostic[];
  /** The diagnostics waivers silence, in position order: they do not count against `check`. */
  readonly waived?: readonly ReportedDiagnostic[];
}

export interface CheckReport {
  /** Absolute path of the workspace root. */
  readonly root: string;
  /** Every Genesis document found (and genesis.config.yaml when present), in path order. */
  readonly documents: readonly ReportedDocument[];
  /** Files read to look for documents (candidates by extension, after the ignore globs). */
  readonly filesScanned: number;
}

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function summarize(report: CheckReport): Summary {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const document of report.documents) {
    for (const { severity } of document.diagnostics) {
      if (severity === "error") counts.errors++;
      else if (severity === "warning") counts.warnings++;
      else counts.infos++;
    }
  }
  return counts;
}

/** 1 when a diagnostic reaches the `--fail-on` level, else 0. */
export function exitCodeFor(summary: Summary, failOn: FailOn): 0 | 1 {
  if (failOn === "never") return 0;
  const reached = failOn === "error" ? summary.errors : summary.errors + summary.warnings;
  return reached > 0 ? 1 : 0;
}
