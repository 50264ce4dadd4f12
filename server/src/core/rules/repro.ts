import { isRecord, joinPointer } from "../pointer";
import type { DocumentCheck, Report } from "./context";

const RUN = "/training/run";

/** A full SHA-1 git commit id; either case is accepted (`git rev-parse HEAD` prints lower case). */
const COMMIT = /^[0-9a-fA-F]{40}$/;

/**
 * `repro/run`: the logged training run names its run id, the full code commit and the seed (docs/formats/model-card.md),
 * one finding per problem: a missing field on the `run` key, a malformed one on its value. The
 * schema leaves these three fields' form to this rule; a missing `run` is the schema's to report.
 */
const runCheck: DocumentCheck = {
  name: "repro-run",
  reports: ["repro/run"],
  kinds: ["ModelCard"],
  check({ value, report }) {
    const training = value.training;
    const run = isRecord(training) ? training.run : undefined;
    if (!isRecord(run)) return;
    const tracker = typeof run.tracker === "string" ? run.tracker : "the tracker";
    const problems: [field: string, problem: string | undefined][] = [
      ["runId", runIdProblem(run.runId, tracker)],
      ["commit", commitProblem(run.commit)],
      ["seed", seedProblem(run.seed)],
    ];
    for (const [field, problem] of problems) {
      if (problem === undefined) continue;
      if (run[field] === undefined) report(missing(field, problem));
      else
        report({
          rule: "repro/run",
          pointer: joinPointer(RUN, field),
          message: problem,
          data: field === "seed" ? seedData(run.seed) : undefined,
        });
    }
  },
};

export const reproChecks: readonly DocumentCheck[] = [runCheck];

function missing(field: string, problem: string): Report {
  return { rule: "repro/run", pointer: RUN, part: "key", message: problem, data: { missing: field } };
}

function runIdProblem(runId: unknown, tracker: string): string | undefined {
  if (runId === undefined) return `The training run has no runId; add the run's id in ${tracker} so that the run can be found again.`;
  if (typeof runId === "string" && runId.trim() !== "") return undefined;
  if (typeof runId === "number" && Number.isSafeInteger(runId) && runId >= 0) return undefined;
  return `runId is ${shown(runId)}; it must be the run's id in ${tracker}, a non-empty string (e.g. "3f2a9c1b7e6d4a10").`;
}

function commitProblem(commit: unknown): string | undefined {
  const expected = `the full 40-hex-character git commit of the training code (git rev-parse HEAD)`;
  if (commit === undefined) return `The training run has no commit; add ${expected}.`;
  if (typeof commit !== "string") return `commit is ${shown(commit)}; it must be a quoted string: ${expected}.`;
  if (COMMIT.test(commit)) return undefined;
  const trimmed = commit.trim();
  if (COMMIT.test(trimmed)) return `commit "${commit}" has surrounding spaces; write "${trimmed}".`;
  if (/^[0-9a-fA-F]{4,39}$/.test(trimmed))
    return `commit "${commit}" is an abbreviated commit (${trimmed.length} characters); write ${expected}.`;
  return `commit "${commit}" is not a git commit (${trimmed.length} characters); write ${expected}.`;
}

function seedProblem(seed: unknown): string | undefined {
  if (seed === undefined) return "The training run has no seed; add the random seed it used, a non-negative integer (e.g. seed: 42).";
  if (typeof seed === "number" && Number.isSafeInteger(seed) && seed >= 0) return undefined;
  const integer = seedData(seed)?.replacement;
  if (integer !== undefined) return `seed is the string ${JSON.stringify(seed)}; write it as a number: seed: ${integer}.`;
  if (typeof seed === "number" && Number.isInteger(seed) && seed > Number.MAX_SAFE_INTEGER) {
    return (
      `seed ${seed} is too large to be stored exactly; ` +
      `use an integer from 0 to ${Number.MAX_SAFE_INTEGER} (seeds are usually below 2^32).`
    );
  }
  return `seed is ${shown(seed)}; it must be a non-negative integer (e.g. seed: 42).`;
}

/** A seed written as a string of digits can be replaced by the number. */
function seedData(seed: unknown): { replacement: number } | undefined {
  if (typeof seed !== "string" || !/^\s*\d+\s*$/.test(seed)) return undefined;
  const replacement = Number(seed);
  return Number.isSafeInteger(replacement) ? { replacement } : undefined;
}

function shown(value: unknown): string {
  if (value === null) return "empty";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return value.trim() === "" ? "an empty string" : JSON.stringify(value);
  return `${typeof value === "number" ? "the number" : "the " + typeof value} ${String(value)}`;
}
