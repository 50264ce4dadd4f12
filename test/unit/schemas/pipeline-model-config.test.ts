import { strict as assert } from "node:assert";
import { Json, errorsOf, describeErrors, assertValid, missing, clone, validPipeline, validModel, validConfig } from "./support";

describe("schemas", () => {
  describe("PipelineConfig", () => {
    it("accepts a complete valid pipeline", () => {
      assertValid("pipeline", validPipeline);
    });

    it("requires the required fields", () => {
      const errors = errorsOf("pipeline", {});
      for (const p of [
        "apiVersion",
        "kind",
        "id",
        "version",
        "description",
        "owner",
        "classification",
        "engine",
        "inputs",
        "outputs",
        "steps",
        "environment",
        "reproducibility",
      ]) {
        assert.ok(missing(errors, p), `expected required error for ${p}:\n${describeErrors(errors)}`);
      }
    });

    it("requires provenance when classification is above public", () => {
      const doc: Json = clone(validPipeline);
      delete doc.provenance;
      const errors = errorsOf("pipeline", doc);
      assert.ok(missing(errors, "provenance"), describeErrors(errors));
      doc.classification = { level: "public" };
      assertValid("pipeline", doc);
    });

    it("checks steps, outputs and resources", () => {
      const doc: Json = clone(validPipeline);
      doc.inputs = [];
      doc.outputs = [];
      doc.steps = [{ id: "a", run: "x", container: {}, resources: { cpus: 1.5, memory: "16GB" }, network: "internet" }];
      const errors = errorsOf("pipeline", doc);
      const at = (path: string, keyword: string): boolean => errors.some((e) => e.instancePath === path && e.keyword === keyword);
      assert.ok(at("/outputs", "minItems"), describeErrors(errors));
      assert.ok(missing(errors, "image", "/steps/0/container"));
      assert.ok(at("/steps/0/resources/cpus", "type"));
      // The memory's form depends on the scheduler: scheduler.ts reports "16GB" under Slurm (scheduler.test.ts).
      assert.ok(!errors.some((e) => e.instancePath === "/steps/0/resources/memory"), describeErrors(errors));
      assert.ok(at("/steps/0/network", "enum"));
      assert.ok(!errors.some((e) => e.instancePath === "/inputs"), "inputs may be empty");
    });

    it("leaves images, walltimes, references and paths to the rules", () => {
      const doc: Json = clone(validPipeline);
      doc.version = "latest";
      doc.inputs = [{ name: "raw", ref: "raw-buoys" }];
      doc.steps = [{ id: "a", run: "x", container: { image: "ubuntu:latest" }, resources: { walltime: "forever", memory: "lots" } }];
      doc.scheduler = { type: "slurm", walltime: "25 hours" };
      doc.reproducibility = { lockfile: "/etc/lock" };
      assertValid("pipeline", doc);
    });
  });

  describe("ModelCard", () => {
    it("accepts a complete valid card with Hugging Face keys", () => {
      assertValid("model", validModel);
    });

    it("requires the required fields", () => {
      const errors = errorsOf("model", {});
      for (const p of [
        "apiVersion",
        "kind",
        "id",
        "version",
        "license",
        "owner",
        "contact",
        "classification",
        "training",
        "evaluation",
        "artifacts",
        "intendedUse",
        "outOfScopeUse",
        "risk",
      ]) {
        assert.ok(missing(errors, p), `expected required error for ${p}:\n${describeErrors(errors)}`);
      }
      const nested = errorsOf("model", { ...clone(validModel), training: { run: {}, environment: {} }, evaluation: {}, risk: {} });
      assert.ok(missing(nested, "datasets", "/training"), describeErrors(nested));
      assert.ok(missing(nested, "tracker", "/training/run"));
      assert.ok(missing(nested, "lockfile", "/training/environment"));
      assert.ok(missing(nested, "datasets", "/evaluation"));
      assert.ok(missing(nested, "results", "/evaluation"));
      assert.ok(missing(nested, "rmf", "/risk"));
      assert.ok(missing(nested, "residual", "/risk"));
    });

    it("requires license_name and license_link when license is other", () => {
      const doc: Json = clone(validModel);
      doc.license = "other";
      const errors = errorsOf("model", doc);
      assert.ok(missing(errors, "license_name"), describeErrors(errors));
      assert.ok(missing(errors, "license_link"), describeErrors(errors));
      doc.license_name = "lab-research-license";
      doc.license_link = "LICENSE.md";
      assertValid("model", doc);
    });

    it("does not require risk.generative or artifact sha256, and leaves training.run values to repro/run", () => {
      const doc: Json = clone(validModel);
      doc.pipeline_tag = "text-generation";
      doc.risk = { rmf: ["NOT-AN-ID"], residual: "high" };
      doc.artifacts = [{ format: "safetensors", path: "model.safetensors" }];
      (doc.training as Json).run = { tracker: "wandb", runId: 12, commit: "abc", seed: "random" };
      doc.license = "not-a-real-license";
      assertValid("model", doc);
    });

    it("checks enums and value types", () => {
      const doc: Json = clone(validModel);
      doc.contact = "Ada";
      doc.evaluation = { datasets: [], results: [{ metric: "rmse", value: "0.4", dataset: "d@1.0.0" }] };
      doc.artifacts = [
        { format: "pickle", path: "m.pkl", signature: { inputs: [{ name: "x", dtype: "float", shape: [-1] }], outputs: [] } },
      ];
      doc.risk = { rmf: [], residual: "none", generative: ["hallucination"] };
      const errors = errorsOf("model", doc);
      const at = (path: string, keyword: string): boolean => errors.some((e) => e.instancePath === path && e.keyword === keyword);
      assert.ok(at("/contact", "format"), describeErrors(errors));
      assert.ok(at("/evaluation/results/0/value", "type"));
      assert.ok(at("/artifacts/0/format", "enum"));
      assert.ok(at("/artifacts/0/signature/inputs/0/dtype", "enum"));
      assert.ok(at("/artifacts/0/signature/inputs/0/shape/0", "anyOf"));
      assert.ok(at("/risk/rmf", "minItems"));
      assert.ok(at("/risk/residual", "enum"));
      assert.ok(at("/risk/generative/0", "enum"));
    });

    it("accepts a bare Hugging Face card's keys and flags unknown ones", () => {
      const doc: Json = clone(validModel);
      doc.language = "en";
      doc.base_model = ["org/a", "org/b"];
      doc.base_model_relation = "merge";
      doc.license_name = "x";
      doc.license_link = "https://example.org/license";
      doc.thumbnail = "https://example.org/t.png";
      doc.model_name = "m";
      doc.model_type = "llama";
      doc.new_version = "org/m2";
      doc.quantized_by = "someone";
      doc.model_creator = "someone";
      doc.extra_gated_heading = "Request access";
      assertValid("model", doc);
      doc.libary_name = "transformers";
      const errors = errorsOf("model", doc);
      assert.deepEqual(
        errors.map((e) => `${e.keyword}:${(e.params as { additionalProperty?: string }).additionalProperty}`),
        ["additionalProperties:libary_name"],
      );
    });
  });

  describe("genesis.config.yaml", () => {
    it("accepts a valid configuration", () => {
      assertValid("config", validConfig);
      assertValid("config", {});
    });

    it("rejects bad profiles, severities, rule ids and unknown keys", () => {
      const errors = errorsOf("config", {
        profile: "prod",
        rules: { "container/latest": "fatal", Container_Latest: "off" },
        ignore: "third_party/**",
        site: { registries: ["r"], partitions: { gpu: { maxWalltime: "1-00", gpu: true } } },
        extra: 1,
      });
      const at = (path: string, keyword: string): boolean => errors.some((e) => e.instancePath === path && e.keyword === keyword);
      assert.ok(at("/profile", "enum"), describeErrors(errors));
      assert.ok(at("/rules/container~1latest", "enum"));
      assert.ok(at("/rules", "propertyNames"));
      assert.ok(at("/ignore", "type"));
      assert.ok(at("/site/partitions/gpu", "additionalProperties"));
      assert.ok(at("", "additionalProperties"));
    });
  });
});
