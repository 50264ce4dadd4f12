import { listOf, nearest } from "../nearest";
import type { DocumentCheck } from "./context";
import { describeValue } from "./describe-value";
import { HUGGING_FACE_LICENSE_IDS } from "./hugging-face-licenses";
import { isSpdxException, isSpdxExpression, licenseSpelling, SPDX_LICENSE_IDS, type LicenseSpelling } from "./license-spelling";
import { placeholderProblem } from "./placeholder-text";

/**
 * What is wrong with a `license` value. `replacement` replaces the whole value and is set only when
 * exactly one correction is meant; `candidates` when the user must choose; `nearest` is a guess.
 */
interface LicenseProblem {
  readonly message: string;
  readonly replacement?: string;
  readonly candidates?: readonly string[];
  readonly nearest?: string;
}

/**
 * `license/spdx`: `license` is an SPDX license expression (docs/formats/dataset-manifest.md); a model card may also use a Hugging
 * Face license id (docs/formats/model-card.md). Deprecated SPDX ids (`GPL-2.0`) are still valid expressions and are not
 * reported.
 */
const spdxCheck: DocumentCheck = {
  name: "license-spdx",
  reports: ["license/spdx"],
  kinds: ["DatasetManifest", "ModelCard"],
  check({ document, value, report }) {
    if (!Object.prototype.hasOwnProperty.call(value, "license")) return; // schema/required says it is missing
    // A template's placeholder (`TODO`) is placeholder/value's to report, as for references.
    if (typeof value.license === "string" && placeholderProblem(value.license)) return;
    const problem = licenseProblem(value.license, document.kind === "ModelCard");
    if (!problem) return;
    const { message, ...facts } = problem;
    report({
      rule: "license/spdx",
      pointer: "/license",
      part: value.license === null ? "key" : "value",
      message,
      data: Object.keys(facts).length ? facts : undefined,
    });
  },
};

export const licensesChecks: readonly DocumentCheck[] = [spdxCheck];

function licenseProblem(license: unknown, modelCard: boolean): LicenseProblem | undefined {
  if (typeof license !== "string") return notAString(license, modelCard);
  if (modelCard && HUGGING_FACE_LICENSE_IDS.has(license)) return undefined;
  if (isSpdxExpression(license)) return undefined;
  if (license.trim() === "") return { message: `license is empty; ${expected(modelCard)}.` };

  const huggingFace = license.trim().toLowerCase();
  if (modelCard && HUGGING_FACE_LICENSE_IDS.has(huggingFace)) {
    return { message: `"${license}" is not a license id; the Hugging Face id is "${huggingFace}".`, replacement: huggingFace };
  }
  const whole = licenseSpelling(license);
  if (whole) return fromSpelling(license, whole);
  return licenseRefProblem(license) ?? listProblem(license) ?? expressionProblem(license, modelCard);
}

function fromSpelling(text: string, spelling: LicenseSpelling): LicenseProblem {
  if (spelling.kind === "id")
    return { message: `"${text}" is not an SPDX license id; the SPDX id is "${spelling.id}".`, replacement: spelling.id };
  return {
    message: `"${text}" is not an SPDX license id; write ${listOf(spelling.candidates)} (${spelling.note}).`,
    candidates: spelling.candidates,
  };
}

/** `LicenseRef-lab internal`: a custom license name may hold only letters, digits, `.` and `-`. */
function licenseRefProblem(license: string): LicenseProblem | undefined {
  const match = /^\s*((?:DocumentRef-[A-Za-z0-9.-]+:)?)licenseref-(.*?)\s*$/i.exec(license);
  if (!match || /\s(AND|OR|WITH)\s/i.test(license)) return undefined;
  const name = match[2].replace(/[^A-Za-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "");
  const replacement = `${match[1]}LicenseRef-${name}`;
  if (name === "" || !isSpdxExpression(replacement)) return undefined;
  return {
    message:
      `"${license}" is not a valid custom license reference: ` +
      `"LicenseRef-" is followed by letters, digits, "." and "-" only; did you mean "${replacement}"?`,
    replacement,
  };
}

/**
 * "MIT/Apache-2.0", "MIT, BSD-3-Clause", "MIT Apache-2.0": licenses listed without an operator.
 * Whether any one or all of them apply is the licensor's statement, so both forms are offered.
 */
function listProblem(license: string): LicenseProblem | undefined {
  if (/\b(AND|OR|WITH)\b/i.test(license)) return undefined;
  const strong = license
    .split(/[/,;&|]|\s\+\s/)
    .map((part) => part.trim())
    .filter(Boolean);
  const parts = strong.length > 1 ? strong : license.trim().split(/\s+/);
  if (parts.length < 2) return undefined;
  const ids = parts.map((part) => {
    if (isSpdxExpression(part) && !/\s/.test(part)) return part;
    const spelling = licenseSpelling(part);
    return spelling?.kind === "id" ? spelling.id : undefined;
  });
  if (ids.some((id) => id === undefined)) return undefined;
  const anyOf = ids.join(" OR ");
  const allOf = ids.join(" AND ");
  return {
    message: `"${license}" lists several licenses; join them with OR when any one applies ("${anyOf}") or AND when all apply ("${allOf}").`,
    candidates: [anyOf, allOf],
  };
}

/**
 * An expression with unknown ids: each token is looked at. When every unknown id has exactly one
 * correction, the corrected expression is offered.
 */
function expressionProblem(license: string, modelCard: boolean): LicenseProblem {
  const parts = license.split(/(\s+|[()])/);
  const notes: string[] = [];
  let unknownCount = 0;
  let determinate = true;
  let guess: string | undefined;
  let unrecognised = false;
  let afterWith = false;
  const repaired = parts.map((part) => {
    if (part.trim() === "" || part === "(" || part === ")") return part;
    const operator = part.toUpperCase();
    if (operator === "AND" || operator === "OR" || operator === "WITH") {
      afterWith = operator === "WITH";
      return part;
    }
    const isException = afterWith;
    afterWith = false;
    if (isException ? isSpdxException(part) : isSpdxExpression(part)) return part;
    unknownCount++;
    if (isException) {
      determinate = false;
      notes.push(`"${part}" is not an SPDX license exception id`);
      return part;
    }
    const spelling = licenseSpelling(part);
    if (spelling?.kind === "id") {
      notes.push(`"${part}" is "${spelling.id}" in SPDX`);
      return spelling.id;
    }
    determinate = false;
    if (spelling) {
      notes.push(`"${part}" could be ${listOf(spelling.candidates)}`);
      return part;
    }
    const close = nearest(part, candidateIds(modelCard));
    guess ??= close;
    unrecognised ||= close === undefined;
    notes.push(close ? `"${part}" is not an SPDX license id (did you mean "${close}"?)` : `"${part}" is not an SPDX license id`);
    return part;
  });

  const single = unknownCount === 1 && parts.filter((part) => part.trim() !== "").length === 1;
  if (single) {
    const ref = `"LicenseRef-${refName(license)}"`;
    if (guess)
      return {
        message:
          `"${license.trim()}" is not an SPDX license id; did you mean "${guess}"? ` +
          `A license that is not on the SPDX list is written ${ref}.`,
        nearest: guess,
      };
    return { message: `"${license.trim()}" is not an SPDX license id; ${expected(modelCard).replace('"LicenseRef-<name>"', ref)}.` };
  }
  if (unknownCount === 0) {
    return {
      message:
        `"${license}" is not a valid SPDX license expression; join license ids with AND or OR and close every parenthesis, ` +
        'e.g. "MIT OR Apache-2.0" or "(MIT AND BSD-3-Clause) OR Apache-2.0".',
    };
  }
  const corrected = repaired.join("");
  if (determinate && isSpdxExpression(corrected)) {
    return {
      message: `"${license}" is not a valid SPDX license expression: ${notes.join(", ")}; did you mean "${corrected}"?`,
      replacement: corrected,
    };
  }
  const custom = unrecognised ? `; a license that is not on the SPDX list is written "LicenseRef-<name>"` : "";
  return {
    message: `"${license}" is not a valid SPDX license expression: ${notes.join(", ")}${custom}.`,
    ...(guess ? { nearest: guess } : {}),
  };
}

function notAString(license: unknown, modelCard: boolean): LicenseProblem {
  if (Array.isArray(license)) {
    return {
      message:
        "license is a list; write one SPDX expression that joins the licenses with OR (any one applies) or AND (all apply), " +
        'e.g. "MIT OR Apache-2.0".',
    };
  }
  return { message: `license is ${describeValue(license)}; ${expected(modelCard)}.` };
}

function expected(modelCard: boolean): string {
  const huggingFace = modelCard ? `, a Hugging Face license id ("apache-2.0", "openrail", "other", ...)` : "";
  return (
    `write an SPDX license expression ("MIT", "CC-BY-4.0", "MIT OR Apache-2.0")${huggingFace}, ` +
    'or "LicenseRef-<name>" for a license that is not on the SPDX list'
  );
}

function candidateIds(modelCard: boolean): Iterable<string> {
  return modelCard ? [...SPDX_LICENSE_IDS, ...HUGGING_FACE_LICENSE_IDS] : SPDX_LICENSE_IDS;
}

/** A LicenseRef- name made of the characters SPDX allows (letters, digits, `.` and `-`). */
function refName(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9.]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .toLowerCase() || "name"
  );
}
