/**
 * Slurm's time-limit forms (`sbatch --time`): `MM`, `MM:SS`, `HH:MM:SS`, `D-HH`, `D-HH:MM`,
 * `D-HH:MM:SS`. The leading field of the forms without days is not bounded (`90`, `48:00:00` are
 * valid, as in Slurm); minutes and seconds after a ":" are below 60, and hours after "D-" below 24.
 * A YAML integer is a number of minutes, as Slurm reads a bare number.
 */

export const WALLTIME_FORMS = ["MM", "MM:SS", "HH:MM:SS", "D-HH", "D-HH:MM", "D-HH:MM:SS"] as const;

/** `"MM", "MM:SS", ... or "D-HH:MM:SS"`, for messages. */
export const WALLTIME_FORMS_TEXT = `${WALLTIME_FORMS.slice(0, -1).join(", ")} or ${WALLTIME_FORMS[WALLTIME_FORMS.length - 1]}`;

const WITHOUT_DAYS = /^(\d+)(?::(\d{1,2}))?(?::(\d{1,2}))?$/;
const WITH_DAYS = /^(\d+)-(\d{1,2})(?::(\d{1,2}))?(?::(\d{1,2}))?$/;

/** The walltime in seconds, or undefined when it is not one of the Slurm forms. Never throws. */
export function parseWalltime(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) && value >= 0 ? value * 60 : undefined;
  if (typeof value !== "string") return undefined;
  const fields = slurmFields(value);
  return fields && fields.inRange ? fields.seconds : undefined;
}

/**
 * The same walltime in a Slurm form, when the text is recognisably meant as one: a unit form
 * (`4h`, `30 min`, `2 days`) or a Slurm form with a field out of range (`1-30:00:00`).
 */
export function suggestWalltime(text: string): string | undefined {
  const fields = slurmFields(text);
  if (fields) return fields.inRange ? undefined : formatWalltime(fields.seconds);
  const unit = /^(\d+)\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)$/i.exec(text.trim());
  if (!unit) return undefined;
  const scale: Record<string, number> = { d: 86400, h: 3600, m: 60, s: 1 };
  return formatWalltime(Number(unit[1]) * scale[unit[2][0].toLowerCase()]);
}

/** The fields of a text in one of the Slurm forms, read without the range limits. */
function slurmFields(text: string): { seconds: number; inRange: boolean } | undefined {
  const withDays = WITH_DAYS.exec(text);
  if (withDays) {
    const [days, hours, minutes, seconds] = withDays.slice(1).map((field) => Number(field ?? 0));
    return { seconds: ((days * 24 + hours) * 60 + minutes) * 60 + seconds, inRange: hours < 24 && minutes < 60 && seconds < 60 };
  }
  const withoutDays = WITHOUT_DAYS.exec(text);
  if (!withoutDays) return undefined;
  const fields = withoutDays
    .slice(1)
    .filter((field): field is string => field !== undefined)
    .map(Number);
  const inRange = fields.slice(1).every((field) => field < 60);
  if (fields.length === 1) return { seconds: fields[0] * 60, inRange }; // MM
  if (fields.length === 2) return { seconds: fields[0] * 60 + fields[1], inRange }; // MM:SS
  return { seconds: (fields[0] * 60 + fields[1]) * 60 + fields[2], inRange }; // HH:MM:SS
}

/** Seconds as the clearest Slurm form: `D-HH:MM:SS` from one day, else `HH:MM:SS`. */
export function formatWalltime(seconds: number): string {
  const two = (n: number) => String(n).padStart(2, "0");
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const clock = `${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  return days > 0 ? `${days}-${two(hours)}:${clock}` : `${two(hours)}:${clock}`;
}
