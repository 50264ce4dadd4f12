import type { GenesisDocument } from "../document";
import type { MarkdownHeading } from "../parse/markdown";
import { CARD_SECTIONS, headingNames, OUT_OF_SCOPE_SECTION, USES_TITLE, type CardSection } from "../rules/sections";
import type { PartsEdit } from "./document-edits";
import { makeFix } from "./make-fix";
import { slot, type Part } from "./snippet-parts";
import { lineBreakOf } from "./text-layout";
import type { FixProvider } from "./types";

/**
 * `modelcard/section-missing`: inserts the section where the order of docs/formats/model-card.md#sections puts it (after the section
 * the data names, else before the first later section, else at the end), with a one-line TODO
 * saying what it should hold. The TODO is a placeholder the placeholder rule still reports, so a
 * fixed card does not pass for complete. A heading of the wrong level is made level 2, and a
 * missing "Out-of-Scope Use" goes at the end of "Uses".
 */
export const sectionFixes: FixProvider = (document, diagnostic, context) => {
  const markdown = document.markdown;
  const title = diagnostic.data?.section;
  if (!markdown || typeof title !== "string") return [];
  const headings = markdown.headings;

  if (diagnostic.data?.parent === USES_TITLE) {
    const uses = headings.find(
      (h) => h.level === 2 && h.span.start === diagnostic.span.start && headingNames(sectionNamed(USES_TITLE)!, h.title),
    );
    if (!uses) return []; // the subsection exists outside Uses: moving it is the user's edit
    return makeFix(
      `Add "### ${OUT_OF_SCOPE_SECTION.title}" inside "${USES_TITLE}"`,
      [insertAt(document, uses.body.end, sectionParts(document, OUT_OF_SCOPE_SECTION, 3))],
      context,
      true,
    );
  }
  const section = sectionNamed(title);
  if (!section) return [];
  const misplaced = headings.find((h) => h.span.start === diagnostic.span.start && h.level !== 2 && headingNames(section, h.title));
  if (misplaced) {
    const hashes = /^ {0,3}(#+)/.exec(document.text.slice(misplaced.span.start, misplaced.span.end));
    if (!hashes) return [];
    const start = misplaced.span.start + hashes[0].length - hashes[1].length;
    return makeFix(`Make "${section.title}" a level-2 heading`, [{ start, end: start + hashes[1].length, parts: ["##"] }], context, true);
  }
  return makeFix(
    `Add the "## ${section.title}" section`,
    [insertAt(document, placeFor(document, headings, section, diagnostic.data?.after), sectionParts(document, section, 2))],
    context,
    true,
  );
};

function sectionNamed(title: string): CardSection | undefined {
  return CARD_SECTIONS.find((section) => section.title === title);
}

/** Where a missing section goes, by the order of docs/formats/model-card.md#sections. */
function placeFor(document: GenesisDocument, headings: readonly MarkdownHeading[], section: CardSection, after: unknown): number {
  const previous = typeof after === "string" ? sectionNamed(after) : undefined;
  const anchor = previous && headings.filter((h) => h.level === 2 && headingNames(previous, h.title)).pop();
  if (anchor) return anchor.body.end;
  const later = CARD_SECTIONS.slice(CARD_SECTIONS.indexOf(section) + 1);
  const next = headings.find((h) => h.level === 2 && later.some((s) => headingNames(s, h.title)));
  return next ? next.span.start : document.text.length;
}

/** `## Title`, a blank line, the TODO, a blank line; for Uses, its Out-of-Scope Use subsection too. */
function sectionParts(document: GenesisDocument, section: CardSection, level: number): Part[] {
  const eol = lineBreakOf(document.text);
  const parts: Part[] = [`${"#".repeat(level)} ${section.title}${eol}${eol}`, slot(`TODO: describe ${section.holds}.`), `${eol}${eol}`];
  return section.title === USES_TITLE ? [...parts, ...sectionParts(document, OUT_OF_SCOPE_SECTION, 3)] : parts;
}

/** Inserts a block of lines at the start of a line, or at the end after a blank line. */
function insertAt(document: GenesisDocument, at: number, parts: readonly Part[]): PartsEdit {
  const { text } = document;
  const eol = lineBreakOf(text);
  if (at < text.length) return { start: at, end: at, parts };
  const lead = text === "" || /(\r?\n|\r){2}$/.test(text) ? "" : /[\r\n]$/.test(text) ? eol : eol + eol;
  const trimmed = [...parts];
  const last = trimmed[trimmed.length - 1];
  if (typeof last === "string") trimmed[trimmed.length - 1] = last.endsWith(eol + eol) ? last.slice(0, -eol.length) : last;
  return { start: at, end: at, parts: [lead, ...trimmed] };
}
