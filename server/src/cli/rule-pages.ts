import { RULES, ruleDocUrl, ruleInfo } from "../core/index";

/**
 * The page of each rule (docs/rules/<rule-id>.md), as `explain` prints it and the agents' tools
 * serve it. This minimal version builds the page from the rule catalog's summary; the full pages
 * (what it checks, why, examples, the fix) replace it.
 */

/** The Markdown page of a rule id; undefined for an id the catalog does not know. */
export function rulePage(ruleId: string): string | undefined {
  const info = ruleInfo(ruleId);
  if (!info) return undefined;
  const release = info.raisedInRelease ? "error" : info.severity;
  return [
    `# ${info.id}`,
    "",
    `${info.summary.charAt(0).toUpperCase()}${info.summary.slice(1)}.`,
    "",
    `- Severity: ${info.severity} (profile dev), ${release} (profile release)`,
    `- Readiness item: ${info.item}`,
    `- Runs: ${info.when === "type" ? "as you type" : info.when === "ws" ? "with the workspace" : "reading the files named"}`,
    `- Page: ${ruleDocUrl(info.id)}`,
    "",
  ].join("\n");
}

/** Every rule id that has a page, in catalog order. */
export function ruleIdsWithPages(): string[] {
  return RULES.map((info) => info.id);
}
