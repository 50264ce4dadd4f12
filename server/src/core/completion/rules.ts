import { RULES } from "../rules/catalog";
import { ordered, type CompletionItem } from "./item";
import type { RuleCursor } from "./rule-cursor";

/** Rule ids for a `genesis-ignore` comment, with their summaries; those it names already are left out. */
export function ruleItems(cursor: RuleCursor): CompletionItem[] {
  const listed = new Set(cursor.listed);
  return ordered(
    RULES.filter((rule) => !listed.has(rule.id)).map((rule) => ({
      label: rule.id,
      kind: "rule" as const,
      detail: rule.summary,
      documentation: `**${rule.id}** (${rule.severity}${rule.raisedInRelease ? ", an error in the release profile" : ""}): ${rule.summary}.`,
      insertText: rule.id,
      replace: cursor.replace,
    })),
  );
}
