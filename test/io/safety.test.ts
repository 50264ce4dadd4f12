import * as assert from "node:assert/strict";
import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { EvidenceCache } from "../../server/src/io/evidence-cache";
import { EvidenceReader } from "../../server/src/io/evidence-reader";
import { EvidenceService } from "../../server/src/io/evidence-service";
import { HashPool } from "../../server/src/io/hash-pool";
import { bytesReadSoFar, checkIo, onnxModel, sha256, summary, TempWorkspace } from "./workspace";

const manifest = (distribution: string) => `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\ndistribution:\n${distribution}`;
const request = (filePath: string, parts: { sha256?: boolean; onnx?: boolean; table?: "csv" | "parquet" } = {}) => ({
  path: filePath,
  sha256: false,
  hdf5: false,
  onnx: false,
  ...parts,
});

describe("io readers: safety, bounds, cache", function () {
  let workspace: TempWorkspace;
  let outside: TempWorkspace;
  let service: EvidenceService;
  beforeEach(() => {
    workspace = new TempWorkspace();
    outside = new TempWorkspace();
    service = new EvidenceService();
  });
  afterEach(() => {
    service.dispose();
    workspace.remove();
    outside.remove();
  });

  it("reports a checksum mismatch with both digests, and a missing file with the nearest name", async () => {
    workspace.write("data/files/obs.csv", "a,b\n1,2\n");
    const declared = sha256("a,b\n1,2\n3,4\n");
    const text = manifest(
      `  - { id: obs, path: files/obs.csv, format: csv, sha256: ${declared} }\n  - { id: old, path: files/ob.csv, format: csv }\n`,
    );
    assert.deepEqual(summary(await checkIo(service, workspace, "data/ocean.dataset.yaml", text)), [
      `integrity/checksum-mismatch: "files/obs.csv" does not match its sha256: declared ${declared}, ` +
        `but the file's SHA-256 is ${sha256("a,b\n1,2\n")}. If the file changed on purpose, ` +
        `write the new digest (and publish a new version); otherwise restore the file.`,
      `integrity/file-missing: The distribution file "files/ob.csv" does not exist (data/files/ob.csv ` +
        `from the workspace root). Did you mean "files/obs.csv"? Correct the path or add the file; ` +
        `paths are relative to this document's folder "data/", or to the workspace root when they start with "/".`,
    ]);
  });

  it("never follows a symbolic link out of the workspace, and never reads what it leads to", async () => {
    outside.write("secret.csv", "token\nhunter2\n");
    mkdirSync(workspace.path("data"), { recursive: true });
    symlinkSync(outside.path("secret.csv"), workspace.path("data/secret.csv"));
    symlinkSync(outside.root, workspace.path("data/elsewhere"));
    const text = manifest(
      `  - { id: a, path: secret.csv, format: csv, sha256: ${sha256("token\nhunter2\n")} }\n` +
        `  - { id: b, path: elsewhere/secret.csv, format: csv }\n`,
    );
    const diagnostics = await checkIo(service, workspace, "data/ocean.dataset.yaml", text);
    assert.deepEqual(
      diagnostics.map((d) => [d.rule, d.pointer]),
      [
        ["path/outside-workspace", "/distribution/0/path"],
        ["path/outside-workspace", "/distribution/1/path"],
      ],
    );
    assert.match(
      diagnostics[0].message,
      new RegExp(
        `^"secret.csv" leads through a symbolic link to ${outside.path("secret.csv").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, ` +
          `outside the workspace, so it is not read`,
      ),
    );
    const reader = new EvidenceReader(workspace.root);
    assert.deepEqual(await reader.read(request("data/secret.csv", { sha256: true })), {
      status: "outside-workspace",
      reason: `leads through a symbolic link to ${outside.path("secret.csv")}, outside the workspace`,
    });
  });

  it("follows links that stay inside the workspace", async () => {
    workspace.write("real/obs.csv", "a\n1\n");
    mkdirSync(workspace.path("data"), { recursive: true });
    symlinkSync(workspace.path("real/obs.csv"), workspace.path("data/obs.csv"));
    const text = manifest(`  - { id: a, path: obs.csv, format: csv, sha256: ${sha256("a\n1\n")} }\n`);
    assert.deepEqual(summary(await checkIo(service, workspace, "data/ocean.dataset.yaml", text)), []);
  });

  it("never touches an https: URL", async () => {
    const text = manifest(`  - { id: a, path: "https://data.example.gov/obs.csv", format: csv, sha256: ${"a".repeat(64)} }\n`);
    assert.deepEqual(summary(await checkIo(service, workspace, "ocean.dataset.yaml", text)), []);
  });

  it("refuses what is not a regular file, and reports a dangling link as missing", async () => {
    mkdirSync(workspace.path("data"), { recursive: true });
    symlinkSync(workspace.path("nowhere.csv"), workspace.path("data/dangling.csv"));
    const reader = new EvidenceReader(workspace.root);
    assert.equal((await reader.read(request("data/dangling.csv"))).status, "missing");
    const devNull = path.join(workspace.root, "null");
    symlinkSync("/dev/null", devNull);
    assert.equal((await reader.read(request("null"))).status, "outside-workspace");
  });

  it("reads an ONNX model's signature without reading its weights", async () => {
    const floats = 8 * 1024 * 1024; // 32 MB of weights
    const bytes = onnxModel({
      inputs: [{ name: "x", elemType: 1, dims: ["N", 4] }],
      outputs: [{ name: "y", elemType: 1, dims: ["N", 1] }],
      weights: [{ name: "W", floats }],
    });
    workspace.write("m.onnx", bytes);
    workspace.write("warm-up.onnx", onnxModel({ inputs: [], outputs: [] }));
    const reader = new EvidenceReader(workspace.root);
    await reader.read(request("warm-up.onnx", { onnx: true })); // loads onnx-proto: its own reads do not count
    const before = bytesReadSoFar();
    const found = await reader.read(request("m.onnx", { onnx: true }));
    const after = bytesReadSoFar();
    assert.ok(found.status === "ok" && found.onnx, JSON.stringify(found));
    assert.deepEqual(found.onnx, {
      inputs: [{ name: "x", elemType: 1, shape: ["N", 4] }],
      outputs: [{ name: "y", elemType: 1, shape: ["N", 1] }],
    });
    if (before !== undefined && after !== undefined)
      assert.ok(after - before < 512 * 1024, `read ${after - before} bytes of a ${bytes.length}-byte model`);
  });

  it("reads a Parquet schema from the footer alone", async () => {
    const { parquetWriteBuffer } = await import("hyparquet-writer");
    const values = Float64Array.from({ length: 1_000_000 }, (_, i) => i * 1.5);
    const bytes = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: "v", data: values, type: "DOUBLE" }], codec: "UNCOMPRESSED" }));
    workspace.write("v.parquet", bytes);
    workspace.write("warm-up.parquet", new Uint8Array(parquetWriteBuffer({ columnData: [{ name: "w", data: [1], type: "DOUBLE" }] })));
    const reader = new EvidenceReader(workspace.root);
    await reader.read(request("warm-up.parquet", { table: "parquet" })); // loads hyparquet
    const before = bytesReadSoFar();
    const found = await reader.read(request("v.parquet", { table: "parquet" }));
    const after = bytesReadSoFar();
    assert.ok(found.status === "ok" && found.table, JSON.stringify(found));
    assert.deepEqual(found.table.columns, [{ name: "v", type: "number", recorded: "DOUBLE" }]);
    if (before !== undefined && after !== undefined)
      assert.ok(after - before < 512 * 1024, `read ${after - before} bytes of a ${bytes.length}-byte file`);
  });

  it("caches by size and mtime: an unchanged file is not hashed again, a changed one is", async () => {
    workspace.write("a.bin", "first");
    let hashed = 0;
    const counting = new (class extends HashPool {
      override hash(absolute: string, signal?: AbortSignal, onBytes?: (bytes: number) => void): Promise<string> {
        hashed++;
        return super.hash(absolute, signal, onBytes);
      }
    })(1, undefined);
    const reader = new EvidenceReader(workspace.root, new EvidenceCache(), counting);
    const first = await reader.read(request("a.bin", { sha256: true }));
    const again = await reader.read(request("a.bin", { sha256: true }));
    assert.deepEqual(again, first);
    assert.equal(hashed, 1);
    writeFileSync(workspace.path("a.bin"), "second");
    utimesSync(workspace.path("a.bin"), new Date(), new Date(Date.now() + 5000));
    const changed = await reader.read(request("a.bin", { sha256: true }));
    assert.ok(changed.status === "ok");
    assert.equal(changed.sha256, sha256("second"));
    assert.equal(hashed, 2);
  });

  it("hashes a file whose item declares no sha256 only when asked (Verify Files), then keeps its digest without rehashing", async () => {
    workspace.write("a.bin", "the file's bytes");
    const text = manifest(`  - { id: a, path: a.bin, format: other }\n`);
    const { engine } = await import("../unit/harness");
    const document = engine.analyze({ path: "ocean.dataset.yaml", text }).document!;
    const gather = async (hashUndeclared: boolean) => {
      const hashing: number[] = [];
      const evidence = await service.gather(workspace.root, document, undefined, (p) => hashing.push(p.bytesTotal), { hashUndeclared });
      const found = evidence.get("a.bin");
      return { sha256: found?.status === "ok" ? found.sha256 : undefined, bytesToHash: hashing[0] };
    };
    assert.deepEqual(await gather(false), { sha256: undefined, bytesToHash: 0 }, "an open or a save does not hash it");
    assert.deepEqual(await gather(true), { sha256: sha256("the file's bytes"), bytesToHash: 16 }, "Verify Files does");
    assert.deepEqual(
      await gather(false),
      { sha256: sha256("the file's bytes"), bytesToHash: 0 },
      "the cached digest comes along without a new hash",
    );
    assert.deepEqual(engine.checkEvidence(document, await service.gather(workspace.root, document)), [], "and is compared with nothing");
  });

  it("invalidate forgets a file", async () => {
    const text = manifest(`  - { id: a, path: a.csv, format: csv, sha256: ${sha256("x\n")} }\n`);
    workspace.write("a.csv", "x\n");
    assert.deepEqual(summary(await checkIo(service, workspace, "ocean.dataset.yaml", text)), []);
    rmSync(workspace.path("a.csv"));
    service.invalidate(workspace.path("a.csv"));
    assert.deepEqual(
      (await checkIo(service, workspace, "ocean.dataset.yaml", text)).map((d) => d.rule),
      ["integrity/file-missing"],
    );
  });

  it("rejects with an AbortError when cancelled, and caches nothing of it", async () => {
    workspace.write("big.bin", Buffer.alloc(16 * 1024 * 1024, 7));
    const text = manifest(`  - { id: a, path: big.bin, format: other, sha256: "${"0".repeat(64)}" }\n`);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      checkIo(service, workspace, "ocean.dataset.yaml", text, controller.signal),
      (error: Error) => error.name === "AbortError",
    );
    const late = new AbortController();
    const pending = checkIo(service, workspace, "ocean.dataset.yaml", text, late.signal);
    late.abort();
    await assert.rejects(pending, (error: Error) => error.name === "AbortError");
    assert.deepEqual(
      (await checkIo(service, workspace, "ocean.dataset.yaml", text)).map((d) => d.rule),
      ["integrity/checksum-mismatch"],
    );
  });

  it("reports progress: files and bytes to hash", async () => {
    workspace.write("a.bin", Buffer.alloc(1000));
    workspace.write("b.bin", Buffer.alloc(3000));
    const text = manifest(
      `  - { id: a, path: a.bin, format: other, sha256: "${"0".repeat(64)}" }\n` +
        `  - { id: b, path: b.bin, format: other, sha256: "${"0".repeat(64)}" }\n  - { id: c, path: c.bin, format: other }\n`,
    );
    const { engine } = await import("../unit/harness");
    const seen: { filesDone: number; filesTotal: number; bytesDone: number; bytesTotal: number }[] = [];
    await service.gather(workspace.root, engine.analyze({ path: "ocean.dataset.yaml", text }).document!, undefined, (p) => seen.push(p));
    assert.deepEqual(seen[0], { filesDone: 1, filesTotal: 3, bytesDone: 0, bytesTotal: 4000 });
    assert.deepEqual(seen.at(-1), { filesDone: 3, filesTotal: 3, bytesDone: 4000, bytesTotal: 4000 });
  });
});
