import { nearest } from "../nearest";
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

/** The limited dissemination controls of docs/formats/common.md#classification other than `REL TO`, as `disseminationOf` spells them. */
export const KNOWN_CONTROLS: readonly string[] = ["NOFORN", "FEDONLY", "FEDCON", "NOCON", "DL ONLY"];

/**
 * The valid control a string that is none most likely means, compared without blanks first (`FED CON`
 * is FEDCON, `DLONLY` is DL ONLY), then by edit distance (`NOFRON` is NOFORN); undefined when none is close.
 */
export function nearestControl(name: string): string | undefined {
  const squeezed = name.replace(/\s+/g, "").toUpperCase();
  return KNOWN_CONTROLS.find((control) => control.replace(/\s+/g, "") === squeezed) ?? nearest(name, KNOWN_CONTROLS);
}

/**
 * One limited dissemination control: `NOFORN`, `FEDONLY`, ..., or `REL TO` with its countries. A
 * string that is none of them is a `control` all the same, with `known: false`: fail closed (docs/checklist.md#how-an-item-is-decided),
 * it counts as present, and only the same control on an output carries it. An item that is not a
 * string is `unreadable`: present, but no output can be shown to carry it.
 */
export type Control =
  | { readonly kind: "control"; readonly name: string; readonly known: boolean }
  | { readonly kind: "rel-to"; readonly countries: readonly string[]; readonly text: string }
  | { readonly kind: "unreadable"; readonly text: string };

/**
 * Dissemination controls, blanks collapsed and upper case. `REL TO USA, GBR` (countries separated
 * by commas or blanks) becomes its country list. A single string written in place of the list
 * counts as a list of one; blank strings are no control.
 */
export function disseminationOf(classification: Classification, base: string): Marked<Control>[] {
  const list = classification?.dissemination;
  const at = joinPointer(base, "dissemination");
  if (list === undefined || list === null) return [];
  const items = Array.isArray(list)
    ? list.map((value, i) => ({ value, pointer: joinPointer(at, i) }))
    : [{ value: list as unknown, pointer: at }];
  return items.flatMap(({ value, pointer }): Marked<Control>[] => {
    if (typeof value !== "string") return [{ value: { kind: "unreadable", text: JSON.stringify(value) ?? String(value) }, pointer }];
    const text = value.trim().replace(/\s+/g, " ").toUpperCase();
    if (text === "") return [];
    const relTo = /^REL TO\b(.*)$/.exec(text);
    const control: Control = relTo
      ? { kind: "rel-to", countries: [...new Set(relTo[1].split(/[\s,]+/).filter(Boolean))], text: value.trim() }
      : { kind: "control", name: text, known: KNOWN_CONTROLS.includes(text) };
    return [{ value: control, pointer }];
  });
}

/** The export-control regimes of docs/formats/common.md#classification. `10cfr810` stands apart from the ranked ones. */
export const RANKED_REGIMES = ["none", "ear99", "ear", "itar"] as const;
export type Regime = (typeof RANKED_REGIMES)[number] | "10cfr810";
const REGIMES: readonly string[] = [...RANKED_REGIMES, "10cfr810"];

export interface ExportControl {
  /**
   * The regime, matched case-insensitively (`ITAR` is `itar`); `none` when no `exportControl` (or
   * no regime) is written; undefined when the regime written is none of docs/formats/common.md#classification.
   */
  readonly regime?: Regime;
  /**
   * The regime as written when it is none of docs/formats/common.md#classification: fail closed
   * (docs/checklist.md#how-an-item-is-decided), it counts as present, so an output under `none` does
   * not carry it. A scalar written in place of the mapping is read as the regime (`exportControl: itar`).
   */
  readonly unknown?: unknown;
  readonly eccn?: string;
  /** Where to point: the regime value, else the `exportControl` mapping, else the classification. */
  readonly regimePointer: string;
  readonly eccnPointer: string;
}

export function exportControlOf(classification: Classification, base: string): ExportControl {
  const exportControl = classification?.exportControl;
  const at = joinPointer(base, "exportControl");
  if (exportControl === undefined || exportControl === null) return { regime: "none", regimePointer: at, eccnPointer: at };
  if (!isRecord(exportControl)) return { ...regimeOf(exportControl), regimePointer: at, eccnPointer: at };
  const regime = exportControl.regime;
  return {
    ...(regime === undefined || regime === null ? { regime: "none" as const } : regimeOf(regime)),
    eccn: typeof exportControl.eccn === "string" && exportControl.eccn.trim() !== "" ? exportControl.eccn.trim() : undefined,
    regimePointer: joinPointer(at, "regime"),
    eccnPointer: joinPointer(at, "eccn"),
  };
}

function regimeOf(written: unknown): { regime?: Regime; unknown?: unknown } {
  const folded = typeof written === "string" ? written.trim().toLowerCase() : undefined;
  return folded !== undefined && REGIMES.includes(folded) ? { regime: folded as Regime } : { unknown: written };
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
