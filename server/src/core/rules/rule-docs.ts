/**
 * Where a rule's page is published: docs/rules/<rule-id>.md in the project's repository. Every
 * diagnostic's `codeDescription.href`, SARIF's `helpUri`, the CI summaries and the agents' tools
 * link there, so that they all lead to the same page.
 */
export const RULE_DOCS_BASE = "https://github.com/genesis-readiness/genesis-readiness/blob/main/docs/rules/";

/** The published page of a rule id; an id's `/` is a folder (`dataset/recordset-source` is docs/rules/dataset/recordset-source.md). */
export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}
