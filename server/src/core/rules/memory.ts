/**
 * Memory forms for `steps[].resources.memory` (docs/formats/pipeline-config.md), per scheduler.
 *
 * Every pipeline may use the Genesis form of the contract's examples (`16Gi`, `512Mi`): a number
 * with an optional `Ki`/`Mi`/`Gi`/`Ti` or `K`/`M`/`G`/`T` suffix, which the site's submission
 * wrapper translates. Beside it, each scheduler's own spelling is accepted, as its documentation
 * gives it:
 * - Slurm (`--mem`): a whole number with `K`, `M`, `G` or `T`, in either case (`16g`); a bare
 *   number is megabytes.
 * - PBS (`-l mem=`): a whole number with `b`, `kb`, `mb`, `gb`, `tb` or `pb`, in any case
 *   (`16gb`); a bare number is bytes. Sizes in words (`w`, `kw`, ...) depend on the machine's word
 *   and are not accepted.
 * - LSF (`bsub -M`): a whole number with `KB` or `K`, `MB` or `M`, ... up to `ZB` or `Z` (`16GB`);
 *   a bare number is in the cluster's LSF_UNIT_FOR_LIMITS (KB by default).
 * - Kubernetes: a resource quantity, adding `Pi`, `Ei`, the decimal `k`, `P`, `E` and exponents
 *   (`1e9`); a bare number is bytes.
 * - Flux, `local` and no scheduler: the Genesis form only (Flux requests no memory of its own).
 * The check only judges the form: nothing here compares amounts, so each unit keeps its scheduler's
 * meaning (binary in Slurm, PBS and LSF; `G` decimal in Kubernetes).
 */

const GENESIS_FORM = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|K|M|G|T)?$/;

interface MemorySyntax {
  /** The scheduler's name in messages; undefined for the Genesis form alone. */
  readonly name?: string;
  /** The scheduler's own forms, beside the Genesis form. */
  readonly native?: RegExp;
  /** The forms, for messages. */
  readonly formsText: string;
  /** True when the scheduler's own forms take whole numbers only (a suggestion then scales a fraction down). */
  readonly wholeNumbers?: boolean;
  /** The scheduler's spelling of a whole amount in a unit (`K`, `M`, `G`, `T`), for suggestions. */
  spell(amount: number, unit: MemoryUnit): string;
}

type MemoryUnit = "K" | "M" | "G" | "T";

const GENESIS_TEXT = 'the Genesis form: a number with a Ki, Mi, Gi or Ti suffix (or K, M, G, T; e.g. "16Gi", "512Mi")';
const genesisSpelling = (amount: number, unit: MemoryUnit) => `${amount}${unit}i`;

const GENESIS_MEMORY: MemorySyntax = { formsText: GENESIS_TEXT, spell: genesisSpelling };

const SYNTAXES: Readonly<Record<string, MemorySyntax>> = {
  slurm: {
    name: "Slurm",
    wholeNumbers: true,
    native: /^\d+[KMGTkmgt]?$/,
    formsText: `a whole number with a K, M, G or T suffix (e.g. "16G"; a bare number is megabytes), or ${GENESIS_TEXT}`,
    spell: (amount, unit) => `${amount}${unit}`,
  },
  pbs: {
    name: "PBS",
    wholeNumbers: true,
    native: /^\d+(b|kb|mb|gb|tb|pb)$/i,
    formsText: `a whole number with a b, kb, mb, gb or tb suffix (e.g. "16gb"), or ${GENESIS_TEXT}`,
    spell: (amount, unit) => `${amount}${unit.toLowerCase()}b`,
  },
  lsf: {
    name: "LSF",
    wholeNumbers: true,
    native: /^\d+(KB|MB|GB|TB|PB|EB|ZB|K|M|G|T|P|E|Z)$/,
    formsText: `a whole number with a KB, MB, GB or TB suffix (e.g. "16GB"), or ${GENESIS_TEXT}`,
    spell: (amount, unit) => `${amount}${unit}B`,
  },
  kubernetes: {
    name: "Kubernetes",
    native: /^(\d+(\.\d+)?|\.\d+)((Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)|[eE]\d+)?$/,
    formsText: 'a Kubernetes quantity: a number with a Ki, Mi, Gi or Ti suffix, or k, M, G, T (e.g. "16Gi", "512Mi")',
    spell: genesisSpelling,
  },
};

/** The memory syntax of a pipeline's `scheduler.type`: the Genesis form alone for flux, local, none or an unknown type. */
function memorySyntax(schedulerType: unknown): MemorySyntax {
  return typeof schedulerType === "string" && Object.prototype.hasOwnProperty.call(SYNTAXES, schedulerType)
    ? SYNTAXES[schedulerType]
    : GENESIS_MEMORY;
}

/** True when the text is a memory amount the pipeline's scheduler (or the Genesis form) accepts. */
export function isMemoryForm(text: string, schedulerType: unknown): boolean {
  const native = memorySyntax(schedulerType).native;
  return GENESIS_FORM.test(text) || (native !== undefined && native.test(text));
}

const UNIT_WORDS: Readonly<Record<string, MemoryUnit>> = {
  k: "K",
  kb: "K",
  ki: "K",
  kib: "K",
  kilobyte: "K",
  kilobytes: "K",
  m: "M",
  mb: "M",
  mi: "M",
  mib: "M",
  megabyte: "M",
  megabytes: "M",
  g: "G",
  gb: "G",
  gi: "G",
  gib: "G",
  gigabyte: "G",
  gigabytes: "G",
  t: "T",
  tb: "T",
  ti: "T",
  tib: "T",
  terabyte: "T",
  terabytes: "T",
};
const SMALLER: Readonly<Record<MemoryUnit, MemoryUnit | undefined>> = { K: undefined, M: "K", G: "M", T: "G" };

/**
 * The same amount in the scheduler's spelling, when the text is recognisably an amount with a unit
 * (`16 GB`, `16GiB`, `16g`, `1.5gb`): a fraction becomes a whole number of the next smaller unit
 * where the scheduler takes only whole numbers.
 */
export function suggestMemory(text: string, schedulerType: unknown): string | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*$/.exec(text);
  const unit = match ? UNIT_WORDS[match[2].toLowerCase()] : undefined;
  if (!match || !unit) return undefined;
  const syntax = memorySyntax(schedulerType);
  let amount = Number(match[1]);
  let scaled: MemoryUnit | undefined = unit;
  while (syntax.wholeNumbers && scaled && !Number.isInteger(amount)) {
    scaled = SMALLER[scaled];
    amount *= 1024;
  }
  const suggestion = scaled ? syntax.spell(amount, scaled) : genesisSpelling(Number(match[1]), unit);
  return suggestion !== text && isMemoryForm(suggestion, schedulerType) ? suggestion : undefined;
}

/** A message for a memory value not in the forms of the pipeline's scheduler. */
export function memoryMessage(text: string, schedulerType: unknown, suggestion: string | undefined): string {
  const syntax = memorySyntax(schedulerType);
  const reader = syntax.name ? `a form ${syntax.name} reads` : "a memory form";
  const why = typeof schedulerType === "string" ? ` (the pipeline's scheduler.type is ${schedulerType})` : "";
  const written = suggestion ? `: "${suggestion}"` : "";
  return `Memory ${JSON.stringify(text)} is not in ${reader}${why}. Write it as ${syntax.formsText}${written}.`;
}
