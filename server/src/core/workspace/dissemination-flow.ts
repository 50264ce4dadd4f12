import { joinPointer } from "../pointer";
import { whereIs } from "./context";
import { label, type DocumentFacts } from "./facts";
import type { Flow } from "./flows";
import { andList, alternative, carriedBy, cite, fieldOf, sources, type Anchor, type Reporter } from "./flow-text";
import { disseminationOf, KNOWN_CONTROLS, nearestControl, type Marked } from "./markings";

const VALID_CONTROLS_TEXT = `${KNOWN_CONTROLS.join(", ")} or REL TO <countries>`;

/**
 * `classification/propagation` for dissemination controls. The output carries every control of
 * every input, except `REL TO`, which narrows: the output may be released only to the countries
 * that every input's `REL TO` names, or to none (NOFORN). An input with NOFORN makes NOFORN one of
 * the missing controls, which also settles the release.
 *
 * Fail closed (docs/checklist.md#how-an-item-is-decided): an input's control that is not valid still counts as present. A string that
 * is no control (`NOFRON`) is carried only by the same string on the output; an item that is not a
 * string by nothing. Either way the fix is to correct it on the input and carry the corrected
 * control, and the finding says so.
 */
export function checkDissemination(flow: Flow, anchor: Anchor, report: Reporter): void {
  const own = disseminationOf(flow.classification, flow.pointer);
  const ownControls = new Set(own.flatMap(({ value }) => (value.kind === "control" ? [value.name] : [])));
  // The output's own strings that are no control, each with the valid control it most likely means.
  const ownMisspelt = own.flatMap(({ value }) => {
    if (value.kind !== "control" || value.known) return [];
    const meant = nearestControl(value.name);
    return meant ? [{ written: value.name, meant }] : [];
  });
  const ownReleases = own.flatMap(({ value }) => (value.kind === "rel-to" ? [value] : []));
  const missing = carriedBy(
    flow.inputs,
    (input) => controlsOf(input, true),
    (control) => !ownControls.has(control),
  );
  const invalid = carriedBy(
    flow.inputs,
    (input) => controlsOf(input, false),
    (control) => !ownControls.has(control),
  );
  const unreadable = flow.inputs.flatMap((input) =>
    disseminationOf(input.classification, "/classification").flatMap(({ value, pointer }) =>
      value.kind === "unreadable" ? [{ input, text: value.text, pointer }] : [],
    ),
  );

  const releases = flow.inputs.flatMap((input) =>
    disseminationOf(input.classification, "/classification").flatMap(({ value, pointer }) =>
      value.kind === "rel-to" ? [{ input, value, pointer }] : [],
    ),
  );
  const allowed =
    releases.reduce<string[] | undefined>(
      (common, { value }) => (common ? common.filter((c) => value.countries.includes(c)) : [...value.countries]),
      undefined,
    ) ?? [];
  const tooWide = [...new Set(ownReleases.flatMap((r) => r.countries))].filter((country) => !allowed.includes(country));
  const settledByNoforn = ownControls.has("NOFORN") || missing.has("NOFORN");
  const releaseProblem = releases.length > 0 && !settledByNoforn && (ownReleases.length === 0 || tooWide.length > 0);
  if (!missing.size && !releaseProblem && !invalid.size && !unreadable.length) return;

  const problems: string[] = [];
  // A missing control the output wrote misspelt is replaced there, not added beside the misspelling.
  const misspeltOnOutput = (control: string) => ownMisspelt.find((m) => m.meant === control);
  const lacking = [...missing.keys()];
  const additions = lacking.filter((control) => !misspeltOnOutput(control));
  const replacements = lacking.flatMap((control) => {
    const misspelt = misspeltOnOutput(control);
    return misspelt ? [`replace "${misspelt.written}" with "${control}"`] : [];
  });
  if (missing.size)
    problems.push(
      `lacks the dissemination ${lacking.length === 1 ? "control" : "controls"} ${andList(lacking)} of its inputs: ${sources(missing)}`,
    );
  const field = fieldOf(flow, "dissemination");
  let releaseNote = "";
  if (releaseProblem) {
    const released = releases
      .map(({ input, value, pointer }) => `${label(input)} is "${value.text}" at ${whereIs(input, pointer)}`)
      .join(", ");
    const together = allowed.length
      ? `together they allow release only to ${andList(allowed)}`
      : "they share no country it may be released to";
    const state = ownReleases.length
      ? `is releasable to ${andList(tooWide)}, which its inputs do not allow`
      : "carries no release marking, which its inputs require";
    problems.push(`${state}: ${together} (${released})`);
    const release = allowed.length ? `REL TO ${allowed.join(", ")}` : "NOFORN";
    if (ownReleases.length) replacements.push(`replace ${andList(ownReleases.map((r) => `"${r.text}"`))} with "${release}"`);
    else additions.push(release);
    if (allowed.length) releaseNote = ` (NOFORN in place of "${release}" satisfies the inputs too)`;
  }
  const add = additions.length ? `add ${andList(additions.map((a) => `"${a}"`))}` : "";
  const replacement = andList(replacements);
  const fixes: string[] = [];
  if (add && replacement) fixes.push(`${add} and ${replacement} in ${field}${releaseNote}`);
  else if (add) fixes.push(`${add} to ${field}${releaseNote}`);
  else if (replacement) fixes.push(`${replacement} in ${field}${releaseNote}`);
  const invalidCount = invalid.size + unreadable.length;
  if (invalidCount) {
    const one = invalidCount === 1;
    const named = [
      ...[...invalid].map(([name, carriers]) => `"${name}" from ${andList(carriers.map(({ input, pointer }) => cite(input, pointer)))}`),
      ...unreadable.map(({ input, text, pointer }) => `the value ${text} from ${cite(input, pointer)}`),
    ];
    const carriers = new Set([...[...invalid.values()].flat().map((c) => c.input), ...unreadable.map((u) => u.input)]);
    const state = one ? "is not valid but counts" : "are not valid but count";
    problems.push(
      `does not carry ${one ? "a dissemination control" : "dissemination controls"} of its inputs ` +
        `that ${state} as present: ${named.join(", ")}`,
    );
    // A control already carried, or already named above as one to add, is not asked for twice.
    const alreadyNamed = new Set([...ownControls, ...lacking]);
    fixes.push(correction(invalid, unreadable.length, carriers.size, alreadyNamed, field));
  }
  report({
    rule: "classification/propagation",
    pointer: anchor(joinPointer(flow.pointer, "dissemination")),
    part: "key",
    message: `${flow.subject} ${problems.join("; and it ")}; ${fixes.join("; ")}${alternative(flow)}.`,
    data: {
      missing: [...missing.keys()],
      ...(releaseProblem ? { releasableTo: allowed } : {}),
      ...(invalidCount ? { invalid: [...invalid.keys(), ...unreadable.map((u) => u.text)] } : {}),
    },
  });
}

/**
 * How to correct the inputs' strings that are no control: each with the valid control it most likely
 * means, which the output then carries. A string that is near none is never echoed back as what to
 * add: the valid controls are listed instead.
 */
function correction(
  invalid: ReadonlyMap<string, unknown>,
  unreadable: number,
  inputs: number,
  present: ReadonlySet<string>,
  field: string,
): string {
  const one = invalid.size + unreadable === 1;
  const meant = [...invalid.keys()].map((name) => ({ name, control: nearestControl(name) }));
  const guessed = meant.flatMap(({ name, control }) => (control ? [{ name, control }] : []));
  const allGuessed = unreadable === 0 && guessed.length === invalid.size;
  const hints = guessed.map(({ name, control }) => `"${name}" is probably ${control}`);
  if (!allGuessed) hints.push(`a control is ${VALID_CONTROLS_TEXT}`);
  const correct = `correct ${one ? "it" : "them"} on the ${inputs === 1 ? "input" : "inputs"} (${hints.join("; ")})`;
  if (!allGuessed) return `${correct} and add ${one ? "the corrected control" : "the corrected controls"} to ${field}`;
  const toAdd = [...new Set(guessed.map(({ control }) => control))].filter((control) => !present.has(control));
  return toAdd.length ? `${correct} and add ${andList(toAdd.map((control) => `"${control}"`))} to ${field}` : correct;
}

/** The dissemination controls of an input other than REL TO: the valid ones, or (`known` false) the strings that are none. */
function controlsOf(input: DocumentFacts, known: boolean): Marked<string>[] {
  return disseminationOf(input.classification, "/classification").flatMap(({ value, pointer }) =>
    value.kind === "control" && value.known === known ? [{ value: value.name, pointer }] : [],
  );
}
