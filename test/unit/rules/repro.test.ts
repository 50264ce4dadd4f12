import * as assert from "node:assert/strict";
import { configWith, diagnose, engine, expectWants } from "../harness";

const CARD = "models/surrogate.model.yaml";
const RULES = ["repro/run"];
const COMMIT = "5503434ddd753f426f4b38109466949a1217c2bb";

/** A card whose training block is `training`; the other fields do not matter to this rule. */
function card(training: string): string {
  return `apiVersion: genesis/v1\nkind: ModelCard\nid: surrogate\n${training}`;
}

function runWith(lines: string): string {
  return card(
    `training:\n  datasets: [cathode-training-set@1.0.0]\n  run:\n    tracker: mlflow\n${lines}  environment: { lockfile: uv.lock }\n`,
  );
}

function reports(path: string, text: string): { message: string; pointer: string; data?: Record<string, unknown> }[] {
  return engine
    .analyze({ path, text })
    .diagnostics.filter((d) => d.rule === "repro/run")
    .map((d) => ({ message: d.message, pointer: d.pointer, data: d.data }));
}

function noInternalErrors(path: string, text: string): void {
  assert.deepEqual(
    diagnose(path, text).filter((d) => d.rule === "internal/rule-error"),
    [],
  );
}

describe("repro/run", () => {
  it("accepts a run with runId, a 40-hex commit in either case, and a non-negative integer seed", () => {
    expectWants(CARD, runWith(`    runId: 3f2a9c1b7e6d4a10\n    commit: ${COMMIT}\n    seed: 42\n`), { rules: RULES });
    expectWants(CARD, runWith(`    runId: 1234\n    commit: "${COMMIT.toUpperCase()}"\n    seed: 0\n`), { rules: RULES });
  });

  it("reports each missing field once, on the run key", () => {
    const text = card("training:\n  run: { tracker: wandb } # want: repro/run, repro/run, repro/run\n");
    const seen = expectWants(CARD, text, { rules: RULES });
    assert.ok(seen.every((d) => d.covered === "run" && d.severity === "warning"));
    assert.deepEqual(
      reports(CARD, text).map((r) => [r.pointer, r.data]),
      [
        ["/training/run", { missing: "runId" }],
        ["/training/run", { missing: "commit" }],
        ["/training/run", { missing: "seed" }],
      ],
    );
    const messages = reports(CARD, text).map((r) => r.message);
    assert.match(messages[0], /no runId; add the run's id in wandb/);
    assert.match(messages[1], /no commit; add the full 40-hex-character git commit/);
    assert.match(messages[2], /no seed; add the random seed it used, a non-negative integer/);
  });

  it("reports only the missing field when the others are right", () => {
    const text = runWith(`    runId: 3f2a9c\n    commit: ${COMMIT}\n`).replace("  run:\n", "  run: # want: repro/run\n");
    expectWants(CARD, text, { rules: RULES });
    assert.deepEqual(reports(CARD, text)[0].data, { missing: "seed" });
  });

  it("reports a malformed commit on its value, naming what is wrong", () => {
    const cases: [string, RegExp][] = [
      ['"5503434"', /"5503434" is an abbreviated commit \(7 characters\)/],
      ["5503434d", /"5503434d" is an abbreviated commit \(8 characters\); write the full 40-hex-character git commit/],
      [`${COMMIT}00`, /is not a git commit \(42 characters\)/],
      ["main", /"main" is not a git commit \(4 characters\)/],
      [`"${COMMIT.replace("d", "g")}"`, /is not a git commit \(40 characters\)/],
      [`" ${COMMIT}"`, /has surrounding spaces; write "5503434d/],
    ];
    for (const [value, why] of cases) {
      const text = runWith(`    runId: 3f2a9c\n    commit: ${value} # want: repro/run\n    seed: 1\n`);
      const [seen] = expectWants(CARD, text, { rules: RULES });
      assert.match(seen.message, why);
      assert.equal(reports(CARD, text)[0].pointer, "/training/run/commit");
    }
  });

  it("asks to quote a commit that YAML read as a number", () => {
    const [seen] = reports(CARD, runWith("    runId: 3f2a9c\n    commit: 1234567\n    seed: 1\n"));
    assert.match(seen.message, /commit is the number 1234567; it must be a quoted string/);
  });

  it("reports a malformed seed on its value", () => {
    const cases: [string, RegExp][] = [
      ["-1", /seed is the number -1; it must be a non-negative integer/],
      ["1.5", /seed is the number 1.5; it must be a non-negative integer/],
      ["null", /seed is empty; it must be a non-negative integer/],
      ["[1, 2]", /seed is a list; it must be a non-negative integer/],
      ["true", /seed is the boolean true/],
      ["random", /seed is "random"; it must be a non-negative integer/],
      ["18446744073709551615", /too large to be stored exactly/],
    ];
    for (const [value, why] of cases) {
      const text = runWith(`    runId: 3f2a9c\n    commit: ${COMMIT}\n    seed: ${value} # want: repro/run\n`);
      const [seen] = expectWants(CARD, text, { rules: RULES });
      assert.match(seen.message, why);
    }
  });

  it("offers the number for a seed written as a string", () => {
    const text = runWith(`    runId: 3f2a9c\n    commit: ${COMMIT}\n    seed: "42"\n`);
    const [seen] = reports(CARD, text);
    assert.equal(seen.pointer, "/training/run/seed");
    assert.match(seen.message, /seed is the string "42"; write it as a number: seed: 42/);
    assert.deepEqual(seen.data, { replacement: 42 });
  });

  it("reports an empty or odd runId on its value", () => {
    for (const value of ['""', "null", "{ id: 1 }", "-3"]) {
      const text = runWith(`    runId: ${value} # want: repro/run\n    commit: ${COMMIT}\n    seed: 1\n`);
      const [seen] = expectWants(CARD, text, { rules: RULES });
      assert.match(seen.message, /it must be the run's id in mlflow, a non-empty string/);
    }
  });

  it("reports every problem of one run, one diagnostic each", () => {
    const text = runWith("    commit: abc # want: repro/run\n    seed: -2 # want: repro/run\n").replace(
      "  run:\n",
      "  run: # want: repro/run\n",
    );
    expectWants(CARD, text, { rules: RULES });
  });

  it("leaves a missing or non-mapping run to the schema", () => {
    for (const training of [
      "training:\n  datasets: [a@1.0.0]\n",
      "training:\n  run: mlflow\n",
      "training:\n  run: [1]\n",
      "training: 3\n",
      "training:\n  run:\n",
      "",
    ]) {
      assert.deepEqual(reports(CARD, card(training)), [], training);
      noInternalErrors(CARD, card(training));
    }
  });

  it("is not raised in the release profile", () => {
    const [seen] = diagnose(
      CARD,
      card("training:\n  run: { tracker: mlflow, runId: a1, commit: " + COMMIT + " }\n"),
      configWith({ profile: "release" }),
    ).filter((d) => d.rule === "repro/run");
    assert.equal(seen.severity, "warning");
  });

  it("checks the JSON form", () => {
    const text = JSON.stringify(
      { apiVersion: "genesis/v1", kind: "ModelCard", training: { run: { tracker: "mlflow", runId: "a1", commit: "abc123", seed: "7" } } },
      null,
      2,
    );
    const seen = diagnose("models/surrogate.model.json", text).filter((d) => d.rule === "repro/run");
    assert.deepEqual(
      seen.map((d) => d.covered),
      ['"abc123"', '"7"'],
    );
  });

  it("checks the front matter of a Markdown card", () => {
    const text =
      `---\napiVersion: genesis/v1\nkind: ModelCard\ntraining:\n  run:\n` +
      `    tracker: mlflow\n    runId: a1\n    commit: ${COMMIT}\n---\n# Card\n`;
    const [seen] = diagnose("models/surrogate.modelcard.md", text).filter((d) => d.rule === "repro/run");
    assert.equal(seen.line, 4);
    assert.equal(seen.covered, "run");
  });

  it("does not apply to other kinds", () => {
    const text = "apiVersion: genesis/v1\nkind: PipelineConfig\ntraining:\n  run: { tracker: mlflow }\n";
    assert.deepEqual(reports("pipelines/train.pipeline.yaml", text), []);
  });

  it("can be suppressed with a reason", () => {
    const text = card(`training:\n  # genesis-ignore repro/run: legacy model, run not logged\n  run: { tracker: other }\n`);
    assert.deepEqual(
      diagnose(CARD, text).filter((d) => d.rule === "repro/run" || d.rule === "suppress/no-reason"),
      [],
    );
  });
});
