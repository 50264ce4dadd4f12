import { formatHtml } from "./report-html";
import { formatJsonReport } from "./report-json";
import { formatMarkdown } from "./report-markdown";
import type { ReadinessReport } from "./report-parts";
import { formatText } from "./report-text";

export type { ReadinessReport } from "./report-parts";

export const REPORT_FORMATS = ["text", "json", "markdown", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReadiness(report: ReadinessReport, format: ReportFormat): string {
  switch (format) {
    case "text":
      return formatText(report);
    case "json":
      return formatJsonReport(report);
    case "markdown":
      return formatMarkdown(report);
    case "html":
      return formatHtml(report);
  }
}
