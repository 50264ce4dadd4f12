import { forEachBackEdge } from "../graph";
import type { ReferenceSite } from "./facts";
import { isUpstreamRole, type WorkspaceIndex } from "./workspace-index";

/** A reference that states a lineage link: the document it is written in, and the site. */
export interface LinkReference {
  readonly path: string;
  readonly site: ReferenceSite;
}

/**
 * The link that closes one lineage cycle, and the references that state it: a link from a pipeline
 * to its output is stated by the pipeline's `outputs` and often by the output's `generatedBy` too.
 */
export interface CycleClosing {
  /** The documents along the cycle, from the one it starts at back to it (`a, b, c, a`). */
  readonly walk: readonly string[];
  /** Each reference that states the closing link, by path and then in document order. */
  readonly references: readonly LinkReference[];
}

interface Link {
  readonly to: string;
  readonly references: LinkReference[];
}

/** Answers by the cycles they were computed from: the index replaces that list whenever a reference changes. */
const CLOSINGS = new WeakMap<object, readonly CycleClosing[]>();

/**
 * The links that close the workspace's lineage cycles, each once, chosen so that the same workspace
 * always gives the same answer: every cycle (strongly connected component) is walked depth first
 * from its lexicographically first document, links taken in the order of their target's path, and a
 * link back to a document still on the walk closes a cycle. Removing every closing link leaves lineage
 * acyclic, so a cycle is reported once, on the reference that closes it.
 */
export function cycleClosings(index: WorkspaceIndex): readonly CycleClosing[] {
  const cycles = index.lineageCycles();
  let closings = CLOSINGS.get(cycles);
  if (!closings) {
    closings = cycles.flatMap((members) => closingsOf(index, members));
    CLOSINGS.set(cycles, closings);
  }
  return closings;
}

function closingsOf(index: WorkspaceIndex, members: readonly string[]): CycleClosing[] {
  const inCycle = new Set(members);
  const links = new Map<string, Map<string, LinkReference[]>>();
  const add = (from: string, to: string, reference: LinkReference) => {
    let out = links.get(from);
    if (!out) links.set(from, (out = new Map()));
    const references = out.get(to) ?? [];
    references.push(reference);
    out.set(to, references);
  };
  for (const path of [...members].sort(compare)) {
    const facts = index.get(path);
    if (!facts) continue;
    for (const site of facts.references) {
      if (site.role !== "output" && !isUpstreamRole(site.role)) continue;
      const resolution = index.resolve(site);
      if (resolution.status !== "resolved" || !inCycle.has(resolution.target.path)) continue;
      const target = resolution.target.path;
      if (site.role === "output") add(path, target, { path, site });
      else add(target, path, { path, site });
    }
  }
  const ordered = new Map<string, Link[]>();
  for (const [from, out] of links) {
    const sorted = [...out.entries()].sort(([a], [b]) => compare(a, b)).map(([to, references]) => ({ to, references }));
    ordered.set(from, sorted);
  }
  const closings: CycleClosing[] = [];
  forEachBackEdge(
    [[...members].sort(compare)[0]],
    (path) => ordered.get(path) ?? [],
    (link) => link.to,
    (link, walk) => closings.push({ walk: [...walk, link.to], references: link.references }),
  );
  return closings;
}

/** Code-unit order, the same on every machine and locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
