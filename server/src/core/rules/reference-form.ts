import { isSemver, semverCompletion } from "./semver-form";

/**
 * The form of a reference (docs/formats/common.md#references): `id@version` names another Genesis document; `doi:`, `hf:` and
 * `https:` URIs name something outside the workspace and are checked for form only, never fetched.
 * The workspace rules resolve the internal ones with the same parser.
 */
export type ParsedReference =
  | { readonly type: "internal"; readonly id: string; /** Absent for a bare id (`ref/unversioned`). */ readonly version?: string }
  | { readonly type: "external"; readonly scheme: "doi"; readonly doi: string }
  | {
      readonly type: "external";
      readonly scheme: "hf";
      /** `org/name`. */
      readonly repo: string;
      /** `datasets` for `hf:datasets/org/name`; a model repository otherwise. */
      readonly repoType?: "datasets" | "models";
      readonly revision?: string;
    }
  | { readonly type: "external"; readonly scheme: "https"; readonly url: string }
  | {
      readonly type: "invalid";
      /** Why, phrased to follow `"<text>" is not a valid reference: `. */
      readonly reason: string;
      /** The one reference the text certainly means, when there is one. */
      readonly suggestion?: string;
    };

export const SLUG = /^[a-z0-9][a-z0-9._-]{0,127}$/;

/** The accepted forms, for messages. */
export const REFERENCE_FORMS = `id@version (e.g. "ocean-temps@1.2.0"), doi:10.NNNN/suffix, hf:org/name with an optional @revision, or an https:// URL`;

const DOI = /^10\.\d{4,9}\/\S+$/;
const HF_NAME = "[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9])?";
const HF_REPO = new RegExp(`^(?:(datasets|models)/)?(${HF_NAME}/${HF_NAME})(?:@([A-Za-z0-9][A-Za-z0-9._/-]*))?$`);
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

export function parseReference(text: string): ParsedReference {
  if (text.trim() === "") return { type: "invalid", reason: "it is empty" };
  if (text !== text.trim() || /\s/.test(text)) {
    const trimmed = text.trim();
    const inner = /\s/.test(trimmed) ? undefined : parseReference(trimmed);
    return { type: "invalid", reason: "it contains blanks", suggestion: inner && inner.type !== "invalid" ? trimmed : undefined };
  }
  const scheme = SCHEME.exec(text);
  return scheme ? parseExternal(text, scheme[1]) : parseInternal(text);
}

function parseInternal(text: string): ParsedReference {
  const at = text.indexOf("@");
  const id = at < 0 ? text : text.slice(0, at);
  const version = at < 0 ? undefined : text.slice(at + 1);
  if (id === "") return { type: "invalid", reason: `the id before "@" is missing` };
  const lowered = id.toLowerCase();
  if (!SLUG.test(id)) {
    const fixed =
      SLUG.test(lowered) && (version === undefined || isSemver(version)) ? `${lowered}${at < 0 ? "" : `@${version}`}` : undefined;
    const reason = SLUG.test(lowered)
      ? "ids are lower case"
      : `"${id}" is not an id (lower-case letters, digits, ".", "_" and "-", starting with a letter or digit)`;
    return { type: "invalid", reason, suggestion: fixed };
  }
  if (version === undefined) return { type: "internal", id };
  if (version === "") return { type: "invalid", reason: `nothing follows "@"; write the exact version` };
  if (isSemver(version)) return { type: "internal", id, version };
  const completed = semverCompletion(version);
  return {
    type: "invalid",
    reason:
      /^[~^<>=*]|^(latest|stable|main|master)$/i.test(version) && !completed
        ? `"${version}" is not an exact version; a reference pins one semver version`
        : `the version "${version}" is not semver 2.0.0 (MAJOR.MINOR.PATCH)`,
    suggestion: completed ? `${id}@${completed}` : undefined,
  };
}

function parseExternal(text: string, scheme: string): ParsedReference {
  const rest = text.slice(scheme.length + 1);
  switch (scheme) {
    case "doi": {
      if (DOI.test(rest)) return { type: "external", scheme: "doi", doi: rest };
      const bare = rest.replace(/^\/*(?:https?:\/\/)?(?:dx\.)?(?:doi\.org\/)?/i, "");
      return {
        type: "invalid",
        reason: "a DOI reference is doi:10.NNNN/suffix",
        suggestion: bare !== rest && DOI.test(bare) ? `doi:${bare}` : undefined,
      };
    }
    case "hf": {
      const match = HF_REPO.exec(rest);
      if (match) {
        const [, repoType, repo, revision] = match;
        return {
          type: "external",
          scheme: "hf",
          repo,
          ...(repoType ? { repoType: repoType as "datasets" | "models" } : {}),
          ...(revision ? { revision } : {}),
        };
      }
      const bare = rest.replace(/^\/*(?:https?:\/\/)?(?:huggingface\.co\/)?/i, "");
      return {
        type: "invalid",
        reason: "a Hugging Face reference is hf:org/name with an optional @revision",
        suggestion: bare !== rest && HF_REPO.test(bare) ? `hf:${bare}` : undefined,
      };
    }
    case "https":
      return isHttpsUrl(text)
        ? { type: "external", scheme: "https", url: text }
        : { type: "invalid", reason: "it is not a well-formed https:// URL" };
    case "http": {
      const secure = `https:${rest}`;
      return { type: "invalid", reason: "http: is not accepted, only https:", suggestion: isHttpsUrl(secure) ? secure : undefined };
    }
    default: {
      const lower = scheme.toLowerCase();
      if (lower !== scheme && ["doi", "hf", "https"].includes(lower)) {
        const fixed = parseReference(`${lower}:${rest}`);
        return {
          type: "invalid",
          reason: `the scheme is written in lower case, "${lower}:"`,
          suggestion: fixed.type === "external" ? `${lower}:${rest}` : undefined,
        };
      }
      return { type: "invalid", reason: `"${scheme}:" is not a reference scheme (doi:, hf: or https:)` };
    }
  }
}

function isHttpsUrl(text: string): boolean {
  if (!/^https:\/\/[^/?#@\s]/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === "https:" && url.hostname !== "" && !/[\s<>"{}|\\^`]/.test(text);
  } catch {
    return false;
  }
}
