import type { GenesisDocument } from "../document";
import type { DocumentCheck } from "./context";
import { describeValue } from "./describe-value";
import { placeholderProblem } from "./placeholder-text";
import { isSemver, SEMVER_FORM, semverCompletion } from "./semver-form";

/** `version/semver`: the top-level `version` of every kind is semver 2.0.0 (docs/formats/common.md#semver). */
const semverCheck: DocumentCheck = {
  name: "version-semver",
  reports: ["version/semver"],
  check({ document, value, report }) {
    if (!Object.prototype.hasOwnProperty.call(value, "version")) return; // schema/required says it is missing
    const version = value.version;
    if (typeof version === "string" && isSemver(version)) return;
    // A template's placeholder (`TODO`) is placeholder/value's to report, as for references.
    if (typeof version === "string" && placeholderProblem(version)) return;
    const problem = versionProblem(version, document);
    report({
      rule: "version/semver",
      pointer: "/version",
      part: version === null ? "key" : "value",
      message: problem.message,
      data: problem.replacement === undefined ? undefined : { replacement: problem.replacement },
    });
  },
};

export const versionsChecks: readonly DocumentCheck[] = [semverCheck];

interface VersionProblem {
  readonly message: string;
  readonly replacement?: string;
}

function versionProblem(version: unknown, document: GenesisDocument): VersionProblem {
  if (typeof version === "number") {
    // YAML and JSON read `1.2` and `1.10` as numbers; the text as written keeps "1.10" apart from "1.1".
    const written = writtenText(document, "/version") ?? String(version);
    const replacement = semverCompletion(written);
    const fix = replacement ? `did you mean "${replacement}"?` : `write a version such as "1.4.0".`;
    return { message: `version ${written} is a number, not semver 2.0.0 (MAJOR.MINOR.PATCH); ${fix}`, replacement };
  }
  if (typeof version !== "string" || version.trim() === "") {
    return { message: `version is ${describeValue(version)}; it must be a semver 2.0.0 version (${SEMVER_FORM}).` };
  }
  const replacement = semverCompletion(version);
  if (replacement) {
    return { message: `"${version}" is not semver 2.0.0 (MAJOR.MINOR.PATCH); did you mean "${replacement}"?`, replacement };
  }
  return { message: `"${version}" is not semver 2.0.0: ${semverHint(version)} (${SEMVER_FORM}).` };
}

/** The most likely reason a version without a determinate completion is wrong. */
function semverHint(version: string): string {
  if (/^\d+(\.\d+){3,}/.test(version)) return "a version has exactly three numbers, then an optional -pre-release or +build";
  if (/^(latest|stable|head|main|master|dev|snapshot)$/i.test(version)) return "a document version is an exact release, not a tag";
  if (/^[~^<>=*]|\s-\s|\|\||^[xX*]$|\.[xX*](\.|$)/.test(version)) return "a document version is exact, not a range";
  if (/^\d+\.\d+\.\d+-(.*\.)?0\d/.test(version)) return "numeric pre-release identifiers have no leading zeros";
  if (/\s/.test(version)) return "a version has no spaces";
  return "expected MAJOR.MINOR.PATCH with an optional -pre-release and +build";
}

/** The source text of a scalar, as the user wrote it. */
function writtenText(document: GenesisDocument, pointer: string): string | undefined {
  const location = document.tree.locations.get(pointer);
  return location ? document.text.slice(location.value.start, location.value.end) : undefined;
}
