import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { DSSE_PAYLOAD_TYPE, preAuthenticationEncoding, type DsseEnvelope, type Statement } from "../core/index";
import { BundleError } from "./bundle-error";

/**
 * DSSE signing and checking with node:crypto (docs/bundles.md#the-statement): Ed25519, or ECDSA
 * on P-256 with SHA-256 and a DER signature, as cosign and OpenSSF model signing write them. Keys
 * are PEM; nothing is fetched.
 */

/** The algorithm of a usable key, or undefined. */
function algorithmOf(key: KeyObject): "ed25519" | "ecdsa-p256" | undefined {
  if (key.asymmetricKeyType === "ed25519") return "ed25519";
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ecdsa-p256";
  return undefined;
}

/** A PEM private key to sign with: Ed25519 or ECDSA P-256, unencrypted. `source` names it in errors. */
export function signingKey(pem: string | Buffer, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new BundleError(`${source}: not a PEM private key this tool can use (${reason(error)}).`, 2);
  }
  if (!algorithmOf(key)) throw new BundleError(`${source}: a ${describe(key)} key; sign with an Ed25519 or ECDSA P-256 key.`, 2);
  return key;
}

/** A PEM public key (or a private key, whose public half is taken) to check signatures with. */
export function verifyingKey(pem: string | Buffer, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new BundleError(`${source}: not a PEM public key (${reason(error)}).`, 2);
  }
  if (!algorithmOf(key)) throw new BundleError(`${source}: a ${describe(key)} key; bundles are signed with Ed25519 or ECDSA P-256.`, 2);
  return key;
}

/** Hex SHA-256 of the public key's SubjectPublicKeyInfo (DER): the envelope's `keyid`. */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex");
}

export function signStatement(statement: Statement, key: KeyObject): DsseEnvelope {
  const payload = Buffer.from(JSON.stringify(statement), "utf8");
  const signature = sign(digestOf(key), preAuthenticationEncoding(DSSE_PAYLOAD_TYPE, payload), key);
  return {
    payload: payload.toString("base64"),
    payloadType: DSSE_PAYLOAD_TYPE,
    signatures: [{ keyid: keyIdOf(key), sig: signature.toString("base64") }],
  };
}

/** True when one of the envelope's signatures is the key's over the envelope's payload. */
export function envelopeSignedBy(envelope: DsseEnvelope, key: KeyObject): boolean {
  const signed = preAuthenticationEncoding(envelope.payloadType, Buffer.from(envelope.payload, "base64"));
  return envelope.signatures.some((signature) => {
    try {
      return verify(digestOf(key), signed, key, Buffer.from(signature.sig, "base64"));
    } catch {
      return false; // a malformed signature is simply not this key's
    }
  });
}

/** Ed25519 hashes internally (no digest is named); ECDSA signs the SHA-256 of the message. */
function digestOf(key: KeyObject): string | null {
  return algorithmOf(key) === "ed25519" ? null : "sha256";
}

function describe(key: KeyObject): string {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  return `${key.asymmetricKeyType ?? "symmetric"}${curve ? ` (${curve})` : ""}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
