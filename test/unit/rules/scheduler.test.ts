import * as assert from "node:assert/strict";
import { configWith, diagnose, expectWants } from "../harness";
import { formatWalltime, parseWalltime, suggestWalltime } from "../../../server/src/core/rules/walltime";

const RULES = ["scheduler/walltime", "scheduler/partition", "internal/rule-error"];
const SITE = configWith({
  site: {
    registries: [],
    partitions: {
      gpu: { maxWalltime: "2-00:00:00", gpus: true },
      cpu: { maxWalltime: "7-00:00:00", gpus: false },
      debug: { maxWalltime: "30", gpus: false },
    },
  },
});

/** A pipeline with the given `steps:` items and `scheduler:` block (YAML lines). */
function pipeline(steps: string, scheduler = ""): string {
  return `apiVersion: genesis/v1
kind: PipelineConfig
id: ocean-qc
version: 1.0.0
classification: { level: public }
environment: { site: example-hpc, maxClassification: cui }
steps:
${steps}${scheduler}`;
}

describe("scheduler rules", () => {
  describe("scheduler/walltime", () => {
    it("accepts every Slurm form", () => {
      const forms = ["30", "90", "30:00", "04:00:00", "48:00:00", "4:00:00", "2-12", "2-12:30", "2-00:00:00", "0-23:59:59"];
      const steps = forms.map((form, i) => `  - { id: s${i}, run: x, resources: { walltime: "${form}" } }\n`).join("");
      expectWants("p.pipeline.yaml", pipeline(steps, "scheduler: { type: slurm, walltime: '1-00:00:00' }\n"), { rules: RULES });
    });

    it("reports walltimes that are in no Slurm form, listing the forms", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(
          [
            "  - id: a",
            "    run: x",
            "    resources:",
            "      walltime: 4h # want: scheduler/walltime",
            "  - id: b",
            "    run: x",
            '    resources: { walltime: "1-30:00" } # want: scheduler/walltime',
            "  - id: c",
            "    run: x",
            '    resources: { walltime: "01:75:00" } # want: scheduler/walltime',
            "  - id: d",
            "    run: x",
            '    resources: { walltime: "four hours" } # want: scheduler/walltime',
            "",
          ].join("\n"),
          "scheduler:\n  type: slurm\n  walltime: 2 days # want: scheduler/walltime\n",
        ),
        { rules: RULES },
      );
      for (const d of seen) assert.match(d.message, /Write it as MM, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS/);
      const byLine = Object.fromEntries(seen.map((d) => [d.covered, d.message]));
      assert.match(byLine["4h"], /Walltime "4h" is not a Slurm time limit\..*: "04:00:00"\.$/);
      assert.match(byLine['"1-30:00"'], /hours after "D-" below 24.*: "2-06:00:00"\.$/);
      assert.match(byLine['"01:75:00"'], /Minutes and seconds after ":" are below 60.*: "02:15:00"\.$/);
      assert.match(byLine['"four hours"'], /\(e\.g\. "04:00:00" for four hours, "2-00:00:00" for two days\)/);
      assert.match(byLine["2 days"], /: "2-00:00:00"\.$/);
      assert.equal(seen[0].severity, "error");
    });

    it("carries the converted walltime for a quick fix", () => {
      const [finding] = diagnose("p.pipeline.yaml", pipeline("  - { id: a, run: x, resources: { walltime: 90m } }\n")).filter(
        (d) => d.rule === "scheduler/walltime",
      );
      assert.match(finding.message, /"01:30:00"/);
    });

    it("reads a whole number as minutes and rejects other numbers", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(
          [
            "  - { id: a, run: x, resources: { walltime: 90 } }",
            "  - { id: b, run: x, resources: { walltime: 1.5 } } # want: scheduler/walltime",
            "  - { id: c, run: x, resources: { walltime: -5 } } # want: scheduler/walltime",
            "",
          ].join("\n"),
        ),
        { rules: RULES },
      );
      assert.match(seen[0].message, /A number is read as minutes and must be a whole number of 0 or more/);
    });

    it("checks JSON documents", () => {
      const text = JSON.stringify(
        {
          apiVersion: "genesis/v1",
          kind: "PipelineConfig",
          steps: [{ id: "a", run: "x", resources: { walltime: "25:00:00:00" } }],
          scheduler: { type: "slurm", walltime: "1-00:00:00" },
        },
        null,
        2,
      );
      const seen = diagnose("p.pipeline.json", text).filter((d) => RULES.includes(d.rule));
      assert.deepEqual(
        seen.map((d) => [d.rule, d.covered]),
        [["scheduler/walltime", '"25:00:00:00"']],
      );
    });

    it("reports a fractional number and a value of another type, with no second schema error", () => {
      const seen = diagnose(
        "p.pipeline.yaml",
        pipeline("  - { id: a, run: x, resources: { walltime: 1.5 } }\n  - { id: b, run: x, resources: { walltime: [1] } }\n"),
      );
      assert.deepEqual(
        seen.filter((d) => d.line >= 7 && (d.rule === "schema/type" || d.rule === "scheduler/walltime")).map((d) => [d.line, d.rule]),
        [
          [7, "scheduler/walltime"],
          [8, "scheduler/walltime"],
        ],
      );
    });

    it("is silenced by genesis-ignore", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline("  - { id: a, run: x, resources: { walltime: 4h } } # genesis-ignore scheduler/walltime: the site wrapper converts it\n"),
        { rules: RULES },
      );
    });
  });

  describe("scheduler/partition", () => {
    it("is silent without site.partitions and for a known partition within its limits", () => {
      const text = pipeline(
        "  - { id: a, run: x, resources: { gpus: 2, walltime: '1-00:00:00' } }\n",
        "scheduler: { type: slurm, partition: gpu, walltime: '2-00:00:00' }\n",
      );
      expectWants("p.pipeline.yaml", text, { rules: RULES, config: SITE });
      expectWants("p.pipeline.yaml", pipeline("  - { id: a, run: x }\n", "scheduler: { type: slurm, partition: anything }\n"), {
        rules: RULES,
      });
    });

    it("reports an unknown partition and suggests the nearest", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline("  - { id: a, run: x }\n", "scheduler:\n  type: slurm\n  partition: gpus # want: scheduler/partition\n"),
        { rules: RULES, config: SITE },
      );
      assert.match(
        seen[0].message,
        new RegExp(
          /Partition "gpus" is not one of the site's partitions \(site\.partitions /.source +
            /in genesis\.config\.yaml\): "gpu", "cpu" or "debug"\. Did you mean "gpu"\?/.source,
        ),
      );
      assert.equal(seen[0].covered, "gpus");
      assert.equal(seen[0].severity, "warning");
    });

    it("judges an unknown partition with a near match against that match, and says so", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(
          [
            "  - id: train",
            "    run: x",
            "    resources:",
            "      gpus: 1 # want: scheduler/partition",
            "      walltime: '8-00:00:00' # want: scheduler/partition",
            "  - { id: prep, run: x, resources: { walltime: '7-00:00:00' } }",
            "",
          ].join("\n"),
          "scheduler:\n  type: slurm\n  partition: CPU # want: scheduler/partition\n",
        ),
        { rules: RULES, config: SITE },
      );
      const byText = Object.fromEntries(seen.map((d) => [d.covered, d.message]));
      assert.match(
        byText.CPU,
        new RegExp(
          /Partition "CPU" is not one of the site's partitions .*Did you mean "cpu"\? /.source +
            /Its walltime limit and GPUs are checked as if it were meant\./.source,
        ),
      );
      assert.match(byText["1"], /Step "train" requests 1 GPU, but partition "cpu" \(assumed for the unknown "CPU"\) has none/);
      assert.match(byText["'8-00:00:00'"], /above the 7-00:00:00 maximum of partition "cpu" \(assumed for the unknown "CPU"\)/);
    });

    it("says that an unknown partition without a near match leaves the limits unchecked", () => {
      const [finding] = expectWants(
        "p.pipeline.yaml",
        pipeline(
          "  - { id: a, run: x, resources: { gpus: 8 } }\n",
          "scheduler: { type: slurm, partition: bigmem } # want: scheduler/partition\n",
        ),
        { rules: RULES, config: SITE },
      );
      assert.match(finding.message, /The walltimes and GPUs cannot be checked against an unknown partition's limits\.$/);
    });

    it("reports walltimes above the partition's maximum, naming partitions that allow them", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(
          [
            "  - id: a",
            "    run: x",
            "    resources: { walltime: '3-00:00:00' } # want: scheduler/partition",
            "  - id: b",
            "    run: x",
            "    resources: { walltime: '2-00:00:00' }",
            "  - id: c",
            "    run: x",
            "    resources: { walltime: 0 } # want: scheduler/partition",
            "",
          ].join("\n"),
          "scheduler:\n  type: slurm\n  partition: gpu\n  walltime: 72:00:00 # want: scheduler/partition\n",
        ),
        { rules: RULES, config: SITE },
      );
      assert.match(
        seen[0].message,
        new RegExp(
          /Walltime "3-00:00:00" is above the 2-00:00:00 maximum of partition /.source +
            /"gpu".*Request at most 2-00:00:00, or use a partition that allows it: "cpu"\./.source,
        ),
      );
      assert.match(seen[1].message, /Walltime 0 \(no limit, as Slurm reads 0\) is above the 2-00:00:00 maximum/);
      assert.match(seen[2].message, /Walltime "72:00:00" is above/);
    });

    it("reports GPUs requested on a partition without GPUs", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(
          [
            "  - id: train",
            "    run: x",
            "    resources:",
            "      gpus: 2 # want: scheduler/partition",
            "  - { id: prep, run: x, resources: { gpus: 0 } }",
            "",
          ].join("\n"),
          "scheduler: { type: slurm, partition: cpu }\n",
        ),
        { rules: RULES, config: SITE },
      );
      assert.match(
        seen[0].message,
        /Step "train" requests 2 GPUs, but partition "cpu" has none .*run the pipeline on a GPU partition \("gpu"\) or set gpus to 0\./,
      );
    });

    it("reads a maxWalltime in the MM form as minutes", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline(
          "  - { id: a, run: x, resources: { walltime: '45' } } # want: scheduler/partition\n",
          "scheduler: { type: slurm, partition: debug }\n",
        ),
        {
          rules: RULES,
          config: SITE,
        },
      );
      assert.match(seen[0].message, /above the 00:30:00 maximum of partition "debug"/);
    });

    it("is silenced by genesis-ignore on the line before", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline(
          "  - { id: a, run: x }\n",
          "scheduler:\n  type: slurm\n  # genesis-ignore scheduler/partition: new partition, config update pending\n  partition: bigmem\n",
        ),
        { rules: RULES, config: SITE },
      );
    });
  });

  it("never throws on odd values", () => {
    const odd = [
      pipeline(
        "  - null\n  - [x]\n  - { id: a, resources: null }\n  - { id: b, resources: { gpus: '2', walltime: { h: 1 } } }\n",
        "scheduler: { partition: 5, walltime: null }\n",
      ),
      pipeline(
        "  - { id: a, resources: { gpus: 1e400, walltime: 99999999999999999999 } }\n",
        "scheduler: { partition: cpu, walltime: '99999999999999999999999-00' }\n",
      ),
      pipeline("", "scheduler: [gpu]\n"),
      pipeline("  - { id: a, resources: { walltime: .inf } }\n", "scheduler: { partition: __proto__ }\n"),
    ];
    for (const text of odd) {
      assert.deepEqual(
        diagnose("p.pipeline.yaml", text, SITE).filter((d) => d.rule === "internal/rule-error"),
        [],
        text,
      );
    }
  });
});

describe("walltime helpers", () => {
  it("parses each form to seconds", () => {
    assert.equal(parseWalltime("30"), 1800);
    assert.equal(parseWalltime("30:15"), 1815);
    assert.equal(parseWalltime("04:00:00"), 14400);
    assert.equal(parseWalltime("2-12"), 216000);
    assert.equal(parseWalltime("2-12:30"), 217800);
    assert.equal(parseWalltime("2-12:30:15"), 217815);
    assert.equal(parseWalltime(45), 2700);
  });

  it("rejects out-of-range fields and other values", () => {
    for (const value of ["1-24:00:00", "00:60:00", "00:00:60", "1:2:3:4", "", " 30", "1-", "-1", "4h", 1.5, -1, null, true, {}]) {
      assert.equal(parseWalltime(value), undefined, JSON.stringify(value));
    }
  });

  it("formats and suggests walltimes", () => {
    assert.equal(formatWalltime(90061), "1-01:01:01");
    assert.equal(formatWalltime(5400), "01:30:00");
    assert.equal(suggestWalltime("36 hours"), "1-12:00:00");
    assert.equal(suggestWalltime("04:00:00"), undefined);
    assert.equal(suggestWalltime("soon"), undefined);
  });
});
