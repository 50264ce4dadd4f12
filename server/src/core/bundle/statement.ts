import { isRecord } from "../pointer";
import { SHA256 } from "../rules/integrity";

/**
 * The signed statement of a submission bundle (docs/bundles.md): an in-toto Statement v1 whose
 * subjects are every file of the bundle (the crate metadata included, the envelope itself not),
 * carried in a DSSE envelope, as OpenSSF model signing and cosign carry theirs. Signing and
 * checking signatures is the Node side's (node:crypto); this module builds, encodes and reads.
 */

export const STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
export const DSSE_PAYLOAD_TYPE = "application/vnd.in-toto+json";
/** This tool's predicate: what the bundle is and what made it (docs/bundles.md#the-statement). */
export const BUNDLE_PREDICATE_TYPE = "https://github.com/genesis-readiness/genesis-readiness/blob/main/docs/bundles.md#predicate-v1";

export interface StatementSubject {
  readonly name: string;
  readonly digest: { readonly sha256: string };
}

export interface BundlePredicate {
  readonly generator: { readonly name: string; readonly version: string };
  /** ISO date-time the bundle was made. */
  readonly created: string;
  /** The crate metadata file, which lists the same digests with what each file is. */
  readonly crateMetadata: string;
  /** The readiness score of the bundled documents when the bundle was made. */
  readonly readiness: { readonly score: number; readonly passed: number; readonly applicable: number };
}

export interface Statement {
  readonly _type: string;
  readonly subject: readonly StatementSubject[];
  readonly predicateType: string;
  readonly predicate: BundlePredicate;
}

export interface DsseSignature {
  /** Hex SHA-256 of the signer's public key (SubjectPublicKeyInfo, DER): a hint, never trusted. */
  readonly keyid: string;
  /** Base64 of the signature over `pae(payloadType, payload)`. */
  readonly sig: string;
}

export interface DsseEnvelope {
  /** Base64 of the serialized statement. */
  readonly payload: string;
  readonly payloadType: string;
  readonly signatures: readonly DsseSignature[];
}

export function bundleStatement(subjects: readonly StatementSubject[], predicate: BundlePredicate): Statement {
  const subject = [...subjects].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { _type: STATEMENT_TYPE, subject, predicateType: BUNDLE_PREDICATE_TYPE, predicate };
}

/**
 * DSSE's pre-authentication encoding, the bytes that are signed: "DSSEv1", the payload type and
 * the payload, each length-prefixed by its byte length in ASCII decimal, separated by spaces.
 */
export function preAuthenticationEncoding(payloadType: string, payload: Uint8Array): Uint8Array {
  const encoder = new TextEncoder();
  const type = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `);
  const bytes = new Uint8Array(head.length + payload.length);
  bytes.set(head, 0);
  bytes.set(payload, head.length);
  return bytes;
}

/** The envelope as a signed bundle holds it, or why it is not one. */
export function readEnvelope(json: unknown): { envelope: DsseEnvelope } | { problem: string } {
  if (!isRecord(json) || typeof json.payload !== "string" || typeof json.payloadType !== "string" || !Array.isArray(json.signatures))
    return { problem: "not a DSSE envelope (payload, payloadType, signatures)" };
  if (json.payloadType !== DSSE_PAYLOAD_TYPE) return { problem: `payloadType is "${json.payloadType}", not ${DSSE_PAYLOAD_TYPE}` };
  const signatures = json.signatures.filter(
    (s): s is DsseSignature => isRecord(s) && typeof s.sig === "string" && (s.keyid === undefined || typeof s.keyid === "string"),
  );
  if (signatures.length === 0) return { problem: "the envelope holds no signature" };
  return { envelope: { payload: json.payload, payloadType: json.payloadType, signatures } };
}

/** The subjects of a bundle statement (its decoded payload), or why it is not one. */
export function readStatement(json: unknown): { subjects: StatementSubject[] } | { problem: string } {
  if (!isRecord(json) || json._type !== STATEMENT_TYPE) return { problem: `not an in-toto statement (_type ${STATEMENT_TYPE})` };
  if (json.predicateType !== BUNDLE_PREDICATE_TYPE) return { problem: `predicateType is not ${BUNDLE_PREDICATE_TYPE}` };
  if (!Array.isArray(json.subject)) return { problem: "the statement has no subject list" };
  const subjects: StatementSubject[] = [];
  for (const subject of json.subject) {
    const sha256 = isRecord(subject) && isRecord(subject.digest) ? subject.digest.sha256 : undefined;
    if (!isRecord(subject) || typeof subject.name !== "string" || typeof sha256 !== "string" || !SHA256.test(sha256))
      return { problem: "a subject of the statement has no name or no sha256 digest" };
    subjects.push({ name: subject.name, digest: { sha256 } });
  }
  return { subjects };
}
