import type { GenesisDocument } from "../document";
import type { MarkdownHeading } from "../parse/markdown";
import { surveySections, type SectionSurvey } from "../rules/section-survey";
import { CARD_SECTIONS, headingNames, OUT_OF_SCOPE_SECTION, USES_TITLE, type CardSection } from "../rules/sections";
import type { PartsEdit } from "./document-edits";
import { makeFix } from "./make-fix";
import { slot, type Part } from "./snippet-parts";
import { lineBreakOf } from "./text-layout";
import type { FixProvider } from "./types";

/**
 * `modelcard/section-missing`. For the sections a card lacks (one diagnostic lists them), one fix
 * adds them all, each where the order of docs/formats/model-card.md#sections puts it (after the
 * nearest earlier section, else before the first later one, else at the end), with a one-line TODO
 * saying what it should hold. The TODO is a placeholder the placeholder rule still reports, so a
 * fixed card does not pass for complete. A Hugging Face heading standing for a section is renamed,
 * a heading of the wrong level is made level 2, and a missing "Out-of-Scope Use" goes at the end
 * of "Uses".
 */
export const sectionFixes: FixProvider = (document, diagnostic, context) => {
  const markdown = document.markdown;
  if (!markdown) return [];
  const sections = diagnostic.data?.sections;
  if (Array.isArray(sections)) {
    const wanted = CARD_SECTIONS.filter((section) => sections.includes(section.title));
    const title = wanted.length === 1 ? `Add the "## ${wanted[0].title}" section` : `Add all ${wanted.length} missing sections`;
    return wanted.length ? makeFix(title, sectionInsertions(document, surveySections(markdown.headings), wanted), context, true) : [];
  }
  const title = diagnostic.data?.section;
  if (typeof title !== "string") return [];
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
  const heading = headings.find((h) => h.span.start === diagnostic.span.start);
  if (!section || !heading) return [];
  if (typeof diagnostic.data?.heading === "string") {
    const written = heading.title.replace(/<!--[\s\S]*$/, "").trim();
    return makeFix(`Rename "${written}" to "## ${section.title}"`, [renameHeading(document, heading, section.title)], context, true);
  }
  if (heading.level === 2 || !headingNames(section, heading.title)) return [];
  return makeFix(`Make "${section.title}" a level-2 heading`, [relevel(document, heading)], context, true);
};

/**
 * The edits that add `wanted` to a card: one insertion per place, holding the sections that go
 * there in the order of the table. Headings of the survey (present, of the wrong level, or standing
 * in) are the landmarks.
 */
export function sectionInsertions(document: GenesisDocument, survey: SectionSurvey, wanted: readonly CardSection[]): PartsEdit[] {
  const landmarks = new Map<CardSection, MarkdownHeading>();
  for (const [section, headings] of survey.present) landmarks.set(section, headings[headings.length - 1]);
  for (const [section, heading] of survey.wrongLevel) landmarks.set(section, heading);
  for (const { section, heading } of survey.standIns) landmarks.set(section, heading);
  const byPlace = new Map<number, CardSection[]>();
  for (const section of wanted) {
    const at = placeFor(document, landmarks, section);
    byPlace.set(at, [...(byPlace.get(at) ?? []), section]);
  }
  return [...byPlace].map(([at, sections]) =>
    insertAt(
      document,
      at,
      sections.flatMap((section) => sectionParts(document, section, 2)),
    ),
  );
}

/**
 * `## title` in place of a heading's markers and text, keeping its indentation and a trailing
 * HTML comment (a `genesis-ignore` on the heading line stays where it was).
 */
export function renameHeading(document: GenesisDocument, heading: MarkdownHeading, title: string): PartsEdit | undefined {
  const line = document.text.slice(heading.span.start, heading.span.end);
  const indent = /^ {0,3}(?=#)/.exec(line);
  if (!indent) return undefined;
  const comment = line.search(/[ \t]*<!--/);
  const end = heading.span.start + (comment >= 0 ? comment : line.trimEnd().length);
  return { start: heading.span.start + indent[0].length, end, parts: [`## ${title}`] };
}

function sectionNamed(title: string): CardSection | undefined {
  return CARD_SECTIONS.find((section) => section.title === title);
}

/** "### Out-of-Scope Use" at the end of a Uses section that has none. */
export function outOfScopeInsertion(document: GenesisDocument, uses: MarkdownHeading): PartsEdit | undefined {
  const headings = document.markdown?.headings ?? [];
  const inside = headings.some(
    (h) => h.level >= 3 && h.span.start >= uses.body.start && h.span.end <= uses.body.end && headingNames(OUT_OF_SCOPE_SECTION, h.title),
  );
  return inside ? undefined : insertAt(document, uses.body.end, sectionParts(document, OUT_OF_SCOPE_SECTION, 3));
}

/** A heading made level 2: only its markers change. */
export function relevel(document: GenesisDocument, heading: MarkdownHeading): PartsEdit | undefined {
  const hashes = /^ {0,3}(#+)/.exec(document.text.slice(heading.span.start, heading.span.end));
  if (!hashes) return undefined;
  const start = heading.span.start + hashes[0].length - hashes[1].length;
  return { start, end: start + hashes[1].length, parts: ["##"] };
}

/** Where a missing section goes, by the order of docs/formats/model-card.md#sections. */
function placeFor(document: GenesisDocument, landmarks: ReadonlyMap<CardSection, MarkdownHeading>, section: CardSection): number {
  const index = CARD_SECTIONS.indexOf(section);
  const previous = CARD_SECTIONS.slice(0, index)
    .reverse()
    .find((earlier) => landmarks.has(earlier));
  if (previous) return landmarks.get(previous)!.body.end;
  const next = CARD_SECTIONS.slice(index + 1).find((later) => landmarks.has(later));
  return next ? landmarks.get(next)!.span.start : document.text.length;
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
