import { createHash } from "node:crypto";
import type { Severity } from "../core/index";
import type { DisplayPath } from "./display-path";
import type { CheckReport } from "./report";

/**
 * `check --format gitlab`: a GitLab Code Quality report (the `codequality` artifact of a job),
 * a JSON array with one issue per diagnostic: `description`, `check_name` (the rule id),
 * `fingerprint`, `severity` and `location` (`path` relative to the folder the check ran in, the
 * project's checkout in a job; `lines.begin` 1-based).
 *
 * Severities: error is `major`, warning `minor`, info `info` (as ESLint's GitLab formatter maps
 * its levels); `blocker` and `critical` are not used.
 *
 * The fingerprint is what GitLab compares between the merge request and its target branch, so it
 * must stay the same while the finding stands: a SHA-256 of the rule id, the document's
 * workspace-relative path, the JSON Pointer of the node and the message, never the line, which
 * moves whenever a line is added above it. Findings identical in all four get an ordinal
 * (second, third...) so that each fingerprint is unique in the report.
 */

const SEVERITY: Record<Severity, "major" | "minor" | "info"> = { error: "major", warning: "minor", info: "info" };

export interface GitlabIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: "blocker" | "critical" | "major" | "minor" | "info";
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

export function formatGitlab(report: CheckReport, options: { readonly quiet: boolean; readonly pathOf: DisplayPath }): string {
  const issues: GitlabIssue[] = [];
  const seen = new Map<string, number>();
  for (const document of report.documents) {
    for (const d of document.diagnostics) {
      if (options.quiet && d.severity !== "error") continue;
      const identity = JSON.stringify([d.rule, document.path, d.pointer, d.message]);
      const ordinal = seen.get(identity) ?? 0;
      seen.set(identity, ordinal + 1);
      issues.push({
        description: d.message,
        check_name: d.rule,
        fingerprint: createHash("sha256")
          .update(ordinal === 0 ? identity : `${identity}#${ordinal}`)
          .digest("hex"),
        severity: SEVERITY[d.severity],
        location: { path: options.pathOf(document.path), lines: { begin: d.start.line + 1, end: d.end.line + 1 } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + "\n";
}
