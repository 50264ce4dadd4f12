import { joinPointer, parentPointer } from "../pointer";
import { CLASSIFICATION_LEVELS, classificationRank, effectiveLevel } from "../rules/classification-levels";
import type { Report } from "../rules/context";
import type { WorkspaceCheck } from "./context";
import { whereIs } from "./context";
import { label, type DocumentFacts } from "./facts";
import { flowsOf, type Flow } from "./flows";
import { categoriesOf, disseminationOf, exportControlOf, regimeRank, type Marked, type Regime } from "./markings";

/**
 * `classification/downgrade`: an output is classified at least as high as the highest of its
 * inputs (the lattice of docs/formats/common.md, `ouo` read as `cui`). Inputs whose level is unknown or a classified marking
 * do not count, and neither is an output's such level judged: other rules report those values.
 * An output without a level is read as `public` (schema/required says the level is missing).
 */
export const downgradeCheck: WorkspaceCheck = {
  name: "classification-downgrade",
  reports: ["classification/downgrade"],
  check({ facts, index, report }) {
    for (const flow of flowsOf(facts, index)) {
      const written = flow.classification?.level;
      const ownRank = written === undefined ? 0 : classificationRank(written);
      if (ownRank === undefined) continue;
      const ranked = flow.inputs.flatMap((input) => {
        const rank = classificationRank(input.classification?.level);
        return rank === undefined ? [] : [{ input, rank }];
      });
      const highest = Math.max(-1, ...ranked.map((r) => r.rank));
      if (highest <= ownRank) continue;
      const required = CLASSIFICATION_LEVELS[highest];
      const top = ranked.filter((r) => r.rank === highest).map((r) => r.input);
      const theirs =
        top.length === 1
          ? `${label(top[0])}, which is ${shownLevel(top[0].classification?.level)} (${whereIs(top[0], "/classification/level")})`
          : `${andList(top.map((input) => cite(input, "/classification/level")))}, which are "${required}"`;
      const state = flow.inherits
        ? written === undefined ? "takes the pipeline's classification, which has no level," : `takes the pipeline's classification ${shownLevel(written)}`
        : written === undefined ? "has no classification level" : `is ${shownLevel(written)}`;
      const fix = flow.inherits
        ? `raise the pipeline's classification to "${required}" or higher, or give ${flow.output} a classification of its own, "${required}" or higher`
        : `classify it "${required}" or higher`;
      report({
        rule: "classification/downgrade",
        pointer: joinPointer(flow.pointer, "level"),
        message: `${flow.subject} ${state} but ${flow.relation} ${theirs}; ${fix}.`,
        data: { required },
      });
    }
  },
};

/**
 * `classification/propagation`: the CUI categories, dissemination controls and export-control
 * regime of every input are carried by the output. One diagnostic per kind of marking per output,
 * naming the inputs that carry what is missing.
 */
export const propagationCheck: WorkspaceCheck = {
  name: "classification-propagation",
  reports: ["classification/propagation"],
  check({ facts, index, report }) {
    for (const flow of flowsOf(facts, index)) {
      const anchor = (pointer: string) => {
        let at = pointer;
        while (at !== flow.pointer && at !== "" && !facts.document.tree.locations.has(at)) at = parentPointer(at);
        return at;
      };
      checkCategories(flow, anchor, report);
      checkDissemination(flow, anchor, report);
      checkExportControl(flow, anchor, report);
    }
  },
};

/** The node to report on: `pointer` when it exists, else its nearest existing parent within the flow's mapping. */
type Anchor = (pointer: string) => string;
type Reporter = (report: Report) => void;

/** The output carries every category of every input. */
function checkCategories(flow: Flow, anchor: Anchor, report: Reporter): void {
  const own = new Set(categoriesOf(flow.classification, flow.pointer).map((c) => c.value));
  const missing = carriedBy(flow.inputs, (input) => categoriesOf(input.classification, "/classification"), (category) => !own.has(category));
  if (!missing.size) return;
  const names = [...missing.keys()];
  report({
    rule: "classification/propagation",
    pointer: anchor(joinPointer(flow.pointer, "categories")),
    part: "key",
    message: `${flow.subject} lacks the CUI ${names.length === 1 ? "category" : "categories"} ${andList(names)} of its inputs: ${sources(missing)}; add ${names.length === 1 ? "it" : "them"} to ${fieldOf(flow, "categories")}${alternative(flow)}.`,
    data: { missing: names },
  });
}

/**
 * The output carries every control of every input, except `REL TO`, which narrows: the output may
 * be released only to the countries that every input's `REL TO` names, or to none (NOFORN). An
 * input with NOFORN makes NOFORN one of the missing controls, which also settles the release.
 */
function checkDissemination(flow: Flow, anchor: Anchor, report: Reporter): void {
  const own = disseminationOf(flow.classification, flow.pointer);
  const ownControls = new Set(own.flatMap(({ value }) => (value.kind === "control" ? [value.name] : [])));
  const ownReleases = own.flatMap(({ value }) => (value.kind === "rel-to" ? [value] : []));
  const missing = carriedBy(flow.inputs, controlsOf, (control) => !ownControls.has(control));

  const releases = flow.inputs.flatMap((input) =>
    disseminationOf(input.classification, "/classification").flatMap(({ value, pointer }) => (value.kind === "rel-to" ? [{ input, value, pointer }] : [])),
  );
  const allowed = releases.reduce<string[] | undefined>((common, { value }) => (common ? common.filter((c) => value.countries.includes(c)) : [...value.countries]), undefined) ?? [];
  const tooWide = [...new Set(ownReleases.flatMap((r) => r.countries))].filter((country) => !allowed.includes(country));
  const settledByNoforn = ownControls.has("NOFORN") || missing.has("NOFORN");
  const releaseProblem = releases.length > 0 && !settledByNoforn && (ownReleases.length === 0 || tooWide.length > 0);
  if (!missing.size && !releaseProblem) return;

  const problems: string[] = [];
  const additions = [...missing.keys()];
  if (missing.size) problems.push(`lacks the dissemination ${additions.length === 1 ? "control" : "controls"} ${andList(additions)} of its inputs: ${sources(missing)}`);
  const field = fieldOf(flow, "dissemination");
  let replacement = "";
  let releaseNote = "";
  if (releaseProblem) {
    const released = releases.map(({ input, value, pointer }) => `${label(input)} is "${value.text}" at ${whereIs(input, pointer)}`).join(", ");
    const together = allowed.length ? `together they allow release only to ${andList(allowed)}` : "they share no country it may be released to";
    const state = ownReleases.length ? `is releasable to ${andList(tooWide)}, which its inputs do not allow` : "carries no release marking, which its inputs require";
    problems.push(`${state}: ${together} (${released})`);
    const release = allowed.length ? `REL TO ${allowed.join(", ")}` : "NOFORN";
    if (ownReleases.length) replacement = `replace ${andList(ownReleases.map((r) => `"${r.text}"`))} with "${release}"`;
    else additions.push(release);
    if (allowed.length) releaseNote = ` (NOFORN in place of "${release}" satisfies the inputs too)`;
  }
  const add = additions.length ? `add ${andList(additions.map((a) => `"${a}"`))}` : "";
  const fix = add && replacement ? `${add} and ${replacement} in ${field}` : add ? `${add} to ${field}` : `${replacement} in ${field}`;
  report({
    rule: "classification/propagation",
    pointer: anchor(joinPointer(flow.pointer, "dissemination")),
    part: "key",
    message: `${flow.subject} ${problems.join("; and it ")}; ${fix}${releaseNote}${alternative(flow)}.`,
    data: { missing: [...missing.keys()], ...(releaseProblem ? { releasableTo: allowed } : {}) },
  });
}

/**
 * The output's export-control regime covers every input's: at least the highest of none < ear99 <
 * ear < itar; exactly `itar` or exactly `10cfr810` when an input has it (one regime field cannot
 * hold both, which is reported all the same); and an `ear` output keeps an `ear` input's ECCN.
 * When an input has `10cfr810`, that requirement stands alone: EAR inputs beside it are not weighed.
 */
function checkExportControl(flow: Flow, anchor: Anchor, report: Reporter): void {
  const own = exportControlOf(flow.classification, flow.pointer);
  if (own.regime === undefined) return;
  const inputs = flow.inputs.flatMap((input) => {
    const control = exportControlOf(input.classification, "/classification");
    return control.regime && control.regime !== "none" ? [{ input, control }] : [];
  });
  if (!inputs.length) return;
  const under = (regime: Regime) => inputs.filter((i) => i.control.regime === regime);
  const citeAll = (list: typeof inputs) => andList(list.map(({ input, control }) => cite(input, control.regimePointer)));
  const state = flow.classification?.exportControl === undefined ? "has no export control" : `is under "${own.regime}"`;
  const regimeField = fieldOf(flow, "exportControl.regime");
  const emit = (pointer: string, message: string, data: Record<string, unknown>) => {
    const at = anchor(pointer);
    report({ rule: "classification/propagation", pointer: at, part: at === pointer ? "value" : "key", message, data });
  };

  const itar = under("itar");
  const nuclear = under("10cfr810");
  if (itar.length && nuclear.length) {
    emit(
      own.regimePointer,
      `${flow.subject} takes "itar" from ${citeAll(itar)} and "10cfr810" from ${citeAll(nuclear)}: both regimes apply, and exportControl.regime holds only one, so this classification cannot express them. Keep the ITAR and the 10 CFR 810 material in separate outputs, or settle the marking with your export-control officer.`,
      { required: ["itar", "10cfr810"] },
    );
    return;
  }
  const exact = itar.length ? itar : nuclear;
  if (exact.length) {
    const required = exact[0].control.regime!;
    if (own.regime === required) return;
    const stays = required === "itar" ? "ITAR data stays under ITAR" : "10 CFR 810 technology stays under 10 CFR 810";
    emit(own.regimePointer, `${flow.subject} ${state} but ${flow.relation} ${citeAll(exact)}, under "${required}"; ${stays}: set ${regimeField} to "${required}"${alternative(flow)}.`, { required });
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
      `${flow.subject} ${state} but ${flow.relation} ${citeAll(top)}, under "${required}"; set ${regimeField} to "${required}"${withEccn} or a stricter regime (none < ear99 < ear < itar)${alternative(flow)}.`,
      { required, ...(withEccn ? { eccn: eccns } : {}) },
    );
    return;
  }
  if (own.regime !== "ear") return;
  const ownEccn = own.eccn?.toUpperCase();
  if (eccns.length === 0 || (eccns.length === 1 && eccns[0] === ownEccn)) return;
  const carriers = under("ear").flatMap(({ input, control }) => (control.eccn ? [`"${control.eccn}" from ${cite(input, control.eccnPointer)}`] : []));
  const ownState = ownEccn ? `is under "ear" with ECCN "${own.eccn}"` : `is under "ear" without an ECCN`;
  const fix =
    eccns.length === 1
      ? `set ${fieldOf(flow, "exportControl.eccn")} to "${eccns[0]}"${alternative(flow)}`
      : "exportControl.eccn holds one ECCN, so keep the differently classified items in separate outputs, or settle the ECCN of the combination with your export-control officer";
  emit(own.eccnPointer, `${flow.subject} ${ownState}, but its inputs carry the ECCN${eccns.length === 1 ? "" : "s"} ${andList(carriers)}; ${fix}.`, { eccn: eccns });
}

/** The dissemination controls of an input other than REL TO. */
function controlsOf(input: DocumentFacts): Marked<string>[] {
  return disseminationOf(input.classification, "/classification").flatMap(({ value, pointer }) => (value.kind === "control" ? [{ value: value.name, pointer }] : []));
}

/** Marking -> the inputs (and the item in each) that carry it, for the markings `wanted` keeps. */
function carriedBy(inputs: readonly DocumentFacts[], markings: (input: DocumentFacts) => Marked<string>[], wanted: (marking: string) => boolean): Map<string, { input: DocumentFacts; pointer: string }[]> {
  const found = new Map<string, { input: DocumentFacts; pointer: string }[]>();
  for (const input of inputs) {
    for (const { value, pointer } of markings(input)) {
      if (!wanted(value)) continue;
      const carriers = found.get(value) ?? [];
      if (!carriers.some((c) => c.input === input)) carriers.push({ input, pointer });
      found.set(value, carriers);
    }
  }
  return found;
}

/** `PRVCY from a@1.0.0 (a.dataset.yaml:12), PROPIN from b@1.0.0 (b.dataset.yaml:12) and c@1.0.0 (...)` */
function sources(carried: Map<string, { input: DocumentFacts; pointer: string }[]>): string {
  return [...carried].map(([marking, carriers]) => `${marking} from ${andList(carriers.map(({ input, pointer }) => cite(input, pointer)))}`).join(", ");
}

/** The field a fix changes: the output's own, or for an output that takes it, the pipeline's. */
function fieldOf(flow: Flow, field: string): string {
  return flow.inherits ? `the pipeline's classification.${field}` : `${flow.field}.${field}`;
}

/** For an output that takes the pipeline's classification, the other way to fix it. */
function alternative(flow: Flow): string {
  return flow.inherits ? `, or give ${flow.output} a classification of its own` : "";
}

function cite(facts: DocumentFacts, pointer: string): string {
  return `${label(facts)} (${whereIs(facts, pointer)})`;
}

/** `"ouo" (read as "cui")` for a legacy level, else the level quoted. */
function shownLevel(level: unknown): string {
  const effective = effectiveLevel(level);
  return effective !== undefined && effective !== level ? `"${String(level)}" (read as "${effective}")` : `"${String(level)}"`;
}

function andList(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
