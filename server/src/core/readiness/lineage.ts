import { CLASSIFICATION_LEVELS, failClosedLevel, writtenLevel, type ClassificationLevel } from "../rules/classification-levels";
import type { DocumentKind } from "../types";
import { label, type DocumentFacts, type ReferenceRole } from "../workspace/facts";
import { isUpstreamRole, WorkspaceIndex } from "../workspace/workspace-index";

/**
 * The lineage of a workspace as a graph for the reports: datasets, pipelines and models, each with
 * its classification level, and the references between them, each drawn in the direction data
 * flows (an input into its pipeline, a pipeline into its outputs, training data into a model). A
 * model is drawn as the output of the pipeline that trained it, whether the pipeline lists it in
 * `outputs` or the card names the pipeline in `training.pipeline` (one link either way).
 * References that name no document become `missing` nodes, so that a broken lineage shows where
 * it breaks.
 */

export interface LineageNode {
  /** The document's path, or `missing:<kinds>:<reference>` for a reference that names nothing. */
  readonly id: string;
  /** `id@version` (or the path of a document without id; the reference text of a missing node). */
  readonly label: string;
  readonly kind: DocumentKind | "missing";
  readonly path?: string;
  /**
   * The classification level the document counts as (docs/checklist.md#how-an-item-is-decided, fail closed: `CUI` is `cui`, a value
   * outside the lattice `cui-specified`); undefined when it writes none, and for a missing node.
   */
  readonly level?: ClassificationLevel;
  /** The level as written, only when it is not a lattice value (`"CUI"`, `"ouo"`, `"bogus"`): the diagram marks it. */
  readonly levelWritten?: string;
}

export interface LineageEdge {
  readonly from: string;
  readonly to: string;
  /** The reference that makes the edge (the first one, when several make the same edge). */
  readonly relation: ReferenceRole;
  /** False for a bare id (`ref/unversioned`): drawn to every document with that id, dashed. */
  readonly pinned: boolean;
}

export interface LineageGraph {
  /** In path order; missing nodes last. */
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
}

export function lineageOf(documents: readonly DocumentFacts[], index?: WorkspaceIndex): LineageGraph {
  const resolver = index ?? indexOf(documents);
  const sorted = [...documents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const nodes = new Map<string, LineageNode>(
    sorted.map((facts) => [facts.path, { id: facts.path, label: label(facts), kind: facts.kind, path: facts.path, ...levelOf(facts) }]),
  );
  const missing = new Map<string, LineageNode>();
  const edges = new Map<string, LineageEdge>();
  const connect = (from: string, to: string, relation: ReferenceRole, pinned: boolean) => {
    const key = `${from}\u0000${to}`;
    if (!edges.has(key) && from !== to) edges.set(key, { from, to, relation, pinned });
  };
  for (const facts of sorted) {
    for (const site of facts.references) {
      const flowsIn = isUpstreamRole(site.role) || site.role === "evaluationData";
      if (!flowsIn && site.role !== "output") continue;
      const resolution = resolver.resolve(site);
      let targets: string[];
      if (resolution.status === "resolved") targets = [resolution.target.path];
      else if (resolution.status === "unversioned") targets = resolution.candidates.map((c) => c.path);
      else {
        const id = `missing:${site.targetKinds.join("|")}:${site.text}`;
        if (!missing.has(id)) missing.set(id, { id, label: site.text, kind: "missing" });
        targets = [id];
      }
      for (const target of targets) {
        if (!nodes.has(target) && !missing.has(target)) continue; // a document outside the given ones
        if (flowsIn) connect(target, facts.path, site.role, resolution.status !== "unversioned");
        else connect(facts.path, target, site.role, resolution.status !== "unversioned");
      }
    }
  }
  return { nodes: [...nodes.values(), ...missing.values()], edges: [...edges.values()] };
}

/** The level a document counts as, and what it wrote when that is not a lattice value. */
function levelOf(facts: DocumentFacts): Pick<LineageNode, "level" | "levelWritten"> {
  const written = writtenLevel(facts.value.classification);
  const level = failClosedLevel(written);
  if (level === undefined) return {};
  const exact = typeof written === "string" && (CLASSIFICATION_LEVELS as readonly string[]).includes(written);
  return exact ? { level } : { level, levelWritten: typeof written === "string" ? written : JSON.stringify(written) };
}

function indexOf(documents: readonly DocumentFacts[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  documents.forEach((facts) => index.load(facts));
  return index;
}

/** Several folders' graphs as one: node ids and paths prefixed by the folder's name. One is kept as is. */
export function mergeLineage(parts: readonly { readonly name: string; readonly lineage: LineageGraph }[]): LineageGraph {
  if (parts.length === 1) return parts[0].lineage;
  const nodes: LineageNode[] = [];
  const edges: LineageEdge[] = [];
  for (const { name, lineage } of parts) {
    const id = (value: string) => `${name}/${value}`;
    nodes.push(...lineage.nodes.map((node) => ({ ...node, id: id(node.id), ...(node.path ? { path: id(node.path) } : {}) })));
    edges.push(...lineage.edges.map((edge) => ({ ...edge, from: id(edge.from), to: id(edge.to) })));
  }
  return { nodes, edges };
}
