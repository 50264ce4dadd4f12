import * as assert from "node:assert/strict";
import { configWith } from "../harness";
import { CLEAN, CLEANING, MODEL, edit, expectStatus, variant } from "./harness";

/**
 * A reference that does not resolve is never evidence for a pass (docs/checklist.md#how-an-item-is-decided):
 * with its rule on it fails or warns by the rule's severity; with the rule off the item still cannot pass.
 */

const CLEAN_PATH = "data/clean.dataset.yaml";
const PIPELINE = "pipelines/cleaning.pipeline.yaml";
const CARD = "models/m.model.yaml";
const REFS_OFF = configWith({ rules: { "ref/unresolved": "off", "ref/version-mismatch": "off" } });
const REFS_WARN = configWith({ rules: { "ref/unresolved": "warning", "ref/version-mismatch": "warning" } });

const TRAINED_ON_NOTHING = edit(MODEL, "datasets: [clean@1.0.0]\n  run:", "datasets: [nowhere@1.0.0]\n  run:");
const TRAINED_ON_OTHER_VERSION = edit(MODEL, "datasets: [clean@1.0.0]\n  run:", "datasets: [clean@9.0.0]\n  run:");

describe("readiness: references that do not resolve fail closed", function () {
  describe("data.lineage", function () {
    it("fails on an upstream dataset that names nothing while ref/unresolved is off", function () {
      const missing = edit(CLEAN, "derivedFrom: [raw@1.0.0]", "derivedFrom: [nowhere@1.0.0]");
      const item = expectStatus(variant({ files: { [CLEAN_PATH]: missing }, config: REFS_OFF }), "data.lineage", "fail");
      assert.ok(item.evidence.some((e) => e.status === "fail" && /"nowhere@1\.0\.0" names no document/.test(e.message)));
    });

    it("fails on an upstream dataset at a version the workspace lacks while ref/version-mismatch is off", function () {
      const other = edit(CLEAN, "derivedFrom: [raw@1.0.0]", "derivedFrom: [raw@9.0.0]");
      const item = expectStatus(variant({ files: { [CLEAN_PATH]: other }, config: REFS_OFF }), "data.lineage", "fail");
      assert.ok(item.evidence.some((e) => e.status === "fail" && /only at 1\.0\.0/.test(e.message)));
    });

    it("fails a derived dataset whose pipeline reads an input that names nothing, with the rules off", function () {
      const pipeline = edit(CLEANING, "ref: raw@1.0.0", "ref: nowhere@1.0.0");
      const item = expectStatus(variant({ files: { [PIPELINE]: pipeline }, config: REFS_OFF }), "data.lineage", "fail");
      const evidence = item.evidence.find((e) => e.path === PIPELINE && e.status === "fail");
      assert.ok(evidence, item.evidence.map((e) => `${e.status} ${e.path} ${e.message}`).join("\n"));
      assert.match(evidence.message, /"nowhere@1\.0\.0" names no document/);
    });

    it("cites the pipeline's ref/version-mismatch on the derived dataset when the rule is on", function () {
      const pipeline = edit(CLEANING, "ref: raw@1.0.0", "ref: raw@9.0.0");
      const item = expectStatus(variant({ files: { [PIPELINE]: pipeline } }), "data.lineage", "fail");
      assert.match(item.reason, /clean@1\.0\.0/);
      assert.ok(item.evidence.some((e) => e.path === PIPELINE && e.rule === "ref/version-mismatch"));
    });
  });

  describe("model.cards", function () {
    it("fails on training data that names nothing while ref/unresolved is off", function () {
      const item = expectStatus(variant({ files: { [CARD]: TRAINED_ON_NOTHING }, config: REFS_OFF }), "model.cards", "fail");
      assert.ok(item.evidence.every((e) => e.message !== "The card has no error."));
    });

    it("fails on training data at a version the workspace lacks while ref/version-mismatch is off", function () {
      expectStatus(variant({ files: { [CARD]: TRAINED_ON_OTHER_VERSION }, config: REFS_OFF }), "model.cards", "fail");
    });

    it("warns when the reference rules are warnings, citing their diagnostic", function () {
      const item = expectStatus(variant({ files: { [CARD]: TRAINED_ON_NOTHING }, config: REFS_WARN }), "model.cards", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "ref/unresolved" && e.path === CARD));
    });

    it("fails on a training pipeline that names nothing while ref/unresolved is off", function () {
      const card = edit(
        MODEL,
        "  environment: { lockfile: lock.txt }\n",
        "  environment: { lockfile: lock.txt }\n  pipeline: nowhere@1.0.0\n",
      );
      expectStatus(variant({ files: { [CARD]: card }, config: REFS_OFF }), "model.cards", "fail");
    });

    it("leaves an unpinned training dataset to data.versioned", function () {
      const card = edit(MODEL, "datasets: [clean@1.0.0]\n  run:", "datasets: [clean]\n  run:");
      expectStatus(variant({ files: { [CARD]: card } }), "model.cards", "pass");
    });
  });

  describe("model.evaluation", function () {
    it("fails on results on a dataset that names nothing while ref/unresolved is off", function () {
      const card = edit(MODEL, "dataset: clean@1.0.0 }", "dataset: nowhere@1.0.0 }");
      const item = expectStatus(variant({ files: { [CARD]: card }, config: REFS_OFF }), "model.evaluation", "fail");
      assert.ok(item.evidence.every((e) => e.status !== "pass"));
    });
  });
});
