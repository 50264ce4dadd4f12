import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { EvidenceService } from "../../server/src/io/evidence-service";
import { bytesReadSoFar, checkIo, onnxModel, sha256, summary, TempWorkspace } from "./workspace";

/** The io rules end to end: real files in a temporary workspace, read by the Node readers. */

const CSV = "station,temperature,count,valid,day\nst-01,12.5,4,1,2026-01-15\nst-02,13,5,0,2026-01-16\n";

function manifest(format: string, path: string, fields: string, extra = ""): string {
  return (
    `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\ndistribution:\n  - id: obs\n    path: ${path}\n` +
    `    format: ${format}\n${extra}recordSets:\n  - id: observations\n    source: obs\n    fields:\n${fields}`
  );
}

describe("io readers (real files)", function () {
  let workspace: TempWorkspace;
  let service: EvidenceService;
  beforeEach(() => {
    workspace = new TempWorkspace();
    service = new EvidenceService();
  });
  afterEach(() => {
    service.dispose();
    workspace.remove();
  });

  describe("CSV", () => {
    const fields =
      "      - { name: station, type: string }\n      - { name: temperature, type: number }\n" +
      "      - { name: count, type: integer }\n      - { name: valid, type: boolean }\n      - { name: day, type: date }\n";

    it("matches a header and sampled types, and a correct sha256", async () => {
      workspace.write("data/files/obs.csv", CSV);
      const text = manifest("csv", "files/obs.csv", fields, `    sha256: ${sha256(CSV)}\n`);
      assert.deepEqual(summary(await checkIo(service, workspace, "data/ocean.dataset.yaml", text)), []);
    });

    it("reports a renamed column and a type the sample does not fit", async () => {
      workspace.write("data/files/obs.csv", CSV.replace("temperature", "temp_c"));
      const text = manifest("csv", "files/obs.csv", fields.replace("name: count, type: integer", "name: count, type: boolean"));
      assert.deepEqual(summary(await checkIo(service, workspace, "data/ocean.dataset.yaml", text)), [
        `data/schema-drift: "files/obs.csv" has a column that no field declares: temp_c (number). ` +
          `Add a field for it to record set "observations" (name and type), or remove it from the file.`,
        `data/schema-drift: Field "temperature" is not a column of "files/obs.csv". Its columns are: station, temp_c, count, valid, day.`,
        `data/schema-drift: Field "count" is declared boolean, but "files/obs.csv" has the ` +
          `value "4" in that column (2 rows sampled); declare "integer", or fix the data.`,
      ]);
    });

    it("reads only the head of a large CSV: the header and at most 200 rows", async () => {
      const rows = Array.from({ length: 20_000 }, (_, i) => `st-${i},${i}.5,${i},1,2026-01-15`).join("\n");
      workspace.write("big.csv", `station,temperature,count,valid,day\n${rows}\n`);
      const text = manifest("csv", "big.csv", fields);
      const diagnostics = await checkIo(service, workspace, "ocean.dataset.yaml", text);
      assert.deepEqual(summary(diagnostics), []);
      const evidence = await service.gather(
        workspace.root,
        (await import("../unit/harness")).engine.analyze({ path: "ocean.dataset.yaml", text }).document!,
      );
      const found = evidence.get("big.csv");
      assert.ok(found?.status === "ok" && found.table);
      assert.equal(found.table.sampledRows, 200);
    });

    it("reports an empty CSV file as malformed, on the distribution path", async () => {
      workspace.write("empty.csv", "");
      const [diagnostic] = await checkIo(service, workspace, "ocean.dataset.yaml", manifest("csv", "empty.csv", fields));
      assert.equal(diagnostic.rule, "data/schema-drift");
      assert.equal(diagnostic.pointer, "/distribution/0/path");
      assert.match(diagnostic.message, /is not a readable CSV file \(the file is empty; a CSV file starts with a header row\)/);
    });
  });

  describe("Parquet", () => {
    async function writeParquet(relative: string): Promise<Uint8Array> {
      const { parquetWriteBuffer } = await import("hyparquet-writer");
      const buffer = parquetWriteBuffer({
        columnData: [
          { name: "station", data: ["st-01", "st-02"], type: "STRING" },
          { name: "temperature", data: [12.5, 13], type: "DOUBLE" },
          { name: "count", data: [4n, 5n], type: "INT64" },
          { name: "valid", data: [true, false], type: "BOOLEAN" },
          { name: "at", data: [new Date("2026-01-15T08:30:00Z"), new Date("2026-01-16T08:30:00Z")], type: "TIMESTAMP" },
        ],
      });
      const bytes = new Uint8Array(buffer);
      workspace.write(relative, bytes);
      return bytes;
    }

    it("matches the schema of its footer", async () => {
      await writeParquet("obs.parquet");
      const fields =
        "      - { name: station, type: string }\n      - { name: temperature, type: number }\n" +
        "      - { name: count, type: integer }\n" +
        "      - { name: valid, type: boolean }\n      - { name: at, type: datetime }\n";
      assert.deepEqual(summary(await checkIo(service, workspace, "ocean.dataset.yaml", manifest("parquet", "obs.parquet", fields))), []);
    });

    it("reports a column type the schema records differently, and a missing column", async () => {
      await writeParquet("obs.parquet");
      const fields =
        "      - { name: station, type: string }\n      - { name: temperature, type: integer }\n" +
        "      - { name: count, type: integer }\n      - { name: valid, type: boolean }\n" +
        "      - { name: at, type: date }\n      - { name: depth, type: number }\n";
      assert.deepEqual(summary(await checkIo(service, workspace, "ocean.dataset.yaml", manifest("parquet", "obs.parquet", fields))), [
        `data/schema-drift: Field "temperature" is declared integer, ` +
          `but "obs.parquet" stores DOUBLE (number) in that column; declare "number", or rewrite the column.`,
        `data/schema-drift: Field "at" is declared date, but "obs.parquet" stores INT64 (TIMESTAMP_MILLIS) ` +
          `(datetime) in that column; declare "datetime", or rewrite the column.`,
        `data/schema-drift: Field "depth" is not a column of "obs.parquet". Its columns are: station, temperature, count, valid, at.`,
      ]);
    });

    it("reports a truncated Parquet file instead of failing", async () => {
      const bytes = await writeParquet("whole.parquet");
      workspace.write("cut.parquet", bytes.subarray(0, bytes.length - 10));
      const [diagnostic] = await checkIo(
        service,
        workspace,
        "ocean.dataset.yaml",
        manifest("parquet", "cut.parquet", "      - { name: station, type: string }\n"),
      );
      assert.equal(diagnostic.rule, "data/schema-drift");
      assert.equal(diagnostic.severity, "error");
      assert.match(
        diagnostic.message,
        /"cut.parquet" is not a readable Parquet file \(it does not end with "PAR1": truncated, or still being written\)/,
      );
    });
  });

  describe("HDF5", () => {
    async function h5wasm(): Promise<typeof import("h5wasm")> {
      // @ts-expect-error "h5wasm/node" is an exports subpath (see server/src/io/hdf5-reader.ts)
      const module = (await import("h5wasm/node")) as typeof import("h5wasm") & { default?: typeof import("h5wasm") };
      const h5 = module.default ?? module;
      await h5.ready;
      return h5;
    }

    // Under tsx, the first import of h5wasm's 4 MB module takes several seconds (tsx transforms
    // it); the built CLI loads dist/hdf5-reader.js in a fraction of a second. Paid once, here.
    before(async function () {
      this.timeout(120_000);
      await h5wasm();
    });

    async function writeHdf5(relative: string): Promise<void> {
      const h5 = await h5wasm();
      const file = new h5.File(workspace.path(relative), "w");
      try {
        file.create_group("grid");
        const grid = file.get("grid") as import("h5wasm").Group;
        grid.create_dataset({ name: "temperature", data: new Float32Array([1, 2, 3, 4, 5, 6]), shape: [2, 3] });
        file.create_dataset({ name: "stations", data: ["st-01", "st-02"] });
        file.create_dataset({ name: "count", data: new Int32Array([4, 5]) });
      } finally {
        file.close();
      }
    }

    it("matches dataset paths and element types", async () => {
      await writeHdf5("grid.h5");
      const fields =
        "      - { name: /grid/temperature, type: array }\n" +
        "      - { name: stations, type: string }\n      - { name: /count, type: integer }\n";
      assert.deepEqual(summary(await checkIo(service, workspace, "ocean.dataset.yaml", manifest("hdf5", "grid.h5", fields))), []);
    });

    it("reports a missing dataset and an element type that differs", async () => {
      await writeHdf5("grid.h5");
      const fields =
        "      - { name: /grid/temprature, type: number }\n      - { name: stations, type: string }\n" +
        "      - { name: /count, type: number }\n      - { name: /stations, type: integer }\n";
      assert.deepEqual(summary(await checkIo(service, workspace, "ocean.dataset.yaml", manifest("hdf5", "grid.h5", fields))), [
        `data/schema-drift: Field "/grid/temprature" is not a dataset of "grid.h5". ` +
          `Did you mean "/grid/temperature"? Its datasets are: /count, /grid/temperature, /stations.`,
        `data/schema-drift: Field "/stations" is declared integer, but "grid.h5" stores string (string) ` +
          `in that dataset; declare "string", or rewrite the dataset.`,
      ]);
    });

    it("reads only the metadata of a large HDF5 file", async () => {
      const h5 = await h5wasm();
      const file = new h5.File(workspace.path("big.h5"), "w");
      try {
        file.create_dataset({ name: "values", data: new Float32Array(12_500_000) }); // 50 MB
        file.create_dataset({ name: "ids", data: new Int32Array([1, 2, 3]) });
      } finally {
        file.close();
      }
      const fields = "      - { name: /values, type: number }\n      - { name: /ids, type: integer }\n";
      await checkIo(service, workspace, "warm-up.dataset.yaml", manifest("hdf5", "big.h5", fields)); // loads the reader
      service.invalidate(workspace.path("big.h5"));
      const before = bytesReadSoFar();
      assert.deepEqual(summary(await checkIo(service, workspace, "ocean.dataset.yaml", manifest("hdf5", "big.h5", fields))), []);
      const after = bytesReadSoFar();
      if (before !== undefined && after !== undefined)
        assert.ok(after - before < 1024 * 1024, `read ${after - before} bytes of a 50 MB file`);
    });

    it("reports a truncated HDF5 file instead of failing, and prints nothing on stderr", async () => {
      await writeHdf5("grid.h5");
      const bytes = readFileSync(workspace.path("grid.h5"));
      workspace.write("cut.h5", bytes.subarray(0, 1500));
      const written: string[] = [];
      const original = process.stderr.write.bind(process.stderr);
      process.stderr.write = ((chunk: string | Uint8Array) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
      let diagnostics;
      try {
        diagnostics = await checkIo(
          service,
          workspace,
          "ocean.dataset.yaml",
          manifest("hdf5", "cut.h5", "      - { name: /count, type: integer }\n"),
        );
      } finally {
        process.stderr.write = original;
      }
      assert.equal(diagnostics.length, 1, summary(diagnostics).join("\n"));
      assert.equal(diagnostics[0].rule, "data/schema-drift");
      assert.match(diagnostics[0].message, /^"cut.h5" is not a readable HDF5 file \(truncated file: eof = 1500/);
      assert.deepEqual(
        written.filter((w) => /HDF5/.test(w)),
        [],
      );
    });
  });

  describe("ONNX", () => {
    const card = (signature: string, extra = "") =>
      `apiVersion: genesis/v1\nkind: ModelCard\nid: surrogate\nartifacts:\n` +
      `  - format: onnx\n    path: artifacts/m.onnx\n${extra}    signature:\n${signature}`;
    const signature =
      "      inputs:\n        - { name: features, dtype: float32, shape: [batch, 7] }\n" +
      "      outputs:\n        - { name: lattice, dtype: float32, shape: [batch, 2] }\n";
    const model = (
      weights?: { name: string; floats: number }[],
      irVersion?: number,
      extraInputs: { name: string; elemType: number; dims: (number | string)[] }[] = [],
    ) =>
      onnxModel({
        inputs: [{ name: "features", elemType: 1, dims: ["N", 7] }, ...extraInputs],
        outputs: [{ name: "lattice", elemType: 1, dims: ["N", 2] }],
        weights,
        irVersion,
      });

    it("matches a signature, with the sha256 verified", async () => {
      const bytes = model([{ name: "W", floats: 14 }]);
      workspace.write("models/artifacts/m.onnx", bytes);
      assert.deepEqual(
        summary(await checkIo(service, workspace, "models/m.model.yaml", card(signature, `    sha256: ${sha256(bytes)}\n`))),
        [],
      );
    });

    it("reports mismatching names, dtypes, ranks and dimensions", async () => {
      workspace.write(
        "models/artifacts/m.onnx",
        onnxModel({
          inputs: [{ name: "features", elemType: 11, dims: ["N", 8] }],
          outputs: [
            { name: "lattice", elemType: 1, dims: ["N", 2, 1] },
            { name: "sigma", elemType: 1, dims: ["N"] },
          ],
        }),
      );
      assert.deepEqual(summary(await checkIo(service, workspace, "models/m.model.yaml", card(signature))), [
        `model/signature-mismatch: Input "features" is float64 [N, 8] in "artifacts/m.onnx", but the signature declares ` +
          `float32 [batch, 7]: the dtype differs (float64, not float32); declare dtype: float64.`,
        `model/signature-mismatch: Input "features" is float64 [N, 8] in "artifacts/m.onnx", but the signature declares ` +
          `float32 [batch, 7]: dimension 1 is fixed to 8, not 7; write 8.`,
        `model/signature-mismatch: "artifacts/m.onnx" has an output that the signature does not declare: ` +
          `sigma (float32 [N]); add { name: sigma, dtype: float32, shape: [N] }.`,
        `model/signature-mismatch: Output "lattice" is float32 [N, 2, 1] in "artifacts/m.onnx", but the signature declares ` +
          `float32 [batch, 2]: the rank differs (3, not 2); write shape: [N, 2, 1].`,
      ]);
    });

    it("leaves out weights listed among the inputs (IR version 3)", async () => {
      workspace.write("models/artifacts/m.onnx", model([{ name: "W", floats: 14 }], 3, [{ name: "W", elemType: 1, dims: [14] }]));
      assert.deepEqual(summary(await checkIo(service, workspace, "models/m.model.yaml", card(signature))), []);
    });

    it("reports a truncated model instead of failing", async () => {
      const bytes = model([{ name: "W", floats: 1000 }]);
      workspace.write("models/artifacts/m.onnx", bytes.subarray(0, bytes.length - 100));
      const [diagnostic, ...others] = await checkIo(service, workspace, "models/m.model.yaml", card(signature));
      assert.deepEqual(others, []);
      assert.equal(diagnostic.rule, "model/signature-mismatch");
      assert.equal(diagnostic.pointer, "/artifacts/0/path");
      assert.match(diagnostic.message, /^"artifacts\/m.onnx" is not a readable ONNX model \(.*truncated\)/);
    });

    it("reports a file that is not ONNX at all", async () => {
      workspace.write("models/artifacts/m.onnx", "this is not a protobuf message at all\n");
      const [diagnostic] = await checkIo(service, workspace, "models/m.model.yaml", card(signature));
      assert.equal(diagnostic.rule, "model/signature-mismatch");
      assert.match(diagnostic.message, /is not a readable ONNX model/);
    });
  });
});
