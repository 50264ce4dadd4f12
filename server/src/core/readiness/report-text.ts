import { lineageLevelLines } from "./lineage-text";
import type { ReadinessModel } from "./model";
import {
  expiryText,
  itemsWith,
  lineageLines,
  placeOf,
  readerFix,
  readerFixText,
  reasonText,
  scoreText,
  STATUS_LABEL,
  WAIVERS_INTRO,
  waiverCount,
  waiverPlace,
  waiversOf,
  type ReadinessReport,
} from "./report-parts";

/** The plain-text report: for a terminal or a CI log. Evidence locations are 1-based, paths as `placePath` names them. */
export function formatText(report: ReadinessReport): string {
  const { model } = report;
  const pathOf = report.placePath ?? ((path: string) => path);
  const lines = [`Genesis readiness of ${report.root}: ${scoreText(model)}`];
  if (report.generatedAt) lines.push(`Generated ${report.generatedAt}`);
  const failing = itemsWith(model, "fail").map((i) => i.id);
  const warning = itemsWith(model, "warn").map((i) => i.id);
  lines.push(`Failing: ${failing.length ? failing.join(", ") : "none"}`, `Warning: ${warning.length ? warning.join(", ") : "none"}`);
  for (const group of model.groups) {
    lines.push("", `${group.title} ${group.passed}/${group.applicable}`);
    for (const item of group.items) {
      const waivers = waiverCount(item);
      lines.push(`  ${STATUS_LABEL[item.status].padEnd(4)}  ${item.id}  ${item.title}${waivers ? `  (${waivers})` : ""}`);
      lines.push(`        ${item.reason}`);
      lines.push(`        Passes when ${item.criterion}.`);
      for (const evidence of item.evidence) {
        lines.push(
          `        - ${STATUS_LABEL[evidence.status]} ${placeOf(evidence, pathOf)}` +
            `${evidence.rule ? ` ${evidence.rule}` : ""} ${oneLine(evidence.message)}`,
        );
      }
      if (item.omittedEvidence) lines.push(`        - and ${item.omittedEvidence} more`);
      const fix = readerFix(item, pathOf);
      if (fix) lines.push(`        Fix: ${readerFixText(fix)}`);
    }
  }
  lines.push(...waiverLines(model, pathOf));
  const lineage = lineageLines(report.lineage);
  lines.push("", `Lineage (${report.lineage.nodes.length} documents, ${report.lineage.edges.length} links)`);
  lines.push(...lineageLevelLines(report.lineage).map((line) => `  ${line}`));
  lines.push(...(lineage.length ? lineage.map((line) => `  ${line}`) : ["  (no references between documents)"]));
  return lines.join("\n") + "\n";
}

/** The Waivers section: one entry per waived finding, with its rule, place, reason and expiry. */
function waiverLines(model: ReadinessModel, pathOf: (path: string) => string): string[] {
  const waivers = waiversOf(model);
  const lines = ["", `Waivers (${waivers.length})`, `  ${WAIVERS_INTRO}`];
  if (waivers.length === 0) lines.push("  none");
  for (const waiver of waivers) {
    lines.push(`  - ${waiver.rule} at ${waiverPlace(waiver, pathOf)} (${waiver.item}), ${expiryText(waiver)}`);
    lines.push(`        Reason: ${oneLine(reasonText(waiver))}`, `        Finding: ${oneLine(waiver.message)}`);
  }
  return lines;
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ");
}
