import type { Span } from "../types";

/** Inside a `genesis-ignore` comment, where a rule id is written (before the `:` of the reason). */
export interface RuleCursor {
  readonly kind: "rule";
  /** Rule ids the comment already names. */
  readonly listed: readonly string[];
  readonly typed: string;
  readonly replace: Span;
}

const DIRECTIVE = /^\s*genesis-ignore\s+([^:]*)$/;
const RULE_CHARS = /[a-z0-9/-]*$/i;

/**
 * The rule cursor of a comment whose text before the cursor is `comment` (without its `#` or
 * `<!--`); undefined outside the rule list of a `genesis-ignore` directive.
 */
export function ruleCursor(comment: string, offset: number, after: string): RuleCursor | undefined {
  const match = DIRECTIVE.exec(comment);
  if (!match) return undefined;
  const typed = RULE_CHARS.exec(match[1])![0];
  const listed = match[1].slice(0, match[1].length - typed.length).split(/[\s,]+/).filter(Boolean);
  const rest = /^[a-z0-9/-]*/i.exec(after)![0];
  return { kind: "rule", listed, typed, replace: { start: offset - typed.length, end: offset + rest.length } };
}

/** The rule cursor inside a Markdown `<!-- genesis-ignore ... -->` comment on the cursor's line. */
export function htmlCommentRuleCursor(lineBefore: string, offset: number, after: string): RuleCursor | undefined {
  const open = lineBefore.lastIndexOf("<!--");
  if (open < 0 || lineBefore.indexOf("-->", open) >= 0) return undefined;
  return ruleCursor(lineBefore.slice(open + 4), offset, after);
}
