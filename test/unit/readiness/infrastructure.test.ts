import * as assert from "node:assert/strict";
import { configWith } from "../harness";
import { CLEANING, GOOD, edit, expectStatus, variant } from "./harness";
import { fixtureDigest } from "../fixture-digest";

const PIPELINE = "pipelines/cleaning.pipeline.yaml";
const PINNED = `"registry.example.gov/x/y:1.0.0@sha256:${fixtureDigest("b")}"`;
const withPipeline = (text: string) => variant({ files: { [PIPELINE]: text } });
const NO_PIPELINE = { [PIPELINE]: undefined };

describe("readiness: infrastructure", function () {
  describe("infra.containers", function () {
    it("passes when every step runs in a digest-pinned container", function () {
      // The image is judged by the container rules only (docs/checklist.md#how-an-item-is-decided): the evidence is that they found
      // nothing.
      const evidence = expectStatus(GOOD, "infra.containers", "pass").evidence[0];
      assert.match(evidence.message, /^No container finding on "registry\.example\.gov\/x\/y:1\.0\.0@sha256:b0123/);
    });

    it("warns on an image without a digest in dev, and fails on it in release", function () {
      const unpinned = edit(CLEANING, PINNED, `"registry.example.gov/x/y:1.0.0"`);
      const item = expectStatus(withPipeline(unpinned), "infra.containers", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "container/unpinned"));
      expectStatus({ ...withPipeline(unpinned), config: configWith({ profile: "release" }) }, "infra.containers", "fail");
    });

    it("does not pass an image pinned to a placeholder digest: warns in dev, fails in release", function () {
      // The zero digest is placeholder/value's finding (an item of its own); this item reads it at the image.
      const zero = edit(CLEANING, PINNED, `"registry.example.gov/x/y:1.0.0@sha256:${"0".repeat(64)}"`);
      const item = expectStatus(withPipeline(zero), "infra.containers", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "placeholder/value" && /image digest is "0" repeated/.test(e.message)));
      expectStatus({ ...withPipeline(zero), config: configWith({ profile: "release" }) }, "infra.containers", "fail");
    });

    it("fails on a step without a container", function () {
      const none = edit(CLEANING, `    container: { image: ${PINNED} }\n`, "");
      expectStatus(withPipeline(none), "infra.containers", "fail");
    });

    it("is n/a without pipelines, with the New Pipeline Config command as fix", function () {
      assert.equal(expectStatus(variant({ files: NO_PIPELINE }), "infra.containers", "n/a").fix?.command, "genesis.newPipelineConfig");
    });
  });

  describe("infra.ci", function () {
    it("passes when a CI workflow exists and the pipeline's ci.workflow exists", function () {
      const item = expectStatus(GOOD, "infra.ci", "pass");
      assert.ok(item.evidence.some((e) => e.path === ".github/workflows/ci.yml" && e.status === "pass"));
    });

    it("passes on .gitlab-ci.yml or a Jenkinsfile as well", function () {
      const files = GOOD.extraFiles!.filter((p) => !p.startsWith(".github/"));
      const noCiBlock = edit(CLEANING, "ci: { provider: github-actions, workflow: /.github/workflows/ci.yml }\n", "");
      expectStatus(variant({ files: { [PIPELINE]: noCiBlock }, extraFiles: [...files, "Jenkinsfile"] }), "infra.ci", "warn");
      expectStatus(
        variant({
          files: { [PIPELINE]: edit(CLEANING, "/.github/workflows/ci.yml", "/.gitlab-ci.yml") },
          extraFiles: [...files, ".gitlab-ci.yml"],
        }),
        "infra.ci",
        "pass",
      );
    });

    it("warns on a pipeline without ci, with a snippet that adds the block at the end of the YAML", function () {
      const noCiBlock = edit(CLEANING, "ci: { provider: github-actions, workflow: /.github/workflows/ci.yml }\n", "");
      const item = expectStatus(withPipeline(noCiBlock), "infra.ci", "warn");
      assert.equal(item.fix?.kind, "snippet");
      assert.equal(item.fix?.target?.path, PIPELINE);
      assert.equal(item.fix?.target?.range.start.line, noCiBlock.split("\n").length - 1, "at the end of the document");
      assert.match(item.fix?.snippet ?? "", /^ci:\n  provider: \$\{1\|github-actions,/);
    });

    it("warns on a pipeline whose ci.workflow does not exist", function () {
      const item = expectStatus(
        variant({ files: { [PIPELINE]: edit(CLEANING, "/.github/workflows/ci.yml", "/.github/workflows/gone.yml") } }),
        "infra.ci",
        "warn",
      );
      assert.ok(item.evidence.some((e) => /\.github\/workflows\/gone\.yml does not exist/.test(e.message)));
    });

    it("fails when no CI workflow exists", function () {
      const item = expectStatus(variant({ removeFiles: [".github/workflows/ci.yml"] }), "infra.ci", "fail");
      assert.match(item.reason, /^No CI workflow: none of \.github\/workflows\/\*\.yml, \.gitlab-ci\.yml or Jenkinsfile exists\./);
      assert.equal(item.evidence[0].path, "", "the workspace itself");
    });

    it("is n/a without Genesis documents and in an untrusted workspace", function () {
      expectStatus({ files: {}, extraFiles: [".github/workflows/ci.yml"] }, "infra.ci", "n/a");
      assert.equal(
        expectStatus(variant({ trusted: false }), "infra.ci", "n/a").reason,
        "workspace not trusted: CI workflow files are not looked for.",
      );
    });
  });

  describe("infra.isolation", function () {
    it("passes when every step declares its network", function () {
      expectStatus(GOOD, "infra.isolation", "pass");
    });

    it("warns on a step without a network", function () {
      expectStatus(withPipeline(edit(CLEANING, "    network: none\n", "")), "infra.isolation", "warn");
    });

    it("fails on egress from a pipeline above public", function () {
      const item = expectStatus(withPipeline(edit(CLEANING, "network: none", "network: egress")), "infra.isolation", "fail");
      assert.ok(item.evidence.some((e) => e.rule === "classification/egress"));
    });

    it("is n/a without pipelines", function () {
      expectStatus(variant({ files: NO_PIPELINE }), "infra.isolation", "n/a");
    });
  });

  describe("infra.hpc", function () {
    it("passes on a workflow engine and an HPC scheduler", function () {
      assert.equal(expectStatus(GOOD, "infra.hpc", "pass").evidence[0].message, "Engine shell, scheduler slurm.");
    });

    it("warns on a local scheduler, and on none (with a snippet that adds one)", function () {
      expectStatus(withPipeline(edit(CLEANING, "scheduler: { type: slurm }", "scheduler: { type: local }")), "infra.hpc", "warn");
      const item = expectStatus(withPipeline(edit(CLEANING, "scheduler: { type: slurm }\n", "")), "infra.hpc", "warn");
      assert.equal(item.fix?.kind, "snippet");
    });

    it("fails on a pipeline without a workflow engine", function () {
      expectStatus(withPipeline(edit(CLEANING, "engine: { type: shell }\n", "")), "infra.hpc", "fail");
    });

    it("is n/a without pipelines", function () {
      expectStatus(variant({ files: NO_PIPELINE }), "infra.hpc", "n/a");
    });
  });
});
