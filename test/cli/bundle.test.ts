import * as assert from "node:assert/strict";
import { createHash, generateKeyPairSync } from "node:crypto";
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { filesUnder, roCrateContext, RoCrateValidator } from "../unit/export/standards";
import { assertCliBuilt, REPOSITORY, runCli, Workspaces, writeIn } from "./cli-harness";

const GLIDER = path.join(REPOSITORY, "test/fixtures/workspaces/ocean-glider");
const DATA_FILE = "data/files/raw/glider_ctd_profiles.csv";
const DOCUMENT = "data/glider-ctd-raw.dataset.yaml";
const STATEMENT = "genesis-bundle/statement.dsse.json";

type Entity = Record<string, unknown> & { "@id": string };
const refs = (value: unknown): string[] => ([] as unknown[]).concat(value ?? []).map((item) => (item as { "@id": string })["@id"]);
const typesOf = (entity: Entity | undefined): unknown[] => ([] as unknown[]).concat(entity?.["@type"] ?? []);

/** A PEM key pair written to `folder`: [private key file, public key file]. */
function keyPair(folder: string, name: string, type: "ed25519" | "p256"): [string, string] {
  const pair = type === "ed25519" ? generateKeyPairSync("ed25519") : generateKeyPairSync("ec", { namedCurve: "P-256" });
  const privateFile = writeIn(folder, `${name}.pem`, pair.privateKey.export({ type: "pkcs8", format: "pem" }));
  const publicFile = writeIn(folder, `${name}.pub.pem`, pair.publicKey.export({ type: "spki", format: "pem" }));
  return [privateFile, publicFile];
}

describe("genesis-readiness bundle and verify (built CLI)", function () {
  const workspaces = new Workspaces();
  let keys: string;
  let workspace: string;
  let signed: string;
  let ed25519: [string, string];
  let p256: [string, string];

  before(function () {
    assertCliBuilt();
    keys = workspaces.make();
    ed25519 = keyPair(keys, "ed25519", "ed25519");
    p256 = keyPair(keys, "p256", "p256");
    workspace = path.join(workspaces.make(), "ocean-glider");
    cpSync(GLIDER, workspace, { recursive: true });
    signed = path.join(workspaces.make(), "signed");
    const result = runCli(["bundle", workspace, "--out", signed, "--sign", ed25519[0]]);
    assert.equal(result.status, 0, result.stderr);
  });
  after(() => workspaces.removeAll());

  /** A fresh copy of the signed bundle folder to tamper with. */
  const copyOfSigned = (): string => {
    const copy = path.join(workspaces.make(), "copy");
    cpSync(signed, copy, { recursive: true });
    return copy;
  };
  const verify = (bundle: string, key?: string) => runCli(["verify", bundle, ...(key ? ["--key", key] : [])]);

  it("holds the documents, the files they name, the reports, the waivers, the metadata and the statement", function () {
    for (const file of [
      DOCUMENT,
      DATA_FILE,
      "models/artifacts/mld-gapfill.onnx",
      "genesis.config.yaml",
      "ro-crate-metadata.json",
      STATEMENT,
    ])
      assert.ok(existsSync(path.join(signed, file)), file);
    for (const file of ["readiness-report.html", "readiness-report.json", "waivers.json"])
      assert.ok(existsSync(path.join(signed, "genesis-bundle", file)), file);
    const metadata = JSON.parse(readFileSync(path.join(signed, "ro-crate-metadata.json"), "utf8")) as {
      "@graph": Record<string, unknown>[];
    };
    const csv = metadata["@graph"].find((e) => e["@id"] === DATA_FILE)!;
    assert.equal(csv.sha256, "4d9322da73c13a4fbe5f26c6d1945d66998541ce151eb9d2c28b0c660e22b041"); // as the manifest declares
    const envelope = JSON.parse(readFileSync(path.join(signed, STATEMENT), "utf8")) as { payload: string; payloadType: string };
    const statement = JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8")) as {
      _type: string;
      subject: { name: string }[];
    };
    assert.equal(statement._type, "https://in-toto.io/Statement/v1");
    assert.ok(statement.subject.some((s) => s.name === "ro-crate-metadata.json") && !statement.subject.some((s) => s.name === STATEMENT));
  });

  it("the crate of examples/ carries the RO-Crate export's entities: one entity per @id, files with both sets of properties", function () {
    const out = path.join(workspaces.make(), "examples");
    assert.equal(runCli(["bundle", path.join(REPOSITORY, "examples"), "--out", out]).status, 0);
    const crate = JSON.parse(readFileSync(path.join(out, "ro-crate-metadata.json"), "utf8")) as { "@graph": Entity[] };
    const byId = new Map(crate["@graph"].map((entity) => [entity["@id"], entity]));
    assert.equal(byId.size, crate["@graph"].length, "every @id once");
    // The root is the bundle's, with its check and the lineage's actions; hasPart is the bundled files.
    const root = byId.get("./")!;
    assert.match(String(root.name), /^Genesis submission bundle: examples/);
    assert.deepEqual(refs(root.license), ["#licenses"]);
    assert.ok(refs(root.mentions).includes("#readiness-check") && refs(root.mentions).includes("#run-cathode-training-set@1.0.0"));
    assert.deepEqual(refs(root.conformsTo), ["https://w3id.org/ro/wfrun/process/0.5"]);
    assert.equal(byId.get("https://w3id.org/ro/wfrun/process/0.5")?.name, "Process Run Crate");
    for (const part of refs(root.hasPart)) assert.equal(typeof byId.get(part)?.sha256, "string", part);
    // The datasets, models and workflow as the export describes them.
    const dataset = byId.get("#dataset-cathode-training-set@1.0.0")!;
    assert.deepEqual(refs(dataset.license), ["#license-licenseref-crada-proprietary"]);
    assert.ok(refs(dataset.creator).length > 0 && refs(dataset.additionalProperty)[0].startsWith("#classification-cui"));
    assert.ok(byId.has("#model-cathode-strain-surrogate@1.0.0"));
    const workflow = byId.get("pipelines/cathode-surrogate.pipeline.yaml")!;
    assert.ok(typesOf(workflow).includes("ComputationalWorkflow") && typesOf(workflow).includes("File"));
    assert.ok(refs(workflow.step).length > 0 && typeof workflow.sha256 === "string");
    // A distribution both list: one File with the bundle's digest and size and the export's classification.
    const table = crate["@graph"].filter((entity) => entity["@id"] === "data/files/derived/training_table.csv");
    assert.equal(table.length, 1);
    const bytes = readFileSync(path.join(out, "data/files/derived/training_table.csv"));
    assert.equal(table[0].sha256, createHash("sha256").update(bytes).digest("hex"));
    assert.equal(table[0].contentSize, String(bytes.length));
    assert.ok(table[0].encodingFormat && refs(table[0].additionalProperty).length === 1);
    // Every reference resolves in the crate, every term is RO-Crate 1.2's, the ro-crate checks pass, and verify holds.
    const context = roCrateContext();
    for (const entity of crate["@graph"])
      for (const [key, value] of Object.entries(entity)) {
        if (!key.startsWith("@")) assert.ok(key in context, `${entity["@id"]}: ${key}`);
        for (const target of ([] as unknown[]).concat(value).filter((item) => typeof item === "object" && item !== null && "@id" in item))
          assert.ok(byId.has(refs(target)[0]) || /^https?:\/\//.test(refs(target)[0]), `${entity["@id"]} names ${refs(target)[0]}`);
      }
    const validator = new RoCrateValidator();
    validator.parseJSON(crate);
    validator.rootDataEntity();
    validator.checkFiles(filesUnder(out));
    assert.deepEqual(
      validator.results.filter((result) => result.status === "error" || result.status === "warning"),
      [],
    );
    const verified = verify(out);
    assert.equal(verified.status, 0, verified.stdout);
  });

  it("an untouched bundle verifies with its key (exit 0); without a key it says the signature was not checked", function () {
    const withKey = verify(signed, ed25519[1]);
    assert.equal(withKey.status, 0, withKey.stdout + withKey.stderr);
    assert.match(withKey.stdout, /verified: \d+ files, every digest holds, signature verified/);
    const withoutKey = verify(signed);
    assert.equal(withoutKey.status, 0, withoutKey.stdout);
    assert.match(withoutKey.stderr, /signed \(key id [0-9a-f]{64}\), but no --key was given/);
  });

  it("catches one changed byte of a data file, naming it", function () {
    const copy = copyOfSigned();
    const file = path.join(copy, DATA_FILE);
    const bytes = readFileSync(file);
    bytes[100] ^= 1;
    writeFileSync(file, bytes);
    const result = verify(copy, ed25519[1]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, new RegExp(`^${DATA_FILE}: changed \\(sha256 [0-9a-f]{64}, the metadata records`, "m"));
  });

  it("catches a changed document", function () {
    const copy = copyOfSigned();
    appendFileSync(path.join(copy, DOCUMENT), "# edited after bundling\n");
    const result = verify(copy, ed25519[1]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, new RegExp(`^${DOCUMENT}: changed`, "m"));
  });

  it("catches a statement rewritten to match a changed file (only the signature then fails)", function () {
    const copy = copyOfSigned();
    appendFileSync(path.join(copy, DATA_FILE), "sg999-2026-001,forged\n");
    // Forge: the metadata and the statement now record the forged file's digest, the signature is the old one.
    const forgedDigest = createHash("sha256")
      .update(readFileSync(path.join(copy, DATA_FILE)))
      .digest("hex");
    const metadataFile = path.join(copy, "ro-crate-metadata.json");
    const original = JSON.parse(readFileSync(path.join(signed, "ro-crate-metadata.json"), "utf8")) as {
      "@graph": Record<string, unknown>[];
    };
    const oldDigest = original["@graph"].find((e) => e["@id"] === DATA_FILE)!.sha256 as string;
    const metadataText = readFileSync(metadataFile, "utf8")
      .replace(oldDigest, forgedDigest)
      .replace(/"contentSize": "3910"/, `"contentSize": "${readFileSync(path.join(copy, DATA_FILE)).length}"`);
    writeFileSync(metadataFile, metadataText);
    const metadataDigest = createHash("sha256").update(metadataText).digest("hex");
    const envelopeFile = path.join(copy, STATEMENT);
    const envelope = JSON.parse(readFileSync(envelopeFile, "utf8")) as { payload: string };
    const statement = JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8")) as {
      subject: { name: string; digest: { sha256: string } }[];
    };
    for (const subject of statement.subject) {
      if (subject.name === DATA_FILE) subject.digest.sha256 = forgedDigest;
      if (subject.name === "ro-crate-metadata.json") subject.digest.sha256 = metadataDigest;
    }
    envelope.payload = Buffer.from(JSON.stringify(statement)).toString("base64");
    writeFileSync(envelopeFile, JSON.stringify(envelope));
    const result = verify(copy, ed25519[1]);
    assert.equal(result.status, 1);
    assert.deepEqual(result.stdout.trim().split("\n").slice(0, -1), [
      `${STATEMENT}: the signature does not verify with the given key (key id ${result.stdout.match(/key id ([0-9a-f]{64})/)![1]})`,
    ]);
  });

  it("catches an added file and a removed one", function () {
    const copy = copyOfSigned();
    writeIn(copy, "data/files/raw/extra.csv", "a,b\n1,2\n");
    const added = verify(copy, ed25519[1]);
    assert.equal(added.status, 1);
    assert.match(added.stdout, /^data\/files\/raw\/extra\.csv: added \(the metadata does not list it\)$/m);
    const other = copyOfSigned();
    rmSync(path.join(other, "governance/binder.md"));
    const removed = verify(other, ed25519[1]);
    assert.equal(removed.status, 1);
    assert.match(removed.stdout, /^governance\/binder\.md: removed/m);
  });

  it("an unsigned bundle whose metadata was emptied does not verify: every file it omits is named", function () {
    const unsigned = path.join(workspaces.make(), "unsigned");
    assert.equal(runCli(["bundle", workspace, "--out", unsigned]).status, 0);
    const metadataFile = path.join(unsigned, "ro-crate-metadata.json");
    const metadata = JSON.parse(readFileSync(metadataFile, "utf8")) as { "@graph": Record<string, unknown>[] };
    for (const entity of metadata["@graph"]) if (entity["@id"] === "./") entity.hasPart = [];
    writeFileSync(metadataFile, JSON.stringify(metadata));
    const result = verify(unsigned);
    assert.equal(result.status, 1);
    assert.match(result.stdout, new RegExp(`^${DATA_FILE}: added \\(the metadata does not list it\\)$`, "m"));
  });

  it("catches the wrong key, and a key given for an unsigned bundle", function () {
    const wrong = verify(signed, p256[1]);
    assert.equal(wrong.status, 1);
    assert.match(wrong.stdout, /statement\.dsse\.json: the signature does not verify with the given key/);
    const unsigned = path.join(workspaces.make(), "unsigned");
    assert.equal(runCli(["bundle", workspace, "--out", unsigned]).status, 0);
    assert.equal(verify(unsigned).status, 0);
    const keyed = verify(unsigned, ed25519[1]);
    assert.equal(keyed.status, 1);
    assert.match(keyed.stdout, /statement\.dsse\.json: missing; the bundle is not signed/);
  });

  it("a zip signed with ECDSA P-256 verifies, and one changed byte inside it is caught", function () {
    const zip = path.join(workspaces.make(), "bundle.zip");
    const result = runCli(["bundle", workspace, "--out", zip, "--sign", p256[0]]);
    assert.equal(result.status, 0, result.stderr);
    const ok = verify(zip, p256[1]);
    assert.equal(ok.status, 0, ok.stdout);
    // Data files are stored, not deflated: the CSV's bytes lie in the archive as they are.
    const archive = readFileSync(zip);
    const at = archive.indexOf(readFileSync(path.join(workspace, DATA_FILE)).subarray(0, 64));
    assert.ok(at > 0);
    archive[at + 70] ^= 1;
    const tampered = path.join(path.dirname(zip), "tampered.zip");
    writeFileSync(tampered, archive);
    const caught = verify(tampered, p256[1]);
    assert.equal(caught.status, 1);
    assert.match(caught.stdout, new RegExp(`^${DATA_FILE}: changed`, "m"));
  });

  it("stops on a file that does not hold its declared sha256, naming it, and writes nothing", function () {
    const broken = path.join(workspaces.make(), "ocean-glider");
    cpSync(GLIDER, broken, { recursive: true });
    appendFileSync(path.join(broken, DATA_FILE), "sg640-2026-099,x\n");
    const parent = workspaces.make();
    for (const out of ["bundle", "bundle.zip"]) {
      const result = runCli(["bundle", broken, "--out", path.join(parent, out), "--sign", ed25519[0]]);
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stderr, new RegExp(`${DATA_FILE}: its sha256 is [0-9a-f]{64}, but ${DOCUMENT} declares 4d9322da`));
    }
    assert.deepEqual(readdirSync(parent), [], "no bundle and no staging left behind");
  });

  it("stops on a named file that is missing, naming it and the document", function () {
    const broken = path.join(workspaces.make(), "ocean-glider");
    cpSync(GLIDER, broken, { recursive: true });
    rmSync(path.join(broken, "governance/access-policy.md"));
    const out = path.join(workspaces.make(), "bundle");
    const result = runCli(["bundle", broken, "--out", out]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /governance\/access-policy\.md: does not exist; named by .+ at \/access\/policy/);
    assert.ok(!existsSync(out));
  });

  it("stops on a named file that is a link out of the workspace, and never reads through it", function () {
    const linked = path.join(workspaces.make(), "ocean-glider");
    cpSync(GLIDER, linked, { recursive: true });
    const outside = writeIn(workspaces.make(), "secret.md", "not for the bundle\n");
    rmSync(path.join(linked, "governance/binder.md"));
    symlinkSync(outside, path.join(linked, "governance/binder.md"));
    const out = path.join(workspaces.make(), "bundle");
    const result = runCli(["bundle", linked, "--out", out]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /governance\/binder\.md: a link that leads out of the workspace; named by .+ at \/governance\/binder/);
    assert.ok(!existsSync(out));
  });

  it("never overwrites an existing --out (exit 2, naming it)", function () {
    const folder = workspaces.make();
    const existing = writeIn(folder, "bundle.zip", "keep me");
    const result = runCli(["bundle", workspace, "--out", existing]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /bundle\.zip: exists already/);
    assert.equal(readFileSync(existing, "utf8"), "keep me");
    assert.equal(runCli(["bundle", workspace, "--out", signed]).status, 2);
  });

  it("usage errors: no --out, --key on bundle, two bundles to verify", function () {
    assert.match(runCli(["bundle", workspace]).stderr, /bundle needs --out/);
    assert.equal(runCli(["bundle", workspace, "--out", "x", "--key", "k"]).status, 2);
    assert.equal(runCli(["verify", "a", "b"]).status, 2);
  });
});
