import { itemsWith, ruleDocUrl, scoreText, type ReadinessModel } from "../core/index";
import { summaryLine } from "./format-text";
import { summarize, type CheckReport } from "./report";

/**
 * The Markdown job summary of `check --format github`, appended to the file GITHUB_STEP_SUMMARY
 * names (GitHub shows it on the run's page): the readiness score, the items that fail with their
 * reasons, and every rule with a finding, linked to its page (docs/rules/<rule-id>.md) with its
 * counts. Plain GitHub-flavoured Markdown: no HTML, which GitHub would strip.
 */
export function githubSummary(report: CheckReport, readiness: ReadinessModel): string {
  const out = [`## Genesis readiness: ${scoreText(readiness)}`, "", summaryLine(summarize(report), report), ""];
  const failing = itemsWith(readiness, "fail");
  out.push(`### Failing items (${failing.length})`, "");
  if (failing.length === 0) out.push("None.", "");
  else {
    out.push("| Item | Why |", "|---|---|");
    for (const item of failing) out.push(`| \`${item.id}\` ${cell(item.title)} | ${cell(item.reason)} |`);
    out.push("");
  }
  const rules = ruleCounts(report);
  out.push(`### Rules with findings (${rules.length})`, "");
  if (rules.length === 0) out.push("None.", "");
  else {
    out.push("| Rule | Errors | Warnings | Infos |", "|---|---|---|---|");
    for (const [rule, counts] of rules)
      out.push(`| [\`${rule}\`](${ruleDocUrl(rule)}) | ${counts.error} | ${counts.warning} | ${counts.info} |`);
    out.push("");
  }
  return out.join("\n") + "\n";
}

/** Each rule with a finding, by rule id, with its count per severity. */
function ruleCounts(report: CheckReport): [string, { error: number; warning: number; info: number }][] {
  const counts = new Map<string, { error: number; warning: number; info: number }>();
  for (const document of report.documents) {
    for (const d of document.diagnostics) {
      const entry = counts.get(d.rule) ?? { error: 0, warning: 0, info: 0 };
      entry[d.severity]++;
      counts.set(d.rule, entry);
    }
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A table cell: one line, with the characters Markdown would read as markup escaped. */
function cell(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}
