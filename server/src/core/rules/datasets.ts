import { distance } from "fastest-levenshtein";
import { nearest } from "../nearest";
import { isRecord, joinPointer } from "../pointer";
import type { DocumentCheck } from "./context";
import { SLUG } from "./reference-form";

/** How many distribution ids a message lists. */
const LISTED = 8;

/**
 * `dataset/recordset-source`: every record set's `source` names a `distribution[].id` of the same
 * manifest (docs/formats/dataset-manifest.md). Every distribution with an id counts, whatever its
 * `format`: an invalid format is the schema's finding, and the record set describing that file is
 * still checked. A missing `source`, or one that is not a slug, is the schema's to report (one
 * problem, one diagnostic). `data.candidates` holds the distribution ids, nearest first, for the
 * quick fix; `data.nearest` the one close enough to be a typo.
 */
const recordSetSourceCheck: DocumentCheck = {
  name: "dataset-recordset-source",
  reports: ["dataset/recordset-source"],
  kinds: ["DatasetManifest"],
  check({ value, report }) {
    if (!Array.isArray(value.recordSets)) return;
    const ids = distributionIds(value.distribution);
    value.recordSets.forEach((recordSet, index) => {
      if (!isRecord(recordSet)) return;
      const source = recordSet.source;
      if (typeof source !== "string" || !SLUG.test(source) || ids.includes(source)) return;
      const candidates = nearestFirst(source, ids);
      const close = nearest(source, ids);
      const setName = typeof recordSet.id === "string" ? `Record set "${recordSet.id}"` : "This record set";
      report({
        rule: "dataset/recordset-source",
        pointer: joinPointer(joinPointer("/recordSets", index), "source"),
        message: `${setName} has source "${source}", but no distribution of this manifest has that id. ${whatToName(ids, close)}`,
        data: { candidates, ...(close !== undefined ? { nearest: close } : {}) },
      });
    });
  },
};

export const datasetChecks: readonly DocumentCheck[] = [recordSetSourceCheck];

/** The ids of the distributions, in document order, each once. */
function distributionIds(distribution: unknown): string[] {
  if (!Array.isArray(distribution)) return [];
  const ids = distribution.map((item) => (isRecord(item) && typeof item.id === "string" && item.id !== "" ? item.id : undefined));
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

/** The ids by edit distance from `source` (case-insensitive), document order among equals. */
function nearestFirst(source: string, ids: readonly string[]): string[] {
  const wanted = source.toLowerCase();
  return ids
    .map((id, order) => ({ id, order, distance: distance(wanted, id.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .map(({ id }) => id);
}

function whatToName(ids: readonly string[], close: string | undefined): string {
  if (ids.length === 0)
    return "The manifest has no distribution with an id: give the file this record set describes an `id` under `distribution`.";
  const listed = ids.slice(0, LISTED).map((id) => `"${id}"`);
  const more = ids.length > LISTED ? ` and ${ids.length - LISTED} more` : "";
  const guess = close !== undefined ? `Did you mean "${close}"? ` : "";
  return `${guess}Name the id of the distribution it describes: ${listed.join(", ")}${more}.`;
}
