import { RULES } from "../core/index";
import { RULE_PAGES } from "./rule-pages.generated";

/**
 * The rule pages (docs/rules/<rule-id>.md) as the bundled CLI carries them, for `explain` and the
 * agents' tools: the Markdown of the page without its generated-file mark. The text is generated
 * by `npm run docs` into rule-pages.generated.ts, so nothing under docs/ is read at run time.
 */

/** The page of a rule id, or undefined for an id that is no rule. */
export function rulePage(ruleId: string): string | undefined {
  return Object.hasOwn(RULE_PAGES, ruleId) ? RULE_PAGES[ruleId] : undefined;
}

/** The rule ids that have a page, in catalog order: every rule of the catalog. */
export function ruleIdsWithPages(): string[] {
  return RULES.map((rule) => rule.id).filter((id) => Object.hasOwn(RULE_PAGES, id));
}
