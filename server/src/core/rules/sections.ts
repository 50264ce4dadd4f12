/**
 * The Markdown sections of a model card (docs/formats/model-card.md#sections), as data: the rules, the quick fixes that insert a
 * missing section, and the docs all read this one table. The order is the order a card lists them
 * in (the Hugging Face model card template, then the Genesis sections).
 */

export interface CardSection {
  /** The title as the spec writes it; messages and inserted headings use it. */
  readonly title: string;
  /** Other spellings accepted for the heading (compared after `normaliseHeading`). */
  readonly aliases: readonly string[];
  /** A key section: a missing or placeholder one warns (an error in `release`); the others are info. */
  readonly key: boolean;
  /** What the section should hold, one line, for messages and the inserted template. */
  readonly holds: string;
}

export const CARD_SECTIONS: readonly CardSection[] = [
  { title: "Model Details", aliases: [], key: false, holds: "what the model is: developers, model type, version, license and base model" },
  { title: "Uses", aliases: [], key: true, holds: "the intended uses and users, and an Out-of-Scope Use subsection" },
  {
    title: "Bias, Risks, and Limitations",
    aliases: ["Bias, Risks and Limitations"],
    key: true,
    holds: "the known biases, risks and limitations, and recommendations to users",
  },
  { title: "Training Details", aliases: [], key: false, holds: "the training data, procedure and hyperparameters" },
  { title: "Evaluation", aliases: [], key: true, holds: "how the model was evaluated: datasets, metrics, results" },
  {
    title: "Environmental Impact",
    aliases: [],
    key: false,
    holds: "the hardware, compute hours and estimated carbon emissions of training",
  },
  { title: "Technical Specifications", aliases: [], key: false, holds: "the architecture, objective and compute infrastructure" },
  {
    title: "Reproducibility",
    aliases: [],
    key: false,
    holds: "how to reproduce training: the logged run, code commit, seed and pinned environment",
  },
  {
    title: "Security and Classification",
    aliases: [],
    key: false,
    holds: "the classification level, handling and export-control markings, and who may access the model",
  },
  { title: "Risk Management", aliases: [], key: false, holds: "the AI RMF risk mapping, mitigations, residual risk and review cadence" },
];

/** The subsection docs/formats/model-card.md#sections requires below `Uses` (a heading of level 3 or deeper inside its body). */
export const OUT_OF_SCOPE_SECTION: CardSection = {
  title: "Out-of-Scope Use",
  aliases: ["Out-of-Scope Uses"],
  key: true,
  holds: "the uses the model is not suited or not approved for",
};

export const USES_TITLE = "Uses";

/**
 * The comparable form of a heading title: case-insensitive, surrounding whitespace and trailing
 * colons ignored, `&` read as `and`, and hyphens, commas and runs of spaces treated alike, so that
 * `Bias, Risks & Limitations:` and `Out of scope use` match their sections. HTML comments are
 * dropped: a `<!-- genesis-ignore ... -->` at the end of a heading line is not part of its title.
 */
export function normaliseHeading(title: string): string {
  return title
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[\s:]+$/, "")
    .replace(/[-,\s]+/g, " ")
    .trim();
}

/** Whether a heading title names the section. */
export function headingNames(section: CardSection, title: string): boolean {
  const wanted = normaliseHeading(title);
  return [section.title, ...section.aliases].some((name) => normaliseHeading(name) === wanted);
}
