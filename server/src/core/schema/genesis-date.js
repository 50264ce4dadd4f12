"use strict";
// The one definition of the `genesis-date` format. Plain CommonJS because both the generator
// (scripts/generate-validators.mjs, plain Node) and the generated validators require it.

/** ISO 8601 date or date-time, as docs/formats/common.md#date allows (`2026-01-15`, `2026-01-15T08:30:00Z`). */
exports.GENESIS_DATE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;

/** Days in each month of a common year; February gains one in a leap year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The format's check: GENESIS_DATE's shape, and a day that the month has (`2026-04-31` and
 * `2026-02-29` are not dates; `2028-02-29` is).
 */
exports.isGenesisDate = function isGenesisDate(value) {
  if (typeof value !== "string" || !exports.GENESIS_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= DAYS_IN_MONTH[month - 1] + (month === 2 && leap ? 1 : 0);
};
