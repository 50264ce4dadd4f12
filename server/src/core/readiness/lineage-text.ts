import type { LineageGraph, LineageNode } from "./lineage";
import { KIND_WORD } from "./report-parts";

/** The lineage's classification levels in words, as every report format shows them (docs/checklist.md#how-an-item-is-decided). */

/** What the diagrams say of a level that is not written as a lattice value. */
export const LEVEL_NOTE =
  "A level written otherwise than as public, internal, cui or cui-specified is shown as the level it counts as " +
  "(its case-insensitive match, else cui-specified), with what was written.";

/**
 * A node's classification level in words: `cui`; `cui (written "CUI")` when the document does not
 * write a lattice value (the level is what the value counts as); `no level` when it writes none.
 * Undefined for a missing node.
 */
export function levelText(node: LineageNode): string | undefined {
  if (node.kind === "missing") return undefined;
  if (node.level === undefined) return "no level";
  return node.levelWritten === undefined ? node.level : `${node.level} (written ${JSON.stringify(node.levelWritten)})`;
}

/** One line per document of the lineage with its level: `raw@1.0.0 (dataset): cui`. Missing nodes are left out. */
export function lineageLevelLines(lineage: LineageGraph): string[] {
  return lineage.nodes.flatMap((node) => {
    const level = levelText(node);
    return level === undefined ? [] : [`${node.label} (${KIND_WORD[node.kind]}): ${level}`];
  });
}
