import { parse } from "yaml";
import { slot, type Part } from "./snippet-parts";

export type ScalarValue = string | number | boolean;

/**
 * Plain YAML scalars that some reader takes for another type: YAML 1.1 booleans and nulls (`yes`,
 * `off`, `~`), numbers in any base or with `_`, sexagesimal numbers (`04:00:00`) and infinities.
 * Genesis documents are read by YAML 1.1 tools too (PyYAML), so these are quoted. Dates stay plain,
 * as every Genesis document writes them (`datePublished: 2026-01-15`).
 */
const OTHER_TYPES = [
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?0[xXoObB][0-9a-fA-F_]+$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/,
];

/**
 * Whether a string can be written as a plain YAML scalar and read back as the same string by
 * every reader: no indicator first, no `: ` or ` #` inside, no flow indicators inside a flow
 * collection, nothing another type would claim.
 */
export function isPlainSafe(text: string, inFlow: boolean): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a plain scalar must not hold
  if (text === "" || text !== text.trim() || /[\u0000-\u001f\u007f\u2028\u2029\ufeff]/.test(text)) return false;
  if (!/^[\p{L}\p{N}_./(]/u.test(text)) return false;
  if (/:(?:\s|$)|\s#/.test(text)) return false;
  if (inFlow && /[,[\]{}]/.test(text)) return false;
  if (OTHER_TYPES.some((pattern) => pattern.test(text))) return false;
  try {
    return parse(text) === text;
  } catch {
    return false;
  }
}

/**
 * A scalar written where `source` stood: its quote style is kept (`"1.2"` becomes `"1.2.0"`), a
 * plain scalar stays plain when that is safe and is double-quoted otherwise. JSON writes JSON.
 */
export function writtenScalar(syntax: "yaml" | "json", value: ScalarValue, source = "", inFlow = false): string {
  if (typeof value !== "string") return String(value);
  if (syntax === "json") return JSON.stringify(value);
  const style =
    source.startsWith("'") && !/[\n\r]/.test(value)
      ? "single"
      : source.startsWith('"')
        ? "double"
        : isPlainSafe(value, inFlow)
          ? "plain"
          : "double";
  if (style === "single") return `'${value.replace(/'/g, "''")}'`;
  return style === "double" ? JSON.stringify(value) : value;
}

/**
 * A placeholder value as parts: the quotes stay outside the tab stop, so that typing replaces only
 * the value. A string with several allowed values becomes a choice when every one of them is
 * written the same way.
 */
export function scalarParts(syntax: "yaml" | "json", value: ScalarValue, inFlow: boolean, choices?: readonly ScalarValue[]): Part[] {
  if (typeof value !== "string")
    return [slot(String(value), choices?.every((c) => typeof c !== "string") ? choices.map(String) : undefined)];
  const quoted = syntax === "json" || !isPlainSafe(value, inFlow);
  const inner = (text: string) => (quoted ? JSON.stringify(text).slice(1, -1) : text);
  const options = choices?.every((c) => typeof c === "string" && (syntax === "json" || isPlainSafe(c, inFlow) !== quoted))
    ? (choices as string[]).map(inner)
    : undefined;
  const stop = slot(inner(value), options);
  return quoted ? ['"', stop, '"'] : [stop];
}
