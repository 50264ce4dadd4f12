import { forEachBackEdge } from "../graph";
import { listOf, nearest } from "../nearest";
import { isRecord, joinPointer, select } from "../pointer";
import type { DocumentCheck, RuleContext } from "./context";

/** One `needs` entry that names another existing step: an edge of the step graph. */
interface Need {
  readonly target: string;
  readonly pointer: string;
}

/**
 * `pipeline/step-graph`: step ids are unique, every `needs` entry names another step of the
 * pipeline, and the steps form no cycle (a cycle would never start).
 */
export const stepGraphCheck: DocumentCheck = {
  name: "pipeline-step-graph",
  reports: ["pipeline/step-graph"],
  kinds: ["PipelineConfig"],
  check(context) {
    const steps = select(context.value, "/steps/*")
      .map((step, index) => ({ ...step, index }))
      .filter((step) => isRecord(step.value));
    const firstIndex = new Map<string, number>();
    steps.forEach(({ pointer, value, index }) => {
      const id = (value as Record<string, unknown>).id;
      if (typeof id !== "string") return;
      const first = firstIndex.get(id);
      if (first === undefined) {
        firstIndex.set(id, index);
        return;
      }
      context.report({
        rule: "pipeline/step-graph",
        pointer: joinPointer(pointer, "id"),
        message:
          `Step id "${id}" is already used by step ${first + 1}; ` +
          'step ids must be unique within the pipeline so that "needs" names one step. Rename one of them.',
        data: { duplicate: id },
      });
    });

    const ids = [...firstIndex.keys()];
    // Steps sharing an id are one node: a `needs` naming that id waits for all of them.
    const edges = new Map<string, Need[]>(ids.map((id) => [id, []]));
    for (const { pointer, value } of steps) {
      const step = value as Record<string, unknown>;
      for (const need of select(step, "/needs/*")) {
        if (typeof need.value !== "string") continue; // the schema reports the type
        const needPointer = joinPointer(joinPointer(pointer, "needs"), pointerIndex(need.pointer));
        if (need.value === step.id) {
          context.report({
            rule: "pipeline/step-graph",
            pointer: needPointer,
            message: `Step "${need.value}" needs itself, so it could never start; remove "${need.value}" from its needs.`,
          });
        } else if (!firstIndex.has(need.value)) {
          reportUnknown(
            context,
            needPointer,
            need.value,
            ids.filter((id) => id !== step.id),
          );
        } else if (typeof step.id === "string") {
          const out = edges.get(step.id)!;
          if (!out.some((edge) => edge.target === need.value)) out.push({ target: need.value, pointer: needPointer });
        }
      }
    }
    for (const cycle of findCycles(ids, edges)) {
      context.report({
        rule: "pipeline/step-graph",
        pointer: cycle.closing.pointer,
        message:
          `The steps' needs form a cycle: ${shownCycle(cycle.path)}. ` + "None of these steps could ever start; remove one of these needs.",
        data: { cycle: cycle.path },
      });
    }
  },
};

/** Longer lists of step ids are left out of messages. */
const MAX_LISTED_STEPS = 12;

function reportUnknown(context: RuleContext, pointer: string, name: string, candidates: readonly string[]): void {
  const suggestion = nearest(name, candidates);
  const known =
    candidates.length === 0
      ? " No other step exists."
      : candidates.length <= MAX_LISTED_STEPS
        ? ` The other steps are ${listOf(candidates, "and")}.`
        : "";
  context.report({
    rule: "pipeline/step-graph",
    pointer,
    message: `No step has the id "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : known}`,
    data: { nearest: suggestion },
  });
}

/** `a -> b -> a`; a long cycle shows its ends and how many steps it has. */
function shownCycle(path: readonly string[]): string {
  if (path.length <= MAX_LISTED_STEPS) return path.join(" -> ");
  const ends = [...path.slice(0, 5), "...", ...path.slice(-5)].join(" -> ");
  return `${ends} (${path.length - 1} steps)`;
}

/** The last segment of a pointer made by `select` over a list: the item's index. */
function pointerIndex(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf("/") + 1);
}

/**
 * One cycle per back edge of a depth-first walk in document order: the `needs` entry that closes
 * the cycle and the steps along it, from the first to the first again (`a -> b -> a`). Iterative, so
 * that a long chain of steps cannot overflow the stack.
 */
function findCycles(ids: readonly string[], edges: ReadonlyMap<string, readonly Need[]>): { closing: Need; path: string[] }[] {
  const cycles: { closing: Need; path: string[] }[] = [];
  forEachBackEdge(
    ids,
    (id) => edges.get(id) ?? [],
    (need) => need.target,
    (closing, cycle) => cycles.push({ closing, path: [...cycle, closing.target] }),
  );
  return cycles;
}

export const pipelineChecks: readonly DocumentCheck[] = [stepGraphCheck];
