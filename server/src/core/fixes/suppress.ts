import { addDays, isIsoDate } from "../dates";
import type { GenesisDocument } from "../document";
import { WAIVER_DAYS } from "../suppress";
import { makeFix } from "./make-fix";
import { slot, type Part } from "./snippet-parts";
import { indentationAt, lineBreakOf, lineStartOf } from "./text-layout";
import type { FixableDiagnostic, FixContext, Fix } from "./types";

/** Rules a suppression makes no sense for: broken syntax, a suppression itself, a bug of the tool. */
const NOT_SUPPRESSIBLE = /^(syntax\/|suppress\/|internal\/)/;

/** Whether "Suppress with a reason" is offered for a rule's findings (the rule pages say so too). */
export function isSuppressible(rule: string): boolean {
  return !NOT_SUPPRESSIBLE.test(rule);
}

/**
 * "Suppress with a reason", for any rule: a `genesis-ignore <rule>: <reason>` comment alone on the
 * line above the diagnostic's line, at its indentation, which silences that line (docs/rules.md#waivers). YAML and
 * front matter get `#`, a Markdown body `<!-- -->`; JSON has no comments, so no fix there. As a
 * snippet the reason is a tab stop; as plain text it is left empty, so that `suppress/no-reason`
 * asks for one instead of a stand-in word passing for a reason. With today's date in the context the
 * waiver ends with `(until <today + WAIVER_DAYS>)`, a tab stop of its own in a snippet, so that the
 * accepted risk comes back for review (`suppress/expired`); without it, no expiry.
 */
export function suppressFix(document: GenesisDocument, diagnostic: FixableDiagnostic, context: FixContext): Fix[] {
  if (!isSuppressible(diagnostic.rule) || document.syntax === "json") return [];
  const { text } = document;
  const lineStart = lineStartOf(text, diagnostic.span.start);
  const frontMatter = document.markdown?.frontMatter;
  if (frontMatter && diagnostic.span.start < frontMatter.content.start) return []; // the opening fence stays first
  const html = document.syntax === "markdown" && !(frontMatter && diagnostic.span.start < frontMatter.block.end);
  const reason: Part[] = context.snippets ? [": ", slot("reason")] : [":"];
  const until = context.today !== undefined && isIsoDate(context.today) ? addDays(context.today, WAIVER_DAYS) : undefined;
  const expiry: Part[] = until === undefined ? [] : [" (until ", slot(until), ")"];
  const parts: Part[] = [
    `${indentationAt(text, lineStart)}${html ? "<!-- " : "# "}genesis-ignore ${diagnostic.rule}`,
    ...reason,
    ...expiry,
    `${html ? " -->" : ""}${lineBreakOf(text)}`,
  ];
  const title = `Suppress ${diagnostic.rule} on this line${until === undefined ? "" : ` for ${WAIVER_DAYS} days`}, with a reason`;
  return makeFix(title, [{ start: lineStart, end: lineStart, parts }], context);
}
