import type { GenesisDocument } from "../document";
import { isRecord, joinPointer, select } from "../pointer";
import type { Span } from "../types";
import type { DocumentCheck, Report } from "./context";
import { describeValue } from "./describe-value";

/** A SHA-256 digest as Genesis writes it (docs/formats/common.md#checksum): 64 lower-case hex digits, nothing else. */
export const SHA256 = /^[0-9a-f]{64}$/;
/** A legacy MD5 digest: 32 lower-case hex digits, only beside a sha256. */
export const MD5 = /^[0-9a-f]{32}$/;

/** The items that carry checksums, per kind: what they are called in messages and when sha256 may be absent. */
interface ChecksumHolders {
  readonly pattern: string;
  readonly noun: string;
  /** Why this item needs no sha256, or undefined when it needs one. */
  exempt(item: Record<string, unknown>, document: Record<string, unknown>): string | undefined;
  /** The advice that ends a checksum-missing message. */
  readonly otherwise: string;
}

const HOLDERS: Partial<Record<GenesisDocument["kind"], ChecksumHolders>> = {
  DatasetManifest: {
    pattern: "/distribution/*",
    noun: "distribution",
    exempt: (_item, manifest) => (manifest.live === true ? "live" : undefined),
    otherwise: `or mark the dataset "live: true" if its files change in place`,
  },
  ModelCard: {
    pattern: "/artifacts/*",
    noun: "artifact",
    exempt: (item) => (item.format === "oci-image" ? "oci-image" : undefined),
    otherwise: "only oci-image artifacts, pinned by their digest, may go without one",
  },
};

/**
 * `integrity/checksum-format`: `sha256` is 64 lower-case hex and `md5` 32 lower-case hex (docs/formats/common.md#checksum).
 * `integrity/checksum-missing`: a distribution of a non-live manifest, or a model artifact other
 * than an OCI image, has no `sha256`; an `md5` alone does not count (docs/formats/). The missing case is
 * reported on the item's first key (`- id: ...`), never on the whole item.
 */
const checksumCheck: DocumentCheck = {
  name: "checksums",
  reports: ["integrity/checksum-format", "integrity/checksum-missing"],
  kinds: ["DatasetManifest", "ModelCard"],
  check({ document, value, report }) {
    const holders = HOLDERS[document.kind];
    if (!holders) return;
    for (const { pointer, value: item } of select(value, holders.pattern)) {
      if (!isRecord(item)) continue;
      const name = itemName(item, holders.noun);
      if (item.sha256 !== undefined) checkDigest(report, joinPointer(pointer, "sha256"), item.sha256, "sha256");
      if (item.md5 !== undefined) checkDigest(report, joinPointer(pointer, "md5"), item.md5, "md5");
      if (item.sha256 !== undefined || holders.exempt(item, value)) continue;
      const add = `add its SHA-256 (64 lower-case hex, as printed by "sha256sum")`;
      const message =
        item.md5 !== undefined
          ? `${name} has only an md5; md5 may stand beside sha256, never alone: ${add}, ${holders.otherwise}.`
          : `${name} has no sha256; ${add}, ${holders.otherwise}.`;
      report({
        rule: "integrity/checksum-missing",
        pointer,
        span: firstKeySpan(document, pointer, item),
        message,
        data: { missing: "sha256" },
      });
    }
  },
};

export const integrityChecks: readonly DocumentCheck[] = [checksumCheck];

function checkDigest(report: (r: Report) => void, pointer: string, digest: unknown, field: "sha256" | "md5"): void {
  const problem = digestProblem(digest, field);
  if (!problem) return;
  report({
    rule: "integrity/checksum-format",
    pointer,
    part: digest === null ? "key" : "value",
    message: problem.message,
    data: problem.replacement === undefined ? undefined : { replacement: problem.replacement },
  });
}

interface DigestProblem {
  readonly message: string;
  readonly replacement?: string;
}

const HEX_LENGTH = { sha256: 64, md5: 32 } as const;

function digestProblem(digest: unknown, field: "sha256" | "md5"): DigestProblem | undefined {
  const length = HEX_LENGTH[field];
  const form = `${length} lower-case hex characters`;
  if (typeof digest !== "string") {
    const quoted = typeof digest === "number" ? ` in quotes, so that it is read as text` : "";
    return { message: `${field} is ${describeValue(digest)}; it must be ${form}${quoted}.` };
  }
  if ((field === "sha256" ? SHA256 : MD5).test(digest)) return undefined;
  const shown = digest.length > 80 ? `${digest.slice(0, 77)}...` : digest;
  const prefixed = new RegExp(`^\\s*${field}\\s*[:=-]\\s*([0-9A-Fa-f]{${length}})\\s*$`, "i").exec(digest);
  if (prefixed) {
    const replacement = prefixed[1].toLowerCase();
    return { message: `${field} "${shown}" carries an algorithm prefix; write the ${form} alone: "${replacement}".`, replacement };
  }
  const bare = digest.trim();
  if (/^[0-9A-Fa-f]+$/.test(bare)) {
    const replacement = bare.toLowerCase();
    if (bare.length === length) {
      const what = bare !== digest ? "has blanks around it" : "is written in upper case";
      return { message: `${field} ${what}; write it as ${form}: "${replacement}".`, replacement };
    }
    if (field === "sha256" && bare.length === 32) {
      return {
        message:
          "sha256 has 32 hex characters: probably an MD5 digest. " +
          `A sha256 is ${form}; an MD5 may stand beside it in an "md5" field, never alone.`,
      };
    }
    const guess =
      { 40: " (probably a SHA-1 digest)", 64: " (probably a SHA-256 digest)", 128: " (probably a SHA-512 digest)" }[bare.length] ?? "";
    return { message: `${field} has ${bare.length} hex characters${guess}; it must be ${form}.` };
  }
  if (/^(?:todo|tbd|fixme|none|n\/?a|x{3,}|\?+|<[^>]*>|\.{3}|-+)$/i.test(bare)) {
    return { message: `${field} "${shown}" is a placeholder; write the file's digest, ${form} (as printed by "${field}sum").` };
  }
  const stray = /[^0-9A-Fa-f]/.exec(bare);
  return { message: `${field} "${shown}" is not hexadecimal${stray ? ` (it contains "${stray[0]}")` : ""}; it must be ${form}.` };
}

/** `distribution "scan-index"`, `artifact "models/x.onnx"`, or the bare noun. */
function itemName(item: Record<string, unknown>, noun: string): string {
  const label = typeof item.id === "string" ? item.id : typeof item.path === "string" ? item.path : undefined;
  const capitalised = noun[0].toUpperCase() + noun.slice(1);
  return label ? `${capitalised} "${label}"` : `This ${noun}`;
}

/** The key that opens an item (`id` in `- id: scan-index`); undefined for an empty item. */
function firstKeySpan(document: GenesisDocument, pointer: string, item: Record<string, unknown>): Span | undefined {
  let first: Span | undefined;
  for (const key of Object.keys(item)) {
    const span = document.tree.locations.get(joinPointer(pointer, key))?.key;
    if (span && (!first || span.start < first.start)) first = span;
  }
  return first;
}
