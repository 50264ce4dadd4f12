import { ruleInfo } from "../rules/catalog";
import type { Diagnostic } from "../types";
import { quickFix, type ReadinessContext } from "./context";
import type { ReadinessDoc } from "./readiness-doc";
import { count, names, verb, type ItemOutcome } from "./judge";
import { MAX_EVIDENCE, type ReadinessEvidence, type ReadinessStatus, type ReadinessWaiver } from "./model";
import { finish, pacer, type Steps } from "./steps";

/**
 * The first rule of docs/checklist.md#how-an-item-is-decided: every rule belongs to one item, and the standing findings of an item's
 * rules, in any document of the input, are evidence of that item. An error fails it; a warning
 * makes it warn at best. The item's own criteria (something present, every document covered) add
 * to that. Waived findings never lower an item; each item counts its own.
 */

interface Found {
  readonly doc: ReadinessDoc;
  readonly diagnostic: Diagnostic;
}

/** The findings of one item's rules over the whole input. */
export interface ItemFindings {
  /** Standing errors and warnings (their effective severities), in path then document order. */
  readonly errors: readonly Found[];
  readonly warnings: readonly Found[];
  /** How many findings of its rules are waived. */
  readonly waivers: number;
}

const NO_FINDINGS: ItemFindings = { errors: [], warnings: [], waivers: 0 };

/** The findings of each item's rules, worked out once per context. */
export function* findingsByItem(ctx: ReadinessContext): Steps<Map<string, ItemFindings>> {
  const byItem = new Map<string, { errors: Found[]; warnings: Found[]; waivers: number }>();
  const of = (rule: string) => {
    const item = ruleInfo(rule)?.item;
    if (item === undefined) return undefined;
    let findings = byItem.get(item);
    if (!findings) byItem.set(item, (findings = { errors: [], warnings: [], waivers: 0 }));
    return findings;
  };
  const pause = pacer();
  for (const doc of ctx.settings ? [...ctx.all, ctx.settings] : ctx.all) {
    if (pause()) yield;
    for (const diagnostic of doc.diagnostics) {
      // Info (`classification/legacy`, minor sections) lowers nothing by itself; items may cite it.
      if (diagnostic.severity === "info") continue;
      const findings = of(diagnostic.rule);
      if (findings) (diagnostic.severity === "error" ? findings.errors : findings.warnings).push({ doc, diagnostic });
    }
    for (const diagnostic of doc.waived) {
      const findings = of(diagnostic.rule);
      if (findings) findings.waivers++;
    }
  }
  return byItem;
}

export function findingsOf(ctx: ReadinessContext, item: string): ItemFindings {
  // Worked out in steps before the first item (compute.ts): this finishes at once.
  return finish(ctx.memo(findingsByItem)).get(item) ?? NO_FINDINGS;
}

const RANK: Readonly<Record<ReadinessStatus, number>> = { "n/a": 0, pass: 1, warn: 2, fail: 3 };

/**
 * An item's outcome with the findings of its rules added: the worse of the two statuses; the
 * findings the item did not cite itself (ReadinessContext.cited) as more evidence, failures first;
 * and, where the findings lowered the item, a reason that says so and a quick fix to the first.
 *
 * An item that is n/a by its own criteria but has a standing warning of its rules warns: the
 * finding stands in the workspace, and the checklist shows every standing finding somewhere
 * (n/a would leave it out of the score). With an error, it fails.
 */
export function withRuleFindings(outcome: ItemOutcome, item: string, ctx: ReadinessContext): ItemOutcome & { readonly waivers: number } {
  const { errors, warnings, waivers } = findingsOf(ctx, item);
  const uncitedErrors = errors.filter(({ diagnostic }) => !ctx.cited.has(diagnostic));
  const uncitedWarnings = warnings.filter(({ diagnostic }) => !ctx.cited.has(diagnostic));
  const rulesStatus: ReadinessStatus = errors.length ? "fail" : warnings.length ? "warn" : "n/a";
  const lowered = RANK[rulesStatus] > RANK[outcome.status];
  if (!lowered && uncitedErrors.length + uncitedWarnings.length === 0) return { ...outcome, waivers };
  const lowering = rulesStatus === "fail" ? errors : warnings;
  // The quick fix goes to the first finding that lowered the item and is not already the item's.
  const first = (rulesStatus === "fail" ? uncitedErrors : uncitedWarnings)[0] ?? lowering[0];
  // Only what can be listed becomes evidence; the rest is counted.
  const listed = (found: readonly Found[]) => found.slice(0, MAX_EVIDENCE).map(({ doc, diagnostic }) => doc.diagnosticEvidence(diagnostic));
  const evidence = failuresFirst([...outcome.evidence, ...listed(uncitedErrors), ...listed(uncitedWarnings)]).slice(0, MAX_EVIDENCE);
  const evidenceCount = (outcome.evidenceCount ?? outcome.evidence.length) + uncitedErrors.length + uncitedWarnings.length;
  if (!lowered) return { ...outcome, evidence, evidenceCount, waivers };
  return {
    status: rulesStatus,
    reason: loweredReason(outcome, lowering, rulesStatus === "fail" ? "error" : "warning"),
    evidence,
    evidenceCount,
    fix: quickFix(first.doc, first.diagnostic),
    waivers,
  };
}

/** "… But 2 errors of its rules stand (schema/enum, ref/unresolved)." */
function loweredReason(outcome: ItemOutcome, lowering: readonly Found[], noun: "error" | "warning"): string {
  const rules = [...new Set(lowering.map(({ diagnostic }) => diagnostic.rule))];
  const findings = `${count(lowering.length, noun)} of its rules ${verb(lowering.length, "stands", "stand")} (${names(rules)})`;
  if (outcome.status === "n/a") return `${findings}. Otherwise not applicable: ${outcome.reason}`;
  return `${outcome.reason} But ${findings}.`;
}

/** Failures, then warnings, then passes, each in the order given (a stable sort by status). */
function failuresFirst(evidence: readonly ReadinessEvidence[]): ReadinessEvidence[] {
  const order = { fail: 0, warn: 1, pass: 2 } as const;
  return [...evidence].sort((a, b) => order[a.status] - order[b.status]);
}

/** Every waived finding of the input as the report lists it (docs/rules.md#waivers), in path then position order. */
export function* waiversOf(ctx: ReadinessContext): Steps<ReadinessWaiver[]> {
  const waivers: ReadinessWaiver[] = [];
  const pause = pacer();
  for (const doc of ctx.all) {
    if (pause()) yield;
    if (doc.waived.length === 0) continue;
    const waived = [...doc.waived].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    for (const diagnostic of waived) {
      const until = diagnostic.waiver?.until;
      waivers.push({
        rule: diagnostic.rule,
        item: ruleInfo(diagnostic.rule)?.item ?? "",
        path: doc.path,
        range: doc.range(diagnostic.span),
        message: diagnostic.message,
        reason: diagnostic.waiver?.reason ?? "",
        ...(until ? { until } : {}),
      });
    }
  }
  return waivers;
}
