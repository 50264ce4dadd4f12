import * as assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { verifyBundle } from "../../server/src/bundle/verify-bundle";
import { BUNDLE_PROGRESS_NOTIFICATION, BUNDLE_REQUEST, type BundleProgressParams } from "../../server/src/protocol";
import { LspTestClient } from "../support/lsp-client";

const GLIDER = path.resolve(__dirname, "../fixtures/workspaces/ocean-glider");

describe("language server: genesis/bundle", function () {
  let folder: string;
  let root: string;
  let client: LspTestClient;

  before(async function () {
    folder = realpathSync(mkdtempSync(path.join(tmpdir(), "genesis-lsp-bundle-")));
    root = path.join(folder, "ocean-glider");
    cpSync(GLIDER, root, { recursive: true });
    client = new LspTestClient(pathToFileURL(root).toString());
    const indexed = client.indexed();
    await client.initialize();
    await indexed;
  });

  after(async function () {
    await client?.shutdown();
    rmSync(folder, { recursive: true, force: true });
  });

  it("writes a signed zip bundle of the folder that verifies, reporting progress on the way", async function () {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const key = path.join(folder, "key.pem");
    writeFileSync(key, pair.privateKey.export({ type: "pkcs8", format: "pem" }));
    const progress: BundleProgressParams[] = [];
    client.connection.onNotification(BUNDLE_PROGRESS_NOTIFICATION, (p) => progress.push(p));
    const out = path.join(folder, "glider.zip");
    const result = await client.connection.sendRequest(BUNDLE_REQUEST, { folder: pathToFileURL(root).toString(), out, key });
    assert.equal(result.out, out);
    assert.ok(result.files > 20 && result.keyid?.length === 64, JSON.stringify(result));
    const last = progress.at(-1)!;
    assert.ok(last && last.filesDone === last.filesTotal && last.bytesDone === last.bytesTotal, JSON.stringify(progress));
    const verdict = await verifyBundle(out, pair.publicKey);
    assert.deepEqual(verdict.problems, []);
    assert.ok(verdict.signed);
  });

  it("answers an existing output with the CLI's message, and replaces nothing", async function () {
    const out = path.join(folder, "taken");
    writeFileSync(out, "keep");
    await assert.rejects(client.connection.sendRequest(BUNDLE_REQUEST, { out }), /taken: exists already/);
  });
});
