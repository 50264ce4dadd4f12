/**
 * Walltime forms, per scheduler (docs/formats/pipeline-config.md): each scheduler's own time-limit
 * syntax, read to seconds with that scheduler's meaning, and written back in its clearest form.
 *
 * - Slurm (`sbatch --time`): `MM`, `MM:SS`, `HH:MM:SS`, `D-HH`, `D-HH:MM`, `D-HH:MM:SS`. The
 *   leading field of the forms without days is not bounded (`90`, `48:00:00` are valid, as in
 *   Slurm); minutes and seconds after a ":" are below 60, and hours after "D-" below 24. A bare
 *   number is minutes. These forms also apply with no scheduler, `kubernetes` or `local`.
 * - PBS (`-l walltime=`): `[[HH:]MM:]SS`; a bare number is seconds.
 * - LSF (`bsub -W`): `[HH:]MM`; a bare number is minutes.
 * - Flux (Flux Standard Duration, `flux run -t`): a number with an optional `s`, `m`, `h` or `d`
 *   suffix (`36h`, `90m`, `1.5d`); a bare number is seconds. `inf` is not taken: a pipeline
 *   states the limit it needs.
 * A YAML number is read as the scheduler reads a bare number, and must be a whole number of 0 or
 * more (Flux also takes fractions).
 */

export type WalltimeScheduler = "slurm" | "pbs" | "lsf" | "flux";

export interface WalltimeSyntax {
  /** The scheduler whose forms these are; `slurm` also stands for no scheduler, kubernetes and local. */
  readonly scheduler: WalltimeScheduler;
  /** The scheduler's name in messages. */
  readonly name: string;
  /** The forms, for messages: `MM, MM:SS, ... or D-HH:MM:SS`. */
  readonly formsText: string;
  /** Examples for four hours and two days, in this syntax. */
  readonly examples: { readonly fourHours: string; readonly twoDays: string };
  /** What a bare number means, for messages: `minutes` or `seconds`. */
  readonly bareNumber: "minutes" | "seconds";
  /** The text's fields read without range limits (`inRange` false when a field is too large), or undefined. */
  fields(text: string): { seconds: number; inRange: boolean } | undefined;
  /** Seconds in this syntax's clearest form. */
  format(seconds: number): string;
  /** Why a text in the right shape is still not valid, for messages. */
  readonly rangeHint: string;
}

const two = (n: number) => String(n).padStart(2, "0");

/** The fields after the first of a colon form, each below 60, and the whole in seconds. */
function colonFields(text: string, count: number, unit: readonly number[]): { seconds: number; inRange: boolean } | undefined {
  const match = new RegExp(`^(\\d+)${"(?::(\\d{1,2}))?".repeat(count - 1)}$`).exec(text);
  if (!match) return undefined;
  const fields = match
    .slice(1)
    .filter((field): field is string => field !== undefined)
    .map(Number);
  // The last field has the smallest unit: align the fields from the right.
  const units = unit.slice(unit.length - fields.length);
  const seconds = fields.reduce((sum, field, i) => sum + field * units[i], 0);
  return { seconds, inRange: fields.slice(1).every((field) => field < 60) };
}

const WITH_DAYS = /^(\d+)-(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?$/;

function slurmFields(text: string): { seconds: number; inRange: boolean } | undefined {
  const withDays = WITH_DAYS.exec(text);
  if (withDays) {
    const [days, hours, minutes, seconds] = withDays.slice(1).map((field) => Number(field ?? 0));
    return { seconds: ((days * 24 + hours) * 60 + minutes) * 60 + seconds, inRange: hours < 24 && minutes < 60 && seconds < 60 };
  }
  const fields = colonFields(text, 3, [3600, 60, 1]);
  // One field is minutes (MM) and two are MM:SS, so a lone field counts 60 seconds.
  if (fields && /^\d+$/.test(text)) return { seconds: Number(text) * 60, inRange: true };
  return fields;
}

/** Seconds as the clearest Slurm form: `D-HH:MM:SS` from one day, else `HH:MM:SS`. */
export function formatWalltime(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const clock = `${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  return days > 0 ? `${days}-${two(hours)}:${clock}` : `${two(hours)}:${clock}`;
}

const FLUX_DURATION = /^(\d+(?:\.\d+)?|\.\d+)(s|m|h|d)?$/;
const FLUX_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

const SLURM_WALLTIME: WalltimeSyntax = {
  scheduler: "slurm",
  name: "Slurm",
  formsText: "MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS",
  examples: { fourHours: "04:00:00", twoDays: "2-00:00:00" },
  bareNumber: "minutes",
  fields: slurmFields,
  format: formatWalltime,
  rangeHint: ' Minutes and seconds after ":" are below 60, and hours after "D-" below 24.',
};

const PBS_WALLTIME: WalltimeSyntax = {
  scheduler: "pbs",
  name: "PBS",
  formsText: "[[HH:]MM:]SS (SS, MM:SS or HH:MM:SS)",
  examples: { fourHours: "04:00:00", twoDays: "48:00:00" },
  bareNumber: "seconds",
  fields: (text) => colonFields(text, 3, [3600, 60, 1]),
  format: (seconds) => `${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`,
  rangeHint: ' Minutes and seconds after ":" are below 60.',
};

const LSF_WALLTIME: WalltimeSyntax = {
  scheduler: "lsf",
  name: "LSF",
  formsText: "[HH:]MM (MM or HH:MM)",
  examples: { fourHours: "04:00", twoDays: "48:00" },
  bareNumber: "minutes",
  fields: (text) => colonFields(text, 2, [3600, 60]),
  // LSF counts whole minutes: a limit with seconds is rounded up, never cut short.
  format: (seconds) => {
    const minutes = Math.ceil(seconds / 60);
    return `${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
  },
  rangeHint: ' Minutes after ":" are below 60.',
};

const FLUX_WALLTIME: WalltimeSyntax = {
  scheduler: "flux",
  name: "Flux",
  formsText: 'a Flux duration: a number with an "s", "m", "h" or "d" suffix (e.g. 90m, 36h, 1.5d; a bare number is seconds)',
  examples: { fourHours: "4h", twoDays: "2d" },
  bareNumber: "seconds",
  fields: (text) => {
    const match = FLUX_DURATION.exec(text);
    return match ? { seconds: Number(match[1]) * FLUX_UNITS[match[2] ?? "s"], inRange: true } : undefined;
  },
  format: (seconds) => {
    for (const unit of ["d", "h", "m"]) if (seconds > 0 && seconds % FLUX_UNITS[unit] === 0) return `${seconds / FLUX_UNITS[unit]}${unit}`;
    return `${seconds}s`;
  },
  rangeHint: "",
};

const SYNTAXES: Readonly<Record<WalltimeScheduler, WalltimeSyntax>> = {
  slurm: SLURM_WALLTIME,
  pbs: PBS_WALLTIME,
  lsf: LSF_WALLTIME,
  flux: FLUX_WALLTIME,
};

/** The walltime syntax of a pipeline's `scheduler.type`; Slurm's for none, kubernetes, local or an unknown type. */
export function walltimeSyntax(schedulerType: unknown): WalltimeSyntax {
  return typeof schedulerType === "string" && Object.prototype.hasOwnProperty.call(SYNTAXES, schedulerType)
    ? SYNTAXES[schedulerType as WalltimeScheduler]
    : SLURM_WALLTIME;
}

/** The walltime in seconds, or undefined when it is not in the syntax's forms (Slurm's by default). Never throws. */
export function parseWalltime(value: unknown, syntax: WalltimeSyntax = SLURM_WALLTIME): number | undefined {
  if (typeof value === "number") {
    const wholeOnly = syntax.scheduler !== "flux";
    if (!Number.isFinite(value) || value < 0 || (wholeOnly && !Number.isSafeInteger(value))) return undefined;
    return syntax.bareNumber === "minutes" ? value * 60 : value;
  }
  if (typeof value !== "string") return undefined;
  const fields = syntax.fields(value);
  return fields && fields.inRange && Number.isFinite(fields.seconds) ? fields.seconds : undefined;
}

/**
 * A partition's `maxWalltime` from genesis.config.yaml, in seconds: written in a Slurm form, or
 * else as a Flux duration (`2d`, `36h`), which no Slurm form can be mistaken for. The PBS and LSF
 * forms are not tried: their texts are also Slurm forms, and the config reads them as Slurm does.
 */
export function parseMaxWalltime(value: unknown): number | undefined {
  return parseWalltime(value, SLURM_WALLTIME) ?? (typeof value === "string" ? parseWalltime(value, FLUX_WALLTIME) : undefined);
}

const UNIT_TEXT = /^(\d+(?:\.\d+)?)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)$/i;

/**
 * The same walltime in the syntax's clearest form, when the text is recognisably meant as one: a
 * form of this scheduler with a field out of range (`1-30:00:00`), a unit form (`4h`, `30 min`,
 * `2 days`), or, for another scheduler than Slurm, a Slurm form with days (`2-00:00:00`) or hours
 * (`04:00:00`) that this scheduler does not take.
 */
export function suggestWalltime(text: string, syntax: WalltimeSyntax = SLURM_WALLTIME): string | undefined {
  const own = syntax.fields(text);
  if (own) return own.inRange ? undefined : wholeSeconds(own.seconds, syntax);
  const unit = UNIT_TEXT.exec(text.trim());
  if (unit) return wholeSeconds(Number(unit[1]) * FLUX_UNITS[unit[2][0].toLowerCase()], syntax);
  if (syntax.scheduler === "slurm") return undefined;
  const slurm = slurmFields(text);
  return slurm?.inRange && (text.includes("-") || text.split(":").length === 3) ? wholeSeconds(slurm.seconds, syntax) : undefined;
}

function wholeSeconds(seconds: number, syntax: WalltimeSyntax): string | undefined {
  return Number.isSafeInteger(Math.round(seconds)) ? syntax.format(Math.round(seconds)) : undefined;
}
