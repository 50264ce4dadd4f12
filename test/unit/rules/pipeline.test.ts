import * as assert from "node:assert/strict";
import { configWith, diagnose, expectWants } from "../harness";
import { fixtureDigest } from "../fixture-digest";

const RULES = ["pipeline/step-graph", "internal/rule-error"];

/** A pipeline whose `steps:` list is `steps` (YAML lines). */
function pipeline(steps: string): string {
  return `apiVersion: genesis/v1
kind: PipelineConfig
id: ocean-qc
version: 1.0.0
classification: { level: public }
steps:
${steps}`;
}

describe("pipeline/step-graph", () => {
  it("accepts a diamond of needs", () => {
    expectWants(
      "p.pipeline.yaml",
      pipeline(
        [
          "  - id: fetch",
          "    run: fetch",
          "  - id: clean",
          "    run: clean",
          "    needs: [fetch]",
          "  - id: stats",
          "    run: stats",
          "    needs:",
          "      - fetch",
          "  - id: report",
          "    run: report",
          "    needs: [clean, stats]",
          "",
        ].join("\n"),
      ),
      { rules: RULES },
    );
  });

  it("reports an unknown step on the needs entry and suggests the nearest id", () => {
    const seen = expectWants(
      "p.pipeline.yaml",
      pipeline(
        [
          "  - id: fetch",
          "    run: fetch",
          "  - id: clean",
          "    run: clean",
          "    needs:",
          "      - fetch",
          "      - fetsh # want: pipeline/step-graph",
          "      - totally-different # want: pipeline/step-graph",
          "",
        ].join("\n"),
      ),
      { rules: RULES },
    );
    assert.equal(seen[0].covered, "fetsh");
    assert.equal(seen[0].message, 'No step has the id "fetsh". Did you mean "fetch"?');
    assert.equal(seen[1].message, 'No step has the id "totally-different". The other steps are "fetch".');
    assert.equal(seen[0].severity, "error");
  });

  it("reports a step that needs itself", () => {
    const seen = expectWants(
      "p.pipeline.yaml",
      pipeline(["  - id: fetch", "    run: fetch", "    needs: [fetch] # want: pipeline/step-graph", ""].join("\n")),
      { rules: RULES },
    );
    assert.match(seen[0].message, /Step "fetch" needs itself/);
  });

  it("reports a cycle once, on the needs entry that closes it", () => {
    const seen = expectWants(
      "p.pipeline.yaml",
      pipeline(
        [
          "  - id: a",
          "    run: a",
          "    needs: [b]",
          "  - id: b",
          "    run: b",
          "    needs: [c]",
          "  - id: c",
          "    run: c",
          "    needs: [a] # want: pipeline/step-graph",
          "  - id: d",
          "    run: d",
          "    needs: [c]",
          "",
        ].join("\n"),
      ),
      { rules: RULES },
    );
    assert.match(seen[0].message, /form a cycle: a -> b -> c -> a\./);
    assert.equal(seen[0].covered, "a");
  });

  it("reports two distinct cycles once each", () => {
    const seen = expectWants(
      "p.pipeline.yaml",
      pipeline(
        [
          "  - { id: a, run: a, needs: [b] }",
          "  - { id: b, run: b, needs: [a] } # want: pipeline/step-graph",
          "  - { id: c, run: c, needs: [d, a] }",
          "  - { id: d, run: d, needs: [c, c] } # want: pipeline/step-graph",
          "",
        ].join("\n"),
      ),
      { rules: RULES },
    );
    assert.deepEqual(
      seen.map((d) => /cycle: (.*)\. None/.exec(d.message)?.[1]),
      ["a -> b -> a", "c -> d -> c"],
    );
  });

  it("reports duplicate step ids on the later id", () => {
    const seen = expectWants(
      "p.pipeline.yaml",
      pipeline(
        [
          "  - null",
          "  - id: fetch",
          "    run: fetch",
          "  - id: fetch # want: pipeline/step-graph",
          "    run: fetch again",
          "  - id: use",
          "    run: use",
          "    needs: [fetch]",
          "",
        ].join("\n"),
      ),
      { rules: RULES },
    );
    assert.match(seen[0].message, /Step id "fetch" is already used by step 2; step ids must be unique/);
  });

  it("checks JSON documents", () => {
    const text = JSON.stringify(
      {
        apiVersion: "genesis/v1",
        kind: "PipelineConfig",
        steps: [
          { id: "a", run: "a", needs: ["b"] },
          { id: "b", run: "b", needs: ["a", "zz"] },
        ],
      },
      null,
      2,
    );
    const seen = diagnose("p.pipeline.json", text).filter((d) => d.rule === "pipeline/step-graph");
    assert.deepEqual(
      seen.map((d) => [d.covered, d.message.slice(0, 30)]),
      [
        ['"a"', "The steps' needs form a cycle:"],
        ['"zz"', 'No step has the id "zz". The o'],
      ],
    );
  });

  it("is silenced by genesis-ignore with a reason", () => {
    expectWants(
      "p.pipeline.yaml",
      pipeline(
        ["  - id: a", "    run: a", "    needs: [later] # genesis-ignore pipeline/step-graph: added by the generator at run time", ""].join(
          "\n",
        ),
      ),
      { rules: [...RULES, "suppress/no-reason"] },
    );
  });

  it("handles a long chain without recursion limits", () => {
    const steps = Array.from(
      { length: 5000 },
      (_, i) =>
        `  - { id: s${i}, run: x, container: { image: "r.example.gov/x:1@sha256:${fixtureDigest("0")}" }, needs: [s${(i + 4999) % 5000}] }`,
    ).join("\n");
    const seen = diagnose("p.pipeline.yaml", pipeline(`${steps}\n`), configWith({})).filter((d) => RULES.includes(d.rule));
    assert.equal(seen.length, 1);
    assert.equal(seen[0].rule, "pipeline/step-graph");
    assert.match(
      seen[0].message,
      /^The steps' needs form a cycle: s0 -> s4999 -> s4998 -> s4997 -> s4996 -> \.\.\. -> s4 -> s3 -> s2 -> s1 -> s0 \(5000 steps\)\./,
    );
  });

  it("never throws on odd values", () => {
    for (const steps of [
      "  - null\n  - 5\n  - [a]\n  - { id: 5, needs: [5, null, [x], { a: 1 }] }\n  - { id: x, needs: x }\n  - { id: y, needs: null }\n",
      "  - { id: __proto__, needs: [constructor, __proto__, toString] }\n  - { id: constructor, needs: [__proto__] }\n",
      "",
    ]) {
      const seen = diagnose("p.pipeline.yaml", pipeline(steps));
      assert.deepEqual(
        seen.filter((d) => d.rule === "internal/rule-error"),
        [],
        steps,
      );
    }
    const text = `apiVersion: genesis/v1\nkind: PipelineConfig\nsteps: { a: 1 }\n`;
    assert.deepEqual(
      diagnose("p.pipeline.yaml", text).filter((d) => d.rule === "internal/rule-error"),
      [],
    );
  });
});
