import type { GenesisConfig } from "../config";
import { listOf, nearest } from "../nearest";
import { isRecord, joinPointer, select, type Selected } from "../pointer";
import type { DocumentCheck, RuleContext } from "./context";
import { DEFAULT_REGISTRY, IMAGE_REFERENCE_FORM, normaliseRegistry, parseImageReference, type ImageReference } from "./oci";
import { spanInsideScalar } from "./scalar-span";

const PINNED_EXAMPLE = "registry.example.gov/ocean/qc:1.3@sha256:<64 hex>";

/**
 * Every OCI image reference a document names: a pipeline step's container, the image a model was
 * trained in, and a model card's `oci-image` artifacts (whose `path` is an image reference).
 */
export function imageReferences(value: Readonly<Record<string, unknown>>): Selected[] {
  const ociArtifacts = select(value, "/artifacts/*")
    .filter((artifact) => isRecord(artifact.value) && artifact.value.format === "oci-image")
    .flatMap((artifact) =>
      select(artifact.value, "/path").map((path) => ({ pointer: joinPointer(artifact.pointer, "path"), value: path.value })),
    );
  return [...select(value, "/steps/*/container/image"), ...select(value, "/training/environment/image"), ...ociArtifacts];
}

/**
 * `container/unpinned`, `container/latest`, `container/registry`, and `schema/pattern` for a
 * reference that is not in the OCI grammar (the schemas leave the form of images to this check).
 */
export const containerImagesCheck: DocumentCheck = {
  name: "container-images",
  reports: ["schema/pattern", "container/unpinned", "container/latest", "container/registry"],
  kinds: ["PipelineConfig", "ModelCard"],
  check(context) {
    for (const { pointer, value } of imageReferences(context.value)) {
      if (typeof value !== "string") continue; // the schema reports the type
      const parsed = parseImageReference(value);
      if (!parsed.ok) {
        context.report({
          rule: "schema/pattern",
          pointer,
          span: spanInsideScalar(context.document, pointer, value, parsed.start, parsed.end),
          message:
            `"${value}" is not a valid OCI image reference: ${parsed.problem}. ` +
            `Expected ${IMAGE_REFERENCE_FORM}, e.g. "${PINNED_EXAMPLE}".`,
          data: { expected: IMAGE_REFERENCE_FORM },
        });
        continue;
      }
      checkPinning(context, pointer, value, parsed.reference);
      checkRegistry(context, pointer, value, parsed.reference);
    }
  },
};

function checkPinning(context: RuleContext, pointer: string, image: string, reference: ImageReference): void {
  const name = image.slice(0, reference.path.end);
  const whole = spanInsideScalar(context.document, pointer, image, 0, image.length);
  if (!reference.digest) {
    context.report({
      rule: "container/unpinned",
      pointer,
      span: whole,
      message:
        `The image "${image}" is not pinned by digest, so the content behind it can change. ` +
        `Add its digest: ${IMAGE_REFERENCE_FORM} (\`crane digest ${image}\` prints it).`,
      data: { image, name },
    });
  } else if (reference.digest.algorithm !== "sha256") {
    context.report({
      rule: "container/unpinned",
      pointer,
      span: spanInsideScalar(context.document, pointer, image, reference.digest.start, reference.digest.end),
      message:
        `The image "${name}" is pinned by ${reference.digest.algorithm}; ` +
        `Genesis pins images by their sha256 digest, the one registries report: ${IMAGE_REFERENCE_FORM}.`,
      data: { image, name },
    });
  }

  // A digest without a tag is not "latest": the digest pins the content, whatever tag it was pushed
  // under. An explicit `latest` is reported even beside a digest, because it says nothing about the
  // version the digest is.
  if (reference.tag?.text === "latest") {
    context.report({
      rule: "container/latest",
      pointer,
      span: whole,
      message:
        `The image "${name}" uses the tag "latest", which moves with every push and names no version. ` +
        `Use a release tag and its digest: ${IMAGE_REFERENCE_FORM}.`,
      data: { image, name, tag: "latest" },
    });
  } else if (!reference.tag && !reference.digest) {
    context.report({
      rule: "container/latest",
      pointer,
      span: whole,
      message:
        `The image "${image}" has no tag, so it means "${name}:latest", which moves with every push. ` +
        `Use a release tag and its digest: ${IMAGE_REFERENCE_FORM}.`,
      data: { image, name },
    });
  }
}

function checkRegistry(context: RuleContext, pointer: string, image: string, reference: ImageReference): void {
  const allowed = context.config.site.registries;
  if (allowed.length === 0 || isAllowedRegistry(reference, allowed)) return;
  const registry = reference.effectiveRegistry;
  const implicit = reference.registry ? "" : ` (no registry is named, so Docker pulls from ${DEFAULT_REGISTRY})`;
  const suggestion = nearest(registry, allowed);
  context.report({
    rule: "container/registry",
    pointer,
    span: spanInsideScalar(context.document, pointer, image, reference.registry?.start ?? 0, reference.registry?.end ?? image.length),
    message:
      `The image "${image}" comes from registry "${registry}"${implicit}, ` +
      "which is not allowed by site.registries in genesis.config.yaml; " +
      `use ${allowed.length === 1 ? "" : "one of "}${listOf(allowed)}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}.`,
    data: { registry, allowed: [...allowed], nearest: suggestion },
  });
}

/**
 * An entry of `site.registries` is a registry host (`registry.example.gov`, `localhost:5000`) or a
 * host with a repository prefix (`ghcr.io/enl-matsci`), which allows only the images below it.
 */
export function isAllowedRegistry(reference: ImageReference, allowed: GenesisConfig["site"]["registries"]): boolean {
  const registry = reference.effectiveRegistry;
  // Docker Hub's official images live under `library/` (`python` is `docker.io/library/python`).
  const path = !reference.registry && !reference.path.text.includes("/") ? `library/${reference.path.text}` : reference.path.text;
  const full = `${registry}/${path}`;
  return allowed.some((entry) => {
    const slash = entry.indexOf("/");
    const host = normaliseRegistry(slash >= 0 ? entry.slice(0, slash) : entry);
    if (slash < 0) return host === registry;
    const prefix = `${host}/${entry.slice(slash + 1).replace(/\/+$/, "")}`;
    return full === prefix || full.startsWith(`${prefix}/`);
  });
}

export const containersChecks: readonly DocumentCheck[] = [containerImagesCheck];
