import { addDays } from "../dates";
import { RULES, type RuleInfo } from "../rules/catalog";
import { WAIVER_DAYS } from "../suppress";
import { ordered, type CompletionItem } from "./item";
import type { ExpiryCursor, RuleCursor } from "./rule-cursor";

/** Rule ids for a `genesis-ignore` comment, with their summaries; those it names already are left out. */
export function ruleItems(cursor: RuleCursor): CompletionItem[] {
  const listed = new Set(cursor.listed);
  return ordered(
    RULES.filter((rule) => !listed.has(rule.id)).map((rule) => ({
      label: rule.id,
      kind: "rule" as const,
      detail: rule.summary,
      documentation: `**${rule.id}** (${severityText(rule)}): ${rule.summary}.`,
      insertText: rule.id,
      replace: cursor.replace,
    })),
  );
}

/** `warning`, or `warning, an error in the release profile` for a rule the release profile raises. */
function severityText(rule: RuleInfo): string {
  return rule.raisedInRelease ? `${rule.severity}, an error in the release profile` : rule.severity;
}

/**
 * `(until YYYY-MM-DD)` after a waiver's reason (docs/rules.md#waivers), the date WAIVER_DAYS after `today` as a
 * placeholder to change; without a today, the form itself.
 */
export function expiryItems(cursor: ExpiryCursor, today: string | undefined): CompletionItem[] {
  const date = today === undefined ? "YYYY-MM-DD" : addDays(today, WAIVER_DAYS);
  return [
    {
      label: `(until ${date})`,
      kind: "snippet",
      detail: "when this waiver lapses",
      documentation:
        "The last day this waiver applies. After it the finding is reported again, and `suppress/expired` asks for a fix " +
        `or a renewed waiver${today === undefined ? "." : ` (proposed: ${WAIVER_DAYS} days from today).`}`,
      insertText: `(until \${1:${date}})`,
      isSnippet: true,
      filterText: cursor.typed.startsWith("(") ? "(until" : "until",
      replace: cursor.replace,
      sortText: "0",
    },
  ];
}
