import { isRecord } from "../pointer";
import { API_VERSION } from "../rules/header";
import { surveySections } from "../rules/section-survey";
import { CARD_SECTIONS, USES_TITLE } from "../rules/sections";
import { insertEntries, type PartsEdit } from "./document-edits";
import { makeFix } from "./make-fix";
import { placeholderFor } from "./placeholders";
import { outOfScopeInsertion, relevel, renameHeading, sectionInsertions } from "./sections";
import type { FixProvider } from "./types";
import { fixedScalar, type NewEntry } from "./values";

/**
 * `modelcard/not-genesis`: "Convert to a Genesis card" (docs/formats/README.md#recognition). In the
 * front matter, the header goes first and each missing Genesis field, with a typed placeholder
 * holding its own required entries, after the card's last key; every Hugging Face key stays as it
 * is, so the card is still a Hub card. In the body, a Hugging Face heading that stands for a section
 * is renamed (Uses gets its Out-of-Scope Use subsection), a section heading of the wrong level is
 * made level 2, and the sections still missing are added in their places; the text is kept.
 */
export const notGenesisFixes: FixProvider = (document, diagnostic, context) => {
  const root = document.tree.value;
  const missing = Array.isArray(diagnostic.data?.missing) ? diagnostic.data.missing.filter((m): m is string => typeof m === "string") : [];
  if (!isRecord(root)) return [];
  const header: NewEntry[] = [
    ...(missing.includes("apiVersion") ? [{ name: "apiVersion", value: fixedScalar(API_VERSION) }] : []),
    ...(missing.includes("kind") ? [{ name: "kind", value: fixedScalar("ModelCard") }] : []),
  ];
  const fields = missing
    .filter((name) => name !== "apiVersion" && name !== "kind" && !Object.hasOwn(root, name))
    .map((name) => ({ name, value: placeholderFor(document, `/${name}`) }));
  const edits: (PartsEdit | undefined)[] = [
    ...(header.length ? [insertEntries(document, "", header, { at: "first" })] : []),
    ...(fields.length ? [insertEntries(document, "", fields, { at: "last" })] : []),
  ];
  if (document.markdown) {
    const survey = surveySections(document.markdown.headings);
    edits.push(...survey.standIns.map(({ heading, section }) => renameHeading(document, heading, section.title)));
    edits.push(...[...survey.wrongLevel.values()].map((heading) => relevel(document, heading)));
    const usesSection = CARD_SECTIONS.find((section) => section.title === USES_TITLE)!;
    const uses = survey.present.get(usesSection)?.[0] ?? survey.standIns.find(({ section }) => section === usesSection)?.heading;
    const outOfScope = uses && outOfScopeInsertion(document, uses);
    if (outOfScope) edits.push(outOfScope);
    edits.push(...sectionInsertions(document, survey, survey.missing));
  }
  return makeFix("Convert to a Genesis card", edits, context);
};
