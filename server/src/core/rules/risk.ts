import { daysBetween, isIsoDate } from "../dates";
import { isRecord, joinPointer } from "../pointer";
import type { DocumentCheck } from "./context";
import { checkRmfId } from "./rmf";

/** `risk/rmf-id`: every `risk.rmf[]` item names a real NIST AI RMF 1.0 category or subcategory (docs/formats/model-card.md). */
const rmfIdCheck: DocumentCheck = {
  name: "risk-rmf-id",
  reports: ["risk/rmf-id"],
  kinds: ["ModelCard"],
  check({ value, report }) {
    const risk = value.risk;
    if (!isRecord(risk) || !Array.isArray(risk.rmf)) return; // the schema reports a missing or non-list rmf
    risk.rmf.forEach((item, index) => {
      const verdict = checkRmfId(item);
      if (verdict.valid) return;
      report({
        rule: "risk/rmf-id",
        pointer: joinPointer("/risk/rmf", index),
        message: verdict.problem,
        data: verdict.replacement ? { replacement: verdict.replacement } : undefined,
      });
    });
  },
};

/**
 * Hugging Face pipeline tags of models that generate content (text, images, audio, video, 3D) as
 * their output: the models NIST AI 600-1 is about. Included on that criterion although they are
 * sometimes built otherwise: `visual-question-answering` (free-text answers, which can confabulate),
 * `image-to-image` and `audio-to-audio` (they synthesise new images and audio, including edits and
 * voice conversion), `summarization` and `translation` (sequence-to-sequence text generation).
 * Left out: tasks whose output is a label, a span of the input, a transcription or a number
 * (classification, extractive question answering, `fill-mask`, `automatic-speech-recognition`,
 * `mask-generation`, `depth-estimation`, forecasting).
 */
export const GENERATIVE_PIPELINE_TAGS: ReadonlySet<string> = new Set([
  "text-generation",
  "text2text-generation",
  "conversational",
  "summarization",
  "translation",
  "image-to-text",
  "image-text-to-text",
  "video-text-to-text",
  "audio-text-to-text",
  "visual-question-answering",
  "text-to-image",
  "image-to-image",
  "unconditional-image-generation",
  "text-to-audio",
  "text-to-speech",
  "audio-to-audio",
  "text-to-video",
  "image-to-video",
  "text-to-3d",
  "image-to-3d",
  "any-to-any",
]);

/** A few of the twelve NIST AI 600-1 risks, as examples in the message (the schema lists all). */
const EXAMPLE_RISKS = [
  "confabulation",
  "information-integrity",
  "data-privacy",
  "information-security",
  "harmful-bias-or-homogenization",
  "intellectual-property",
];

/** `risk/generative`: a model that generates content lists the AI 600-1 risks it considered. */
const generativeCheck: DocumentCheck = {
  name: "risk-generative",
  reports: ["risk/generative"],
  kinds: ["ModelCard"],
  check({ document, value, report }) {
    const tag = value.pipeline_tag;
    if (typeof tag !== "string" || !GENERATIVE_PIPELINE_TAGS.has(tag.trim().toLowerCase())) return;
    const risk = value.risk;
    if (risk !== undefined && !isRecord(risk)) return; // the schema reports a risk that is not a mapping
    const listed = isRecord(risk) ? risk.generative : undefined;
    // A non-empty list is what this rule asks; any other non-list value is the schema's to report.
    if (listed !== undefined && listed !== null && !(Array.isArray(listed) && listed.length === 0)) return;
    const advice =
      `"${tag}" is a generative task, so risk.generative must list the NIST AI 600-1 risks considered, ` +
      `e.g. ${EXAMPLE_RISKS.join(", ")} (12 in all).`;
    const data = { pipelineTag: tag };
    if (!isRecord(risk)) {
      // A Hugging Face card without the Genesis header gets one modelcard/not-genesis warning for
      // every Genesis field it lacks, risk included.
      if (document.recognisedBy === "hugging-face" && value.apiVersion === undefined && value.kind === undefined) return;
      report({ rule: "risk/generative", pointer: "/pipeline_tag", message: `This model card has no risk section; ${advice}`, data });
    } else if (listed === undefined) {
      report({ rule: "risk/generative", pointer: "/risk", part: "key", message: `risk has no generative list; ${advice}`, data });
    } else {
      report({ rule: "risk/generative", pointer: "/risk/generative", message: `risk.generative is empty; ${advice}`, data });
    }
  },
};

/**
 * `risk/review-overdue`: a card's `risk.reviewDate` has passed (docs/formats/model-card.md). Judged
 * against the date the front end passes in; without one the rule does not run. A date that is not
 * `YYYY-MM-DD` is the schema's to report.
 */
const reviewOverdueCheck: DocumentCheck = {
  name: "risk-review-overdue",
  reports: ["risk/review-overdue"],
  kinds: ["ModelCard"],
  check({ value, today, report }) {
    if (today === undefined || !isIsoDate(today) || !isRecord(value.risk)) return;
    const written = value.risk.reviewDate;
    const reviewDate = written instanceof Date ? written.toISOString().slice(0, 10) : typeof written === "string" ? written.trim() : "";
    if (!isIsoDate(reviewDate) || reviewDate >= today) return;
    const overdue = daysBetween(reviewDate, today);
    report({
      rule: "risk/review-overdue",
      pointer: "/risk/reviewDate",
      message:
        `The risk review was due on ${reviewDate}, ${overdue} day${overdue === 1 ? "" : "s"} ago (today is ${today}). ` +
        "Review the model's risks, then set risk.reviewDate to the date of the next review.",
      data: { reviewDate, today, daysOverdue: overdue },
    });
  },
};

export const riskChecks: readonly DocumentCheck[] = [rmfIdCheck, generativeCheck, reviewOverdueCheck];
