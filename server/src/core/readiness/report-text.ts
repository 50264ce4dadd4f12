import { lineageLevelLines } from "./lineage-text";
import { fixText, itemsWith, lineageLines, placeOf, scoreText, STATUS_LABEL, type ReadinessReport } from "./report-parts";

/** The plain-text report: for a terminal or a CI log. Evidence locations are 1-based. */
export function formatText(report: ReadinessReport): string {
  const { model } = report;
  const lines = [`Genesis readiness of ${report.root}: ${scoreText(model)}`];
  if (report.generatedAt) lines.push(`Generated ${report.generatedAt}`);
  const failing = itemsWith(model, "fail").map((i) => i.id);
  const warning = itemsWith(model, "warn").map((i) => i.id);
  lines.push(`Failing: ${failing.length ? failing.join(", ") : "none"}`, `Warning: ${warning.length ? warning.join(", ") : "none"}`);
  for (const group of model.groups) {
    lines.push("", `${group.title} ${group.passed}/${group.applicable}`);
    for (const item of group.items) {
      lines.push(`  ${STATUS_LABEL[item.status].padEnd(4)}  ${item.id}  ${item.title}`);
      lines.push(`        ${item.reason}`);
      lines.push(`        Passes when ${item.criterion}.`);
      for (const evidence of item.evidence) {
        lines.push(`        - ${STATUS_LABEL[evidence.status]} ${placeOf(evidence)}${evidence.rule ? ` ${evidence.rule}` : ""} ${oneLine(evidence.message)}`);
      }
      if (item.omittedEvidence) lines.push(`        - and ${item.omittedEvidence} more`);
      const fix = fixText(item);
      if (fix) lines.push(`        Fix: ${fix}`);
    }
  }
  const lineage = lineageLines(report.lineage);
  lines.push("", `Lineage (${report.lineage.nodes.length} documents, ${report.lineage.edges.length} links)`);
  lines.push(...lineageLevelLines(report.lineage).map((line) => `  ${line}`));
  lines.push(...(lineage.length ? lineage.map((line) => `  ${line}`) : ["  (no references between documents)"]));
  return lines.join("\n") + "\n";
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ");
}
