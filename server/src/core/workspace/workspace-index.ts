import type { DocumentKind } from "../types";
import type { DocumentFacts, ReferenceSite } from "./facts";
import { PathsByKey } from "./paths-by-key";

export type Resolution =
  | { readonly status: "resolved"; readonly target: DocumentFacts }
  | { readonly status: "unresolved"; readonly sameIdOtherKinds: readonly DocumentFacts[] }
  | { readonly status: "version-mismatch"; readonly versions: readonly string[]; readonly candidates: readonly DocumentFacts[] }
  | { readonly status: "unversioned"; readonly candidates: readonly DocumentFacts[] };

/**
 * Every Genesis document of a workspace and the references between them. Plain data in, plain
 * data out: the front ends feed it parsed documents (from the editor or the disk) and ask it what
 * an edit affects. Lineage cycles are computed on demand and cached until a reference changes.
 */
export class WorkspaceIndex {
  private readonly documents = new Map<string, DocumentFacts>();
  /** kind -> id -> paths of the documents of that kind with that id. */
  private readonly byId: Readonly<Record<DocumentKind, PathsByKey>> = {
    DatasetManifest: new PathsByKey(),
    ModelCard: new PathsByKey(),
    PipelineConfig: new PathsByKey(),
  };
  /** id -> paths of the documents that reference that id. */
  private readonly referrers = new PathsByKey();
  private cycles: readonly (readonly string[])[] | undefined;
  /**
   * Resolutions of the reference sites (facts' own objects) asked for since the index last
   * changed: every ws rule resolves the same few sites again, and a resolution is a pure function
   * of the index. Emptied by every change.
   */
  private resolutions = new WeakMap<object, Resolution>();

  get size(): number {
    return this.documents.size;
  }

  all(): IterableIterator<DocumentFacts> {
    return this.documents.values();
  }

  get(path: string): DocumentFacts | undefined {
    return this.documents.get(path);
  }

  /**
   * Adds or replaces a document without working out what it affects: for loading a workspace,
   * where everything is checked afterwards anyway.
   */
  load(facts: DocumentFacts): void {
    const before = this.documents.get(facts.path);
    if (before) this.unlink(before);
    this.documents.set(facts.path, facts);
    this.link(facts);
    this.cycles = undefined;
    this.resolutions = new WeakMap();
  }

  /**
   * Adds or replaces a document and returns the paths whose workspace diagnostics may change:
   * itself, the documents that reference its old or new id, the documents it references before and
   * after, the documents sharing its id, and the members of lineage cycles that appear or vanish.
   */
  set(facts: DocumentFacts): Set<string> {
    this.resolutions = new WeakMap();
    const before = this.documents.get(facts.path);
    if (before && sameWorkspaceFacts(before, facts)) {
      // Nothing another document's rules read has changed (typing in a description, say).
      this.documents.set(facts.path, facts);
      return new Set([facts.path]);
    }
    const affected = this.neighbourhood(before);
    if (before) this.unlink(before);
    this.documents.set(facts.path, facts);
    this.link(facts);
    this.neighbourhood(facts).forEach((path) => affected.add(path));
    if (!before || edgesDiffer(before, facts)) this.refreshCycles(affected);
    return affected;
  }

  /** Removes a document; returns the paths whose diagnostics may change (the removed one excluded). */
  delete(path: string): Set<string> {
    const before = this.documents.get(path);
    if (!before) return new Set();
    this.resolutions = new WeakMap();
    const affected = this.neighbourhood(before);
    this.unlink(before);
    this.documents.delete(path);
    this.refreshCycles(affected);
    affected.delete(path);
    return affected;
  }

  /** Documents of a kind with an id (several when the id is duplicated or versioned). */
  withId(kind: DocumentKind, id: string): DocumentFacts[] {
    return this.factsOf(this.byId[kind], id);
  }

  /** Documents that reference `id` (in any position). */
  referencing(id: string): DocumentFacts[] {
    return this.factsOf(this.referrers, id);
  }

  /** The facts of the paths under `key` still indexed, in the order they were filed (a hot path of every workspace rule). */
  private factsOf(paths: PathsByKey, key: string): DocumentFacts[] {
    const found: DocumentFacts[] = [];
    paths.forEach(key, (path) => {
      const facts = this.documents.get(path);
      if (facts) found.push(facts);
    });
    return found;
  }

  resolve(reference: Pick<ReferenceSite, "id" | "version" | "targetKinds">): Resolution {
    let resolution = this.resolutions.get(reference);
    if (!resolution) {
      resolution = this.resolveAfresh(reference);
      this.resolutions.set(reference, resolution);
    }
    return resolution;
  }

  /**
   * Candidates are the documents of the reference's kinds with its id, in the order of those
   * kinds; so where a dataset manifest and a model card share an `id@version`, a pipeline output
   * naming it means the dataset, the kind named first.
   */
  private resolveAfresh(reference: Pick<ReferenceSite, "id" | "version" | "targetKinds">): Resolution {
    const candidates = reference.targetKinds.flatMap((kind) => this.withId(kind, reference.id));
    if (candidates.length === 0) {
      const sameIdOtherKinds = (["DatasetManifest", "ModelCard", "PipelineConfig"] as const)
        .filter((kind) => !reference.targetKinds.includes(kind))
        .flatMap((kind) => this.withId(kind, reference.id));
      return { status: "unresolved", sameIdOtherKinds };
    }
    if (reference.version === undefined) return { status: "unversioned", candidates };
    const exact = candidates.find((c) => c.version === reference.version);
    if (exact) return { status: "resolved", target: exact };
    const versions = [...new Set(candidates.map((c) => c.version).filter((v): v is string => v !== undefined))];
    return { status: "version-mismatch", versions, candidates };
  }

  /** Lineage cycles (strongly connected components with more than one member, or a self-loop). */
  lineageCycles(): readonly (readonly string[])[] {
    if (!this.cycles) this.cycles = findCycles(this);
    return this.cycles;
  }

  /** The documents a reference site's lineage edge points from (upstream) for `facts`. */
  upstreamOf(facts: DocumentFacts): { site: ReferenceSite; target: DocumentFacts }[] {
    const result: { site: ReferenceSite; target: DocumentFacts }[] = [];
    for (const site of facts.references) {
      if (!isUpstreamRole(site.role)) continue;
      const resolution = this.resolve(site);
      if (resolution.status === "resolved") result.push({ site, target: resolution.target });
    }
    return result;
  }

  private neighbourhood(facts: DocumentFacts | undefined): Set<string> {
    const paths = new Set<string>();
    if (!facts) return paths;
    paths.add(facts.path);
    if (facts.id) {
      this.referrers.forEach(facts.id, (p) => paths.add(p));
      this.byId[facts.kind].forEach(facts.id, (p) => paths.add(p));
    }
    for (const site of facts.references) {
      for (const kind of site.targetKinds) this.byId[kind].forEach(site.id, (p) => paths.add(p));
    }
    return paths;
  }

  private link(facts: DocumentFacts): void {
    if (facts.id) this.byId[facts.kind].add(facts.id, facts.path);
    for (const site of facts.references) this.referrers.add(site.id, facts.path);
  }

  private unlink(facts: DocumentFacts): void {
    if (facts.id) this.byId[facts.kind].delete(facts.id, facts.path);
    for (const site of facts.references) this.referrers.delete(site.id, facts.path);
  }

  /** Recomputes cycles and adds the members of cycles that appeared or vanished to `affected`. */
  private refreshCycles(affected: Set<string>): void {
    const before = this.cycles;
    this.cycles = undefined;
    if (before) before.flat().forEach((p) => affected.add(p));
    this.lineageCycles()
      .flat()
      .forEach((p) => affected.add(p));
  }
}

/** Roles whose target is upstream of the document in lineage (it flows into the document). */
export function isUpstreamRole(role: ReferenceSite["role"]): boolean {
  return role === "derivedFrom" || role === "generatedBy" || role === "input" || role === "trainingData" || role === "trainingPipeline";
}

/**
 * Whether two versions of a document look the same to the rules of other documents: same id,
 * version, kind, references, classifications and license. (Line numbers quoted in other documents'
 * messages may then lag by a line until the next such change.)
 */
function sameWorkspaceFacts(a: DocumentFacts, b: DocumentFacts): boolean {
  if (edgesDiffer(a, b) || a.license !== b.license || a.name !== b.name) return false;
  // The classification as written, not only the mapping: a scalar in its place is read as a level.
  if (JSON.stringify(a.value.classification) !== JSON.stringify(b.value.classification)) return false;
  return JSON.stringify([...a.outputClassifications]) === JSON.stringify([...b.outputClassifications]);
}

function edgesDiffer(a: DocumentFacts, b: DocumentFacts): boolean {
  if (a.id !== b.id || a.version !== b.version || a.kind !== b.kind || a.references.length !== b.references.length) return true;
  return a.references.some((site, i) => site.text !== b.references[i].text || site.role !== b.references[i].role);
}

/**
 * Lineage edges run from what flows in to what comes out: an upstream dataset or a pipeline into
 * the dataset it produces, a pipeline's inputs into the pipeline and the pipeline into its outputs,
 * training data and the training pipeline into a model. Tarjan's algorithm, iterative, so that a
 * long chain cannot overflow the stack.
 */
function findCycles(index: WorkspaceIndex): string[][] {
  const successors = new Map<string, Set<string>>();
  const edge = (from: string, to: string) => {
    let set = successors.get(from);
    if (!set) successors.set(from, (set = new Set()));
    set.add(to);
  };
  for (const facts of index.all()) {
    for (const site of facts.references) {
      const resolution = index.resolve(site);
      if (resolution.status !== "resolved") continue;
      if (site.role === "output") edge(facts.path, resolution.target.path);
      else if (isUpstreamRole(site.role)) edge(resolution.target.path, facts.path);
    }
  }
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of successors.keys()) {
    if (indexOf.has(root)) continue;
    const work: { node: string; children: Iterator<string> }[] = [];
    const visit = (node: string) => {
      indexOf.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, children: (successors.get(node) ?? new Set<string>()).values() });
    };
    visit(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const next = frame.children.next();
      if (!next.done) {
        const child = next.value;
        if (!indexOf.has(child)) visit(child);
        else if (onStack.has(child)) low.set(frame.node, Math.min(low.get(frame.node)!, indexOf.get(child)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === indexOf.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || successors.get(frame.node)?.has(frame.node)) cycles.push(component.sort());
      }
    }
  }
  return cycles;
}
