import { rootAnchor, type GenesisDocument, type MarkdownParts } from "../document";
import type { MarkdownHeading } from "../parse/markdown";
import type { Severity, Span } from "../types";
import { API_VERSION } from "./header";
import type { DocumentCheck, Report } from "./context";
import { CARD_SECTIONS, headingNames, OUT_OF_SCOPE_SECTION, USES_TITLE, type CardSection } from "./sections";

const MISSING = "modelcard/section-missing";
const PLACEHOLDER = "modelcard/section-placeholder";

/**
 * `modelcard/section-missing` and `modelcard/section-placeholder` over the Markdown body (docs/formats/model-card.md#sections).
 * The engine runs this check, by this name, even when the front matter is unusable, so it reads
 * only `document.markdown`, never the card object.
 */
const sectionsCheck: DocumentCheck = {
  name: "modelcard-sections",
  reports: [MISSING, PLACEHOLDER],
  kinds: ["ModelCard"],
  check({ document, report }) {
    const markdown = document.markdown;
    if (!markdown) return;
    const anchor = missingSectionAnchor(document.text, markdown);
    let previousPresent: string | undefined;
    for (const section of CARD_SECTIONS) {
      const present = markdown.headings.filter((h) => h.level === 2 && headingNames(section, h.title));
      if (present.length === 0) {
        reportMissing(document, markdown, section, previousPresent, anchor, report);
        continue;
      }
      previousPresent = section.title;
      for (const heading of present) checkContent(document, markdown.headings, section, heading, report);
      if (section.title === USES_TITLE) checkOutOfScope(document, markdown.headings, present, report);
    }
  },
};

/**
 * `modelcard/not-genesis`: a Hugging Face `README.md` card without the Genesis header (docs/formats/README.md#recognition). The
 * engine leaves out `schema/header` and `schema/required` for such a card, so this one warning is
 * the whole account of what it lacks.
 */
const notGenesisCheck: DocumentCheck = {
  name: "modelcard-not-genesis",
  reports: ["modelcard/not-genesis"],
  kinds: ["ModelCard"],
  check({ document, value, report }) {
    if (document.recognisedBy !== "hugging-face" || value.apiVersion !== undefined || value.kind !== undefined) return;
    const missing = GENESIS_FIELDS.filter((field) => value[field] === undefined);
    report({
      rule: "modelcard/not-genesis",
      pointer: "",
      span: rootAnchor(document),
      message:
        `This Hugging Face card is not yet Genesis-ready: it lacks the Genesis fields ${missing.join(", ")}; ` +
        `add them to the front matter beside the Hugging Face keys, starting with "apiVersion: ${API_VERSION}" and "kind: ModelCard".`,
      data: { missing },
    });
  },
};

/**
 * The top-level fields a Genesis card requires (docs/formats/model-card.md), in the schema's order. `license` is a
 * Hugging Face key too, but a Genesis card requires it, and nothing else reports it on such a card.
 */
const GENESIS_FIELDS = [
  "apiVersion",
  "kind",
  "id",
  "version",
  "license",
  "owner",
  "contact",
  "classification",
  "training",
  "evaluation",
  "artifacts",
  "intendedUse",
  "outOfScopeUse",
  "risk",
] as const;

export const modelcardChecks: readonly DocumentCheck[] = [sectionsCheck, notGenesisCheck];

function severityOf(section: CardSection): Severity {
  return section.key ? "warning" : "info";
}

/**
 * Where a missing section is reported: the card's title (its first level-1 heading), else the
 * closing fence of the front matter, else the first line. Every missing section shares this place,
 * so the body's own lines stay free for the problems that are on them.
 */
function missingSectionAnchor(text: string, markdown: MarkdownParts): Span {
  const title = markdown.headings.find((h) => h.level === 1);
  if (title) return title.span;
  const frontMatter = markdown.frontMatter;
  if (frontMatter?.closed) return { start: frontMatter.content.end, end: frontMatter.block.end };
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineEnd = text.slice(start).search(/\r?\n|\r/);
  const end = lineEnd < 0 ? text.length : start + lineEnd;
  return end > start ? { start, end } : { start, end: Math.min(text.length, start + 1) };
}

function reportMissing(
  document: GenesisDocument,
  markdown: MarkdownParts,
  section: CardSection,
  after: string | undefined,
  anchor: Span,
  report: (r: Report) => void,
): void {
  const wrongLevel = markdown.headings.find((h) => h.level !== 2 && headingNames(section, h.title));
  if (wrongLevel) {
    report({
      rule: MISSING,
      pointer: "",
      span: wrongLevel.span,
      severity: severityOf(section),
      message:
        `"${lineText(document, wrongLevel)}" is a level-${wrongLevel.level} heading; ` +
        `the ${section.title} section must be a level-2 heading, "## ${section.title}".`,
      data: { section: section.title, level: 2 },
    });
    return;
  }
  const hasTitle = markdown.headings.some((h) => h.level === 1);
  const place = after ? `after "## ${after}"` : hasTitle ? "after the card's title" : "at the start of the card's body";
  report({
    rule: MISSING,
    pointer: "",
    span: anchor,
    severity: severityOf(section),
    message: `The card has no "## ${section.title}" section; add it ${place}, with ${section.holds}.`,
    data: { section: section.title, level: 2, ...(after ? { after } : {}) },
  });
}

/** docs/formats/model-card.md#sections asks for an `Out-of-Scope Use` heading (level 3 or deeper) inside the body of `## Uses`. */
function checkOutOfScope(
  document: GenesisDocument,
  headings: readonly MarkdownHeading[],
  uses: readonly MarkdownHeading[],
  report: (r: Report) => void,
): void {
  const named = headings.filter((h) => headingNames(OUT_OF_SCOPE_SECTION, h.title));
  const inside = named.filter((h) => h.level >= 3 && uses.some((u) => contains(u.body, h.span)));
  const data = { section: OUT_OF_SCOPE_SECTION.title, level: 3, parent: USES_TITLE };
  if (inside.length === 0) {
    // An empty Uses is reported once, as empty; its message already asks for the subsection.
    if (uses.every((u) => isEmpty(document, headings, u.body))) return;
    const elsewhere = named[0];
    report({
      rule: MISSING,
      pointer: "",
      span: elsewhere ? elsewhere.span : uses[0].span,
      severity: severityOf(OUT_OF_SCOPE_SECTION),
      message: elsewhere
        ? `"${lineText(document, elsewhere)}" is not inside "## ${USES_TITLE}"; ` +
          `move it there as a level-3 heading, "### ${OUT_OF_SCOPE_SECTION.title}".`
        : `"## ${USES_TITLE}" has no "### ${OUT_OF_SCOPE_SECTION.title}" subsection; ` +
          `add one inside it, with ${OUT_OF_SCOPE_SECTION.holds}.`,
      data,
    });
    return;
  }
  // Placeholders inside the subsection are found by the scan of Uses; only emptiness is left.
  for (const heading of inside) {
    const parent = uses.find((u) => contains(u.body, heading.span));
    if (parent && isEmpty(document, headings, parent.body)) continue;
    if (isEmpty(document, headings, heading.body)) reportEmpty(document, OUT_OF_SCOPE_SECTION, heading, report);
  }
}

/** An empty section is reported on its heading; otherwise each placeholder in it, on its text. */
function checkContent(
  document: GenesisDocument,
  headings: readonly MarkdownHeading[],
  section: CardSection,
  heading: MarkdownHeading,
  report: (r: Report) => void,
): void {
  if (isEmpty(document, headings, heading.body)) {
    reportEmpty(document, section, heading, report);
    return;
  }
  const subsections =
    section.title === USES_TITLE
      ? headings.filter((h) => contains(heading.body, h.span) && headingNames(OUT_OF_SCOPE_SECTION, h.title))
      : [];
  for (const found of placeholders(document.text, heading.body)) {
    const owner = subsections.some((h) => contains(h.body, found)) ? OUT_OF_SCOPE_SECTION : section;
    const placeholder = document.text.slice(found.start, found.end);
    report({
      rule: PLACEHOLDER,
      pointer: "",
      span: found,
      severity: severityOf(owner),
      message: `"${placeholder}" is a placeholder in the ${owner.title} section; replace it with ${owner.holds}.`,
      data: { section: owner.title, placeholder },
    });
  }
}

function reportEmpty(document: GenesisDocument, section: CardSection, heading: MarkdownHeading, report: (r: Report) => void): void {
  report({
    rule: PLACEHOLDER,
    pointer: "",
    span: heading.span,
    severity: severityOf(section),
    message: `The "${lineText(document, heading)}" section is empty; write ${section.holds}.`,
    data: { section: section.title, empty: true },
  });
}

/** HTML comments are not rendered, so they neither fill a section nor hold its placeholders. */
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/**
 * The Hugging Face template's placeholder, and the words TODO and TBD in upper case, as whole
 * words (`_TODO_` and `TODO:` count, `TODOs` and `Todo` do not).
 */
const PLACEHOLDERS = [/\[\s*more information needed\s*\]/gi, /(?<![A-Za-z0-9])(?:TODO|TBD)(?![A-Za-z0-9])/g];

function placeholders(text: string, body: Span): Span[] {
  const visible = maskComments(text.slice(body.start, body.end));
  const found: Span[] = [];
  for (const pattern of PLACEHOLDERS) {
    for (const match of visible.matchAll(pattern)) {
      const start = body.start + (match.index ?? 0);
      found.push({ start, end: start + match[0].length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Empty: nothing but whitespace, HTML comments and (sub)headings. */
function isEmpty(document: GenesisDocument, headings: readonly MarkdownHeading[], body: Span): boolean {
  let visible = maskComments(document.text.slice(body.start, body.end));
  for (const heading of headings) {
    if (!contains(body, heading.span)) continue;
    const from = heading.span.start - body.start;
    const to = heading.span.end - body.start;
    visible = visible.slice(0, from) + " ".repeat(to - from) + visible.slice(to);
  }
  return visible.trim() === "";
}

/** The text with each comment replaced by spaces of the same length, so offsets still hold. */
function maskComments(text: string): string {
  return text.replace(COMMENT, (comment) => comment.replace(/[^\r\n]/g, " "));
}

function contains(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function lineText(document: GenesisDocument, heading: MarkdownHeading): string {
  return document.text.slice(heading.span.start, heading.span.end).trim();
}
