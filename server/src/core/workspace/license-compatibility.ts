import type { WorkspaceCheck } from "./context";
import { whereIs } from "./context";
import { label } from "./facts";
import { inputsOf } from "./flows";
import { everyAlternativeHas, licenseIds, parseLicenseExpression, someAlternativeAll } from "./license-expression";

/**
 * Licenses that allow commercial use and derivative works, asking at most for attribution: SPDX
 * ids and the Hugging Face ids of docs/formats/model-card.md, compared in lower case. Copyleft licenses (GPL, CC-BY-SA)
 * also allow commercial use but are not listed: the rule is about permissive releases (docs/rules.md#license-compatibility).
 */
const PERMISSIVE_LICENSES: ReadonlySet<string> = new Set([
  "mit",
  "mit-0",
  "0bsd",
  "apache-2.0",
  "isc",
  "cc0-1.0",
  "unlicense",
  "zlib",
  "bsl-1.0",
  "wtfpl",
  "postgresql",
  "ncsa",
  "x11",
  "upl-1.0",
  "afl-3.0",
  "ecl-2.0",
  "pddl",
  "pddl-1.0",
  "odc-by",
  "odc-by-1.0",
  "cdla-permissive-1.0",
  "cdla-permissive-2.0",
]);

/**
 * Families listed by pattern: every BSD variant (`bsd` is the Hugging Face id, `BSD-3-Clause` and
 * its relatives SPDX's), and the attribution-only Creative Commons licenses in every version and
 * port (`CC-BY-4.0`, `CC-BY-3.0-DE`; not `CC-BY-SA-*`, `CC-BY-NC-*`, `CC-BY-ND-*`).
 */
const PERMISSIVE_FAMILIES: readonly RegExp[] = [/^bsd(-|$)/, /^cc-by-\d+(\.\d+)?(-[a-z]+)?$/];

/** `CC-BY-NC-4.0`, `cc-by-nc-nd-4.0`, `LicenseRef-lab-NC`: the Creative Commons NonCommercial element. */
const NON_COMMERCIAL: readonly RegExp[] = [/-nc(-|$)/i, /non-?commercial/i];
/** `CC-BY-ND-4.0`, `CC-BY-NC-ND-4.0`: the Creative Commons NoDerivatives element. */
const NO_DERIVATIVES: readonly RegExp[] = [/-nd(-|$)/i];

const isPermissive = (id: string) =>
  PERMISSIVE_LICENSES.has(id.toLowerCase()) || PERMISSIVE_FAMILIES.some((family) => family.test(id.toLowerCase()));
const isNonCommercial = (id: string) => NON_COMMERCIAL.some((pattern) => pattern.test(id));
const isNoDerivatives = (id: string) => NO_DERIVATIVES.some((pattern) => pattern.test(id));
const isRestricting = (id: string) => isNonCommercial(id) || isNoDerivatives(id);

/**
 * `license/compatibility`: a model released under a permissive license (some alternative of its
 * expression is permissive throughout) is not trained on a dataset whose license forbids commercial
 * use or derivatives in every alternative (`CC-BY-NC-4.0 OR MIT` offers MIT, so it is not reported).
 * Evaluation data is not reported: the model is not derived from it.
 */
export const licenseCompatibilityCheck: WorkspaceCheck = {
  name: "license-compatibility",
  reports: ["license/compatibility"],
  check({ facts, index, report }) {
    if (facts.kind !== "ModelCard" || facts.license === undefined) return;
    const modelLicense = parseLicenseExpression(facts.license);
    if (!modelLicense || !someAlternativeAll(modelLicense, isPermissive)) return;
    const restricting = inputsOf(facts, index, "trainingData").flatMap((dataset) => {
      const expression = dataset.license === undefined ? undefined : parseLicenseExpression(dataset.license);
      if (!expression || !everyAlternativeHas(expression, isRestricting)) return [];
      const ids = licenseIds(expression);
      const terms = [ids.some(isNonCommercial) ? "non-commercial" : "", ids.some(isNoDerivatives) ? "no-derivatives" : ""]
        .filter(Boolean)
        .join(", ");
      return [{ dataset, license: dataset.license!, terms }];
    });
    if (!restricting.length) return;
    const named = restricting.map(
      ({ dataset, license, terms }) => `${label(dataset)}, licensed "${license}" (${terms}; ${whereIs(dataset, "/license")})`,
    );
    const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
    report({
      rule: "license/compatibility",
      pointer: "/license",
      message:
        `This model is released under "${facts.license}", a permissive license, but it is trained on ${list}: ` +
        "the release would let anyone use the model in ways the data's license forbids. " +
        "Release the model under terms that keep the data's restriction, train it on data licensed for this use, " +
        "or record the data owner's permission and suppress this warning with that reason.",
      data: { datasets: restricting.map(({ dataset, license }) => ({ path: dataset.path, id: label(dataset), license })) },
    });
  },
};
