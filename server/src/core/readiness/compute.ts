import { ReadinessContext } from "./context";
import { plainEvidence } from "./readiness-doc";
import type { ItemOutcome, ReadinessCheck } from "./judge";
import { DATA_ITEMS } from "./items-data";
import { GOVERNANCE_ITEMS } from "./items-governance";
import { INFRASTRUCTURE_ITEMS } from "./items-infrastructure";
import { MODEL_ITEMS } from "./items-model";
import { findingsByItem, waiversOf, withRuleFindings } from "./rule-findings";
import { finish, type Steps } from "./steps";
import {
  GROUP_ORDER,
  GROUP_TITLES,
  MAX_EVIDENCE,
  type ReadinessGroup,
  type ReadinessGroupId,
  type ReadinessInput,
  type ReadinessItem,
  type ReadinessModel,
} from "./model";

/** The 21 items of docs/checklist.md, by group, in the order of the table. */
export const READINESS_CHECKS: Readonly<Record<ReadinessGroupId, readonly ReadinessCheck[]>> = {
  data: DATA_ITEMS,
  model: MODEL_ITEMS,
  infrastructure: INFRASTRUCTURE_ITEMS,
  governance: GOVERNANCE_ITEMS,
};

/**
 * The readiness model of a workspace (docs/checklist.md): every item decided from the documents, their
 * diagnostics and the workspace's files (docs/checklist.md#how-an-item-is-decided: the findings of its rules, then its own criteria).
 * Pure: the same input gives the same model.
 */
export function computeReadiness(input: ReadinessInput): ReadinessModel {
  return finish(readinessSteps(input));
}

/**
 * The same model in steps (steps.ts), with a pause point every few documents of every item, so
 * that a caller serving an editor can judge a large workspace in slices and answer in between.
 */
export function* readinessSteps(input: ReadinessInput): Steps<ReadinessModel> {
  const context = yield* ReadinessContext.of(input);
  // Read by every item (rule-findings.ts): worked out once, in steps, before the first.
  yield* context.memo(findingsByItem);
  const groups: ReadinessGroup[] = [];
  for (const id of GROUP_ORDER) {
    const items: ReadinessItem[] = [];
    for (const check of READINESS_CHECKS[id]) items.push(yield* decide(check, context));
    const applicable = items.filter((item) => item.status !== "n/a").length;
    const passed = items.filter((item) => item.status === "pass").length;
    groups.push({ id, title: GROUP_TITLES[id], passed, applicable, items });
  }
  return {
    score: { passed: groups.reduce((n, g) => n + g.passed, 0), applicable: groups.reduce((n, g) => n + g.applicable, 0) },
    groups,
    // Always present, empty when nothing is waived, so that the model's JSON has one shape.
    waivers: yield* waiversOf(context),
  };
}

/** One item: its own criteria (`evaluate`), then the findings of its rules (docs/checklist.md#how-an-item-is-decided). */
function* decide(check: ReadinessCheck, context: ReadinessContext): Steps<ReadinessItem> {
  let own: ItemOutcome;
  context.cited.clear();
  if (check.needsFiles && !context.trusted) {
    own = { status: "n/a", reason: `workspace not trusted: ${check.needsFiles}.`, evidence: [] };
  } else if (check.readsData && context.dataFilesUnread) {
    own = { status: "n/a", reason: `not verified ${context.dataFilesUnread}: ${check.readsData}.`, evidence: [] };
  } else {
    try {
      own = yield* check.evaluate(context);
    } catch (error) {
      // A bug in one item must not take the checklist down; it shows as that item failing.
      const why = error instanceof Error ? error.message : String(error);
      own = { status: "fail", reason: `This item could not be decided (${why}); please report this.`, evidence: [] };
    }
  }
  const outcome = withRuleFindings(own, check.id, context);
  // Plain copies: evidence places are worked out lazily, and only for what is listed.
  const evidence = outcome.evidence.slice(0, MAX_EVIDENCE).map(plainEvidence);
  const omitted = (outcome.evidenceCount ?? outcome.evidence.length) - evidence.length;
  return {
    id: check.id,
    title: check.title,
    status: outcome.status,
    reason: outcome.reason,
    criterion: check.criterion,
    evidence,
    ...(omitted > 0 ? { omittedEvidence: omitted } : {}),
    ...(outcome.fix ? { fix: outcome.fix } : {}),
    ...(outcome.waivers ? { waivers: outcome.waivers } : {}),
  };
}
