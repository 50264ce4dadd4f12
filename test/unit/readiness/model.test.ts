import * as assert from "node:assert/strict";
import { configWith } from "../harness";
import { CLEANING, GOOD, MODEL, edit, expectStatus, variant } from "./harness";
import { fixtureDigest } from "../fixture-digest";

const CARD = "models/m.model.yaml";
const PIPELINE = "pipelines/cleaning.pipeline.yaml";
const NO_CARDS = { [CARD]: undefined };
const SIGNATURE_PART =
  ", signature: { inputs: [{ name: x, dtype: float32, shape: [batch, 1] }], outputs: [{ name: y, dtype: float32, shape: [batch, 1] }] }";

/** A Hugging Face card as published: no Genesis header, no Genesis fields. */
const HF_CARD = `---
license: apache-2.0
library_name: pytorch
pipeline_tag: tabular-regression
---

# Baseline
`;

describe("readiness: model", function () {
  describe("model.cards", function () {
    it("passes when every model file is described by a card without errors", function () {
      expectStatus(GOOD, "model.cards", "pass");
    });

    it("warns on a Hugging Face card without the Genesis fields", function () {
      const item = expectStatus(variant({ files: { "models/hf/README.md": HF_CARD } }), "model.cards", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "modelcard/not-genesis" && e.path === "models/hf/README.md"));
    });

    it("fails on a card with an error", function () {
      const item = expectStatus(variant({ files: { [CARD]: edit(MODEL, "rmf: [MAP-2.3]", "rmf: [MEASURE-7]") } }), "model.cards", "fail");
      assert.ok(item.evidence.some((e) => e.rule === "risk/rmf-id"));
    });

    it("fails on a model file no card describes, with the New Model Card command as fix", function () {
      const item = expectStatus(variant({ extraFiles: [...GOOD.extraFiles!, "models/orphan.onnx"] }), "model.cards", "fail");
      assert.deepEqual(
        item.evidence.filter((e) => e.status === "fail").map((e) => e.path),
        ["models/orphan.onnx"],
      );
      assert.equal(item.fix?.command, "genesis.newModelCard");
    });

    it("is n/a without cards or model files", function () {
      const item = expectStatus(variant({ files: NO_CARDS, removeFiles: ["models/model.onnx"] }), "model.cards", "n/a");
      assert.equal(item.fix?.command, "genesis.newModelCard");
    });
  });

  describe("model.evaluation", function () {
    it("passes on results on datasets that resolve", function () {
      assert.match(expectStatus(GOOD, "model.evaluation", "pass").evidence[0].message, /1 evaluation result on datasets that resolve/);
    });

    it("warns on an evaluation dataset without a version", function () {
      const unpinned = edit(
        edit(MODEL, "datasets: [clean@1.0.0]\n  results", "datasets: [clean]\n  results"),
        "dataset: clean@1.0.0 }",
        "dataset: clean }",
      );
      expectStatus(variant({ files: { [CARD]: unpinned } }), "model.evaluation", "warn");
    });

    it("fails on results on a dataset that is not in the workspace", function () {
      const missing = edit(MODEL, "dataset: clean@1.0.0 }", "dataset: nowhere@1.0.0 }");
      const item = expectStatus(variant({ files: { [CARD]: missing } }), "model.evaluation", "fail");
      assert.ok(item.evidence.some((e) => e.rule === "ref/unresolved"));
    });

    it("fails on a card without evaluation results", function () {
      const none = edit(MODEL, "  results: [{ metric: rmse, value: 0.1, dataset: clean@1.0.0 }]\n", "");
      expectStatus(variant({ files: { [CARD]: none } }), "model.evaluation", "fail");
    });

    it("is n/a without Genesis cards (a Hugging Face card does not count here)", function () {
      expectStatus(variant({ files: { [CARD]: undefined, "models/hf/README.md": HF_CARD } }), "model.evaluation", "n/a");
    });
  });

  describe("model.reproducible", function () {
    it("passes on a logged run with tracker, runId, commit and seed", function () {
      assert.match(expectStatus(GOOD, "model.reproducible", "pass").evidence[0].message, /Run r1 in mlflow, commit c012345, seed 1/);
    });

    it("warns on a run without a seed (repro/run is a warning)", function () {
      const item = expectStatus(variant({ files: { [CARD]: edit(MODEL, ", seed: 1 }", " }") } }), "model.reproducible", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "repro/run"));
    });

    it("fails on a card that logs no run", function () {
      const item = expectStatus(
        variant({
          files: { [CARD]: edit(MODEL, `  run: { tracker: mlflow, runId: r1, commit: ${fixtureDigest("c", 40)}, seed: 1 }\n`, "") },
        }),
        "model.reproducible",
        "fail",
      );
      assert.equal(item.evidence[0].rule, "schema/required");
    });

    it("is n/a without Genesis cards", function () {
      expectStatus(variant({ files: NO_CARDS }), "model.reproducible", "n/a");
    });
  });

  describe("model.pinned", function () {
    it("passes when every card and pipeline names a lockfile that exists", function () {
      expectStatus(GOOD, "model.pinned", "pass");
    });

    it("warns on a lockfile that does not exist (repro/lockfile is a warning in dev)", function () {
      const item = expectStatus(variant({ removeFiles: ["models/lock.txt"], evidence: null }), "model.pinned", "warn");
      assert.match(item.reason, /1 of 2 cards and pipelines names a lockfile that does not exist: m@1\.0\.0/);
    });

    it("fails on a missing lockfile in the release profile, and on a card that names none", function () {
      expectStatus(
        variant({ removeFiles: ["models/lock.txt"], evidence: null, config: configWith({ profile: "release" }) }),
        "model.pinned",
        "fail",
      );
      const none = edit(MODEL, "  environment: { lockfile: lock.txt }\n", "");
      expectStatus(variant({ files: { [CARD]: none } }), "model.pinned", "fail");
    });

    it("is n/a in an untrusted workspace and without cards and pipelines", function () {
      assert.match(expectStatus(variant({ trusted: false }), "model.pinned", "n/a").reason, /^workspace not trusted: /);
      expectStatus(variant({ files: { [CARD]: undefined, [PIPELINE]: undefined } }), "model.pinned", "n/a");
    });
  });

  describe("model.artifacts", function () {
    it("passes on an ONNX artifact with sha256 and a signature, and on a digest-pinned container", function () {
      expectStatus(GOOD, "model.artifacts", "pass");
      const image = `registry.example.gov/m/serve:1.0.0@sha256:${fixtureDigest("b")}`;
      const container = edit(
        MODEL,
        `  - { format: onnx, path: model.onnx, sha256: ${fixtureDigest("d")}${SIGNATURE_PART} }`,
        `  - { format: oci-image, path: "${image}" }`,
      );
      expectStatus(variant({ files: { [CARD]: container } }), "model.artifacts", "pass");
    });

    it("warns when the ONNX graph could not be compared with the signature", function () {
      const evidence = {
        ...GOOD.evidence,
        "models/model.onnx": {
          status: "ok" as const,
          kind: "file" as const,
          size: 10,
          sha256: fixtureDigest("d"),
          failures: { onnx: { kind: "too-large" as const, reason: "the graph is above 64 MB" } },
        },
      };
      const item = expectStatus(variant({ evidence }), "model.artifacts", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "model/signature-mismatch" && e.status === "warn"));
    });

    it("fails on an ONNX artifact without a signature, and on a signature the graph contradicts", function () {
      const unsigned = edit(MODEL, SIGNATURE_PART, "");
      assert.match(
        expectStatus(variant({ files: { [CARD]: unsigned } }), "model.artifacts", "fail").evidence[0].message,
        /declares no signature/,
      );
      const graph = {
        inputs: [{ name: "features", elemType: 1, shape: ["batch", 1] }],
        outputs: [{ name: "y", elemType: 1, shape: ["batch", 1] }],
      };
      const evidence = {
        ...GOOD.evidence,
        "models/model.onnx": { status: "ok" as const, kind: "file" as const, size: 10, sha256: fixtureDigest("d"), onnx: graph },
      };
      assert.ok(expectStatus(variant({ evidence }), "model.artifacts", "fail").evidence.some((e) => e.rule === "model/signature-mismatch"));
    });

    it("fails on a card with neither an ONNX nor a container artifact", function () {
      const safetensors = edit(
        MODEL,
        `format: onnx, path: model.onnx, sha256: ${fixtureDigest("d")}${SIGNATURE_PART}`,
        `format: safetensors, path: model.safetensors, sha256: ${fixtureDigest("d")}`,
      );
      const item = expectStatus(variant({ files: { [CARD]: safetensors } }), "model.artifacts", "fail");
      assert.match(item.evidence[0].message, /no ONNX or container \(oci-image\) artifact/);
    });

    it("is n/a without Genesis cards", function () {
      expectStatus(variant({ files: NO_CARDS }), "model.artifacts", "n/a");
    });
  });

  it("a pipeline without a lockfile fails model.pinned with the schema's own diagnostic", function () {
    const none = edit(CLEANING, "reproducibility: { lockfile: lock.txt }\n", "");
    const item = expectStatus(variant({ files: { [PIPELINE]: none } }), "model.pinned", "fail");
    assert.equal(item.evidence[0].rule, "schema/required");
    assert.equal(item.evidence[0].path, PIPELINE);
  });
});
