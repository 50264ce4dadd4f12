import * as assert from "node:assert/strict";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { progressLine, terminalProgressBar } from "../../server/src/cli/progress-bar";
import { assertCliBuilt, checkJson, REPOSITORY, runCli } from "../cli/cli-harness";
import { onnxModel, sha256, TempWorkspace } from "./workspace";

/**
 * The io rules through the BUILT command line: hashes in dist/hash-worker.js, HDF5 through
 * dist/hdf5-reader.js, both loaded beside dist/cli.js as in a release.
 */
describe("genesis-readiness check: io rules (built CLI)", function () {
  this.timeout(60_000);
  let workspace: TempWorkspace;

  before(function () {
    assertCliBuilt();
    assert.ok(existsSync(path.join(REPOSITORY, "dist/hash-worker.js")), "dist/hash-worker.js is built beside the CLI");
    assert.ok(existsSync(path.join(REPOSITORY, "dist/hdf5-reader.js")), "dist/hdf5-reader.js is built beside the CLI");
  });
  beforeEach(() => {
    workspace = new TempWorkspace();
  });
  afterEach(() => workspace.remove());

  async function writeHdf5(relative: string): Promise<void> {
    // @ts-expect-error "h5wasm/node" is an exports subpath (see server/src/io/hdf5-reader.ts)
    const module = (await import("h5wasm/node")) as typeof import("h5wasm") & { default?: typeof import("h5wasm") };
    const h5 = module.default ?? module;
    await h5.ready;
    const file = new h5.File(workspace.path(relative), "w");
    file.create_dataset({ name: "temperature", data: new Float64Array([1.5, 2.5]) });
    file.close();
  }

  it("reports checksum, schema, signature and missing-file problems; --no-io skips them", async function () {
    this.timeout(180_000); // the first h5wasm import under tsx (to write the fixture) is slow
    const csv = "station,temperature\nst-01,12.5\n";
    workspace.write("data/obs.csv", csv);
    await writeHdf5("data/grid.h5");
    const model = onnxModel({
      inputs: [{ name: "x", elemType: 1, dims: ["N", 4] }],
      outputs: [{ name: "y", elemType: 1, dims: ["N", 1] }],
    });
    workspace.write("models/m.onnx", model);
    const wrong = sha256("something else");
    workspace.write(
      "data/ocean.dataset.yaml",
      `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\nversion: 1.0.0\ndistribution:\n` +
        `  - { id: obs, path: obs.csv, format: csv, sha256: ${wrong} }\n  - { id: grid, path: grid.h5, format: hdf5 }\n` +
        `recordSets:\n  - id: obs\n    source: obs\n    fields:\n` +
        `      - { name: station, type: string }\n      - { name: temperature, type: integer }\n` +
        `  - id: grid\n    source: grid\n    fields:\n      - { name: /temperature, type: integer }\n`,
    );
    workspace.write(
      "models/m.model.yaml",
      `apiVersion: genesis/v1\nkind: ModelCard\nid: m\nversion: 1.0.0\ntraining:\n` +
        `  environment: { lockfile: ../env/conda-lock.yml }\nartifacts:\n` +
        `  - format: onnx\n    path: m.onnx\n    sha256: ${sha256(model)}\n    signature:\n` +
        `      inputs: [{ name: x, dtype: float32, shape: [batch, 3] }]\n` +
        `      outputs: [{ name: y, dtype: float32, shape: [batch, 1] }]\n`,
    );

    const { status, report, stderr } = checkJson([workspace.root]);
    assert.equal(status, 1);
    assert.equal(stderr, "", "no progress bar and no HDF5 traces when stderr is not a terminal");
    const io = report.documents.flatMap((d) =>
      d.diagnostics
        .filter(
          (x) =>
            x.rule.includes("/") &&
            /integrity\/(checksum-mismatch|file-missing)|schema-drift|signature-mismatch|repro\/lockfile/.test(x.rule),
        )
        .map((x) => `${d.path} ${x.rule} ${x.pointer}`),
    );
    assert.deepEqual(io.sort(), [
      "data/ocean.dataset.yaml data/schema-drift /recordSets/0/fields/1/type",
      "data/ocean.dataset.yaml data/schema-drift /recordSets/1/fields/0/type",
      "data/ocean.dataset.yaml integrity/checksum-mismatch /distribution/0/sha256",
      "models/m.model.yaml model/signature-mismatch /artifacts/0/signature/inputs/0/shape/1",
      "models/m.model.yaml repro/lockfile /training/environment/lockfile",
    ]);
    const mismatch = report.documents.flatMap((d) => d.diagnostics).find((d) => d.rule === "integrity/checksum-mismatch")!;
    assert.ok(mismatch.message.includes(wrong) && mismatch.message.includes(sha256(csv)), mismatch.message);

    const skipped = checkJson([workspace.root, "--no-io"]);
    const rules = skipped.report.documents.flatMap((d) => d.diagnostics.map((x) => x.rule));
    for (const rule of ["integrity/checksum-mismatch", "data/schema-drift", "model/signature-mismatch", "repro/lockfile"])
      assert.ok(!rules.includes(rule), `${rule} with --no-io`);
  });

  it("finds nothing wrong with the real files of examples/ beyond the deliberate mistakes", function () {
    const ioRules = [
      "integrity/checksum-mismatch",
      "integrity/file-missing",
      "data/schema-drift",
      "model/signature-mismatch",
      "repro/lockfile",
      "governance/policy-missing",
    ];
    const result = runCli(["check", "examples", "--format", "json"]);
    const report = JSON.parse(result.stdout) as { documents: { path: string; diagnostics: { rule: string; message: string }[] }[] };
    const io = report.documents.flatMap((d) =>
      d.diagnostics.filter((x) => ioRules.includes(x.rule)).map((x) => `${d.path}: ${x.rule}: ${x.message}`),
    );
    assert.deepEqual(io, []);
  });
});

describe("progress bar", () => {
  const terminal = (written: string[], columns = 80) =>
    ({ isTTY: true, columns, write: (s: string) => written.push(s) > 0 }) as unknown as NodeJS.WriteStream;
  const clock = () => {
    let time = 0;
    return { now: () => time, advance: (ms: number) => (time += ms) };
  };

  it("draws files and megabytes, cut to the terminal's width", () => {
    const line = progressLine({ filesDone: 3, filesTotal: 10, bytesDone: 512 * 1024 * 1024, bytesTotal: 1024 * 1024 * 1024 }, 120);
    assert.equal(line, "Hashing [############------------] 3/10 files, 512.0 of 1024.0 MB");
    assert.equal(progressLine({ filesDone: 0, filesTotal: 1, bytesDone: 0, bytesTotal: 1 }, 20).length, 19);
  });

  it("stays silent when stderr is not a terminal or is a dumb one", () => {
    assert.equal(terminalProgressBar({ isTTY: false } as NodeJS.WriteStream), undefined);
    assert.equal(terminalProgressBar(terminal([]), { TERM: "dumb" }), undefined);
  });

  it("appears only when hashing lasts, and erases itself without escape sequences", () => {
    const written: string[] = [];
    const time = clock();
    const bar = terminalProgressBar(terminal(written), {}, time.now)!;
    bar.update({ filesDone: 0, filesTotal: 2, bytesDone: 0, bytesTotal: 10 });
    time.advance(100);
    bar.update({ filesDone: 1, filesTotal: 2, bytesDone: 5, bytesTotal: 10 });
    assert.equal(written.length, 0, "not yet: a quick hash shows no bar");
    time.advance(200);
    bar.update({ filesDone: 1, filesTotal: 2, bytesDone: 6, bytesTotal: 10 });
    time.advance(10);
    bar.update({ filesDone: 2, filesTotal: 2, bytesDone: 10, bytesTotal: 10 });
    bar.done();
    assert.equal(written.length, 3);
    assert.match(written[0], /^\rHashing \[#+-+\] 1\/2 files/);
    assert.match(written[1], /^\rHashing \[#+\] 2\/2 files/);
    assert.equal(written[2], `\r${" ".repeat(written[0].length - 1)}\r`);
    assert.ok(!written.join("").includes("\x1b"), "no escape sequences");
  });

  it("never shows a bar for a gather that finishes before the delay", () => {
    const written: string[] = [];
    const time = clock();
    const bar = terminalProgressBar(terminal(written), {}, time.now)!;
    time.advance(1000);
    bar.update({ filesDone: 1, filesTotal: 1, bytesDone: 10, bytesTotal: 10 });
    bar.done();
    assert.deepEqual(written, []);
  });

  it("draws a full line when the terminal does not say its width", () => {
    const written: string[] = [];
    const time = clock();
    const bar = terminalProgressBar(terminal(written, 0), {}, time.now)!;
    time.advance(500);
    bar.update({ filesDone: 0, filesTotal: 1, bytesDone: 5, bytesTotal: 10 });
    assert.match(written[0], /^\rHashing \[#+-+\] 0\/1 files, 0\.0 of 0\.0 MB$/);
  });
});
