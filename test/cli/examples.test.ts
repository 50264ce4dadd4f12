import * as assert from "node:assert/strict";
import { realpathSync } from "node:fs";
import * as path from "node:path";
import { assertCliBuilt, checkJson, REPOSITORY, runCli, TEXT_LINE } from "./cli-harness";
import { sarifValidator, type SarifLog } from "./sarif-validator";

/** `check examples`, as `npm run check:examples` runs it: the sample workspace has deliberate mistakes. */
describe("genesis-readiness check examples (built CLI)", function () {
  before(assertCliBuilt);

  it("prints one well-formed line per diagnostic and the summary, and exits 1", function () {
    const result = runCli(["check", "examples"]);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, "");
    const lines = result.stdout.trimEnd().split("\n");
    const blank = lines.indexOf("");
    assert.ok(blank > 0, result.stdout);
    for (const line of lines.slice(0, blank)) assert.match(line, TEXT_LINE);
    assert.deepEqual(lines.slice(blank + 1).length, 1);
    assert.match(lines[blank + 1], /^\d+ errors?, \d+ warnings?, \d+ info in \d+ documents? \(\d+ files? scanned\)$/);
    assert.doesNotMatch(result.stdout, /internal\/rule-error/);
  });

  it("reports every kind of document in JSON, with the examples folder as the root", function () {
    const { status, report } = checkJson(["examples"]);
    assert.equal(status, 1);
    assert.equal(report.root, realpathSync(path.join(REPOSITORY, "examples")));
    const kinds = new Set(report.documents.map((d) => d.kind));
    for (const kind of ["DatasetManifest", "ModelCard", "PipelineConfig", "GenesisConfig"])
      assert.ok(kinds.has(kind), `no ${kind} in ${[...kinds].join(", ")}`);
    const all = report.documents.flatMap((d) => d.diagnostics);
    assert.ok(report.summary.errors > 0);
    assert.deepEqual(report.summary, {
      errors: all.filter((d) => d.severity === "error").length,
      warnings: all.filter((d) => d.severity === "warning").length,
      infos: all.filter((d) => d.severity === "info").length,
    });
    assert.ok(!report.documents.some((d) => d.path.startsWith("third_party/")), "examples/genesis.config.yaml ignores third_party/**");
  });

  it("writes SARIF that validates, with one result per diagnostic, and one suppressed result per waived finding", function () {
    const result = runCli(["check", "examples", "--format", "sarif"]);
    assert.equal(result.status, 1, result.stderr);
    const log = JSON.parse(result.stdout) as SarifLog;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const { report } = checkJson(["examples"]);
    // docs/rules.md#waivers: SARIF carries the waived findings too, as results with suppressions.
    const unsuppressed = log.runs[0].results.filter((r) => !r.suppressions);
    assert.equal(unsuppressed.length, report.documents.flatMap((d) => d.diagnostics).length);
    assert.equal(log.runs[0].results.length - unsuppressed.length, report.documents.flatMap((d) => d.waived ?? []).length);
  });
});
