import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { assertCliBuilt, REPOSITORY, runCli } from "./cli-harness";

describe("genesis-readiness export (built CLI)", function () {
  this.timeout(60_000);
  let out: string;
  before(function () {
    assertCliBuilt();
    out = mkdtempSync(path.join(tmpdir(), "genesis-export-"));
  });
  after(() => rmSync(out, { recursive: true, force: true }));

  it("writes a public dataset manifest as Croissant to --out, and never overwrites that file", function () {
    const target = path.join(out, "dft.croissant.json");
    const first = runCli(["export", "data/dft-cathode-relax.dataset.yaml", "--to", "croissant", "--out", target], {
      cwd: path.join(REPOSITORY, "examples"),
    });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /wrote Croissant 1\.1 of 1 document\(s\)/);
    const written = JSON.parse(readFileSync(target, "utf8")) as Record<string, unknown>;
    assert.equal(written.conformsTo, "http://mlcommons.org/croissant/1.1");
    writeFileSync(target, "mine");
    const second = runCli(["export", "data/dft-cathode-relax.dataset.yaml", "--to", "croissant", "--out", target], {
      cwd: path.join(REPOSITORY, "examples"),
    });
    assert.equal(second.status, 2);
    assert.match(second.stderr, /already exists; it is never overwritten/);
    assert.equal(readFileSync(target, "utf8"), "mine");
  });

  it("stops a classified manifest going to Croissant (exit 1, naming it and its level) unless --allow-classified", function () {
    const args = ["export", "examples/data/cathode-training-set.dataset.yaml", "--to", "croissant"];
    const refused = runCli(args);
    assert.equal(refused.status, 1);
    assert.equal(refused.stdout, "");
    assert.match(refused.stderr, /data\/cathode-training-set\.dataset\.yaml \(cathode-training-set@1\.0\.0\): cui/);
    const allowed = runCli([...args, "--allow-classified"]);
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.match(allowed.stdout, /"rai:dataLimitations"/);
  });

  it("prints the workspace's RO-Crate, CycloneDX and SPDX to stdout; usage errors exit 2", function () {
    for (const [target, marker] of [
      ["ro-crate", "https://w3id.org/ro/crate/1.2/context"],
      ["cyclonedx", '"bomFormat": "CycloneDX"'],
      ["spdx", "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"],
    ]) {
      const result = runCli(["export", "test/fixtures/workspaces/ocean-glider", "--to", target]);
      assert.equal(result.status, 0, result.stderr);
      assert.ok(result.stdout.includes(marker), target);
    }
    assert.equal(runCli(["export", "examples", "--to", "parquet"]).status, 2);
    assert.equal(runCli(["export", "examples"]).status, 2);
    const many = runCli(["export", "examples", "--to", "croissant"]);
    assert.equal(many.status, 2);
    assert.match(many.stderr, /Croissant describes one dataset, and 5 dataset manifests were selected/);
  });
});
