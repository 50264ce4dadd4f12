import * as assert from "node:assert/strict";
import { configWith, diagnose, engine, expectWants } from "../harness";
import { suggestMemory } from "../../../server/src/core/rules/memory";
import { parseMaxWalltime, parseWalltime, suggestWalltime, walltimeSyntax } from "../../../server/src/core/rules/walltime";

const RULES = ["scheduler/walltime", "scheduler/partition", "schema/pattern", "schema/type", "internal/rule-error"];
const SITE = configWith({
  site: {
    registries: [],
    partitions: {
      gpu: { maxWalltime: "2-00:00:00", gpus: true },
      short: { maxWalltime: "36h", gpus: false },
    },
  },
});

/** A pipeline with the given scheduler type (none when undefined) and `steps:` items. */
function pipeline(type: string | undefined, steps: string, scheduler = ""): string {
  const header = [
    "apiVersion: genesis/v1",
    "kind: PipelineConfig",
    "id: plasma-fit",
    "version: 1.0.0",
    "classification: { level: public }",
  ];
  const block = type === undefined ? "" : `scheduler:\n  type: ${type}\n${scheduler}`;
  return `${header.join("\n")}\nsteps:\n${steps}${block}`;
}

/** One step per walltime, each on its own line. */
function walltimeSteps(walltimes: readonly (string | number)[], want = ""): string {
  return walltimes.map((w, i) => `  - { id: s${i}, run: x, resources: { walltime: ${JSON.stringify(w)} } }${want}\n`).join("");
}

function memorySteps(memories: readonly string[], want = ""): string {
  return memories.map((m, i) => `  - { id: s${i}, run: x, resources: { memory: ${JSON.stringify(m)} } }${want}\n`).join("");
}

describe("scheduler forms", () => {
  describe("scheduler/walltime per scheduler", () => {
    it("accepts each scheduler's own forms", () => {
      const accepted: [string | undefined, (string | number)[]][] = [
        ["pbs", ["45", "30:15", "04:00:00", "48:00:00", 7200]],
        ["lsf", ["30", "90", "04:00", "48:30", 240]],
        ["flux", ["36h", "90m", "1.5d", "45s", "3600", 0.5]],
        ["kubernetes", ["30", "04:00:00", "2-00:00:00"]],
        ["local", ["2-12"]],
        [undefined, ["1-00:00:00"]],
      ];
      for (const [type, forms] of accepted) expectWants("p.pipeline.yaml", pipeline(type, walltimeSteps(forms)), { rules: RULES });
    });

    it("reports another scheduler's form with the right form for the pipeline's scheduler", () => {
      const cases: [string, string, RegExp][] = [
        [
          "pbs",
          "2-00:00:00",
          /not a PBS time limit \(the pipeline's scheduler\.type is pbs\)\. Write it as \[\[HH:\]MM:\]SS .*: "48:00:00"\.$/,
        ],
        ["pbs", "01:75:00", /Minutes and seconds after ":" are below 60\. Write it as \[\[HH:\]MM:\]SS .*: "02:15:00"\.$/],
        ["lsf", "04:00:00", /not an LSF time limit .*Write it as \[HH:\]MM \(MM or HH:MM\): "04:00"\.$/],
        ["lsf", "4h", /: "04:00"\.$/],
        ["lsf", "01:75", /Minutes after ":" are below 60\. .*: "02:15"\.$/],
        ["flux", "04:00:00", /not a Flux time limit .*Write it as a Flux duration.*: "4h"\.$/],
        ["flux", "2 days", /: "2d"\.$/],
        ["flux", "36 hours", /: "36h"\.$/],
        ["flux", "soon", /\(e\.g\. "4h" for four hours, "2d" for two days\)\.$/],
        ["kubernetes", "4h", /not a Slurm time limit \(the form used when scheduler\.type is kubernetes\)\. .*: "04:00:00"\.$/],
      ];
      for (const [type, walltime, expected] of cases) {
        const [finding, ...others] = expectWants(
          "p.pipeline.yaml",
          pipeline(type, walltimeSteps([walltime], " # want: scheduler/walltime")),
          {
            rules: RULES,
          },
        );
        assert.equal(others.length, 0);
        assert.match(finding.message, expected, `${type} ${walltime}`);
        assert.doesNotMatch(finding.message, type === "pbs" || type === "lsf" || type === "flux" ? /D-HH/ : /$^/);
      }
    });

    it("reads a number as the scheduler reads a bare number", () => {
      const [lsf] = expectWants("p.pipeline.yaml", pipeline("lsf", walltimeSteps([1.5], " # want: scheduler/walltime")), { rules: RULES });
      assert.match(lsf.message, /A number is read as minutes and must be a whole number of 0 or more/);
      const [pbs] = expectWants("p.pipeline.yaml", pipeline("pbs", walltimeSteps([-1], " # want: scheduler/walltime")), { rules: RULES });
      assert.match(pbs.message, /A number is read as seconds/);
      assert.equal(parseWalltime(90, walltimeSyntax("pbs")), 90);
      assert.equal(parseWalltime(90, walltimeSyntax("lsf")), 5400);
      assert.equal(parseWalltime(90, walltimeSyntax("kubernetes")), 5400);
    });

    it("compares with a partition's maximum in the scheduler's own meaning", () => {
      const gpu = "  partition: gpu\n";
      // gpu allows two days: 172800 seconds, 2880 minutes, "48:00" in LSF, "2d" in Flux.
      expectWants("p.pipeline.yaml", pipeline("pbs", walltimeSteps(["48:00:00", 172800]), gpu), { rules: RULES, config: SITE });
      expectWants("p.pipeline.yaml", pipeline("lsf", walltimeSteps(["48:00", 2880]), gpu), { rules: RULES, config: SITE });
      expectWants("p.pipeline.yaml", pipeline("flux", walltimeSteps(["2d", "48h"]), gpu), { rules: RULES, config: SITE });
      const [pbs] = expectWants("p.pipeline.yaml", pipeline("pbs", walltimeSteps([172801], " # want: scheduler/partition"), gpu), {
        rules: RULES,
        config: SITE,
      });
      assert.match(pbs.message, /Walltime 172801 is above the 48:00:00 maximum of partition "gpu"/);
      const [lsf] = expectWants("p.pipeline.yaml", pipeline("lsf", walltimeSteps(["48:01"], " # want: scheduler/partition"), gpu), {
        rules: RULES,
        config: SITE,
      });
      assert.match(
        lsf.message,
        /above the 48:00 maximum of partition "gpu" \(site\.partitions in genesis\.config\.yaml\)\. Request at most 48:00\.$/,
      );
      const [flux] = expectWants("p.pipeline.yaml", pipeline("flux", walltimeSteps(["3d"], " # want: scheduler/partition"), gpu), {
        rules: RULES,
        config: SITE,
      });
      assert.match(flux.message, /above the 2d maximum/);
    });

    it("reads 0 as no limit only in Slurm", () => {
      expectWants("p.pipeline.yaml", pipeline("pbs", walltimeSteps([0]), "  partition: gpu\n"), { rules: RULES, config: SITE });
      expectWants("p.pipeline.yaml", pipeline("slurm", walltimeSteps([0], " # want: scheduler/partition"), "  partition: gpu\n"), {
        rules: RULES,
        config: SITE,
      });
    });

    it("reads a maxWalltime written as a Flux duration", () => {
      const short = "  partition: short\n";
      expectWants("p.pipeline.yaml", pipeline("slurm", walltimeSteps(["1-12:00:00"]), short), { rules: RULES, config: SITE });
      const [finding] = expectWants(
        "p.pipeline.yaml",
        pipeline("slurm", walltimeSteps(["1-12:00:01"], " # want: scheduler/partition"), short),
        {
          rules: RULES,
          config: SITE,
        },
      );
      assert.match(finding.message, /above the 1-12:00:00 maximum of partition "short".*allows it: "gpu"\./);
    });
  });

  describe("memory per scheduler (schema/pattern)", () => {
    it("accepts the Genesis form everywhere and each scheduler's own spelling", () => {
      const genesis = ["16Gi", "512Mi", "16G", "1.5Gi", "2T", "1024"];
      const accepted: [string | undefined, string[]][] = [
        ["slurm", ["16g", "512m", "4096"]],
        ["pbs", ["16gb", "16GB", "512mb", "100b"]],
        ["lsf", ["16GB", "512MB", "1PB"]],
        ["kubernetes", ["500k", "1e9", "2Pi"]],
        ["flux", []],
        [undefined, []],
      ];
      for (const [type, own] of accepted) {
        expectWants("p.pipeline.yaml", pipeline(type, memorySteps([...genesis, ...own])), { rules: RULES });
      }
    });

    it("reports a form the scheduler does not read, with its spelling of the amount", () => {
      const cases: [string | undefined, string, string | undefined][] = [
        ["slurm", "16GB", "16G"],
        ["slurm", "16 GiB", "16G"],
        ["slurm", "1.5gb", "1536M"],
        ["pbs", "16g", "16gb"],
        ["pbs", "16 Gi", "16gb"],
        ["lsf", "16gb", "16GB"],
        ["kubernetes", "16GB", "16Gi"],
        ["flux", "16GB", "16Gi"],
        [undefined, "1.5 GB", "1.5Gi"],
        ["slurm", "lots", undefined],
        ["slurm", "-4G", undefined],
      ];
      for (const [type, memory, replacement] of cases) {
        const [finding, ...others] = expectWants("p.pipeline.yaml", pipeline(type, memorySteps([memory], " # want: schema/pattern")), {
          rules: RULES,
        });
        assert.equal(others.length, 0);
        assert.equal(finding.covered, JSON.stringify(memory));
        assert.match(finding.message, type === undefined ? /is not in a memory form\./ : new RegExp(`scheduler\\.type is ${type}\\)`));
        if (replacement) assert.ok(finding.message.endsWith(`: "${replacement}".`), `${type} ${memory}: ${finding.message}`);
        else assert.doesNotMatch(finding.message, /: "[^"]*"\.$/);
        const [diagnostic] = engine
          .analyze({ path: "p.pipeline.yaml", text: pipeline(type, memorySteps([memory])) })
          .diagnostics.filter((d) => d.rule === "schema/pattern");
        assert.deepEqual(diagnostic.data?.replacement, replacement);
      }
    });

    it("names the scheduler's forms in the message", () => {
      const message = (type: string) =>
        diagnose("p.pipeline.yaml", pipeline(type, memorySteps(["huge"]))).find((d) => d.rule === "schema/pattern")?.message;
      assert.match(
        message("slurm") ?? "",
        /Write it as a whole number with a K, M, G or T suffix \(e\.g\. "16G"; a bare number is megabytes\)/,
      );
      assert.match(message("pbs") ?? "", /b, kb, mb, gb or tb suffix \(e\.g\. "16gb"\)/);
      assert.match(message("lsf") ?? "", /KB, MB, GB or TB suffix \(e\.g\. "16GB"\)/);
      assert.match(message("kubernetes") ?? "", /a Kubernetes quantity/);
    });

    it("leaves a number to the schema's type check: one diagnostic", () => {
      const seen = diagnose("p.pipeline.yaml", pipeline("slurm", "  - { id: a, run: x, resources: { memory: 16 } }\n"));
      assert.deepEqual(
        seen.filter((d) => d.covered === "16").map((d) => d.rule),
        ["schema/type"],
      );
    });
  });

  describe("genesis.config.yaml maxWalltime", () => {
    it("reports a maxWalltime that no pipeline can be compared with, and accepts a Flux duration", () => {
      const text = [
        "site:",
        "  partitions:",
        "    gpu: { maxWalltime: '2 days', gpus: true }",
        "    cpu: { maxWalltime: soon }",
        "    short: { maxWalltime: 36h }",
        "    debug: { maxWalltime: '30' }",
        "",
      ].join("\n");
      const { diagnostics } = engine.readConfig({ path: "genesis.config.yaml", text });
      assert.deepEqual(
        diagnostics.map((d) => [d.rule, text.slice(d.span.start, d.span.end), d.data?.replacement]),
        [
          ["schema/pattern", "'2 days'", "2-00:00:00"],
          ["schema/pattern", "soon", undefined],
        ],
      );
      assert.match(diagnostics[0].message, /^maxWalltime "2 days" is not a walltime, .*or as a Flux duration: "2-00:00:00"\.$/);
      assert.match(diagnostics[1].message, /\(e\.g\. "2-00:00:00" or "2d" for two days\)\.$/);
    });
  });

  describe("helpers", () => {
    it("parses and suggests walltimes per scheduler", () => {
      assert.equal(parseWalltime("30", walltimeSyntax("pbs")), 30);
      assert.equal(parseWalltime("01:30", walltimeSyntax("pbs")), 90);
      assert.equal(parseWalltime("01:30", walltimeSyntax("lsf")), 5400);
      assert.equal(parseWalltime("01:30:00", walltimeSyntax("lsf")), undefined);
      assert.equal(parseWalltime("1.5d", walltimeSyntax("flux")), 129600);
      assert.equal(parseWalltime("1-00:00:00", walltimeSyntax("flux")), undefined);
      assert.equal(parseWalltime("1-00:00:00", walltimeSyntax("kubernetes")), 86400);
      assert.equal(suggestWalltime("1-00:00:00", walltimeSyntax("pbs")), "24:00:00");
      assert.equal(suggestWalltime("90m", walltimeSyntax("lsf")), "01:30");
      assert.equal(suggestWalltime("00:00:30", walltimeSyntax("lsf")), "00:01");
      assert.equal(suggestWalltime("30:00", walltimeSyntax("flux")), undefined);
    });

    it("reads a maxWalltime as Slurm, else as a Flux duration", () => {
      assert.equal(parseMaxWalltime("30"), 1800);
      assert.equal(parseMaxWalltime("04:00"), 240);
      assert.equal(parseMaxWalltime("2d"), 172800);
      assert.equal(parseMaxWalltime("soon"), undefined);
    });

    it("suggests memory only for an amount with a unit", () => {
      assert.equal(suggestMemory("16 gigabytes", "lsf"), "16GB");
      assert.equal(suggestMemory("0.5 TB", "pbs"), "512gb");
      assert.equal(suggestMemory("16", "slurm"), undefined);
      assert.equal(suggestMemory("16 parsecs", "slurm"), undefined);
    });
  });
});
