import * as path from "node:path";
import { FIX_PROVIDERS } from "../../server/src/core/fixes/fix-providers";
import { isSuppressible } from "../../server/src/core/fixes/suppress";
import { READINESS_CHECKS } from "../../server/src/core/readiness/compute";
import { GROUP_ORDER, GROUP_TITLES } from "../../server/src/core/readiness/model";
import { READINESS_ITEM_IDS, RULES, rulesOfItem, type RuleInfo, type RuleTiming } from "../../server/src/core/rules/catalog";
import { anchorOf, anchorTag, andList, code, table } from "./markdown";
import { checkNotes, readNotes } from "./notes";
import { rulePagePath, ruleSources } from "./rule-pages";

/** The placeholders of rules.md and checklist.md: the rule catalog, the checklist and their notes. */

const NOTES = path.resolve(__dirname, "notes");
const ITEM_NOTES = path.join(NOTES, "items.md");

export const WHEN: Readonly<Record<RuleTiming, string>> = { type: "as you type", ws: "workspace", io: "reads files" };

/** Every item of the checklist, in the order of its groups. */
export function checklistItems() {
  return GROUP_ORDER.flatMap((group) => READINESS_CHECKS[group].map((check) => ({ group, check })));
}

/** The catalog's item ids and the checklist's must be the same list: a test relies on both. */
function checkItemIds(): void {
  const checklist = checklistItems().map(({ check }) => check.id);
  if (checklist.join() !== READINESS_ITEM_IDS.join()) {
    const catalog = READINESS_ITEM_IDS.join(", ");
    throw new Error(`The catalog's READINESS_ITEM_IDS (${catalog}) differ from the checklist's items (${checklist.join(", ")})`);
  }
}

function itemLink(item: string, fromPage: "rules" | "checklist"): string {
  return `[${code(item)}](${fromPage === "rules" ? "checklist.md" : ""}#${anchorOf(item)})`;
}

/** A rule id linked to its page (docs/rules/<rule-id>.md), from a page at the top of docs/. */
function rulePageLink(rule: string): string {
  return `[${code(rule)}](${rulePagePath(rule)})`;
}

function ruleLink(rule: string, fromPage: "rules" | "checklist"): string {
  return `[${code(rule)}](${fromPage === "checklist" ? "rules.md" : ""}#${anchorOf(rule)})`;
}

function severityText(rule: RuleInfo): string {
  return rule.raisedInRelease ? `${rule.severity}, error in \`release\`` : rule.severity;
}

export function ruleTable(): string {
  return table(
    ["rule", "when", "default severity", "readiness item", "what it reports"],
    RULES.map((rule) => [rulePageLink(rule.id), WHEN[rule.when], severityText(rule), itemLink(rule.item, "rules"), rule.summary]),
  );
}

/** One section per rule, in catalog order: the catalog's facts, then what the rule checks (from its page's source). */
export function ruleDetails(): string {
  const checks = new Map(ruleSources().map((source) => [source.id, source.sections.get("What it checks")!]));
  return RULES.map((rule) => {
    const facts = [
      `**When:** ${WHEN[rule.when]}`,
      `**Severity:** ${severityText(rule)}`,
      `**Item:** ${itemLink(rule.item, "rules")}`,
      `**Quick fix:** ${rule.id in FIX_PROVIDERS ? "yes" : isSuppressible(rule.id) ? "only *Suppress with a reason*" : "none"}`,
      `**Page:** ${rulePageLink(rule.id)}`,
    ];
    const summary = `${rule.summary.replace(/^./, (c) => c.toUpperCase())}.`;
    return [`${anchorTag(rule.id)}\n\n### ${code(rule.id)}`, summary, facts.join(" · "), checks.get(rule.id)].join("\n\n");
  }).join("\n\n");
}

export function releaseRules(): string {
  return andList(RULES.filter((rule) => rule.raisedInRelease).map((rule) => ruleLink(rule.id, "rules")));
}

export function checklistSummary(): string {
  checkItemIds();
  return table(
    ["group", "item", "title", "rules of the item"],
    checklistItems().map(({ group, check }) => {
      const rules = String(rulesOfItem(check.id).length);
      return [GROUP_TITLES[group], itemLink(check.id, "checklist"), check.title, rules];
    }),
  );
}

/** One section per group and one per item: criterion, rules, and the hand-written note. */
export function checklistDetails(): string {
  checkItemIds();
  const notes = readNotes(ITEM_NOTES);
  checkNotes(ITEM_NOTES, notes, READINESS_ITEM_IDS);
  return GROUP_ORDER.map((group) => {
    const items = READINESS_CHECKS[group].map((check) => {
      const rules = rulesOfItem(check.id);
      const links = rules.map((rule) => ruleLink(rule, "checklist")).join(", ");
      const rulesText = rules.length ? links : "none: only its own criteria decide it";
      return [
        `${anchorTag(check.id)}\n\n### ${code(check.id)}: ${check.title}`,
        `**Passes when** ${check.criterion}.`,
        `**Rules:** ${rulesText}.`,
        notes.get(check.id),
        ...(check.needsFiles ? [`In an untrusted workspace the item is n/a: ${check.needsFiles}.`] : []),
      ].join("\n\n");
    });
    return [`## ${GROUP_TITLES[group]}`, ...items].join("\n\n");
  }).join("\n\n");
}
