import type { WorkspaceCheck } from "./context";
import { whereIs } from "./context";
import { cycleClosings } from "./cycle-closings";
import type { WorkspaceIndex } from "./workspace-index";
import { label, type DocumentFacts, type ReferenceSite } from "./facts";

/**
 * `lineage/cycle`: lineage must be acyclic. A cycle is reported once, on the reference that closes
 * it (cycle-closings.ts says which, the same on every run), and the message walks the cycle and
 * names the other references that state the same link, which must go too.
 */
export const cycleCheck: WorkspaceCheck = {
  name: "lineage-cycle",
  reports: ["lineage/cycle"],
  check({ facts, index, report }) {
    if (!index.lineageCycles().some((members) => members.includes(facts.path))) return;
    for (const closing of cycleClosings(index)) {
      const [first, ...others] = closing.references;
      if (first.path !== facts.path) continue;
      const name = (path: string) => label(index.get(path) ?? { path });
      const itself = closing.walk.length === 2;
      const cycle = itself
        ? `${name(facts.path)} flows into itself, so it can never be produced`
        : `${shownWalk(closing.walk.map(name))}: each flows into the next, so none can be produced first`;
      const elsewhere = others.map(({ path, site }) => {
        const where = index.get(path);
        return `"${site.text}" at ${where ? whereIs(where, site.pointer) : path}`;
      });
      const same = elsewhere.length
        ? ` The same link is stated by ${elsewhere.join(" and ")}: remove ${elsewhere.length === 1 ? "it" : "them"} too.`
        : "";
      report({
        rule: "lineage/cycle",
        pointer: first.site.pointer,
        message:
          `"${first.site.text}" closes a lineage cycle: ${cycle}. ` +
          `Remove this reference${itself ? "" : ", or the link of the cycle that is wrong"}.${same}`,
        data: { cycle: closing.walk.slice(0, -1) },
      });
    }
  },
};

/** `a -> b -> a`; a long cycle shows its ends and how many links it has. */
function shownWalk(names: readonly string[]): string {
  if (names.length <= 12) return names.join(" -> ");
  return `${[...names.slice(0, 5), "...", ...names.slice(-5)].join(" -> ")} (${names.length - 1} links)`;
}

/** How a dataset or a model card names the pipeline that made it, and what flowed into it. */
interface Claim {
  /** The role of the reference to the pipeline. */
  readonly madeBy: ReferenceSite["role"];
  /** The role of the references to what flowed in, and the list that holds them. */
  readonly upstream: ReferenceSite["role"];
  readonly upstreamList: string;
  readonly upstreamField: string;
  /** The end of the message that says what else to do: "the pipeline that does produce this dataset". */
  readonly maker: string;
}

const CLAIMS: Partial<Record<DocumentFacts["kind"], Claim>> = {
  DatasetManifest: {
    madeBy: "generatedBy",
    upstream: "derivedFrom",
    upstreamList: "/lineage/derivedFrom",
    upstreamField: "lineage.derivedFrom",
    maker: "the pipeline that does produce this dataset",
  },
  ModelCard: {
    madeBy: "trainingPipeline",
    upstream: "trainingData",
    upstreamList: "/training/datasets",
    upstreamField: "training.datasets",
    maker: "the pipeline that does train this model",
  },
};

/**
 * `lineage/inconsistent`: the pipeline a dataset names in `lineage.generatedBy`, or a model card in
 * `training.pipeline`, lists that document among its outputs, and the pipeline's inputs are the
 * dataset's `derivedFrom`, or the card's `training.datasets`.
 *
 * A card's training dataset that the same pipeline outputs was made within the run: it stands for
 * what it is derived from. So a pipeline that reads raw data, writes the training set and trains
 * the model on it (inputs: the raw data; outputs: the training set and the model) is consistent
 * with a card whose `training.datasets` names that training set.
 */
export const lineageConsistencyCheck: WorkspaceCheck = {
  name: "lineage-consistency",
  reports: ["lineage/inconsistent"],
  check({ facts, index, report }) {
    const claim = CLAIMS[facts.kind];
    if (!claim) return;
    const madeBy = facts.references.find((site) => site.role === claim.madeBy);
    if (!madeBy) return;
    const resolution = index.resolve(madeBy);
    if (resolution.status !== "resolved") return;
    const pipeline = resolution.target;
    const outputs = pipeline.references.filter((site) => site.role === "output");
    const self = facts.version ? `${facts.id}@${facts.version}` : facts.id;
    if (!outputs.some((site) => sameTarget(site, facts))) {
      report({
        rule: "lineage/inconsistent",
        pointer: madeBy.pointer,
        message:
          `${label(pipeline)} does not list ${self} among its outputs (${whereIs(pipeline, "/outputs")}); ` +
          `add it there, or name ${claim.maker}.`,
        data: { pipeline: pipeline.path },
      });
    }
    const inputs = new Set(pipeline.references.filter((site) => site.role === "input").map(referenceKey));
    const declared = facts.references.filter((site) => site.role === claim.upstream);
    const upstreamSites = facts.kind === "ModelCard" ? throughRun(declared, pipeline, index) : declared;
    const upstream = new Set(upstreamSites.map(referenceKey));
    const missingInPipeline = [...new Set(upstreamSites.filter((site) => !inputs.has(referenceKey(site))).map((site) => site.text))];
    const missingInDocument = [...inputs].filter((input) => !upstream.has(input));
    if (missingInPipeline.length || missingInDocument.length) {
      const parts = [
        missingInDocument.length ? `the pipeline also reads ${missingInDocument.join(", ")}` : "",
        missingInPipeline.length ? `the pipeline does not read ${missingInPipeline.join(", ")}` : "",
      ].filter(Boolean);
      const pointer = declared.length ? claim.upstreamList : madeBy.pointer;
      report({
        rule: "lineage/inconsistent",
        pointer,
        part: "key",
        message:
          `${claim.upstreamField} differs from the inputs of ${label(pipeline)} (${whereIs(pipeline, "/inputs")}): ` +
          `${parts.join("; ")}. Make the two lists agree.`,
        data: { pipeline: pipeline.path, missingInDataset: missingInDocument, missingInPipeline },
      });
    }
  },
};

/**
 * The references that stand for `sites` outside the run of `pipeline`: a dataset the pipeline
 * itself outputs is replaced by its `derivedFrom`, again and again along a chain made within the
 * run; every other reference stands for itself.
 */
function throughRun(sites: readonly ReferenceSite[], pipeline: DocumentFacts, index: WorkspaceIndex): ReferenceSite[] {
  const madeInRun = new Set<string>();
  for (const output of pipeline.references) {
    if (output.role !== "output") continue;
    const resolution = index.resolve(output);
    if (resolution.status === "resolved" && resolution.target.kind === "DatasetManifest") madeInRun.add(resolution.target.path);
  }
  const result: ReferenceSite[] = [];
  const expanded = new Set<string>();
  const work = [...sites];
  while (work.length) {
    const site = work.shift()!;
    const resolution = index.resolve(site);
    const target = resolution.status === "resolved" ? resolution.target : undefined;
    if (!target || !madeInRun.has(target.path)) {
      result.push(site);
    } else if (!expanded.has(target.path)) {
      expanded.add(target.path);
      work.push(...target.references.filter((upstream) => upstream.role === "derivedFrom"));
    }
  }
  return result;
}

function referenceKey(site: ReferenceSite): string {
  return site.version ? `${site.id}@${site.version}` : site.id;
}

/** Whether an output reference names `facts`: its id, its version (or none), and a kind it accepts. */
function sameTarget(site: ReferenceSite, facts: DocumentFacts): boolean {
  return site.targetKinds.includes(facts.kind) && site.id === facts.id && (site.version === undefined || site.version === facts.version);
}
