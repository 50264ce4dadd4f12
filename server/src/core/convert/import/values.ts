import { isSpdxExpression, licenseSpelling } from "../../rules/license-spelling";
import { SLUG } from "../../rules/reference-form";
import { isSemver, semverCompletion } from "../../rules/semver-form";

/** Small, format-independent translations of source values into Genesis ones. */

/** A Genesis id from a name: lower case, runs of other characters as `-`, at most 128 characters; undefined when nothing is left. */
export function slugOf(text: string): string | undefined {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .replace(/[-.]+$/, "")
    .slice(0, 128);
  return SLUG.test(slug) ? slug : undefined;
}

/** Ids unique within one list: a second `records` becomes `records-2`. */
export class UniqueIds {
  private readonly taken = new Set<string>();
  take(wanted: string): string {
    let id = wanted;
    for (let n = 2; this.taken.has(id); n++) id = `${wanted}-${n}`;
    this.taken.add(id);
    return id;
  }
}

/** A semver version as is, or completed when the completion is certain (`1.2` → `1.2.0`); undefined otherwise. */
export function semverOf(text: unknown): string | undefined {
  if (typeof text === "number") text = String(text);
  if (typeof text !== "string") return undefined;
  if (isSemver(text)) return text;
  return semverCompletion(text);
}

/** Licence URLs the sources write in place of an id, by the SPDX id they stand for. */
const LICENSE_URLS: readonly (readonly [RegExp, string])[] = [
  [/creativecommons\.org\/licenses\/by\/4\.0/i, "CC-BY-4.0"],
  [/creativecommons\.org\/licenses\/by-sa\/4\.0/i, "CC-BY-SA-4.0"],
  [/creativecommons\.org\/licenses\/by-nc\/4\.0/i, "CC-BY-NC-4.0"],
  [/creativecommons\.org\/licenses\/by-nc-sa\/4\.0/i, "CC-BY-NC-SA-4.0"],
  [/creativecommons\.org\/licenses\/by-nd\/4\.0/i, "CC-BY-ND-4.0"],
  [/creativecommons\.org\/licenses\/by\/3\.0/i, "CC-BY-3.0"],
  [/creativecommons\.org\/publicdomain\/zero\/1\.0/i, "CC0-1.0"],
  [/apache\.org\/licenses\/LICENSE-2\.0/i, "Apache-2.0"],
  [/opensource\.org\/licenses\/mit/i, "MIT"],
  [/opendatacommons\.org\/licenses\/pddl/i, "PDDL-1.0"],
  [/opendatacommons\.org\/licenses\/by/i, "ODC-By-1.0"],
  [/opendatacommons\.org\/licenses\/odbl/i, "ODbL-1.0"],
];

/**
 * The SPDX expression a source's licence means, when it means exactly one: an SPDX id or expression
 * as written, a spelling that names one id (`mit`, `afl-3.0`, `CC BY 4.0`), or a known licence URL.
 */
export function spdxOf(text: string): string | undefined {
  const written = text.trim();
  if (written === "") return undefined;
  // The SPDX list's own page of a licence (what exporters, ours included, write): its id is in the URL.
  const spdxPage = /^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9.+-]+?)(?:\.html|\.json)?$/i.exec(written);
  if (spdxPage && isSpdxExpression(spdxPage[1])) return spdxPage[1];
  const byUrl = LICENSE_URLS.find(([pattern]) => pattern.test(written));
  if (byUrl) return byUrl[1];
  if (/^https?:/i.test(written)) return undefined;
  if (isSpdxExpression(written) && !/^[a-z0-9.-]+$/.test(written)) return written;
  const spelling = licenseSpelling(written);
  return spelling?.kind === "id" ? spelling.id : undefined;
}

const SHA256 = /^[0-9a-f]{64}$/;
const MD5 = /^[0-9a-f]{32}$/;

export function sha256Of(value: unknown): string | undefined {
  const text =
    typeof value === "string"
      ? value
          .trim()
          .toLowerCase()
          .replace(/^sha256:/, "")
      : "";
  return SHA256.test(text) ? text : undefined;
}

export function md5Of(value: unknown): string | undefined {
  const text = typeof value === "string" ? value.trim().toLowerCase().replace(/^md5:/, "") : "";
  return MD5.test(text) ? text : undefined;
}

/** The first DOI in a text (a `https://doi.org/` link, `doi:` or `doi = {...}` in BibTeX), without prefix. */
export function doiIn(text: string): string | undefined {
  const match = /\b(10\.\d{4,9}\/[^\s"'{}<>,]+)/.exec(text);
  return match ? match[1].replace(/[.)\]]+$/, "") : undefined;
}

/** An ISO 8601 date or date-time as Genesis accepts it; undefined for anything else. */
export function isoDateOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  const date = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!date) return undefined;
  const [month, day] = [Number(date[2]), Number(date[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? text.replace(" ", "T") : undefined;
}

/** Media types (and Frictionless `format` names) by the Genesis `format` they mean. */
export const MEDIA_TYPES: readonly (readonly [string, RegExp])[] = [
  ["csv", /^(text\/csv|text\/tab-separated-values|application\/csv|csv|tsv)$/i],
  ["parquet", /^(application\/(x-)?parquet|application\/vnd\.apache\.parquet|parquet)$/i],
  ["hdf5", /^(application\/(x-)?hdf5?|hdf5?)$/i],
  ["jsonl", /^(application\/(x-)?(jsonl|jsonlines|ndjson|json-seq)|jsonl|ndjson)$/i],
  ["json", /^(application\/([a-z0-9.-]+\+)?json|json)$/i],
  ["netcdf", /^(application\/(x-)?netcdf|netcdf)$/i],
  ["zarr", /^(application\/(x-)?zarr|zarr)$/i],
  ["tiff", /^(image\/tiff|tiff?)$/i],
];

/** File extensions by the Genesis `format` they mean. */
export const EXTENSIONS: readonly (readonly [string, RegExp])[] = [
  ["csv", /\.(csv|tsv)(\.gz)?$/i],
  ["parquet", /\.parquet$/i],
  ["hdf5", /\.(h5|hdf5|he5)$/i],
  ["jsonl", /\.(jsonl|ndjson)(\.gz)?$/i],
  ["json", /\.json$/i],
  ["netcdf", /\.(nc|nc4|netcdf)$/i],
  ["zarr", /\.zarr\/?$/i],
  ["tiff", /\.(tif|tiff)$/i],
];

/** The Genesis format of a file from its media type (or Frictionless `format`), else its extension; `other` when neither says. */
export function formatOf(mediaType: string | undefined, path: string | undefined): string {
  const byType = mediaType ? MEDIA_TYPES.find(([, pattern]) => pattern.test(mediaType.trim())) : undefined;
  if (byType) return byType[0];
  const byName = path ? EXTENSIONS.find(([, pattern]) => pattern.test(path.trim().replace(/[?#].*$/, ""))) : undefined;
  return byName ? byName[0] : "other";
}

/** `text` as one string: a list is joined by blank lines, anything else that is not text is dropped. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value.trim() || undefined;
  if (Array.isArray(value)) {
    const parts = value.map(textOf).filter((part): part is string => part !== undefined);
    return parts.length ? parts.join("\n\n") : undefined;
  }
  return undefined;
}

export function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}
