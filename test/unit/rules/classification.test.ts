import * as assert from "node:assert/strict";
import { configWith, diagnose, expectWants } from "../harness";
import { classificationRank, classifiedMarking, effectiveLevel, isAbovePublic } from "../../../server/src/core/rules/classification-levels";

const RULES = [
  "classification/out-of-scope",
  "classification/legacy",
  "classification/environment",
  "classification/egress",
  "schema/enum",
  "schema/type",
  "internal/rule-error",
];

/** A pipeline with the given classification, outputs, environment and steps blocks (YAML lines). */
function pipeline(parts: { classification?: string; outputs?: string; environment?: string; steps?: string }): string {
  return `apiVersion: genesis/v1
kind: PipelineConfig
id: ocean-qc
version: 1.0.0
${parts.classification ?? "classification: { level: public }"}
${parts.outputs ?? "outputs: [{ name: clean, ref: ocean-temps@1.0.0 }]"}
${parts.environment ?? "environment: { site: example-hpc, maxClassification: cui }"}
steps:
${parts.steps ?? "  - { id: qc, run: qc, network: none }"}
`;
}

describe("classification rules", () => {
  describe("classification/out-of-scope", () => {
    it("accepts the four levels", () => {
      for (const level of ["public", "internal", "cui", "cui-specified"]) {
        expectWants(
          "d.dataset.yaml",
          `apiVersion: genesis/v1\nkind: DatasetManifest\nclassification:\n  level: ${level}\n  categories: [PRVCY]\n`,
          { rules: RULES },
        );
      }
    });

    it("reports classified markings in any spelling, instead of the enum error", () => {
      const spellings = ["secret", "Secret", "CONFIDENTIAL", "top-secret", "TOP SECRET", "top_secret", "RD", "frd", "Restricted Data"];
      for (const spelling of spellings) {
        const seen = expectWants(
          "d.dataset.yaml",
          `apiVersion: genesis/v1\nkind: DatasetManifest\nclassification:\n  level: ${spelling} # want: classification/out-of-scope\n`,
          { rules: RULES },
        );
        assert.match(
          seen[0].message,
          /is a classified marking; classified work is out of scope for this platform\. Use public, internal, cui or cui-specified/,
          spelling,
        );
        assert.equal(seen[0].covered, spelling);
        assert.equal(seen[0].severity, "error");
      }
    });

    it("checks outputs and the environment ceiling of a pipeline", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification:\n  level: top secret # want: classification/out-of-scope",
          outputs:
            "outputs:\n  - name: clean\n    ref: ocean-temps@1.0.0\n" +
            "    classification: { level: SECRET } # want: classification/out-of-scope",
          environment: "environment:\n  site: enclave\n  maxClassification: frd # want: classification/out-of-scope",
        }),
        { rules: RULES },
      );
    });

    it("checks a Markdown model card's front matter", () => {
      const card =
        `---\napiVersion: genesis/v1\nkind: ModelCard\nclassification:\n` +
        `  level: confidential # want: classification/out-of-scope\n---\n\n# Model\n`;
      expectWants("m.modelcard.md", card, { rules: RULES });
    });

    it("checks JSON documents on the level value", () => {
      const text = JSON.stringify({ apiVersion: "genesis/v1", kind: "DatasetManifest", classification: { level: "Top_Secret" } }, null, 2);
      const seen = diagnose("d.dataset.json", text).filter((d) => RULES.includes(d.rule));
      assert.deepEqual(
        seen.map((d) => [d.rule, d.covered]),
        [["classification/out-of-scope", '"Top_Secret"']],
      );
    });

    it("stays an error in the release profile, and can be suppressed with a reason", () => {
      const text = `apiVersion: genesis/v1\nkind: DatasetManifest\nclassification:\n  level: secret\n`;
      assert.equal(
        diagnose("d.dataset.yaml", text, configWith({ profile: "release" })).find((d) => d.rule === "classification/out-of-scope")
          ?.severity,
        "error",
      );
      expectWants(
        "d.dataset.yaml",
        text.replace(
          "level: secret",
          "level: secret # genesis-ignore classification/out-of-scope, schema/enum: test fixture for the scanner",
        ),
        {
          rules: [...RULES, "suppress/no-reason"],
        },
      );
    });
  });

  describe("classification/legacy", () => {
    it("reports ouo as info, read as cui, instead of nothing else", () => {
      const seen = expectWants(
        "d.dataset.yaml",
        `apiVersion: genesis/v1\nkind: DatasetManifest\nclassification:\n  level: ouo # want: classification/legacy\n`,
        { rules: RULES },
      );
      assert.equal(seen[0].severity, "info");
      assert.match(seen[0].message, /"ouo" \(Official Use Only\) is a legacy marking, read as "cui"; CUI replaced it, so write "cui"\./);
    });

    it("leaves an upper-case OUO to the schema's enum error", () => {
      expectWants("d.dataset.yaml", `apiVersion: genesis/v1\nkind: DatasetManifest\nclassification:\n  level: OUO # want: schema/enum\n`, {
        rules: RULES,
      });
    });

    it("reports ouo as a pipeline's environment ceiling too", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification: { level: cui }",
          environment: "environment: { site: hpc, maxClassification: ouo } # want: classification/legacy",
        }),
        { rules: RULES },
      );
    });
  });

  describe("classification/environment", () => {
    it("accepts a pipeline at or below its environment's ceiling", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification: { level: cui }",
          environment: "environment: { site: hpc, maxClassification: ouo } # want: classification/legacy",
        }),
        { rules: RULES },
      );
      expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification: { level: internal }",
          outputs: "outputs: [{ name: o, ref: x@1.0.0, classification: { level: cui } }]",
        }),
        { rules: RULES },
      );
    });

    it("reports the pipeline's level above the ceiling", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification:\n  level: cui-specified # want: classification/environment\n  categories: [EXPT]",
          environment: "environment: { site: example-hpc, maxClassification: internal }",
        }),
        { rules: RULES },
      );
      assert.equal(
        seen[0].message,
        'This pipeline is classified "cui-specified", above "internal", the most its environment ' +
          '"example-hpc" is accredited for (environment.maxClassification). Run it in an environment ' +
          'accredited for "cui-specified" or higher, or lower the classification if the data allow it.',
      );
      assert.equal(seen[0].covered, "cui-specified");
    });

    it("counts ouo as cui, and reports outputs above the ceiling", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification: { level: ouo } # want: classification/legacy, classification/environment",
          outputs: [
            "outputs:",
            "  - name: summary",
            "    ref: summary@1.0.0",
            "    classification: { level: public }",
            "  - name: detail",
            "    ref: detail@1.0.0",
            "    classification: { level: cui } # want: classification/environment",
          ].join("\n"),
          environment: "environment: { site: example-hpc, maxClassification: internal }",
        }),
        { rules: RULES },
      );
      const environment = seen.filter((d) => d.rule === "classification/environment");
      assert.match(environment[0].message, /^This pipeline is classified "ouo" \(read as "cui"\), above "internal"/);
      assert.match(environment[1].message, /^Output "detail" is classified "cui", above "internal"/);
    });

    it("leaves a ceiling still a template's placeholder to placeholder/value (an import writes TODO), but not a level", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification: { level: cui }",
          environment: "environment: { site: hpc, maxClassification: TODO } # want: placeholder/value",
        }),
        { rules: [...RULES, "placeholder/value"] },
      );
      expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification: { level: TODO } # want: classification/environment, placeholder/value",
          environment: "environment: { site: hpc, maxClassification: internal }",
        }),
        { rules: [...RULES, "placeholder/value"] },
      );
    });

    describe("fails closed (docs/checklist.md#how-an-item-is-decided)", () => {
      it("a level in another case counts as its match; one outside the lattice as cui-specified", () => {
        const [typo] = expectWants(
          "p.pipeline.yaml",
          pipeline({
            classification: "classification: { level: CUI } # want: schema/enum, classification/environment",
            environment: "environment: { site: hpc, maxClassification: internal }",
          }),
          { rules: RULES },
        ).filter((d) => d.rule === "classification/environment");
        assert.match(
          typo.message,
          new RegExp(
            /^This pipeline is classified "CUI" \(counted as "cui"\), above "internal", /.source +
              /.* Run it in an environment accredited for "cui" or higher/.source,
          ),
        );
        const [bogus] = expectWants(
          "p.pipeline.yaml",
          pipeline({ classification: "classification: { level: bogus } # want: schema/enum, classification/environment" }),
          { rules: RULES },
        ).filter((d) => d.rule === "classification/environment");
        assert.match(
          bogus.message,
          /^This pipeline is classified "bogus" \(outside the lattice, counted as "cui-specified"\), above "cui"/,
        );
        expectWants(
          "p.pipeline.yaml",
          pipeline({
            classification: "classification: { level: bogus } # want: schema/enum",
            environment: "environment: { site: hpc, maxClassification: cui-specified }",
          }),
          {
            rules: RULES,
          },
        );
      });

      it("an output's level and a classification written as a scalar are read the same way", () => {
        expectWants(
          "p.pipeline.yaml",
          pipeline({
            classification: "classification: Internal # want: schema/type",
            outputs: "outputs: [{ name: o, ref: x@1.0.0, classification: { level: Cui } }] # want: schema/enum, classification/environment",
            environment: "environment: { site: hpc, maxClassification: internal }",
          }),
          { rules: RULES },
        );
      });

      it("a ceiling in another case counts as its match; an unreadable one as public, the safe side for a ceiling", () => {
        expectWants(
          "p.pipeline.yaml",
          pipeline({
            classification: "classification: { level: cui }",
            environment: "environment: { site: hpc, maxClassification: CUI } # want: schema/enum",
          }),
          {
            rules: RULES,
          },
        );
        const seen = expectWants(
          "p.pipeline.yaml",
          pipeline({
            classification: "classification: { level: internal } # want: classification/environment",
            environment: "environment: { site: hpc, maxClassification: intenral } # want: schema/enum",
          }),
          { rules: RULES },
        );
        const [found] = seen.filter((d) => d.rule === "classification/environment");
        assert.equal(
          found.message,
          'This pipeline is classified "internal", above "intenral" (not a classification level, so counted as "public"), ' +
            'the most its environment "hpc" is accredited for (environment.maxClassification). ' +
            "Write environment.maxClassification as the level the environment is accredited for (public, " +
            "internal, cui or cui-specified), run it in an environment accredited for " +
            '"internal" or higher, or lower the classification if the data allow it.',
        );
        expectWants("p.pipeline.yaml", pipeline({ environment: "environment: { site: hpc, maxClassification: 42 } # want: schema/enum" }), {
          rules: [...RULES, "schema/type"],
        });
      });
    });

    it("applies to pipelines only", () => {
      expectWants(
        "d.dataset.yaml",
        `apiVersion: genesis/v1\nkind: DatasetManifest\nclassification: { level: cui }\nenvironment: { maxClassification: public }\n`,
        {
          rules: RULES.filter((r) => r !== "schema/enum"),
        },
      );
    });
  });

  describe("classification/egress", () => {
    it("allows egress in a public pipeline and other networks above public", () => {
      expectWants("p.pipeline.yaml", pipeline({ steps: "  - { id: fetch, run: curl, network: egress }" }), { rules: RULES });
      expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification: { level: cui }",
          steps: "  - { id: a, run: a, network: none }\n  - { id: b, run: b, network: internal }\n  - { id: c, run: c }",
        }),
        {
          rules: RULES,
        },
      );
    });

    it("reports egress above public on the network value", () => {
      const seen = expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification: { level: internal }",
          steps: [
            "  - id: fetch",
            "    run: curl",
            "    network: egress # want: classification/egress",
            "  - { id: qc, run: qc, network: internal }",
          ].join("\n"),
        }),
        { rules: RULES },
      );
      assert.equal(seen[0].covered, "egress");
      assert.match(
        seen[0].message,
        new RegExp(
          /^Step "fetch" has network "egress" \(internet access\), but the pipeline is classified "internal"; /.source +
            /above "public" a step uses network "none" or "internal"\./.source,
        ),
      );
    });

    it("counts ouo and classified markings as above public", () => {
      expectWants(
        "p.pipeline.yaml",
        pipeline({
          classification: "classification: { level: ouo } # want: classification/legacy",
          steps: "  - { id: fetch, run: curl, network: egress } # want: classification/egress",
        }),
        { rules: RULES },
      );
      expectWants(
        "p.pipeline.yaml",
        pipeline({
          // Fail closed (docs/checklist.md#how-an-item-is-decided): "secret" counts as cui-specified, above this environment's cui.
          classification: "classification: { level: secret } # want: classification/out-of-scope, classification/environment",
          steps: "  - { id: fetch, run: curl, network: egress } # want: classification/egress",
        }),
        { rules: RULES },
      );
    });

    it("fails closed (docs/checklist.md#how-an-item-is-decided): a miscased or unknown level is above public, except Public", () => {
      const egress = "  - { id: fetch, run: curl, network: egress }";
      for (const level of ["CUI", "Internal", "bogus"]) {
        expectWants(
          "p.pipeline.yaml",
          pipeline({
            classification: `classification: { level: ${level} } # want: schema/enum`,
            steps: `${egress} # want: classification/egress`,
            environment: "environment: { site: hpc, maxClassification: cui-specified }",
          }),
          {
            rules: RULES,
          },
        );
      }
      expectWants("p.pipeline.yaml", pipeline({ classification: "classification: { level: Public } # want: schema/enum", steps: egress }), {
        rules: RULES,
      });
      expectWants(
        "p.pipeline.yaml",
        pipeline({ classification: "classification: cui # want: schema/type", steps: `${egress} # want: classification/egress` }),
        { rules: RULES },
      );
    });

    it("checks JSON pipelines", () => {
      const text = JSON.stringify(
        {
          apiVersion: "genesis/v1",
          kind: "PipelineConfig",
          classification: { level: "cui" },
          steps: [{ id: "a", run: "a", network: "egress" }],
        },
        null,
        2,
      );
      assert.deepEqual(
        diagnose("p.pipeline.json", text)
          .filter((d) => d.rule === "classification/egress")
          .map((d) => d.covered),
        ['"egress"'],
      );
    });
  });

  it("never throws on odd values", () => {
    const odd = [
      pipeline({
        classification: "classification: { level: 5 }",
        outputs: "outputs: [null, 1, { classification: null }, { classification: { level: [secret] } }]",
        environment: "environment: { maxClassification: { a: 1 } }",
        steps: "  - null\n  - { network: [egress] }",
      }),
      pipeline({
        classification: "classification: secret",
        outputs: "outputs: secret",
        environment: "environment: cui",
        steps: "  - { id: 1, network: egress }",
      }),
      pipeline({ classification: "classification: { level: constructor }", environment: "environment: { maxClassification: __proto__ }" }),
      `apiVersion: genesis/v1\nkind: PipelineConfig\nclassification: [level]\nsteps: egress\n`,
    ];
    for (const text of odd)
      assert.deepEqual(
        diagnose("p.pipeline.yaml", text).filter((d) => d.rule === "internal/rule-error"),
        [],
        text,
      );
  });
});

describe("classification levels", () => {
  it("ranks the lattice, with ouo as cui", () => {
    assert.deepEqual(["public", "internal", "cui", "cui-specified", "ouo"].map(classificationRank), [0, 1, 2, 3, 2]);
    assert.deepEqual(["CUI", "secret", "toString", 2, null].map(classificationRank), [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    assert.equal(effectiveLevel("ouo"), "cui");
  });

  it("recognises classified markings", () => {
    assert.deepEqual(
      ["Top Secret", " top_secret ", "formerly restricted data", "public", "secretive", "constructor", 1].map(classifiedMarking),
      ["top-secret", "top-secret", "frd", undefined, undefined, undefined, undefined],
    );
    assert.deepEqual(["public", "internal", "ouo", "secret", "nonsense", undefined].map(isAbovePublic), [
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
