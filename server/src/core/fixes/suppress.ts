import type { GenesisDocument } from "../document";
import { makeFix } from "./make-fix";
import { slot, type Part } from "./snippet-parts";
import { indentationAt, lineBreakOf, lineStartOf } from "./text-layout";
import type { FixableDiagnostic, FixContext, Fix } from "./types";

/** Rules a suppression makes no sense for: broken syntax, a suppression itself, a bug of the tool. */
const NOT_SUPPRESSIBLE = /^(syntax\/|suppress\/|internal\/)/;

/**
 * "Suppress with a reason", for any rule: a `genesis-ignore <rule>: <reason>` comment alone on the
 * line above the diagnostic's line, at its indentation, which silences that line (docs/rules.md#waivers). YAML and
 * front matter get `#`, a Markdown body `<!-- -->`; JSON has no comments, so no fix there. As a
 * snippet the reason is a tab stop; as plain text it is left empty, so that `suppress/no-reason`
 * asks for one instead of a stand-in word passing for a reason.
 */
export function suppressFix(document: GenesisDocument, diagnostic: FixableDiagnostic, context: FixContext): Fix[] {
  if (NOT_SUPPRESSIBLE.test(diagnostic.rule) || document.syntax === "json") return [];
  const { text } = document;
  const lineStart = lineStartOf(text, diagnostic.span.start);
  const frontMatter = document.markdown?.frontMatter;
  if (frontMatter && diagnostic.span.start < frontMatter.content.start) return []; // the opening fence stays first
  const html = document.syntax === "markdown" && !(frontMatter && diagnostic.span.start < frontMatter.block.end);
  const reason: Part[] = context.snippets ? [": ", slot("reason")] : [":"];
  const parts: Part[] = [
    `${indentationAt(text, lineStart)}${html ? "<!-- " : "# "}genesis-ignore ${diagnostic.rule}`,
    ...reason,
    `${html ? " -->" : ""}${lineBreakOf(text)}`,
  ];
  return makeFix(`Suppress ${diagnostic.rule} on this line, with a reason`, [{ start: lineStart, end: lineStart, parts }], context);
}
