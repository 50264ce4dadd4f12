/** ISO 8601 date or date-time, as docs/formats/common.md#date allows (`2026-01-15`, `2026-01-15T08:30:00Z`). */
export declare const GENESIS_DATE: RegExp;
export declare function isGenesisDate(value: unknown): boolean;
