import type { Report } from "../rules/context";
import { whereIs } from "./context";
import { label, type DocumentFacts } from "./facts";
import type { Flow } from "./flows";
import type { Marked } from "./markings";

/**
 * What the classification flow rules share to word their findings: citations of other documents,
 * lists in prose, and the field a fix changes.
 */

/** The node to report on: `pointer` when it exists, else its nearest existing parent within the flow's mapping. */
export type Anchor = (pointer: string) => string;
export type Reporter = (report: Report) => void;

/** Marking -> the inputs that carry it (each once), and where. */
export type Carriers = Map<string, { input: DocumentFacts; pointer: string }[]>;

/** Marking -> the inputs (and the item in each) that carry it, for the markings `wanted` keeps. */
export function carriedBy(
  inputs: readonly DocumentFacts[],
  markings: (input: DocumentFacts) => Marked<string>[],
  wanted: (marking: string) => boolean,
): Carriers {
  const found: Carriers = new Map();
  for (const input of inputs) {
    for (const { value, pointer } of markings(input)) {
      if (!wanted(value)) continue;
      const carriers = found.get(value) ?? [];
      if (!carriers.some((c) => c.input === input)) carriers.push({ input, pointer });
      found.set(value, carriers);
    }
  }
  return found;
}

/** `PRVCY from a@1.0.0 (a.dataset.yaml:12), PROPIN from b@1.0.0 (b.dataset.yaml:12) and c@1.0.0 (...)` */
export function sources(carried: Carriers, shown: (marking: string) => string = (marking) => marking): string {
  return [...carried]
    .map(([marking, carriers]) => `${shown(marking)} from ${andList(carriers.map(({ input, pointer }) => cite(input, pointer)))}`)
    .join(", ");
}

/** The field a fix changes: the output's own, or for an output that takes it, the pipeline's. */
export function fieldOf(flow: Flow, field: string): string {
  return flow.inherits ? `the pipeline's classification.${field}` : `${flow.field}.${field}`;
}

/** For an output that takes the pipeline's classification, the other way to fix it. */
export function alternative(flow: Flow): string {
  return flow.inherits ? `, or give ${flow.output} a classification of its own` : "";
}

/** `a@1.0.0 (a.dataset.yaml:12)` */
export function cite(facts: DocumentFacts, pointer: string): string {
  return `${label(facts)} (${whereIs(facts, pointer)})`;
}

export function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
