import type { Severity } from "../core/index";
import type { DisplayPath } from "./display-path";
import { summarize, type CheckReport, type Summary } from "./report";

const COLORS: Record<Severity, string> = { error: "\x1b[31m", warning: "\x1b[33m", info: "\x1b[36m" };
const RESET = "\x1b[0m";

export interface TextOptions {
  /** Paints the severity words only. */
  readonly color: boolean;
  /** `--quiet`: the errors only, and no summary line. */
  readonly quiet: boolean;
  /** How a document is named: relative to the current folder (see display-path.ts). */
  readonly pathOf: DisplayPath;
}

/**
 * The compiler-style report: one `path:LINE:COL: severity rule message` line per diagnostic
 * (1-based line and column, documents in path order, diagnostics in position order), then a blank
 * line and the summary. Waived findings are not printed: they are no diagnostics, and the
 * readiness report lists them.
 */
export function formatText(report: CheckReport, options: TextOptions): string {
  const lines: string[] = [];
  for (const document of report.documents) {
    for (const diagnostic of document.diagnostics) {
      if (options.quiet && diagnostic.severity !== "error") continue;
      const severity = options.color ? `${COLORS[diagnostic.severity]}${diagnostic.severity}${RESET}` : diagnostic.severity;
      const { line, character } = diagnostic.start;
      const place = `${options.pathOf(document.path)}:${line + 1}:${character + 1}`;
      lines.push(`${place}: ${severity} ${diagnostic.rule} ${singleLine(diagnostic.message)}`);
    }
  }
  if (options.quiet) return lines.length ? lines.join("\n") + "\n" : "";
  if (lines.length > 0) lines.push("");
  lines.push(summaryLine(summarize(report), report));
  return lines.join("\n") + "\n";
}

/** `3 errors, 5 warnings, 1 info in 9 documents (12 files scanned)`. */
export function summaryLine(summary: Summary, report: CheckReport): string {
  const counts = [
    count(summary.errors, "error", "errors"),
    count(summary.warnings, "warning", "warnings"),
    count(summary.infos, "info", "info"),
  ];
  return (
    `${counts.join(", ")} in ${count(report.documents.length, "document", "documents")} ` +
    `(${count(report.filesScanned, "file", "files")} scanned)`
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One diagnostic, one line: a message with line breaks would break the `path:line:col:` format. */
export function singleLine(message: string): string {
  return message.replace(/\s*\r?\n\s*/g, " ");
}
