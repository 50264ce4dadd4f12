/**
 * The OCI image reference grammar of distribution/reference (the grammar `docker pull` and every OCI
 * registry client use):
 *
 *   reference := name [ ":" tag ] [ "@" digest ]
 *   name      := [ registry "/" ] path          (at most 255 characters)
 *   registry  := host [ ":" port ]              (a first component with "." or ":", or "localhost")
 *   path      := component ( "/" component )*, component = [a-z0-9]+ ( ( [._] | __ | -+ ) [a-z0-9]+ )*
 *   tag       := [\w][\w.-]{0,127}
 *   digest    := algorithm ":" hex              (sha256: 64 lowercase hex; sha512: 128)
 *
 * Offsets in the result are UTF-16 offsets into the reference string, so a rule can underline one
 * part of the value.
 */

/** The expected form, as every message about a malformed or unpinned reference shows it. */
export const IMAGE_REFERENCE_FORM = "registry/name[:tag]@sha256:<64 hex>";

/** Docker's implicit registry, for names without one (`python:3.12` is `docker.io/library/python`). */
export const DEFAULT_REGISTRY = "docker.io";

export interface ReferencePart {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface ImageReference {
  /** The registry as written; absent when the name has none. */
  readonly registry?: ReferencePart;
  /** The registry the image is pulled from: the written one (lower case), else `docker.io`. */
  readonly effectiveRegistry: string;
  /** The repository path inside the registry (`ocean/qc`). */
  readonly path: ReferencePart;
  readonly tag?: ReferencePart;
  /** The whole `algorithm:hex`, and its algorithm. */
  readonly digest?: ReferencePart & { readonly algorithm: string };
}

export type ImageReferenceResult =
  | { readonly ok: true; readonly reference: ImageReference }
  /** `problem` says what is wrong, `start`/`end` where (offsets into the reference). */
  | { readonly ok: false; readonly problem: string; readonly start: number; readonly end: number };

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\]$/;
const PORT = /^[0-9]+$/;
const DIGEST_ALGORITHM = /^[A-Za-z][A-Za-z0-9]*(?:[+._-][A-Za-z][A-Za-z0-9]*)*$/;
/** The digest lengths of the algorithms the OCI image spec registers; both are lowercase hex. */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha512: 128 };
const MAX_NAME_LENGTH = 255;

/** Parses one image reference; never throws. */
export function parseImageReference(text: string): ImageReferenceResult {
  const fail = (problem: string, start = 0, end = text.length) => ({ ok: false as const, problem, start, end });
  if (text.length === 0) return fail("the image reference is empty");
  const space = text.search(/\s/);
  if (space >= 0) return fail("an image reference has no spaces", space, space + 1);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(text);
  if (scheme) return fail(`an image reference has no "${scheme[0]}" prefix; remove it`, 0, scheme[0].length);

  // The parts are checked left to right, so the first problem reported is the first one written.
  const at = text.indexOf("@");
  const nameAndTag = at >= 0 ? text.slice(0, at) : text;
  if (nameAndTag.length === 0) return fail("the image name is missing before the digest", 0, Math.max(1, at));

  const lastSlash = nameAndTag.lastIndexOf("/");
  const colon = nameAndTag.indexOf(":", lastSlash + 1);
  let tag: ReferencePart | undefined;
  if (colon >= 0) {
    tag = { text: nameAndTag.slice(colon + 1), start: colon + 1, end: nameAndTag.length };
    if (!TAG.test(tag.text)) {
      const why =
        tag.text.length === 0
          ? 'the tag after ":" is empty'
          : tag.text.length > 128
            ? "the tag is longer than 128 characters"
            : `the tag "${tag.text}" may hold only letters, digits, "_", "." and "-", and may not start with "." or "-"`;
      return fail(why, tag.text.length === 0 ? colon : tag.start, tag.text.length === 0 ? colon + 1 : tag.end);
    }
  }
  const name = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag;
  if (name.length > MAX_NAME_LENGTH) return fail(`the image name is longer than ${MAX_NAME_LENGTH} characters`, 0, name.length);

  const firstSlash = name.indexOf("/");
  const first = firstSlash >= 0 ? name.slice(0, firstSlash) : "";
  let registry: ReferencePart | undefined;
  let pathStart = 0;
  if (firstSlash >= 0 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = { text: first, start: 0, end: firstSlash };
    const problem = registryProblem(first);
    if (problem) return fail(problem, 0, firstSlash);
    pathStart = firstSlash + 1;
  }

  let componentStart = pathStart;
  for (const component of name.slice(pathStart).split("/")) {
    const componentEnd = componentStart + component.length;
    if (!PATH_COMPONENT.test(component)) {
      return fail(
        pathComponentProblem(component),
        component.length ? componentStart : Math.max(0, componentStart - 1),
        Math.max(componentEnd, componentStart + 1),
      );
    }
    componentStart = componentEnd + 1;
  }

  let digest: ImageReference["digest"];
  if (at >= 0) {
    const parsed = parseDigest(text, at + 1);
    if (!parsed.ok) return parsed;
    digest = parsed.digest;
  }

  return {
    ok: true,
    reference: {
      registry,
      effectiveRegistry: registry ? normaliseRegistry(registry.text) : DEFAULT_REGISTRY,
      path: { text: name.slice(pathStart), start: pathStart, end: name.length },
      tag,
      digest,
    },
  };
}

/**
 * A registry host for comparison with `site.registries`: lower case (host names are
 * case-insensitive), and Docker Hub's legacy `index.docker.io` read as `docker.io`, as Docker does.
 */
export function normaliseRegistry(registry: string): string {
  const lower = registry.toLowerCase();
  return lower === "index.docker.io" ? DEFAULT_REGISTRY : lower;
}

function parseDigest(
  text: string,
  start: number,
): { ok: true; digest: NonNullable<ImageReference["digest"]> } | { ok: false; problem: string; start: number; end: number } {
  const value = text.slice(start);
  const fail = (problem: string, from = start - 1, to = text.length) => ({
    ok: false as const,
    problem,
    start: from,
    end: Math.max(to, from + 1),
  });
  if (value.includes("@"))
    return fail('an image reference has at most one "@"', start + value.indexOf("@"), start + value.indexOf("@") + 1);
  const colon = value.indexOf(":");
  if (colon < 0) return fail(`the digest after "@" must be "sha256:" followed by 64 lowercase hex digits`);
  const algorithm = value.slice(0, colon);
  const hex = value.slice(colon + 1);
  const expectedLength = DIGEST_HEX_LENGTH[algorithm];
  if (!DIGEST_ALGORITHM.test(algorithm) || expectedLength === undefined) {
    return fail(
      `the digest algorithm "${algorithm}" is not one OCI registries use; pin with "sha256:" and 64 lowercase hex digits`,
      start,
      start + colon,
    );
  }
  if (!/^[0-9a-f]*$/.test(hex)) {
    const hint = /^[0-9a-fA-F]*$/.test(hex) ? "lowercase hex digits (write it in lower case)" : "hex digits (0-9, a-f)";
    return fail(`the ${algorithm} digest must be ${expectedLength} ${hint}`, start + colon + 1);
  }
  if (hex.length !== expectedLength) {
    return fail(`the ${algorithm} digest must be ${expectedLength} lowercase hex digits, not ${hex.length}`, start + colon + 1);
  }
  return { ok: true, digest: { text: value, start, end: text.length, algorithm } };
}

function registryProblem(registry: string): string | undefined {
  let host = registry;
  const portColon = registry.startsWith("[") ? registry.indexOf(":", registry.indexOf("]")) : registry.indexOf(":");
  if (portColon >= 0) {
    host = registry.slice(0, portColon);
    const port = registry.slice(portColon + 1);
    if (!PORT.test(port)) return `the registry port "${port}" must be a number (host:port)`;
  }
  if (IPV6_HOST.test(host)) return undefined;
  if (host.length === 0 || !host.split(".").every((part) => DOMAIN_COMPONENT.test(part))) {
    return `the registry "${registry}" is not a host name (letters, digits and "-", separated by ".", with an optional ":port")`;
  }
  return undefined;
}

function pathComponentProblem(component: string): string {
  if (component.length === 0) return 'the image name has an empty part (two "/" in a row, or a "/" at an end)';
  if (/[A-Z]/.test(component) && PATH_COMPONENT.test(component.toLowerCase())) {
    return `image names are lower case: write "${component.toLowerCase()}", not "${component}"`;
  }
  return `"${component}" is not a valid image name part (lowercase letters and digits, joined by ".", "_", "__" or "-")`;
}
