/** Scalar rules that the fast parser applies exactly as the full parser (the `yaml` package) does. */

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

/**
 * The YAML version a text is read in. Genesis YAML files are YAML 1.2. Markdown model card front
 * matter is read as YAML 1.1, the way the Hugging Face Hub's tools read it (huggingface_hub loads
 * card metadata with PyYAML, a YAML 1.1 reader): there `learning_rate: 1e-4` is the string "1e-4".
 */
export type YamlVersion = "1.1" | "1.2";

/**
 * PyYAML's implicit resolvers (yaml/resolver.py) for plain scalars. Timestamps are left out on
 * purpose: a date stays the string it was written as, which is what the schemas check.
 */
export const PYYAML_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
export const PYYAML_NULL = /^(?:~|null|Null|NULL|)$/;
export const PYYAML_INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
export const PYYAML_FLOAT = new RegExp(
  "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?" +
    "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$",
);

/** The value PyYAML gives a plain scalar (its bool, null, int and float constructors). */
export function resolvePlain11(raw: string): unknown {
  if (PYYAML_NULL.test(raw)) return null;
  if (PYYAML_BOOL.test(raw)) return /^[yYtToO]/.test(raw) && !/^(?:off|Off|OFF)$/.test(raw);
  if (PYYAML_FLOAT.test(raw)) return pyyamlFloat(raw);
  if (PYYAML_INT.test(raw)) return pyyamlInt(raw);
  return raw;
}

function signAndDigits(raw: string): { sign: number; digits: string } {
  const cleaned = raw.replace(/_/g, "");
  if (cleaned[0] === "-") return { sign: -1, digits: cleaned.slice(1) };
  return { sign: 1, digits: cleaned[0] === "+" ? cleaned.slice(1) : cleaned };
}

function sexagesimal(digits: string, parse: (part: string) => number): number {
  return digits.split(":").reduce((total, part) => total * 60 + parse(part), 0);
}

export function pyyamlInt(raw: string): number {
  const { sign, digits } = signAndDigits(raw);
  if (digits === "0") return 0;
  if (digits.startsWith("0b")) return sign * parseInt(digits.slice(2), 2);
  if (digits.startsWith("0x")) return sign * parseInt(digits.slice(2), 16);
  if (digits.startsWith("0")) return sign * parseInt(digits, 8);
  if (digits.includes(":")) return sign * sexagesimal(digits, (part) => parseInt(part, 10));
  return sign * parseInt(digits, 10);
}

export function pyyamlFloat(raw: string): number {
  const { sign, digits } = signAndDigits(raw.toLowerCase());
  if (digits === ".inf") return sign * Number.POSITIVE_INFINITY;
  if (digits === ".nan") return NaN;
  if (digits.includes(":")) return sign * sexagesimal(digits, (part) => parseFloat(part));
  return sign * parseFloat(digits);
}
