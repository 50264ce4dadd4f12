import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { BundleError } from "../../../server/src/bundle/bundle-error";
import { verifyBundle } from "../../../server/src/bundle/verify-bundle";
import { writeBundle, type BundleRequest } from "../../../server/src/bundle/write-bundle";
import { openZipEntry, zipEntries } from "../../../server/src/bundle/zip-read";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { WorkspaceHost } from "../../../server/src/core/index";
import { engine } from "../harness";

const MIB = 1024 * 1024;
const DATA = "data/files/profiles.bin";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * A zip bundle reads each file once, hashing the very chunks it writes: a file changed while it
 * is being bundled (the `afterChunk` seam changes it after its first chunk, while later chunks are
 * still unread) either ends up in the bundle as read, with the digest of what the bundle holds,
 * or stops the bundle. It never ends up with a recorded digest other than its bytes'.
 */
describe("bundle: a file changed while it is being bundled into a zip", function () {
  let root: string;
  let parent: string;
  const original = Buffer.alloc(4 * MIB + 17, 1);

  beforeEach(function () {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), "genesis-changing-")));
    parent = mkdtempSync(path.join(tmpdir(), "genesis-changing-out-"));
    mkdirSync(path.join(root, "data/files"), { recursive: true });
    writeFileSync(path.join(root, DATA), original);
  });
  afterEach(function () {
    rmSync(root, { recursive: true, force: true });
    rmSync(parent, { recursive: true, force: true });
  });

  /** A bundle of a dataset manifest naming the data file (declaring `declared` as its sha256 if given). */
  function request(afterChunk: BundleRequest["afterChunk"], declared?: string): BundleRequest {
    const manifest =
      "apiVersion: genesis/v1\nkind: DatasetManifest\nid: changing\nversion: 1.0.0\nname: Changing data\nlicense: CC-BY-4.0\n" +
      `distribution:\n  - id: profiles\n    path: files/profiles.bin\n    format: binary\n${declared ? `    sha256: ${declared}\n` : ""}`;
    writeFileSync(path.join(root, "data/changing.dataset.yaml"), manifest);
    const host = new WorkspaceHost(engine);
    host.configure(DEFAULT_CONFIG);
    host.trusted = true;
    host.setFiles(["data/changing.dataset.yaml", DATA]);
    host.update("data/changing.dataset.yaml", manifest);
    host.finishLoading();
    return {
      root,
      host,
      isReported: () => true,
      name: "changing",
      out: path.join(parent, "bundle.zip"),
      generator: { name: "genesis-readiness", version: "0.0.0-test" },
      now: new Date("2026-03-14T15:09:26Z"),
      afterChunk,
    };
  }

  /** After the data file's first chunk: `change` it, once. */
  const afterFirstChunk = (change: (file: string) => void): BundleRequest["afterChunk"] => {
    let changed = false;
    return (relative, bytesRead) => {
      if (relative !== DATA || changed) return;
      assert.ok(bytesRead < original.length - MIB, "the change lies in a chunk not yet read");
      changed = true;
      change(path.join(root, DATA));
    };
  };
  /** Rewrites bytes in the file's last MiB in place (its size stays). */
  const rewriteTail = (file: string) => {
    const handle = openSync(file, "r+");
    writeSync(handle, Buffer.from("rewritten while bundled"), 0, 23, 4 * MIB - 100);
    closeSync(handle);
  };

  it("a same-size change: the bundle holds the bytes read and records their digest, and verifies", async function () {
    const summary = await writeBundle(request(afterFirstChunk(rewriteTail)));
    const changed = readFileSync(path.join(root, DATA));
    assert.notEqual(sha256(changed), sha256(original));
    const entry = (await zipEntries(summary.out)).find((e) => e.name === DATA)!;
    const chunks: Buffer[] = [];
    for await (const chunk of await openZipEntry(summary.out, entry)) chunks.push(chunk as Buffer);
    assert.deepEqual(Buffer.concat(chunks), changed, "the tail was read after the change");
    const metadataEntry = (await zipEntries(summary.out)).find((e) => e.name === "ro-crate-metadata.json")!;
    const metadataChunks: Buffer[] = [];
    for await (const chunk of await openZipEntry(summary.out, metadataEntry)) metadataChunks.push(chunk as Buffer);
    const metadata = JSON.parse(Buffer.concat(metadataChunks).toString("utf8")) as { "@graph": Record<string, unknown>[] };
    assert.equal(metadata["@graph"].find((e) => e["@id"] === DATA)!.sha256, sha256(changed));
    const verdict = await verifyBundle(summary.out, undefined);
    assert.deepEqual(verdict.problems, []);
  });

  it("a same-size change of a file with a declared sha256: the bundle stops (exit 1), names the file, leaves nothing", async function () {
    await assert.rejects(writeBundle(request(afterFirstChunk(rewriteTail), sha256(original))), (error: unknown) => {
      assert.ok(error instanceof BundleError);
      assert.equal(error.exitCode, 1);
      assert.match(
        error.message,
        new RegExp(`^${DATA}: its sha256 is [0-9a-f]{64}, but data/changing\\.dataset\\.yaml declares ${sha256(original)}`),
      );
      return true;
    });
    assert.deepEqual(readdirSync(parent), []);
  });

  it("a file that grows: the bundle stops (exit 1), names the file, leaves nothing", async function () {
    const grow = afterFirstChunk((file) => appendFileSync(file, "one more record\n"));
    await assert.rejects(writeBundle(request(grow)), (error: unknown) => {
      assert.ok(error instanceof BundleError);
      assert.equal(error.exitCode, 1);
      assert.match(
        error.message,
        new RegExp(
          `^${DATA}: changed while it was being bundled \\(${original.length} bytes when listed, ${original.length + 16} when read\\)`,
        ),
      );
      return true;
    });
    assert.deepEqual(readdirSync(parent), []);
  });

  it("a file removed before it is read: the bundle stops (exit 1), names the file, leaves nothing", async function () {
    const remove = (relative: string) => {
      if (relative === "data/changing.dataset.yaml") rmSync(path.join(root, DATA));
    };
    await assert.rejects(writeBundle(request(remove)), (error: unknown) => {
      assert.ok(error instanceof BundleError);
      assert.equal(error.exitCode, 1);
      assert.match(error.message, new RegExp(`^${DATA}: no longer exists while it was being bundled`));
      return true;
    });
    assert.deepEqual(readdirSync(parent), []);
  });
});
