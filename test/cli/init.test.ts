import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { assertCliBuilt, checkJson, runCli } from "./cli-harness";

describe("cli: init", function () {
  let folder: string;
  before(assertCliBuilt);
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), "genesis-init-"))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  for (const [kind, file] of [
    ["dataset", "ocean-temps.dataset.yaml"],
    ["pipeline", "ocean-temps.pipeline.yaml"],
    ["modelcard", "ocean-temps.modelcard.md"],
    ["modelcard-yaml", "ocean-temps.model.yaml"],
  ]) {
    it(`writes a ${kind} that checks without errors`, function () {
      const result = runCli(["init", kind, "ocean-temps"], { cwd: folder });
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`Wrote ${file.replace(/\./g, "\\.")}`));
      assert.match(readFileSync(path.join(folder, file), "utf8"), /^(---\n)?apiVersion: genesis\/v1\n/);
      const { report } = checkJson([file], { cwd: folder });
      const diagnostics = report.documents.flatMap((d) => d.diagnostics);
      // Its placeholders are placeholder/value warnings, never looked up as references or files (docs/rules.md#placeholder-value).
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === "error"),
        [],
        "a new document has no errors",
      );
      assert.ok(
        diagnostics.some((d) => d.rule === "placeholder/value"),
        "its placeholders are reported",
      );
    });
  }

  it("never overwrites a file", function () {
    writeFileSync(path.join(folder, "mine.dataset.yaml"), "keep me\n");
    const result = runCli(["init", "dataset", "mine"], { cwd: folder });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /mine\.dataset\.yaml already exists; it was left as it is/);
    assert.equal(readFileSync(path.join(folder, "mine.dataset.yaml"), "utf8"), "keep me\n");
  });

  it("refuses an id that is not a slug", function () {
    const result = runCli(["init", "dataset", "Ocean Temps"], { cwd: folder });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /"Ocean Temps" is not a valid id/);
  });
});
