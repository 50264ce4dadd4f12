import type { Severity } from "../core/index";
import type { DisplayPath } from "./display-path";
import type { CheckReport } from "./report";

/**
 * `check --format github`: one GitHub Actions workflow command per diagnostic,
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::<message>`, which the runner
 * turns into an annotation on the file and line (on private repositories too, without code
 * scanning). Warnings are `::warning`, infos `::notice`. Lines and columns are 1-based; the
 * columns are left out of a diagnostic spanning several lines, which GitHub does not accept. The
 * job summary is github-summary.ts.
 */

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

export interface GithubOptions {
  /** `--quiet`: errors only. */
  readonly quiet: boolean;
  /** Relative to the folder the check ran in: the repository checkout, in a workflow. */
  readonly pathOf: DisplayPath;
}

export function formatGithub(report: CheckReport, options: GithubOptions): string {
  const lines: string[] = [];
  for (const document of report.documents) {
    for (const d of document.diagnostics) {
      if (options.quiet && d.severity !== "error") continue;
      const properties: [string, string | number][] = [
        ["file", options.pathOf(document.path)],
        ["line", d.start.line + 1],
      ];
      if (d.start.line === d.end.line) properties.push(["col", d.start.character + 1]);
      properties.push(["endLine", d.end.line + 1]);
      if (d.start.line === d.end.line) properties.push(["endColumn", d.end.character + 1]);
      properties.push(["title", d.rule]);
      const list = properties.map(([name, value]) => `${name}=${escapeProperty(String(value))}`).join(",");
      lines.push(`::${COMMAND[d.severity]} ${list}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? lines.join("\n") + "\n" : "";
}

/** A workflow command's message, escaped as GitHub's toolkit (@actions/core) escapes it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: the message's escapes, and `:` and `,`, which end a value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
