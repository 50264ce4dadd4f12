import type { MarkdownHeading } from "../parse/markdown";
import { CARD_SECTIONS, headingNames, normaliseHeading, type CardSection } from "./sections";

/**
 * Headings that the Hugging Face Trainer's generated card and the Hub's templates write where a
 * Genesis card has a section of docs/formats/model-card.md#sections. Each names the sections it
 * can stand for, in order of preference: "Training and evaluation data" is Training Details
 * unless that section is there or taken by "Training procedure", then Evaluation.
 */
export const HUGGING_FACE_HEADINGS: readonly { readonly heading: string; readonly sections: readonly string[] }[] = [
  { heading: "Model description", sections: ["Model Details"] },
  { heading: "Intended uses & limitations", sections: ["Uses"] },
  { heading: "Training procedure", sections: ["Training Details"] },
  { heading: "Training and evaluation data", sections: ["Training Details", "Evaluation"] },
  { heading: "Framework versions", sections: ["Technical Specifications"] },
  { heading: "Limitations", sections: ["Bias, Risks, and Limitations"] },
];

/** A heading that stands for a section under another name; renaming it to `## title` makes it that section. */
export interface SectionStandIn {
  readonly heading: MarkdownHeading;
  readonly section: CardSection;
}

/** How a card's headings meet the sections of docs/formats/model-card.md#sections. */
export interface SectionSurvey {
  /** The sections with a level-2 heading of their own, and those headings. */
  readonly present: ReadonlyMap<CardSection, readonly MarkdownHeading[]>;
  /** Sections written only as a heading of another level (the first such heading). */
  readonly wrongLevel: ReadonlyMap<CardSection, MarkdownHeading>;
  /** Sections written under a Hugging Face heading. */
  readonly standIns: readonly SectionStandIn[];
  /** Sections with no heading at all, in the order of the table. */
  readonly missing: readonly CardSection[];
}

export function surveySections(headings: readonly MarkdownHeading[]): SectionSurvey {
  const present = new Map<CardSection, MarkdownHeading[]>();
  const wrongLevel = new Map<CardSection, MarkdownHeading>();
  for (const section of CARD_SECTIONS) {
    const named = headings.filter((h) => h.level === 2 && headingNames(section, h.title));
    if (named.length > 0) present.set(section, named);
    else {
      const other = headings.find((h) => h.level !== 2 && headingNames(section, h.title));
      if (other) wrongLevel.set(section, other);
    }
  }
  const taken = new Set<CardSection>([...present.keys(), ...wrongLevel.keys()]);
  const standIns: SectionStandIn[] = [];
  for (const mapping of HUGGING_FACE_HEADINGS) {
    const heading = headings.find((h) => h.level >= 2 && normaliseHeading(h.title) === normaliseHeading(mapping.heading));
    const section = mapping.sections.map((title) => CARD_SECTIONS.find((s) => s.title === title)).find((s) => s && !taken.has(s));
    if (!heading || !section) continue;
    taken.add(section);
    standIns.push({ heading, section });
  }
  return { present, wrongLevel, standIns, missing: CARD_SECTIONS.filter((section) => !taken.has(section)) };
}

/** The section titles a card lacks under their own level-2 heading, in the order of the table. */
export function sectionsLacking(survey: SectionSurvey): string[] {
  return CARD_SECTIONS.filter((section) => !survey.present.has(section)).map((section) => section.title);
}
