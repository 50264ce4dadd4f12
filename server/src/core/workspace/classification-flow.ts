import { joinPointer, parentPointer } from "../pointer";
import {
  CLASSIFICATION_LEVELS,
  classifiedMarking,
  failClosedLevel,
  isExactLevel,
  matchedLevel,
  shownLevel,
  writtenLevel,
  writtenLevelPointer,
} from "../rules/classification-levels";
import type { WorkspaceCheck } from "./context";
import { whereIs } from "./context";
import { checkDissemination } from "./dissemination-flow";
import { checkExportControl } from "./export-control-flow";
import { label, type DocumentFacts } from "./facts";
import { alternative, andList, carriedBy, fieldOf, sources, type Anchor, type Reporter } from "./flow-text";
import { flowsOf, type Flow } from "./flows";
import { categoriesOf } from "./markings";

/**
 * `classification/downgrade`: an output is classified at least as high as the highest of its
 * inputs (the lattice of docs/formats/common.md#classification, `ouo` read as `cui`).
 *
 * Fail closed (docs/checklist.md#how-an-item-is-decided): on both sides a level that is not a lattice value counts as its
 * case-insensitive match (`CUI` is `cui`), else as `cui-specified` (`failClosedLevel`). So an input
 * written `CUI` (one schema/enum error) still sets the floor at `cui`, and the message names that
 * input and that floor; an input with a typo or a classified marking sets it at `cui-specified`.
 * An output with such a level sits at the top and is never below an input: its own schema error
 * stands, and the documents downstream read it as `cui-specified` in turn.
 *
 * No level written:
 * - an output without a level is read as `public`, the lowest, so a downgrade is reported
 *   (schema/required says the level is missing);
 * - an input without a level sets no floor. Its level is unknown rather than outside the lattice,
 *   and the omission is reported on the input itself (schema/required; `gov.classification`
 *   fails), where it must be fixed. Reading it as `cui-specified` would ask every document
 *   downstream for the top level and CUI categories that nothing written supports. The inputs that
 *   do state a level still count.
 */
export const downgradeCheck: WorkspaceCheck = {
  name: "classification-downgrade",
  reports: ["classification/downgrade"],
  check({ facts, index, report }) {
    for (const flow of flowsOf(facts, index)) {
      const written = flow.level;
      const ownRank = CLASSIFICATION_LEVELS.indexOf(failClosedLevel(written) ?? "public");
      const ranked = flow.inputs.flatMap((input) => {
        const inputLevel = writtenLevel(input.value.classification);
        const level = failClosedLevel(inputLevel);
        return level === undefined ? [] : [{ input, written: inputLevel, rank: CLASSIFICATION_LEVELS.indexOf(level) }];
      });
      const highest = Math.max(-1, ...ranked.map((r) => r.rank));
      if (highest <= ownRank) continue;
      const required = CLASSIFICATION_LEVELS[highest];
      const top = ranked.filter((r) => r.rank === highest);
      const where = (input: DocumentFacts) => whereIs(input, writtenLevelPointer(input.value.classification, "/classification"));
      const theirs =
        top.length === 1
          ? `${label(top[0].input)}, which is ${shownLevel(top[0].written)} (${where(top[0].input)})`
          : top.every((r) => isExactLevel(r.written))
            ? `${andList(top.map((r) => `${label(r.input)} (${where(r.input)})`))}, which are "${required}"`
            : `${andList(top.map((r) => `${label(r.input)} (${where(r.input)}${writtenNote(r.written)})`))}, which count as "${required}"`;
      const state = flow.inherits
        ? written === undefined
          ? "takes the pipeline's classification, which has no level,"
          : `takes the pipeline's classification ${shownLevel(written)}`
        : written === undefined
          ? "has no classification level"
          : `is ${shownLevel(written)}`;
      const fix = flow.inherits
        ? `raise the pipeline's classification to "${required}" or higher, ` +
          `or give ${flow.output} a classification of its own, "${required}" or higher`
        : `classify it "${required}" or higher`;
      // A floor set by a typo is a guess at the top: the input may mean less. A classified marking means more.
      const unmatched = top
        .filter((r) => matchedLevel(r.written) === undefined && !classifiedMarking(r.written))
        .map((r) => label(r.input));
      const correction = unmatched.length ? `, or correct the level of ${andList(unmatched)} if it is lower` : "";
      const scalar = flow.classification === undefined && written !== undefined;
      report({
        rule: "classification/downgrade",
        pointer: scalar ? flow.pointer : joinPointer(flow.pointer, "level"),
        message: `${flow.subject} ${state} but ${flow.relation} ${theirs}; ${fix}${correction}.`,
        data: { required },
      });
    }
  },
};

/** `, written "CUI"` for a level that is not written as a lattice value or legacy alias. */
function writtenNote(written: unknown): string {
  return isExactLevel(written) ? "" : `, written ${JSON.stringify(written)}`;
}

/**
 * `classification/propagation`: the CUI categories, dissemination controls and export-control
 * regime of every input are carried by the output. One diagnostic per kind of marking per output,
 * naming the inputs that carry what is missing.
 */
export const propagationCheck: WorkspaceCheck = {
  name: "classification-propagation",
  reports: ["classification/propagation"],
  check({ facts, index, report }) {
    for (const flow of flowsOf(facts, index)) {
      const anchor = (pointer: string) => {
        let at = pointer;
        while (at !== flow.pointer && at !== "" && !facts.document.tree.locations.has(at)) at = parentPointer(at);
        return at;
      };
      checkCategories(flow, anchor, report);
      checkDissemination(flow, anchor, report);
      checkExportControl(flow, anchor, report);
    }
  },
};

/** The output carries every category of every input. */
function checkCategories(flow: Flow, anchor: Anchor, report: Reporter): void {
  const own = new Set(categoriesOf(flow.classification, flow.pointer).map((c) => c.value));
  const missing = carriedBy(
    flow.inputs,
    (input) => categoriesOf(input.classification, "/classification"),
    (category) => !own.has(category),
  );
  if (!missing.size) return;
  const names = [...missing.keys()];
  report({
    rule: "classification/propagation",
    pointer: anchor(joinPointer(flow.pointer, "categories")),
    part: "key",
    message:
      `${flow.subject} lacks the CUI ${names.length === 1 ? "category" : "categories"} ${andList(names)} ` +
      `of its inputs: ${sources(missing)}; ` +
      `add ${names.length === 1 ? "it" : "them"} to ${fieldOf(flow, "categories")}${alternative(flow)}.`,
    data: { missing: names },
  });
}
