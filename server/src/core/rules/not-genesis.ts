import { rootAnchor } from "../document";
import type { DocumentCheck } from "./context";
import { isPlainHuggingFaceCard } from "./header";
import { sectionsLacking, surveySections } from "./section-survey";
import { CARD_SECTIONS } from "./sections";

/**
 * `modelcard/not-genesis`: a Hugging Face `README.md` card without the Genesis header (docs/formats/README.md#recognition).
 * The engine leaves out `schema/header` and the top-level `schema/required`, and the section rules
 * stay quiet on such a card, so this one warning is the whole account of what it lacks as a
 * Genesis card: the fields and the sections, counted. Its fix converts the card.
 */
export const notGenesisCheck: DocumentCheck = {
  name: "modelcard-not-genesis",
  reports: ["modelcard/not-genesis"],
  kinds: ["ModelCard"],
  check({ document, value, report }) {
    if (!isPlainHuggingFaceCard(document, value)) return;
    const missing = GENESIS_FIELDS.filter((field) => value[field] === undefined);
    const sections = document.markdown ? sectionsLacking(surveySections(document.markdown.headings)) : [];
    const lacks = [
      `${missing.length} Genesis field${missing.length === 1 ? "" : "s"} (${missing.join(", ")})`,
      ...(sections.length ? [`${sections.length} of the ${CARD_SECTIONS.length} Genesis sections (${sections.join(", ")})`] : []),
    ].join(" and ");
    report({
      rule: "modelcard/not-genesis",
      pointer: "",
      span: rootAnchor(document),
      message:
        `This Hugging Face card is not yet Genesis-ready: it lacks ${lacks}. ` +
        `"Convert to a Genesis card" adds them, starting with the header, and keeps every Hugging Face key and the text.`,
      data: { missing, sections },
    });
  },
};

/**
 * The top-level fields a Genesis card requires (docs/formats/model-card.md), in the schema's order. `license` is a
 * Hugging Face key too, but a Genesis card requires it, and nothing else reports it on such a card.
 */
export const GENESIS_FIELDS = [
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
