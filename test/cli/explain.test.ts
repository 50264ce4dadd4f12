import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ruleDocUrl } from "../../server/src/core/rules/rule-docs";
import { runCli } from "./cli-harness";

/** `genesis-readiness explain RULE`, run from the bundle (dist/cli.js), away from the repository's docs/. */
describe("cli explain", function () {
  this.timeout(60000);
  let elsewhere: string;

  before(function () {
    elsewhere = mkdtempSync(path.join(tmpdir(), "genesis-explain-"));
  });

  after(function () {
    rmSync(elsewhere, { recursive: true, force: true });
  });

  it("prints the rule's page, the same text as docs/rules/<rule-id>.md, from any folder", function () {
    const result = runCli(["explain", "dataset/recordset-source"], { cwd: elsewhere });
    assert.equal(result.status, 0, result.stderr);
    const page = readFileSync(path.join(__dirname, "../../docs/rules/dataset/recordset-source.md"), "utf8");
    assert.equal(result.stdout, `${page.slice(page.indexOf("\n\n") + 2)}\nOnline: ${ruleDocUrl("dataset/recordset-source")}\n`);
    assert.match(result.stdout, /^# `dataset\/recordset-source`\n/);
    assert.match(result.stdout, /## Incorrect\n[\s\S]*```yaml title="data\/calibration\.dataset\.yaml"/);
  });

  it("names the nearest rule for an unknown id, and exits 2", function () {
    const typo = runCli(["explain", "container/unpined"], { cwd: elsewhere });
    assert.equal(typo.status, 2);
    assert.equal(typo.stdout, "");
    assert.match(typo.stderr, /"container\/unpined" is not a rule id\. Did you mean "container\/unpinned"\?/);
    const nameOnly = runCli(["explain", "recordset-sorce"], { cwd: elsewhere });
    assert.equal(nameOnly.status, 2);
    assert.match(nameOnly.stderr, /Did you mean "dataset\/recordset-source"\?/);
    const nothingNear = runCli(["explain", "zzz"], { cwd: elsewhere });
    assert.equal(nothingNear.status, 2);
    assert.doesNotMatch(nothingNear.stderr, /Did you mean/);
  });

  it("takes exactly one rule id", function () {
    const none = runCli(["explain"], { cwd: elsewhere });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /explain takes one rule id/);
  });
});
