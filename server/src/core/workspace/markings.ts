import { isRecord, joinPointer } from "../pointer";

/**
 * The CUI markings of a classification mapping (docs/formats/common.md#classification) as the flow rules compare them, each with the
 * pointer of the item that carries it (relative to the document, from the mapping's `base`), so a
 * message can send the user there. Values of the wrong type are skipped: the schema reports them.
 */

export interface Marked<T> {
  readonly value: T;
  readonly pointer: string;
}

type Classification = Readonly<Record<string, unknown>> | undefined;

/** CUI categories, upper case (the schema asks for upper case; a lower-case one is still the same category). */
export function categoriesOf(classification: Classification, base: string): Marked<string>[] {
  return strings(classification, "categories", base).map(({ value, pointer }) => ({ value: value.trim().toUpperCase(), pointer }));
}

/** One limited dissemination control: `NOFORN`, `FEDONLY`, ..., or `REL TO` with its countries. */
export type Control = { readonly kind: "control"; readonly name: string } | { readonly kind: "rel-to"; readonly countries: readonly string[]; readonly text: string };

/**
 * Dissemination controls, blanks collapsed and upper case. `REL TO USA, GBR` (countries separated
 * by commas or blanks) becomes its country list.
 */
export function disseminationOf(classification: Classification, base: string): Marked<Control>[] {
  return strings(classification, "dissemination", base).map(({ value, pointer }) => {
    const text = value.trim().replace(/\s+/g, " ").toUpperCase();
    const relTo = /^REL TO\b(.*)$/.exec(text);
    const control: Control = relTo
      ? { kind: "rel-to", countries: [...new Set(relTo[1].split(/[\s,]+/).filter(Boolean))], text: value.trim() }
      : { kind: "control", name: text };
    return { value: control, pointer };
  });
}

/** The export-control regimes of docs/formats/common.md#exportcontrol. `10cfr810` stands apart from the ranked ones. */
export const RANKED_REGIMES = ["none", "ear99", "ear", "itar"] as const;
export type Regime = (typeof RANKED_REGIMES)[number] | "10cfr810";

export interface ExportControl {
  /** `none` when no `exportControl` is written; undefined when `regime` is not one of those. */
  readonly regime?: Regime;
  readonly eccn?: string;
  /** Where to point: the regime value, else the `exportControl` mapping, else the classification. */
  readonly regimePointer: string;
  readonly eccnPointer: string;
}

export function exportControlOf(classification: Classification, base: string): ExportControl {
  const exportControl = classification?.exportControl;
  const at = joinPointer(base, "exportControl");
  if (!isRecord(exportControl)) {
    return { regime: exportControl === undefined ? "none" : undefined, regimePointer: at, eccnPointer: at };
  }
  const regime = exportControl.regime;
  const known = typeof regime === "string" && ((RANKED_REGIMES as readonly string[]).includes(regime) || regime === "10cfr810");
  return {
    regime: known ? (regime as Regime) : regime === undefined ? "none" : undefined,
    eccn: typeof exportControl.eccn === "string" && exportControl.eccn.trim() !== "" ? exportControl.eccn.trim() : undefined,
    regimePointer: joinPointer(at, "regime"),
    eccnPointer: joinPointer(at, "eccn"),
  };
}

/** 0 for `none` up to 3 for `itar`; undefined for `10cfr810`, which no EAR or ITAR regime covers. */
export function regimeRank(regime: Regime): number | undefined {
  const rank = (RANKED_REGIMES as readonly string[]).indexOf(regime);
  return rank < 0 ? undefined : rank;
}

function strings(classification: Classification, key: string, base: string): Marked<string>[] {
  const list = classification?.[key];
  if (!Array.isArray(list)) return [];
  const at = joinPointer(base, key);
  return list.flatMap((value, i) => (typeof value === "string" && value.trim() !== "" ? [{ value, pointer: joinPointer(at, i) }] : []));
}
