import type { Flow } from "./flows";
import { alternative, andList, cite, fieldOf, type Anchor, type Reporter } from "./flow-text";
import { exportControlOf, regimeRank, type Regime } from "./markings";

/**
 * `classification/propagation` for export control. The output's regime covers every input's: at
 * least the highest of none < ear99 < ear < itar; exactly `itar` or exactly `10cfr810` when an
 * input has it (one regime field cannot hold both, which is reported all the same); and an `ear`
 * output keeps an `ear` input's ECCN. When an input has `10cfr810`, that requirement stands alone:
 * EAR inputs beside it are not weighed.
 *
 * Fail closed (docs/checklist.md#how-an-item-is-decided): regimes match case-insensitively (`ITAR` is `itar`), and an input's regime
 * that is none of docs/formats/common.md#classification counts as present: it asks the output for a regime other than `none`
 * (which every known regime of another input asks for too). An output's own regime that is none
 * of docs/formats/common.md#classification's is its schema error; it is not judged here.
 */
export function checkExportControl(flow: Flow, anchor: Anchor, report: Reporter): void {
  const own = exportControlOf(flow.classification, flow.pointer);
  if (own.regime === undefined) return;
  const controls = flow.inputs.map((input) => ({ input, control: exportControlOf(input.classification, "/classification") }));
  const inputs = controls.filter(({ control }) => control.regime !== undefined && control.regime !== "none");
  const state = own.regime === "none" && flow.classification?.exportControl == null ? "has no export control" : `is under "${own.regime}"`;
  const regimeField = fieldOf(flow, "exportControl.regime");
  const emit = (pointer: string, message: string, data: Record<string, unknown>) => {
    const at = anchor(pointer);
    report({ rule: "classification/propagation", pointer: at, part: at === pointer ? "value" : "key", message, data });
  };
  if (!inputs.length) {
    const unknown = controls.filter(({ control }) => control.regime === undefined);
    if (!unknown.length || own.regime !== "none") return;
    const written = unknown.map(({ control }) => JSON.stringify(control.unknown) ?? String(control.unknown));
    const one = unknown.length === 1;
    const cited = andList(unknown.map(({ input, control }) => cite(input, control.regimePointer)));
    emit(
      own.regimePointer,
      `${flow.subject} ${state} but ${flow.relation} ${cited}, ` +
        `whose export-control ${one ? "regime" : "regimes"} ${andList(written)} ${one ? "is" : "are"} not one of none, ear99, ear, itar ` +
        `or 10cfr810 and ${one ? "counts" : "count"} as present; set ${regimeField} to the regime that applies ` +
        `(ear99, ear, itar or 10cfr810), and correct the ${one ? "input" : "inputs"}${alternative(flow)}.`,
      { required: "present", unknown: unknown.map(({ control }) => control.unknown) },
    );
    return;
  }
  const under = (regime: Regime) => inputs.filter((i) => i.control.regime === regime);
  const citeAll = (list: typeof inputs) => andList(list.map(({ input, control }) => cite(input, control.regimePointer)));

  const itar = under("itar");
  const nuclear = under("10cfr810");
  if (itar.length && nuclear.length) {
    emit(
      own.regimePointer,
      `${flow.subject} takes "itar" from ${citeAll(itar)} and "10cfr810" from ${citeAll(nuclear)}: both regimes apply, ` +
        "and exportControl.regime holds only one, so this classification cannot express them. " +
        "Keep the ITAR and the 10 CFR 810 material in separate outputs, or settle the marking with your export-control officer.",
      { required: ["itar", "10cfr810"] },
    );
    return;
  }
  const exact = itar.length ? itar : nuclear;
  if (exact.length) {
    const required = exact[0].control.regime!;
    if (own.regime === required) return;
    const stays = required === "itar" ? "ITAR data stays under ITAR" : "10 CFR 810 technology stays under 10 CFR 810";
    emit(
      own.regimePointer,
      `${flow.subject} ${state} but ${flow.relation} ${citeAll(exact)}, under "${required}"; ` +
        `${stays}: set ${regimeField} to "${required}"${alternative(flow)}.`,
      { required },
    );
    return;
  }

  const highest = Math.max(...inputs.map((i) => regimeRank(i.control.regime!) ?? 0));
  const top = inputs.filter((i) => regimeRank(i.control.regime!) === highest);
  const required = top[0].control.regime!;
  const eccns = [...new Set(under("ear").flatMap(({ control }) => (control.eccn ? [control.eccn.toUpperCase()] : [])))];
  const ownRank = regimeRank(own.regime);
  if (ownRank === undefined || ownRank < highest) {
    const withEccn = required === "ear" && eccns.length ? ` with eccn ${andList(eccns.map((e) => `"${e}"`))}` : "";
    emit(
      own.regimePointer,
      `${flow.subject} ${state} but ${flow.relation} ${citeAll(top)}, under "${required}"; ` +
        `set ${regimeField} to "${required}"${withEccn} or a stricter regime (none < ear99 < ear < itar)${alternative(flow)}.`,
      { required, ...(withEccn ? { eccn: eccns } : {}) },
    );
    return;
  }
  if (own.regime !== "ear") return;
  const ownEccn = own.eccn?.toUpperCase();
  if (eccns.length === 0 || (eccns.length === 1 && eccns[0] === ownEccn)) return;
  const carriers = under("ear").flatMap(({ input, control }) =>
    control.eccn ? [`"${control.eccn}" from ${cite(input, control.eccnPointer)}`] : [],
  );
  const ownState = ownEccn ? `is under "ear" with ECCN "${own.eccn}"` : `is under "ear" without an ECCN`;
  const fix =
    eccns.length === 1
      ? `set ${fieldOf(flow, "exportControl.eccn")} to "${eccns[0]}"${alternative(flow)}`
      : "exportControl.eccn holds one ECCN, so keep the differently classified items in separate outputs, " +
        "or settle the ECCN of the combination with your export-control officer";
  emit(
    own.eccnPointer,
    `${flow.subject} ${ownState}, but its inputs carry the ECCN${eccns.length === 1 ? "" : "s"} ${andList(carriers)}; ${fix}.`,
    { eccn: eccns },
  );
}
