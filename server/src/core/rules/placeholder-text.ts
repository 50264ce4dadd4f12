import { BY_FORMAT, documentIdPlaceholder, KIND_SLUG, referencePlaceholder, TODO } from "../fixes/placeholder-texts";
import { DOCUMENT_TEMPLATES } from "../templates/documents";
import { PARTIAL_TEMPLATES } from "../templates/partials";

/**
 * What `placeholder/value` recognises as a value left from a template (docs/rules.md#placeholder-value),
 * judged on the text as written: `sha256: 000…` is a placeholder although YAML reads it as the number 0.
 * The `ws` and `io` rules ask the same question, so that a placeholder is never looked up as a
 * reference or a file.
 */

/** The SHA-256 of zero bytes: what a checksum of an empty or not yet written file reads. */
export const EMPTY_FILE_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/** Where the value sits, for the template texts whose meaning depends on it. */
export interface PlaceholderPosition {
  /** The value is the path of a data file, an artifact or an entrypoint (`integrity/file-missing`'s positions). */
  readonly dataPath: boolean;
}

/** One digit (hex character) repeated over a whole digest: `000…0`, `fff…f`, for SHA-1, SHA-256 and MD5 lengths. */
const REPEATED_DIGEST = /^([0-9a-fA-F])\1{31}(?:\1{8}|\1{32})?$/;
const IMAGE_DIGEST = /@sha256:([0-9a-fA-F]+)/;
const MARKER_WORD = /\b(TODO|TBD|FIXME)\b/;
const MARKER_VALUE = /^(todo|tbd|fixme)[.:!]*$/i;
/**
 * `<your name>`, `<dataset-id>`: angle brackets around words, standing as a word of their own. Not an email
 * address (`Ann <ann@lab.gov>`), a URL, an HTML tag (`<br>`), a comparison (`a < b > c`, where a space
 * follows `<`) or a pattern that describes a value (`xrd-<proposal>-<sequence>`, joined to other text).
 */
const ANGLE = /(?<![^\s("'])<([A-Za-z][A-Za-z0-9 _.-]*)>(?=$|[\s.,;:!?)"'])/;
const HTML_TAGS = new Set([
  "a",
  "b",
  "i",
  "p",
  "br",
  "em",
  "hr",
  "li",
  "ol",
  "ul",
  "tt",
  "sub",
  "sup",
  "code",
  "span",
  "div",
  "pre",
  "strong",
]);

/**
 * The problem with `written` (the scalar's text without its quotes, or its string value) when it is a
 * placeholder, as a sentence for the diagnostic; undefined for a real value.
 */
export function placeholderProblem(written: string, position: PlaceholderPosition = { dataPath: false }): string | undefined {
  const value = written.trim();
  if (value === "") return undefined;
  const digest = digestProblem(value);
  if (digest) return digest;
  if (MARKER_VALUE.test(value)) return `"${value}" marks a value still to be written; write the real one.`;
  // Cheap tests first: this runs for every scalar of a document on every keystroke.
  const marker = value.includes("TODO") || value.includes("TBD") || value.includes("FIXME") ? MARKER_WORD.exec(value) : null;
  if (marker) return `The value still holds "${marker[1]}", a note that it is unfinished; finish it and remove the marker.`;
  const angle = value.includes("<") ? ANGLE.exec(value) : null;
  if (angle && !HTML_TAGS.has(angle[1].toLowerCase())) return `"${angle[0]}" is a placeholder to fill in; replace it with the real value.`;
  if (templateTexts(position).has(value)) return `"${shorten(value)}" is the template's placeholder; replace it with the real value.`;
  return undefined;
}

/** What to write instead, by the digest's length: a SHA-256, a git commit (SHA-1), an MD5. */
const REAL_DIGEST: Readonly<Record<number, string>> = {
  64: "the file's SHA-256 (sha256sum FILE)",
  40: "the full commit (git rev-parse HEAD)",
  32: "the file's MD5 (md5sum FILE), or better its SHA-256",
};

function digestProblem(value: string): string | undefined {
  // Every digest judged here is at least 32 characters: most values are shorter (every keystroke).
  if (value.length < 32) return undefined;
  const image = IMAGE_DIGEST.exec(value);
  const hex = image ? image[1] : value.replace(/^sha256:/i, "");
  const what = image ? "The image digest" : "The digest";
  const how = image ? "the digest the registry reports for the image" : (REAL_DIGEST[hex.length] ?? REAL_DIGEST[64]);
  if (REPEATED_DIGEST.test(hex)) return `${what} is "${hex[0]}" repeated, a placeholder; write ${how}.`;
  if (hex.toLowerCase() === EMPTY_FILE_SHA256) return `${what} is the SHA-256 of an empty file, the template's placeholder; write ${how}.`;
  return undefined;
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

let cached: { readonly anywhere: ReadonlySet<string>; readonly dataPaths: ReadonlySet<string> } | undefined;

/** The texts the templates and fixes insert that can only be examples, for a value at `position`. */
function templateTexts(position: PlaceholderPosition): ReadonlySet<string> {
  cached ??= collectTemplateTexts();
  return position.dataPath ? cached.dataPaths : cached.anywhere;
}

/**
 * Every default of a snippet tab stop (`${3:Full Name}`) in the document and list-item templates, and
 * what the fixes write, less what a steward may well keep on purpose:
 * - typed values (numbers, versions, dates, walltimes, memory sizes): the form is what the template shows;
 * - single words (`records`, `cpu`, `onnx`, `None.`): real names and answers too, except the words
 *   that name the field rather than fill it (`my-dataset`, `run-id`, `site-name`) and digests (the
 *   commit `da39a3ee…`, the SHA-1 of nothing);
 * - paths: the governance files' and lockfiles' paths are a layout a project keeps; only a data
 *   file's, an artifact's or an entrypoint's path (which names the project's own data) counts, and only there.
 * Choices (`${5|a,b|}`) are never placeholders: each is a valid value.
 */
function collectTemplateTexts(): { anywhere: ReadonlySet<string>; dataPaths: ReadonlySet<string> } {
  const bodies = [...DOCUMENT_TEMPLATES, ...PARTIAL_TEMPLATES].map((template) => template.body);
  const defaults = bodies.flatMap((body) => [...body.matchAll(/\$\{\d+:([^}]*)\}/g)].map((match) => match[1].trim()));
  const slugs = Object.values(KIND_SLUG);
  const fromFixes = [TODO, BY_FORMAT.email, BY_FORMAT.uri, ...slugs.map(referencePlaceholder), ...slugs.map(documentIdPlaceholder)];
  const anywhere = new Set<string>();
  const dataPaths = new Set<string>();
  for (const text of [...defaults, ...fromFixes]) {
    if (text === "" || isTypedValue(text)) continue;
    if (isPath(text)) dataPaths.add(text);
    else if (!isWord(text) || /^my-|-(id|name)$/.test(text) || /^[0-9a-f]{32,}$/i.test(text)) anywhere.add(text);
  }
  for (const text of anywhere) dataPaths.add(text);
  return { anywhere, dataPaths };
}

function isTypedValue(text: string): boolean {
  return (
    /^-?\d+(\.\d+)?$/.test(text) || // a number
    /^\d+\.\d+\.\d+$/.test(text) || // a version
    /^\d{4}-\d{2}-\d{2}(T[\d:]+Z?)?$/.test(text) || // a date
    /^\d+(:\d{2}){1,2}$/.test(text) || // a walltime
    /^\d+(\.\d+)?[KMGT]i?B?$/.test(text) // a memory size
  );
}

/** A relative path: a slash, no spaces, no reference (`@`) or URL scheme. */
function isPath(text: string): boolean {
  return text.includes("/") && !/[\s@:]/.test(text);
}

function isWord(text: string): boolean {
  return !/[\s/@]/.test(text);
}
