/**
 * Calendar dates as ISO 8601 `YYYY-MM-DD` strings, which compare in time order as strings. The core
 * never reads the clock: today's date is always passed in by a front end (see `isoDateOf`).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (`2027-02-29` is not one, `2028-02-29` is). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The date `days` days after `date` (a `YYYY-MM-DD`); negative `days` go back. */
export function addDays(date: string, days: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** How many days `later` is after `earlier` (both `YYYY-MM-DD`); negative when it is before. */
export function daysBetween(earlier: string, later: string): number {
  return Math.round((utcTime(later) - utcTime(earlier)) / 86_400_000);
}

function utcTime(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** The local calendar date of a moment, as a front end passes "today" into the core. */
export function isoDateOf(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${String(moment.getFullYear()).padStart(4, "0")}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
