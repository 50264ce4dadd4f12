import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { assertCliBuilt, checkJson, runCli } from "./cli-harness";

const FIXTURES = path.resolve(__dirname, "../fixtures/import");

describe("cli: import", function () {
  let folder: string;
  before(assertCliBuilt);
  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), "genesis-import-"));
    writeFileSync(path.join(folder, "genesis.config.yaml"), "profile: dev\n");
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  function vendor(fixture: string, as: string): string {
    const target = path.join(folder, as);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(FIXTURES, fixture), target);
    return target;
  }

  it("writes the document beside the source, which checks without errors but its placeholders", function () {
    vendor("croissant/minimal_recommended.json", "data/croissant.json");
    const result = runCli(["import", "data/croissant.json"], { cwd: folder });
    assert.equal(result.status, 0, result.stderr);
    const file = "data/minimal_example_with_recommended_fields.dataset.yaml";
    assert.match(result.stdout, new RegExp(`Wrote ${file.replace(/\./g, "\\.")}: a dataset manifest made from data/croissant\\.json`));
    assert.ok(existsSync(path.join(folder, file)));
    const { report } = checkJson([file, "--no-io"], { cwd: folder });
    const diagnostics = report.documents.flatMap((d) => d.diagnostics);
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === "error"),
      [],
      "no errors",
    );
    assert.ok(
      diagnostics.some((d) => d.rule === "placeholder/value"),
      "the placeholders are reported",
    );
  });

  it("writes the real sha256 and size of a local file the source names, and notes a digest that differs", function () {
    vendor("croissant/minimal_recommended.json", "data/croissant.json");
    const csv = "name,age\nAda,36\n";
    mkdirSync(path.join(folder, "data/data"));
    writeFileSync(path.join(folder, "data/data/minimal.csv"), csv);
    const result = runCli(["import", "data/croissant.json", "--out", "ocean.dataset.yaml"], { cwd: folder });
    assert.equal(result.status, 0, result.stderr);
    const written = parse(readFileSync(path.join(folder, "ocean.dataset.yaml"), "utf8"));
    const sha256 = createHash("sha256").update(csv).digest("hex");
    assert.deepEqual(written.distribution[0], {
      id: "minimal.csv",
      path: "data/data/minimal.csv",
      format: "csv",
      sha256,
      bytes: csv.length,
    });
    assert.match(result.stderr, /note: data\/minimal\.csv: the source declares sha256 48a7c257.*the file's is written/);
  });

  it("refuses to overwrite: exit 2, the file unchanged", function () {
    vendor("dvc/example-get-started/dvc.yaml", "proj/dvc.yaml");
    writeFileSync(path.join(folder, "proj/proj.pipeline.yaml"), "keep me\n");
    const beside = runCli(["import", "proj/dvc.yaml"], { cwd: folder });
    assert.equal(beside.status, 2);
    assert.match(beside.stderr, /proj\/proj\.pipeline\.yaml already exists; it was left as it is/);
    assert.equal(readFileSync(path.join(folder, "proj/proj.pipeline.yaml"), "utf8"), "keep me\n");
    const named = runCli(["import", "proj/dvc.yaml", "--out", "proj/proj.pipeline.yaml"], { cwd: folder });
    assert.equal(named.status, 2);
    assert.match(named.stderr, /proj\/proj\.pipeline\.yaml already exists/);
    assert.equal(readFileSync(path.join(folder, "proj/proj.pipeline.yaml"), "utf8"), "keep me\n");
  });

  it("--out writes where it is told, with the paths rebased, and a manifest's path becomes its reference", function () {
    vendor("dvc/example-get-started/dvc.yaml", "proj/dvc.yaml");
    mkdirSync(path.join(folder, "proj/data"));
    writeFileSync(
      path.join(folder, "proj/data/so.dataset.yaml"),
      "apiVersion: genesis/v1\nkind: DatasetManifest\nid: stackoverflow\nversion: 2.1.0\n" +
        "distribution:\n  - { id: xml, path: data.xml, format: other }\n",
    );
    mkdirSync(path.join(folder, "pipelines"));
    const result = runCli(["import", "proj/dvc.yaml", "--out", "pipelines/so.pipeline.yaml"], { cwd: folder });
    assert.equal(result.status, 0, result.stderr);
    const written = parse(readFileSync(path.join(folder, "pipelines/so.pipeline.yaml"), "utf8"));
    assert.equal(written.engine.entrypoint, "../proj/dvc.yaml");
    assert.deepEqual(written.inputs, [{ name: "data/data.xml", ref: "stackoverflow@2.1.0" }]);
  });

  it("never reads outside the workspace: a source or a named file behind a link out of it", function () {
    const outside = mkdtempSync(path.join(tmpdir(), "genesis-outside-"));
    try {
      copyFileSync(path.join(FIXTURES, "croissant/minimal_recommended.json"), path.join(outside, "croissant.json"));
      writeFileSync(path.join(outside, "secret.csv"), "secret\n");
      symlinkSync(path.join(outside, "croissant.json"), path.join(folder, "linked.json"));
      const refused = runCli(["import", "linked.json"], { cwd: folder });
      assert.equal(refused.status, 2);
      assert.match(refused.stderr, /outside the workspace root/);

      vendor("croissant/minimal_recommended.json", "croissant.json");
      symlinkSync(outside, path.join(folder, "data"));
      const result = runCli(["import", "croissant.json"], { cwd: folder });
      assert.equal(result.status, 0, result.stderr);
      const written = parse(readFileSync(path.join(folder, "minimal_example_with_recommended_fields.dataset.yaml"), "utf8"));
      assert.equal(
        written.distribution[0].sha256,
        "48a7c257f3c90b2a3e529ddd2cca8f4f1bd8e49ed244ef53927649504ac55354",
        "the declared digest, not the linked file's",
      );
      assert.equal(written.distribution[0].bytes, undefined);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("exits 2 on a file it does not read, or a missing one", function () {
    writeFileSync(path.join(folder, "notes.json"), "{}");
    const unknown = runCli(["import", "notes.json"], { cwd: folder });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /import reads a Croissant JSON-LD file, a datapackage\.json/);
    const missing = runCli(["import", "nothing.json"], { cwd: folder });
    assert.equal(missing.status, 2);
    assert.equal(runCli(["import"], { cwd: folder }).status, 2);
  });

  it("a Hugging Face card becomes a Genesis card beside it, the README unchanged", function () {
    const card = readFileSync(path.resolve(__dirname, "../fixtures/hf-cards/Alireza1044__mobilebert_cola.md"), "utf8");
    mkdirSync(path.join(folder, "distilbert"));
    writeFileSync(path.join(folder, "distilbert/README.md"), card);
    const result = runCli(["import", "distilbert/README.md"], { cwd: folder });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(readFileSync(path.join(folder, "distilbert/README.md"), "utf8"), card);
    assert.match(
      readFileSync(path.join(folder, "distilbert/distilbert.modelcard.md"), "utf8"),
      /^---\napiVersion: genesis\/v1\nkind: ModelCard\n/,
    );
  });
});
