import type { Span } from "../types";

/** The YAML front matter of a Markdown file: `---` on the first line, closed by `---` or `...`. */
export interface FrontMatter {
  /** The YAML text between the fences. */
  readonly content: Span;
  /** From the opening fence to the end of the closing fence line. */
  readonly block: Span;
  /** False when no closing fence was found; `content` then runs to the end of the file. */
  readonly closed: boolean;
}

export interface MarkdownHeading {
  readonly level: number;
  readonly title: string;
  /** The heading line without its line break. */
  readonly span: Span;
  /** The text after the heading up to the next heading of the same or a higher level. */
  readonly body: Span;
}

/** Finds front matter; offsets are into `text`, after a leading BOM when there is one. */
export function findFrontMatter(text: string): FrontMatter | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLine = lineAt(text, start);
  if (text.slice(firstLine.start, firstLine.end).trimEnd() !== "---") return undefined;
  let cursor = firstLine.next;
  while (cursor < text.length) {
    const line = lineAt(text, cursor);
    const content = text.slice(line.start, line.end).trimEnd();
    if (content === "---" || content === "...") {
      return { content: { start: firstLine.next, end: line.start }, block: { start, end: line.end }, closed: true };
    }
    cursor = line.next;
  }
  return { content: { start: firstLine.next, end: text.length }, block: { start, end: text.length }, closed: false };
}

/** ATX headings of a Markdown body, skipping fenced code blocks. */
export function findHeadings(text: string, from: number): MarkdownHeading[] {
  const found: { level: number; title: string; span: Span; next: number }[] = [];
  let fence = "";
  let cursor = from;
  while (cursor < text.length) {
    const line = lineAt(text, cursor);
    const content = text.slice(line.start, line.end);
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fenceMatch) {
      const marker = fenceMatch[1];
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && content.trim() === marker) fence = "";
    } else if (!fence) {
      const heading = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(content) ?? /^ {0,3}(#{1,6})$/.exec(content);
      if (heading)
        found.push({
          level: heading[1].length,
          title: (heading[2] ?? "").trim(),
          span: { start: line.start, end: line.end },
          next: line.next,
        });
    }
    cursor = line.next;
  }
  return found.map((heading, index) => {
    const following = found.slice(index + 1).find((other) => other.level <= heading.level);
    return {
      level: heading.level,
      title: heading.title,
      span: heading.span,
      body: { start: heading.next, end: following ? following.span.start : text.length },
    };
  });
}

function lineAt(text: string, start: number): { start: number; end: number; next: number } {
  let end = text.indexOf("\n", start);
  const next = end < 0 ? text.length : end + 1;
  if (end < 0) end = text.length;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { start, end, next };
}
