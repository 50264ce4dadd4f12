import * as path from "node:path";
import { DEFAULT_CONFIG, type Profile } from "../../server/src/core/config";
import { FIX_PROVIDERS } from "../../server/src/core/fixes/fix-providers";
import { isSuppressible } from "../../server/src/core/fixes/suppress";
import { RULES, type RuleInfo } from "../../server/src/core/rules/catalog";
import { resolveSeverity } from "../../server/src/core/rules/severity";
import { anchorOf, code, table } from "./markdown";
import { readRuleSource, ruleIdsWithSources, type RuleSource } from "./rule-sources";

/**
 * docs/rules/<rule-id>.md: one page per rule of the catalog, in the shape of ESLint's and Ruff's
 * rule pages. The facts (when it runs, its severity in each profile, its readiness item, whether it
 * has a quick fix) come from the catalog and resolveSeverity; the prose and the examples from the
 * rule's source file (rule-sources.ts). `explain` prints the same page (rule-pages.generated.ts).
 */

const WHEN_TEXT: Readonly<Record<RuleInfo["when"], string>> = {
  type: "as you type (`type`): reads only the document's own text",
  ws: "workspace (`ws`): reads the other documents of the workspace",
  io: "reads files (`io`): reads the data files and artifacts the document names",
};

const PROFILES: readonly Profile[] = ["dev", "release"];

const SEVERITY_NOTE = "[profiles](rules.md#profiles); a `rules:` entry of [genesis.config.yaml](configuration.md) overrides both";

/** The page's path below docs/, e.g. `rules/dataset/recordset-source.md`. */
export function rulePagePath(id: string): string {
  return `rules/${id}.md`;
}

/** Every rule's source, in catalog order; an error naming the rules without one and the sources of no rule. */
export function ruleSources(): RuleSource[] {
  const withSources = ruleIdsWithSources();
  const missing = RULES.map((rule) => rule.id).filter((id) => !withSources.includes(id));
  const extra = withSources.filter((id) => !RULES.some((rule) => rule.id === id));
  if (missing.length || extra.length) {
    const parts = [
      ...(missing.length ? [`no source for ${missing.join(", ")}`] : []),
      ...(extra.length ? [`sources of no rule: ${extra.join(", ")}`] : []),
    ];
    throw new Error(`scripts/docs/rules/: ${parts.join("; ")}`);
  }
  return RULES.map((rule) => readRuleSource(rule.id));
}

/** The severity a finding of the rule gets in each profile, without an override: `dev: warning · release: error`. */
export function severityByProfile(rule: RuleInfo): string {
  return PROFILES.map((profile) => {
    const severity = resolveSeverity({ rule: rule.id, severity: undefined }, { ...DEFAULT_CONFIG, profile });
    return `${code(profile)}: ${severity}`;
  }).join(" · ");
}

/**
 * Relative links of prose written relative to docs/, made relative to the page at `page` (below
 * docs/). Code spans and fenced blocks are left alone; so are URLs and links within the page.
 */
export function relinked(text: string, page: string): string {
  const up = "../".repeat(page.split("/").length - 1);
  if (!up) return text;
  return text
    .split(/(^`{3,}[^\n]*\n[\s\S]*?^`{3,}[ \t]*$|`[^`\n]*`)/m)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(/\]\(([^)\s]+)\)/g, (whole, target: string) => (/^([a-z]+:|#)/.test(target) ? whole : `](${up}${target})`)),
    )
    .join("");
}

/** The body of a rule's page (without the generated-file mark), links relative to the page. */
export function rulePageBody(rule: RuleInfo, source: RuleSource): string {
  const page = rulePagePath(rule.id);
  const summary = `${rule.summary.replace(/^./, (c) => c.toUpperCase())}.`;
  const facts = table(
    ["", ""],
    [
      ["When it runs", WHEN_TEXT[rule.when]],
      ["Severity", `${severityByProfile(rule)} (${SEVERITY_NOTE})`],
      ["Readiness item", `[${code(rule.item)}](checklist.md#${anchorOf(rule.item)})`],
      [
        "Quick fix",
        rule.id in FIX_PROVIDERS ? "yes, in the editor" : isSuppressible(rule.id) ? "only *Suppress with a reason*, in the editor" : "none",
      ],
    ],
  );
  const sections = [...source.sections].map(([title, body]) => `## ${title}\n\n${body}`);
  const footer = `[All rules](rules.md#${anchorOf(rule.id)}) · [Readiness checklist](checklist.md) · source: \`${source.file}\``;
  return relinked([`# ${code(rule.id)}`, summary, facts, ...sections, footer].join("\n\n"), page);
}

/** Every rule page by its path below docs/, with its full text (header mark included). */
export function rulePages(mark: string): Map<string, string> {
  const pages = new Map<string, string>();
  const sources = new Map(ruleSources().map((source) => [source.id, source]));
  for (const rule of RULES) {
    const source = sources.get(rule.id)!;
    const header = `${mark} from ${source.file} and the rule catalog; edit those, not this file. -->`;
    pages.set(rulePagePath(rule.id), `${header}\n\n${rulePageBody(rule, source)}\n`);
  }
  return pages;
}

export const RULE_PAGES_MODULE = path.resolve(__dirname, "../../server/src/cli/rule-pages.generated.ts");

/** server/src/cli/rule-pages.generated.ts: the pages' bodies, so that the bundled CLI needs no docs/ at run time. */
export function rulePagesModule(): string {
  const sources = new Map(ruleSources().map((source) => [source.id, source]));
  const entries = RULES.map((rule) => `  ${JSON.stringify(rule.id)}: ${JSON.stringify(rulePageBody(rule, sources.get(rule.id)!) + "\n")},`);
  return [
    "// Generated by `npm run docs` (scripts/docs/rule-pages.ts) from scripts/docs/rules/ and the rule catalog; do not edit.",
    "// The text of docs/rules/<rule-id>.md without its first line, for `genesis-readiness explain` and the agents' tools.",
    "export const RULE_PAGES: Readonly<Record<string, string>> = {",
    ...entries,
    "};",
    "",
  ].join("\n");
}
