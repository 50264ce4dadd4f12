import { SPDX_LICENSE_IDS } from "../../rules/license-spelling";
import { text } from "./values";

const SPDX_IDS = new Set(SPDX_LICENSE_IDS);
const SPDX_IDS_BY_LOWER = new Map(SPDX_LICENSE_IDS.map((id) => [id.toLowerCase(), id]));

/**
 * A license as written, and, when it is one SPDX license id (Hugging Face ids such as `apache-2.0`
 * matched case-insensitively), that id in its canonical spelling.
 */
export interface License {
  readonly written: string;
  readonly spdxId?: string;
}

export function licenseOf(value: unknown): License | undefined {
  const written = text(value);
  if (written === undefined) return undefined;
  const trimmed = written.trim();
  const spdxId = SPDX_IDS.has(trimmed) ? trimmed : SPDX_IDS_BY_LOWER.get(trimmed.toLowerCase());
  return spdxId ? { written: trimmed, spdxId } : { written: trimmed };
}

/** The license's page on spdx.org for a listed id; undefined for an expression or a LicenseRef. */
export function licenseUrl(license: License): string | undefined {
  return license.spdxId ? `https://spdx.org/licenses/${license.spdxId}.html` : undefined;
}

/**
 * The license as an SPDX license expression where it reads as one (ids, `LicenseRef-...`, `AND`,
 * `OR`, `WITH`, parentheses), else undefined: a Hugging Face `other` is no SPDX expression.
 */
export function spdxExpressionOf(license: License): string | undefined {
  if (license.spdxId) return license.spdxId;
  const tokens = license.written.replace(/[()]/g, " ").split(/\s+/).filter(Boolean);
  const known = (token: string) =>
    SPDX_IDS.has(token.replace(/\+$/, "")) || /^(DocumentRef-[\w.-]+:)?LicenseRef-[\w.-]+$/.test(token) || /^(AND|OR|WITH)$/.test(token);
  return tokens.length > 0 && tokens.every((token, index) => known(token) || tokens[index - 1] === "WITH") ? license.written : undefined;
}
