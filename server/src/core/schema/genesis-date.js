"use strict";
// The one definition of the `genesis-date` format. Plain CommonJS because both the generator
// (scripts/generate-validators.mjs, plain Node) and the generated validators require it.

/** ISO 8601 date or date-time, as docs/formats/common.md#date allows (`2026-01-15`, `2026-01-15T08:30:00Z`). */
exports.GENESIS_DATE =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;
