import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { assertCliBuilt, copyFixture, REPOSITORY, Workspaces, writeIn } from "./cli-harness";
import { sarifValidator, type SarifLog } from "./sarif-validator";

/**
 * action.yml, run as the runner runs a node20 action: its `runs.main` under Node, in the
 * checkout (GITHUB_WORKSPACE), with each input as an INPUT_<NAME> variable and the job summary
 * file in GITHUB_STEP_SUMMARY.
 */

interface ActionDefinition {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync(path.join(REPOSITORY, "action.yml"), "utf8")) as ActionDefinition;
const workspaces = new Workspaces();

function runAction(checkout: string, inputs: Record<string, string>, summary: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_WORKSPACE: checkout, GITHUB_STEP_SUMMARY: summary, GITHUB_ACTIONS: "true" };
  for (const key of Object.keys(env)) if (key.startsWith("INPUT_")) delete env[key];
  // The runner sets every declared input, its default when the workflow gives none.
  for (const [name, definition] of Object.entries(action.inputs))
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? definition.default ?? "";
  const result = spawnSync(process.execPath, [path.join(REPOSITORY, action.runs.main)], {
    cwd: checkout,
    env,
    encoding: "utf8",
    timeout: 60_000,
  });
  if (result.error) throw result.error;
  return result;
}

describe("the GitHub Action (action.yml)", function () {
  before(assertCliBuilt);
  after(() => workspaces.removeAll());

  it("is a node20 JavaScript action with the inputs paths, profile, fail-on and sarif-file", function () {
    assert.equal(action.runs.using, "node20");
    assert.deepEqual(Object.keys(action.inputs).sort(), ["fail-on", "paths", "profile", "sarif-file"]);
    assert.equal(action.inputs["fail-on"].default, "error");
  });

  it("annotates the findings, writes the job summary and the SARIF log, and fails on an error", function () {
    const checkout = workspaces.make();
    copyFixture(checkout, "mistakes.dataset.yaml", "data/mistakes.dataset.yaml");
    copyFixture(checkout, "valid.dataset.yaml", "other/valid.dataset.yaml");
    const summary = writeIn(workspaces.make(), "step-summary.md", "");
    const result = runAction(checkout, { paths: "data\nother", "sarif-file": "genesis.sarif" }, summary);
    assert.equal(result.status, 1, result.stdout + result.stderr);
    const annotations = result.stdout.split("\n").filter((line) => line.startsWith("::"));
    assert.deepEqual(
      annotations.map((line) => line.slice(0, line.indexOf("::", 2))),
      [
        "::error file=data/mistakes.dataset.yaml,line=5,col=10,endLine=5,endColumn=15,title=version/semver",
        "::error file=data/mistakes.dataset.yaml,line=8,col=10,endLine=8,endColumn=18,title=license/spdx",
        "::warning file=data/mistakes.dataset.yaml,line=12,col=1,endLine=12,endColumn=9,title=schema/unknown-property",
      ],
    );
    assert.match(annotations[0], /::"1\.2" is not semver 2\.0\.0/);

    const text = readFileSync(summary, "utf8");
    assert.match(text, /^## Genesis readiness: \d+\/\d+ \(\d+%\)$/m);
    assert.match(text, /### Failing items \(\d+\)\n\n\| Item \| Why \|\n\|---\|---\|\n\| `data\.metadata` /);
    assert.ok(
      text.includes(
        "[`version/semver`](https://github.com/genesis-readiness/genesis-readiness/blob/main/docs/rules/version/semver.md) | 1 | 0 | 0 |",
      ),
    );

    const log = JSON.parse(readFileSync(path.join(checkout, "genesis.sarif"), "utf8")) as SarifLog;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.equal(log.runs[0].results.length, 3);
  });

  it("fail-on never passes the step; a mistyped input is a usage error (exit 2)", function () {
    const checkout = workspaces.make();
    copyFixture(checkout, "mistakes.dataset.yaml", "data/mistakes.dataset.yaml");
    const summary = writeIn(workspaces.make(), "step-summary.md", "");
    const never = runAction(checkout, { "fail-on": "never" }, summary);
    assert.equal(never.status, 0, never.stdout + never.stderr);
    assert.match(never.stdout, /^::error file=data\/mistakes\.dataset\.yaml,/m);
    const usage = runAction(checkout, { profile: "relase" }, summary);
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /--profile must be one of dev, release, not "relase"; did you mean release\?/);
  });
});
