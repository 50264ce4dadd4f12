import { RULES, ruleDocUrl, ruleInfo, type RuleInfo } from "../core/index";
import { rulePage } from "../cli/rule-pages";
import type { RuleResult } from "./output-shapes";
import { ToolInputError } from "./workspace-paths";

/** The `list_rules` and `explain_rule` tools: the rule catalog (docs/rules.md) and each rule's page. */

export function listRules(): { rules: RuleResult[] } {
  return { rules: RULES.map(ruleResult) };
}

export function explainRule(id: string): { rule: RuleResult; page: string } {
  const info = ruleInfo(id);
  const page = info && rulePage(id);
  if (!info || page === undefined) {
    const near = RULES.filter((rule) => rule.id.split("/")[0] === id.split("/")[0]).map((rule) => rule.id);
    throw new ToolInputError(
      `No rule "${id}".${near.length ? ` Rules of that family: ${near.join(", ")}.` : ""} list_rules gives every rule id.`,
    );
  }
  return { rule: ruleResult(info), page };
}

function ruleResult(info: RuleInfo): RuleResult {
  return {
    id: info.id,
    summary: info.summary,
    severity: info.severity,
    releaseSeverity: info.raisedInRelease ? "error" : info.severity,
    runs: info.when,
    item: info.item,
    docs: ruleDocUrl(info.id),
  };
}
