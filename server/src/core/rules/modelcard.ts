import type { GenesisDocument, MarkdownParts } from "../document";
import type { MarkdownHeading } from "../parse/markdown";
import type { Severity, Span } from "../types";
import { isPlainHuggingFaceCard } from "./header";
import type { DocumentCheck, Report } from "./context";
import { notGenesisCheck } from "./not-genesis";
import { surveySections, type SectionStandIn, type SectionSurvey } from "./section-survey";
import { CARD_SECTIONS, headingNames, OUT_OF_SCOPE_SECTION, USES_TITLE, type CardSection } from "./sections";

const MISSING = "modelcard/section-missing";
const PLACEHOLDER = "modelcard/section-placeholder";

/**
 * `modelcard/section-missing` and `modelcard/section-placeholder` over the Markdown body (docs/formats/model-card.md#sections).
 * The engine runs this check, by this name, even when the front matter is unusable, so it reads
 * only `document.markdown` and the header, never the rest of the card object. A plain Hugging Face
 * card gets none of these: `modelcard/not-genesis` counts its missing sections instead.
 */
const sectionsCheck: DocumentCheck = {
  name: "modelcard-sections",
  reports: [MISSING, PLACEHOLDER],
  kinds: ["ModelCard"],
  check({ document, value, report }) {
    const markdown = document.markdown;
    if (!markdown || isPlainHuggingFaceCard(document, value)) return;
    const survey = surveySections(markdown.headings);
    for (const [section, heading] of survey.wrongLevel) reportWrongLevel(document, section, heading, report);
    for (const standIn of survey.standIns) reportStandIn(document, standIn, report);
    if (survey.missing.length > 0) reportMissing(document, markdown, survey, report);
    for (const [section, headings] of survey.present) {
      for (const heading of headings) checkContent(document, markdown.headings, section, heading, report);
      if (section.title === USES_TITLE) checkOutOfScope(document, markdown.headings, headings, report);
    }
  },
};

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

function reportWrongLevel(document: GenesisDocument, section: CardSection, heading: MarkdownHeading, report: (r: Report) => void): void {
  report({
    rule: MISSING,
    pointer: "",
    span: heading.span,
    severity: severityOf(section),
    message:
      `"${lineText(document, heading)}" is a level-${heading.level} heading; ` +
      `the ${section.title} section must be a level-2 heading, "## ${section.title}".`,
    data: { section: section.title, level: 2 },
  });
}

/** A Hugging Face heading in the place of a section: reported on it, and the fix renames it. */
function reportStandIn(document: GenesisDocument, { heading, section }: SectionStandIn, report: (r: Report) => void): void {
  report({
    rule: MISSING,
    pointer: "",
    span: heading.span,
    severity: severityOf(section),
    message:
      `"${lineText(document, heading)}" is the Hugging Face heading for the ${section.title} section; ` +
      `rename it "## ${section.title}", which should hold ${section.holds}.`,
    data: { section: section.title, level: 2, heading: heading.title },
  });
}

/**
 * One diagnostic for every section with no heading at all, on the anchor; a warning when a key
 * section is among them. Its fix adds them all, each in its place.
 */
function reportMissing(document: GenesisDocument, markdown: MarkdownParts, survey: SectionSurvey, report: (r: Report) => void): void {
  const missing = survey.missing;
  const severity: Severity = missing.some((section) => section.key) ? "warning" : "info";
  const sections = missing.map((section) => section.title);
  const span = missingSectionAnchor(document.text, markdown);
  if (missing.length === 1) {
    const [section] = missing;
    const after = CARD_SECTIONS.slice(0, CARD_SECTIONS.indexOf(section))
      .filter((earlier) => survey.present.has(earlier))
      .pop()?.title;
    const hasTitle = markdown.headings.some((h) => h.level === 1);
    const place = after ? `after "## ${after}"` : hasTitle ? "after the card's title" : "at the start of the card's body";
    report({
      rule: MISSING,
      pointer: "",
      span,
      severity,
      message: `The card has no "## ${section.title}" section; add it ${place}, with ${section.holds}.`,
      data: { sections, level: 2 },
    });
    return;
  }
  const listed = missing.map((section) => `"## ${section.title}" (${section.holds})`).join("; ");
  report({
    rule: MISSING,
    pointer: "",
    span,
    severity,
    message: `The card lacks ${missing.length} of the ${CARD_SECTIONS.length} model card sections: ${listed}. Add them, each in its place.`,
    data: { sections, level: 2 },
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
  const found = placeholders(document.text, heading.body);
  for (const owner of [section, OUT_OF_SCOPE_SECTION]) {
    const owned = found.filter((span) => subsections.some((h) => contains(h.body, span)) === (owner === OUT_OF_SCOPE_SECTION));
    if (owned.length > 0) reportPlaceholders(document, owner, owned, report);
  }
}

/** The placeholders of one section: one diagnostic, on the first of them. */
function reportPlaceholders(document: GenesisDocument, section: CardSection, found: readonly Span[], report: (r: Report) => void): void {
  const placeholder = document.text.slice(found[0].start, found[0].end);
  const others = found.length - 1;
  const more = others === 0 ? "" : ` (and ${others} more placeholder${others === 1 ? "" : "s"} in it)`;
  const pronoun = others === 0 ? "it" : "them";
  report({
    rule: PLACEHOLDER,
    pointer: "",
    span: found[0],
    severity: severityOf(section),
    message: `"${placeholder}" is a placeholder in the ${section.title} section${more}; replace ${pronoun} with ${section.holds}.`,
    data: { section: section.title, placeholder, count: found.length },
  });
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
 * The Hugging Face template's placeholder (bracketed, or as the Trainer's generated card writes it,
 * "More information needed"), and the words TODO and TBD in upper case, as whole
 * words (`_TODO_` and `TODO:` count, `TODOs` and `Todo` do not).
 */
const PLACEHOLDERS = [/\[\s*more information needed\s*\]|\bmore information needed\b/gi, /(?<![A-Za-z0-9])(?:TODO|TBD)(?![A-Za-z0-9])/g];

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
