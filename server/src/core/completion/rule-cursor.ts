import type { Span } from "../types";

/** Inside a `genesis-ignore` comment, where a rule id is written (before the `:` of the reason). */
export interface RuleCursor {
  readonly kind: "rule";
  /** Rule ids the comment already names. */
  readonly listed: readonly string[];
  readonly typed: string;
  readonly replace: Span;
}

/**
 * In a `genesis-ignore` comment's reason, on a word that begins an expiry (`(`, `(un`, `unt`...),
 * when the comment has a reason and no expiry yet. Not on a bare blank: the reason is prose, and
 * a suggestion after every word of it would be in the way.
 */
export interface ExpiryCursor {
  readonly kind: "expiry";
  readonly typed: string;
  readonly replace: Span;
}

const DIRECTIVE = /^\s*genesis-ignore\s+([^:]*)$/;
const REASON = /^\s*genesis-ignore\s+[^:]*:(.*)$/;
const RULE_CHARS = /[a-z0-9/-]*$/i;
const EXPIRY_WORDS = ["(until", "until"];

/**
 * Where in a `genesis-ignore` comment the cursor is: in its rule list, at the start of an expiry,
 * or neither (undefined). `comment` is the comment's text before the cursor (without its `#` or
 * `<!--`), `after` the rest of the line.
 */
export function directiveCursor(comment: string, offset: number, after: string): RuleCursor | ExpiryCursor | undefined {
  return ruleCursor(comment, offset, after) ?? expiryCursor(comment, offset, after);
}

function expiryCursor(comment: string, offset: number, after: string): ExpiryCursor | undefined {
  const match = REASON.exec(comment);
  if (!match) return undefined;
  const typed = /\S*$/.exec(match[1])![0];
  const reason = match[1].slice(0, match[1].length - typed.length);
  const starts = typed !== "" && EXPIRY_WORDS.some((word) => word.startsWith(typed.toLowerCase()));
  if (!starts || reason.trim() === "") return undefined;
  const rest = /^[(a-z]*/i.exec(after)![0];
  if (/\(\s*until\b/i.test(`${reason} ${after.slice(rest.length)}`)) return undefined;
  return { kind: "expiry", typed, replace: { start: offset - typed.length, end: offset + rest.length } };
}

/**
 * The rule cursor of a comment whose text before the cursor is `comment` (without its `#` or
 * `<!--`); undefined outside the rule list of a `genesis-ignore` directive.
 */
export function ruleCursor(comment: string, offset: number, after: string): RuleCursor | undefined {
  const match = DIRECTIVE.exec(comment);
  if (!match) return undefined;
  const typed = RULE_CHARS.exec(match[1])![0];
  const listed = match[1]
    .slice(0, match[1].length - typed.length)
    .split(/[\s,]+/)
    .filter(Boolean);
  const rest = /^[a-z0-9/-]*/i.exec(after)![0];
  return { kind: "rule", listed, typed, replace: { start: offset - typed.length, end: offset + rest.length } };
}

/** The directive cursor inside a Markdown `<!-- genesis-ignore ... -->` comment on the cursor's line. */
export function htmlCommentCursor(lineBefore: string, offset: number, after: string): RuleCursor | ExpiryCursor | undefined {
  const open = lineBefore.lastIndexOf("<!--");
  if (open < 0 || lineBefore.indexOf("-->", open) >= 0) return undefined;
  return directiveCursor(lineBefore.slice(open + 4), offset, after);
}
