import type { WorkspaceCheck } from "./context";
import { whereIs } from "./context";
import { isUpstreamRole } from "./index";
import { label, type DocumentFacts, type ReferenceSite } from "./facts";

/**
 * `lineage/cycle`: lineage must be acyclic. Each document on a cycle reports the references that
 * keep it on the cycle (those whose target is on the same cycle), and the message walks the cycle.
 */
export const cycleCheck: WorkspaceCheck = {
  name: "lineage-cycle",
  reports: ["lineage/cycle"],
  check({ facts, index, report }) {
    const cycle = index.lineageCycles().find((members) => members.includes(facts.path));
    if (!cycle) return;
    const members = new Set(cycle);
    const names = cycle.map((path) => label(index.get(path) ?? { path })).join(", ");
    for (const site of facts.references) {
      if (!isUpstreamRole(site.role) && site.role !== "output") continue;
      const resolution = index.resolve(site);
      if (resolution.status !== "resolved" || !members.has(resolution.target.path)) continue;
      report({
        rule: "lineage/cycle",
        pointer: site.pointer,
        message: `This reference closes a lineage cycle among ${names}: each of them flows into another, so none can be produced first. Remove the reference that points backwards.`,
        data: { cycle },
      });
    }
  },
};

/**
 * `lineage/inconsistent`: a dataset's `generatedBy` pipeline lists the dataset among its outputs,
 * and the pipeline's inputs are the dataset's `derivedFrom`.
 */
export const lineageConsistencyCheck: WorkspaceCheck = {
  name: "lineage-consistency",
  reports: ["lineage/inconsistent"],
  check({ facts, index, report }) {
    if (facts.kind !== "DatasetManifest") return;
    const generatedBy = facts.references.find((site) => site.role === "generatedBy");
    if (!generatedBy) return;
    const resolution = index.resolve(generatedBy);
    if (resolution.status !== "resolved") return;
    const pipeline = resolution.target;
    const outputs = pipeline.references.filter((site) => site.role === "output");
    const self = facts.version ? `${facts.id}@${facts.version}` : facts.id;
    if (!outputs.some((site) => sameTarget(site, facts))) {
      report({
        rule: "lineage/inconsistent",
        pointer: generatedBy.pointer,
        message: `${label(pipeline)} does not list ${self} among its outputs (${whereIs(pipeline, "/outputs")}); add it there, or name the pipeline that does produce this dataset.`,
        data: { pipeline: pipeline.path },
      });
    }
    const inputs = new Set(pipeline.references.filter((site) => site.role === "input").map(referenceKey));
    const derivedFrom = facts.references.filter((site) => site.role === "derivedFrom");
    const upstream = new Set(derivedFrom.map(referenceKey));
    const missingInPipeline = derivedFrom.filter((site) => !inputs.has(referenceKey(site))).map((site) => site.text);
    const missingInDataset = [...inputs].filter((input) => !upstream.has(input));
    if (missingInPipeline.length || missingInDataset.length) {
      const parts = [
        missingInDataset.length ? `the pipeline also reads ${missingInDataset.join(", ")}` : "",
        missingInPipeline.length ? `the pipeline does not read ${missingInPipeline.join(", ")}` : "",
      ].filter(Boolean);
      const pointer = derivedFrom.length ? "/lineage/derivedFrom" : generatedBy.pointer;
      report({
        rule: "lineage/inconsistent",
        pointer,
        part: "key",
        message: `lineage.derivedFrom differs from the inputs of ${label(pipeline)} (${whereIs(pipeline, "/inputs")}): ${parts.join("; ")}. Make the two lists agree.`,
        data: { pipeline: pipeline.path, missingInDataset, missingInPipeline },
      });
    }
  },
};

function referenceKey(site: ReferenceSite): string {
  return site.version ? `${site.id}@${site.version}` : site.id;
}

function sameTarget(site: ReferenceSite, facts: DocumentFacts): boolean {
  return site.id === facts.id && (site.version === undefined || site.version === facts.version);
}
