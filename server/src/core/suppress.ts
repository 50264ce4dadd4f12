import type { SourceComment } from "./parse/tree";
import { LineIndex } from "./text";
import type { Finding } from "./types";

/** A `genesis-ignore rule[, rule...][: reason]` comment and the line it silences. */
export interface Suppression {
  readonly rules: readonly string[];
  readonly reason: string;
  readonly comment: SourceComment;
  /** 0-based line whose findings it silences. */
  readonly line: number;
}

const DIRECTIVE = /^\s*genesis-ignore\b\s*([^:]*?)\s*(?::\s*(.*?))?\s*(?:-->)?\s*$/;

/**
 * A comment alone on its line silences the next line that holds something other than comments or
 * blanks; a comment after content silences its own line (docs/rules.md#waivers).
 */
export function findSuppressions(text: string, comments: readonly SourceComment[], lines: LineIndex): Suppression[] {
  const result: Suppression[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const rules = match[1].split(/[\s,]+/).filter(Boolean);
    const { line, character } = lines.positionAt(comment.span.start);
    const before = text.slice(lines.lineStart(line), lines.lineStart(line) + character);
    const standalone = before.trim() === "" || before.trim() === "<!--";
    result.push({ rules, reason: (match[2] ?? "").trim(), comment, line: standalone ? nextContentLine(text, lines, line) : line });
  }
  return result;
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
 * Removes silenced findings and, with `reportMissingReasons`, adds `suppress/no-reason` for
 * directives without a reason (once per document: the pass over the `type` rules does it).
 */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[], lines: LineIndex, reportMissingReasons = true): Finding[] {
  if (suppressions.length === 0) return [...findings];
  const silenced = new Map<number, Set<string>>();
  for (const s of suppressions) {
    const set = silenced.get(s.line) ?? new Set<string>();
    s.rules.forEach((rule) => set.add(rule));
    silenced.set(s.line, set);
  }
  const kept = findings.filter((f) => !silenced.get(lines.positionAt(f.span.start).line)?.has(f.rule));
  for (const s of reportMissingReasons ? suppressions : []) {
    if (s.reason !== "" && s.rules.length > 0) continue;
    kept.push({
      rule: "suppress/no-reason",
      message:
        s.rules.length === 0
          ? "genesis-ignore names no rule; write `genesis-ignore <rule-id>: <reason>`."
          : `genesis-ignore ${s.rules.join(", ")} gives no reason; add one after a colon: \`genesis-ignore ${s.rules.join(", ")}: <why this is acceptable>\`.`,
      span: s.comment.span,
      pointer: "",
    });
  }
  return kept;
}
