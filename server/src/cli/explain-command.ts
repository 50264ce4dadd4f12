import { nearest, ruleDocUrl } from "../core/index";
import type { ExplainCommand } from "./args";
import { rulePage, ruleIdsWithPages } from "./rule-pages";

export interface ExplainIo {
  out(text: string): void;
  err(text: string): void;
}

/**
 * `explain RULE`: the rule's page (docs/rules/<rule-id>.md) in the terminal, as Markdown, and the
 * address of the published page. Exit 0; 2 for an id that is no rule, with the nearest rule id.
 */
export function explainCommand(command: ExplainCommand, io: ExplainIo): number {
  const page = rulePage(command.rule);
  if (page !== undefined) {
    io.out(`${page}\nOnline: ${ruleDocUrl(command.rule)}\n`);
    return 0;
  }
  const suggestion = nearestRule(command.rule);
  const hint = suggestion ? ` Did you mean "${suggestion}"?` : "";
  io.err(`genesis-readiness explain: "${command.rule}" is not a rule id.${hint} The rules are listed in docs/rules.md.\n`);
  return 2;
}

/** The rule id nearest to what was typed: the whole id (`container/unpined`), else its name alone (`unpinned`). */
function nearestRule(typed: string): string | undefined {
  const ids = ruleIdsWithPages();
  const whole = nearest(typed, ids);
  if (whole) return whole;
  const byName = new Map(ids.map((id) => [id.slice(id.indexOf("/") + 1), id]));
  const name = nearest(typed.slice(typed.indexOf("/") + 1), byName.keys());
  return name === undefined ? undefined : byName.get(name);
}
