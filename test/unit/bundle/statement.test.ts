import * as assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import {
  BUNDLE_PREDICATE_TYPE,
  bundleStatement,
  preAuthenticationEncoding,
  readEnvelope,
  readStatement,
} from "../../../server/src/core/index";
import { envelopeSignedBy, keyIdOf, signingKey, signStatement, verifyingKey } from "../../../server/src/bundle/signing";

const PREDICATE = {
  generator: { name: "genesis-readiness", version: "0.1.0" },
  created: "2026-04-20T10:00:00.000Z",
  crateMetadata: "ro-crate-metadata.json",
  readiness: { score: 0.5, passed: 1, applicable: 2 },
};
const STATEMENT = bundleStatement(
  [
    { name: "b.csv", digest: { sha256: "b".repeat(64) } },
    { name: "a.csv", digest: { sha256: "a".repeat(64) } },
  ],
  PREDICATE,
);

describe("bundle statement and DSSE signing", function () {
  it("PAE is the DSSE v1 encoding (the specification's own example)", function () {
    const encoded = preAuthenticationEncoding("http://example.com/HelloWorld", new TextEncoder().encode("hello world"));
    assert.equal(new TextDecoder().decode(encoded), "DSSEv1 29 http://example.com/HelloWorld 11 hello world");
    // Lengths count bytes, not characters.
    assert.equal(new TextDecoder().decode(preAuthenticationEncoding("t", new TextEncoder().encode("é"))), "DSSEv1 1 t 2 é");
  });

  it("an in-toto Statement v1 with sorted subjects and this tool's predicate type, read back as written", function () {
    assert.equal(STATEMENT._type, "https://in-toto.io/Statement/v1");
    assert.equal(STATEMENT.predicateType, BUNDLE_PREDICATE_TYPE);
    assert.deepEqual(
      STATEMENT.subject.map((s) => s.name),
      ["a.csv", "b.csv"],
    );
    assert.deepEqual(readStatement(JSON.parse(JSON.stringify(STATEMENT))), { subjects: STATEMENT.subject });
    assert.ok("problem" in readStatement({ ...STATEMENT, _type: "https://in-toto.io/Statement/v0.1" }));
    assert.ok("problem" in readStatement({ ...STATEMENT, subject: [{ name: "a", digest: { sha1: "x" } }] }));
  });

  for (const [name, options] of [
    ["Ed25519", ["ed25519", {}]],
    ["ECDSA P-256", ["ec", { namedCurve: "P-256" }]],
  ] as const) {
    it(`${name}: signs the PAE of the payload, verifies with the public key, and not with another key or a changed payload`, function () {
      const pair = generateKeyPairSync(options[0] as "ed25519", options[1] as object);
      const other = generateKeyPairSync(options[0] as "ed25519", options[1] as object);
      const pem = pair.privateKey.export({ type: "pkcs8", format: "pem" });
      const key = signingKey(pem, "key.pem");
      const envelope = signStatement(STATEMENT, key);
      assert.equal(envelope.payloadType, "application/vnd.in-toto+json");
      assert.deepEqual(readEnvelope(JSON.parse(JSON.stringify(envelope))), { envelope });
      assert.equal(envelope.signatures[0].keyid, keyIdOf(pair.publicKey));
      const publicPem = pair.publicKey.export({ type: "spki", format: "pem" });
      assert.ok(envelopeSignedBy(envelope, verifyingKey(publicPem, "pub.pem")));
      assert.ok(!envelopeSignedBy(envelope, other.publicKey));
      const forged = Buffer.from(JSON.stringify({ ...STATEMENT, subject: [] })).toString("base64");
      assert.ok(!envelopeSignedBy({ ...envelope, payload: forged }, pair.publicKey));
    });
  }

  it("refuses keys of other algorithms and what is not a key, naming the file", function () {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" });
    assert.throws(() => signingKey(rsa, "rsa.pem"), /rsa\.pem: a rsa key; sign with an Ed25519 or ECDSA P-256 key/);
    const p384 = generateKeyPairSync("ec", { namedCurve: "P-384" }).privateKey.export({ type: "pkcs8", format: "pem" });
    assert.throws(() => signingKey(p384, "p384.pem"), /p384\.pem: a ec \(secp384r1\) key/);
    assert.throws(() => signingKey("not a key", "junk.pem"), /junk\.pem: not a PEM private key/);
  });
});
