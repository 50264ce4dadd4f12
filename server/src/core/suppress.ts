import type { Profile } from "./config";
import { isIsoDate } from "./dates";
import type { SourceComment } from "./parse/tree";
import { LineIndex } from "./text";
import type { Finding, Waiver } from "./types";

/**
 * A `genesis-ignore rule[, rule...][: reason][ (until YYYY-MM-DD)]` comment and the line it
 * silences: a waiver (docs/rules.md#waivers).
 */
export interface Suppression {
  readonly rules: readonly string[];
  /** The reason, without the expiry. */
  readonly reason: string;
  /** The expiry, when the comment ends with one: a date or not. */
  readonly expiry?: Expiry;
  readonly comment: SourceComment;
  /** 0-based line whose findings it silences. */
  readonly line: number;
}

export interface Expiry {
  /** What is written between `(until` and `)`. */
  readonly date: string;
  /** The whole expiry as written, for messages. */
  readonly written: string;
  /** True for a real date in the form `(until YYYY-MM-DD)`. */
  readonly wellFormed: boolean;
}

/** What decides whether a waiver still applies: the profile, and today's date when known. */
export interface WaiverPolicy {
  readonly profile: Profile;
  /** `YYYY-MM-DD`. Without it an expiry is checked for its form only, since no date is known to compare. */
  readonly today?: string;
}

/**
 * How far ahead a waiver written for the user (the "Suppress" quick fix, the `(until` completion)
 * expires: a quarter, long enough to fix the finding, short enough that the accepted risk comes back
 * for review.
 */
export const WAIVER_DAYS = 90;

/** A finding, with the waiver that silences it when one does. */
export type WaivableFinding = Finding & { readonly waiver?: Waiver };

const DIRECTIVE = /^\s*genesis-ignore\b\s*([^:]*?)\s*(?::\s*(.*?))?\s*$/;
/** Where an expiry starts: it runs to the end of the comment, and is malformed when more follows it. */
const EXPIRY_START = /\(\s*until\b/i;
const WELL_FORMED_EXPIRY = /^\(until ([^()\s]*)\s*\)$/i;

/**
 * A comment alone on its line silences the next line that holds something other than comments or
 * blanks; a comment after content silences its own line (docs/rules.md#waivers).
 */
export function findSuppressions(text: string, comments: readonly SourceComment[], lines: LineIndex): Suppression[] {
  const result: Suppression[] = [];
  for (const comment of comments) {
    let body = comment.text.replace(/\s*-->\s*$/, "");
    if (!/^\s*genesis-ignore\b/.test(body)) continue;
    const expiryStart = body.search(EXPIRY_START);
    const expiry = expiryStart < 0 ? undefined : expiryOf(body.slice(expiryStart).trim());
    if (expiryStart >= 0) body = body.slice(0, expiryStart);
    const match = DIRECTIVE.exec(body);
    if (!match) continue;
    const rules = match[1].split(/[\s,]+/).filter(Boolean);
    const { line, character } = lines.positionAt(comment.span.start);
    const before = text.slice(lines.lineStart(line), lines.lineStart(line) + character);
    const standalone = before.trim() === "" || before.trim() === "<!--";
    result.push({
      rules,
      reason: (match[2] ?? "").trim(),
      ...(expiry ? { expiry } : {}),
      comment,
      line: standalone ? nextContentLine(text, lines, line) : line,
    });
  }
  return result;
}

function expiryOf(written: string): Expiry {
  const match = WELL_FORMED_EXPIRY.exec(written.replace(/\s+/g, " ").replace(/^\( /, "("));
  const date = match ? match[1] : written.replace(EXPIRY_START, "").replace(/\).*$/, "").trim();
  return { date, written, wellFormed: match !== null && isIsoDate(date) };
}

function nextContentLine(text: string, lines: LineIndex, from: number): number {
  for (let line = from + 1; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
    const content = text.slice(start, end).trim();
    if (content !== "" && !content.startsWith("#") && !content.startsWith("<!--")) return line;
  }
  return from + 1;
}

/**
 * Why a suppression silences nothing, or undefined when it applies: it names no rule; its expiry
 * is not a date or has passed; or it gives no reason in the `release` profile (in `dev` it still
 * applies, and is flagged).
 */
function lapse(suppression: Suppression, policy: WaiverPolicy): "no-rule" | "malformed" | "expired" | "no-reason" | undefined {
  if (suppression.rules.length === 0) return "no-rule";
  const expiry = suppression.expiry;
  if (expiry) {
    if (!expiry.wellFormed) return "malformed";
    if (policy.today !== undefined && expiry.date < policy.today) return "expired";
  }
  if (suppression.reason === "" && policy.profile === "release") return "no-reason";
  return undefined;
}

/**
 * Marks the findings that a waiver silences with that waiver (they are kept: the checklist counts
 * them and the report lists them, docs/checklist.md#how-an-item-is-decided) and, with `reportProblems`, adds `suppress/no-reason` and
 * `suppress/expired` for the directives that need them (once per document: the pass over the
 * `type` rules does it). Those two are never silenced themselves.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  lines: LineIndex,
  policy: WaiverPolicy,
  reportProblems = true,
): WaivableFinding[] {
  if (suppressions.length === 0) return [...findings];
  const waivers = new Map<number, Map<string, Waiver>>();
  for (const s of suppressions) {
    if (lapse(s, policy) !== undefined) continue;
    const onLine = waivers.get(s.line) ?? new Map<string, Waiver>();
    const waiver: Waiver = s.expiry
      ? { reason: s.reason, until: s.expiry.date, span: s.comment.span }
      : { reason: s.reason, span: s.comment.span };
    for (const rule of s.rules) if (!onLine.has(rule)) onLine.set(rule, waiver);
    waivers.set(s.line, onLine);
  }
  const result: WaivableFinding[] = findings.map((f) => {
    const waiver = waivers.size === 0 ? undefined : waivers.get(lines.positionAt(f.span.start).line)?.get(f.rule);
    return waiver ? { ...f, waiver } : f;
  });
  if (reportProblems) for (const s of suppressions) result.push(...directiveProblems(s, policy));
  return result;
}

/** The diagnostics a directive itself earns: no rule, no reason, an unreadable or a passed expiry. */
function directiveProblems(s: Suppression, policy: WaiverPolicy): Finding[] {
  const problems: Finding[] = [];
  const at = { span: s.comment.span, pointer: "" };
  const named = s.rules.join(", ");
  const why = lapse(s, policy);
  if (s.rules.length === 0) {
    problems.push({
      rule: "suppress/no-reason",
      message: "genesis-ignore names no rule; write `genesis-ignore <rule-id>: <reason>`.",
      ...at,
    });
    return problems;
  }
  if (s.reason === "") {
    const effect = policy.profile === "release" ? " In the release profile it suppresses nothing until it has one." : "";
    problems.push({
      rule: "suppress/no-reason",
      message:
        `genesis-ignore ${named} gives no reason; add one after a colon: \`genesis-ignore ${named}: <why this is acceptable>\`.` + effect,
      ...at,
    });
  }
  if (why === "malformed") {
    problems.push({
      rule: "suppress/expired",
      message:
        `The expiry "${s.expiry?.written}" of genesis-ignore ${named} is not a date, so the waiver suppresses nothing; ` +
        "write it after the reason as `(until YYYY-MM-DD)` with a real calendar date, e.g. `(until 2027-03-31)`.",
      data: { until: s.expiry?.date },
      ...at,
    });
  } else if (why === "expired") {
    problems.push({
      rule: "suppress/expired",
      message:
        `The waiver of ${named} ran until ${s.expiry?.date}, which has passed, so it suppresses nothing; ` +
        "fix the finding, or renew the waiver with a new reason and date if the risk is still accepted.",
      data: { until: s.expiry?.date },
      ...at,
    });
  }
  return problems;
}
