/** Scalar rules of YAML 1.2 that the fast parser applies exactly as the `yaml` package does. */

/** The escapes of a double-quoted scalar with one character after the backslash. */
export const DOUBLE_QUOTED_ESCAPES: Record<string, string> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  t: "\t",
  "\t": "\t",
  n: "\n",
  v: "\v",
  f: "\f",
  r: "\r",
  e: "\x1b",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
};

/** YAML 1.2 core schema resolution of a plain scalar, exactly as the `yaml` package does it. */
export function resolvePlain(raw: string): unknown {
  const c = raw.charCodeAt(0);
  // Fast exit: most plain scalars are words that start with a letter other than the keywords'.
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) {
    // Only words of four or five letters starting t, f or n can be a keyword.
    if ((raw.length !== 4 && raw.length !== 5) || !"tTfFnN".includes(raw[0])) return raw;
    if (/^(?:[Tt]rue|TRUE)$/.test(raw)) return true;
    if (/^(?:[Ff]alse|FALSE)$/.test(raw)) return false;
    if (/^(?:[Nn]ull|NULL)$/.test(raw)) return null;
    return raw;
  }
  if (raw === "~") return null;
  if (/^[-+]?[0-9]+$/.test(raw)) return parseInt(raw, 10);
  if (/^0o[0-7]+$/.test(raw)) return parseInt(raw.substring(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return parseInt(raw.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(raw)) {
    return raw.slice(-3).toLowerCase() === "nan" ? NaN : raw[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(raw) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(raw))
    return parseFloat(raw);
  return raw;
}

/** A space or a tab: YAML's white space within a line. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
