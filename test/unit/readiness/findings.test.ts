import * as assert from "node:assert/strict";
import { computeReadiness } from "../../../server/src/core/readiness/compute";
import { mergeReadiness } from "../../../server/src/core/readiness/merge";
import { configWith } from "../harness";
import { CLEAN, CLEANING, GOOD, MODEL, edit, expectStatus, inputOf, itemOf, readinessOf, variant } from "./harness";
import { fixtureDigest } from "../fixture-digest";

/**
 * docs/checklist.md#how-an-item-is-decided: the checklist reads findings. The findings of an item's rules, in any document, fail or
 * lower it; its own criteria add to that; a value with an error is never passing evidence; a
 * waived finding lowers nothing and is counted; the governance items fail closed on levels.
 */

const PIPELINE = "pipelines/cleaning.pipeline.yaml";
const CARD = "models/m.model.yaml";
const CLEAN_PATH = "data/clean.dataset.yaml";
const PINNED = `"registry.example.gov/x/y:1.0.0@sha256:${fixtureDigest("b")}"`;
const UNPINNED = edit(CLEANING, PINNED, `"registry.example.gov/x/y:1.0.0"`);
/** The card's training image, tagged `latest`: an error where the configuration raises container/latest. */
const LATEST_IMAGE = `  environment: { lockfile: lock.txt, image: "registry.example.gov/m/train:latest@sha256:${fixtureDigest("f")}" }\n`;
const CARD_WITH_LATEST = edit(MODEL, "  environment: { lockfile: lock.txt }\n", LATEST_IMAGE);
const LATEST_IS_ERROR = configWith({ rules: { "container/latest": "error" } });

/** Every unsuppressed error the rules report over a fixture. */
function errorsOf(fixture: Parameters<typeof inputOf>[0]) {
  return inputOf(fixture).documents.flatMap((d) =>
    d.diagnostics.filter((x) => x.severity === "error").map((x) => `${d.facts.path} ${x.rule}`),
  );
}

describe("readiness: findings decide the items (docs/checklist.md#how-an-item-is-decided)", function () {
  describe("the findings of an item's rules", function () {
    it("a project where check finds one error does not score full marks, and the item of that rule fails", function () {
      const fixture = variant({ files: { [CARD]: CARD_WITH_LATEST }, config: LATEST_IS_ERROR });
      assert.deepEqual(errorsOf(fixture), [`${CARD} container/latest`], "check reports exactly one error");
      const model = readinessOf(fixture);
      assert.notDeepEqual(model.score, { passed: 21, applicable: 21 });
      const item = itemOf(model, "infra.containers");
      assert.equal(item.status, "fail", "every pipeline step is pinned, but an error of the item's rules stands");
      assert.match(item.reason, /^The step runs in a digest-pinned container\. But 1 error of its rules stands \(container\/latest\)\.$/);
      assert.deepEqual([item.evidence[0].status, item.evidence[0].rule, item.evidence[0].path], ["fail", "container/latest", CARD]);
      assert.equal(item.fix?.target?.rule, "container/latest");
    });

    it("an error of its rules in a document of another kind fails an item (a schema error in a pipeline fails data.metadata)", function () {
      const fixture = variant({ files: { [PIPELINE]: edit(CLEANING, "retentionDays: 30", "retentionDays: -1") } });
      assert.deepEqual(errorsOf(fixture), [`${PIPELINE} schema/range`]);
      const item = expectStatus(fixture, "data.metadata", "fail");
      assert.match(item.reason, /^Both manifests have their metadata and no error\. But 1 error of its rules stands \(schema\/range\)\.$/);
      assert.ok(item.evidence.some((e) => e.rule === "schema/range" && e.path === PIPELINE));
    });

    it("an item that is n/a by its own criteria fails on an error of its rules, and says both", function () {
      const fixture = variant({ files: { [PIPELINE]: undefined, [CARD]: CARD_WITH_LATEST }, config: LATEST_IS_ERROR });
      const item = expectStatus(fixture, "infra.containers", "fail");
      assert.equal(
        item.reason,
        "1 error of its rules stands (container/latest). Otherwise not applicable: No pipeline config in the workspace.",
      );
    });

    it("an item that is n/a by its own criteria warns on a warning of its rules (the finding is counted somewhere)", function () {
      const fixture = variant({ files: { [PIPELINE]: undefined, [CARD]: CARD_WITH_LATEST } });
      const item = expectStatus(fixture, "infra.containers", "warn");
      assert.match(item.reason, /^1 warning of its rules stands \(container\/latest\)\. Otherwise not applicable: /);
    });

    it("uses the effective severity: a rule raised to error fails, a rule turned off lowers nothing", function () {
      expectStatus(
        { ...variant({ files: { [PIPELINE]: UNPINNED } }), config: configWith({ rules: { "container/unpinned": "error" } }) },
        "infra.containers",
        "fail",
      );
      expectStatus(
        {
          ...variant({ files: { [PIPELINE]: UNPINNED } }),
          config: configWith({ rules: { "container/unpinned": "off", "container/latest": "off" } }),
        },
        "infra.containers",
        "pass",
      );
    });
  });

  describe("no second judge of a value", function () {
    it("a sha512 digest is container/unpinned, and infra.containers does not pass", function () {
      const sha512 = edit(CLEANING, PINNED, `"registry.example.gov/x/y:1.0.0@sha512:${"c".repeat(128)}"`);
      const item = expectStatus(variant({ files: { [PIPELINE]: sha512 } }), "infra.containers", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "container/unpinned" && e.status === "warn"));
      assert.ok(!item.evidence.some((e) => e.status === "pass"), item.evidence.map((e) => e.message).join("\n"));
      expectStatus(
        { ...variant({ files: { [PIPELINE]: sha512 } }), config: configWith({ profile: "release" }) },
        "infra.containers",
        "fail",
      );
    });

    it("an image that is no image reference fails infra.containers with the rule's finding", function () {
      const item = expectStatus(
        variant({ files: { [PIPELINE]: edit(CLEANING, PINNED, `"registry.example.gov/x/y:1.0.0@sha256:abc"`) } }),
        "infra.containers",
        "fail",
      );
      assert.equal(item.evidence[0].rule, "schema/pattern");
    });

    it("gov.classification fails on a level with a schema/enum error, and never shows it as classified", function () {
      const item = expectStatus(
        variant({ files: { [CLEAN_PATH]: edit(CLEAN, "level: internal", "level: CUI") } }),
        "gov.classification",
        "fail",
      );
      assert.ok(item.evidence.some((e) => e.rule === "schema/enum" && e.path === CLEAN_PATH && e.status === "fail"));
      assert.ok(
        !item.evidence.some((e) => e.path === CLEAN_PATH && e.status === "pass"),
        item.evidence.map((e) => `${e.status} ${e.message}`).join("\n"),
      );
      assert.ok(!item.evidence.some((e) => /Classified CUI/.test(e.message)));
    });

    it("a version that is not semver fails data.versioned with the rule's finding, whatever its type", function () {
      const item = expectStatus(
        variant({ files: { [CLEAN_PATH]: edit(CLEAN, "version: 1.0.0", "version: 1") } }),
        "data.versioned",
        "fail",
      );
      assert.ok(
        item.evidence.some((e) => e.path === CLEAN_PATH && e.status === "fail" && e.rule !== undefined),
        item.evidence.map((e) => `${e.rule} ${e.message}`).join("\n"),
      );
    });

    it("an engine, scheduler, network or provenance format the schema rejects is its schema/enum finding", function () {
      const cases: [string, string, string][] = [
        ["engine: { type: shell }", "engine: { type: shel }", "infra.hpc"],
        ["scheduler: { type: slurm }", "scheduler: { type: slurmm }", "infra.hpc"],
        ["network: none", "network: nonee", "infra.isolation"],
        ["provenance: { emit: ro-crate }", "provenance: { emit: rocrate }", "gov.audit"],
      ];
      for (const [from, to, id] of cases) {
        const item = expectStatus(variant({ files: { [PIPELINE]: edit(CLEANING, from, to) } }), id, "fail");
        assert.equal(item.evidence[0].rule, "schema/enum", `${to}: ${item.evidence[0].message}`);
      }
    });

    it("an unpinned container artifact of a card is the container rules' finding in model.artifacts", function () {
      const image = "registry.example.gov/m/serve:1.0.0";
      const container = MODEL.replace(/ {2}- \{ format: onnx, .*\n/, `  - { format: oci-image, path: "${image}" }\n`);
      const item = expectStatus(variant({ files: { [CARD]: container } }), "model.artifacts", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "container/unpinned"));
      assert.ok(!item.evidence.some((e) => e.status === "pass" && /pinned/.test(e.message)));
    });
  });

  describe("gov.access and gov.audit fail closed", function () {
    it("a dataset whose level is written CUI is above public: without an access policy, gov.access fails", function () {
      const cui = edit(edit(CLEAN, "level: internal", "level: CUI"), "access: { policy: /governance/access.md }\n", "");
      const item = expectStatus(variant({ files: { [CLEAN_PATH]: cui } }), "gov.access", "fail");
      assert.match(item.reason, /1 of 3 documents above public names no access policy: clean@1\.0\.0/);
      assert.ok(
        item.evidence.some(
          (e) =>
            e.path === CLEAN_PATH &&
            e.message === "The dataset manifest is classified CUI (counted as cui) but declares no access policy (access.policy).",
        ),
      );
    });

    it("applies to model cards and pipelines above public, naming the kind", function () {
      const card = edit(MODEL, "access: { policy: /governance/access.md }\n", "");
      const item = expectStatus(variant({ files: { [CARD]: card } }), "gov.access", "fail");
      assert.ok(
        item.evidence.some(
          (e) => e.path === CARD && e.message === "The model card is classified internal but declares no access policy (access.policy).",
        ),
      );
      const pipeline = edit(CLEANING, "access: { policy: /governance/access.md }\n", "");
      const failed = expectStatus(variant({ files: { [PIPELINE]: pipeline } }), "gov.access", "fail");
      assert.ok(failed.evidence.some((e) => e.path === PIPELINE && /^The pipeline config is classified internal/.test(e.message)));
    });

    it("counts a typo or a classified marking as cui-specified, and a public document not at all", function () {
      const typo = edit(edit(CLEAN, "level: internal", "level: internl"), "access: { policy: /governance/access.md }\n", "");
      const item = expectStatus(variant({ files: { [CLEAN_PATH]: typo } }), "gov.access", "fail");
      assert.ok(item.evidence.some((e) => /classified internl \(counted as cui-specified\)/.test(e.message)));
      const secret = edit(CLEANING, "level: internal", "level: secret").replace("access: { policy: /governance/access.md }\n", "");
      assert.ok(expectStatus(variant({ files: { [PIPELINE]: secret } }), "gov.access", "fail").evidence.some((e) => e.path === PIPELINE));
      const allPublic = { [CLEAN_PATH]: undefined, [PIPELINE]: undefined, [CARD]: undefined };
      expectStatus(variant({ files: allPublic }), "gov.access", "n/a");
    });

    it("gov.audit requires provenance of a pipeline whose level is written CUI", function () {
      const cui = edit(edit(CLEANING, "level: internal", "level: CUI"), "provenance: { emit: ro-crate }", "provenance: { emit: none }");
      assert.match(
        expectStatus(variant({ files: { [PIPELINE]: cui } }), "gov.audit", "fail").reason,
        /emits no provenance though classified above public/,
      );
    });
  });

  describe("waivers", function () {
    const waiveUnpinned = (d: { rule: string }) =>
      d.rule === "container/unpinned" ? { reason: "vendor image, SEC-112", until: "2099-03-31" } : undefined;

    it("a waived finding does not lower its item, which counts it; the model lists it", function () {
      const fixture = variant({
        files: { [PIPELINE]: UNPINNED },
        waive: waiveUnpinned,
        config: configWith({ rules: { "container/latest": "off" } }),
      });
      const model = readinessOf(fixture);
      const item = itemOf(model, "infra.containers");
      assert.equal(item.status, "pass", item.reason);
      assert.equal(item.waivers, 1);
      assert.ok(
        item.evidence.some(
          (e) =>
            e.rule === "container/unpinned" &&
            e.status === "pass" &&
            /^Waived container\/unpinned: vendor image, SEC-112 \(until 2099-03-31\)\./.test(e.message),
        ),
      );
      assert.equal(model.waivers?.length, 1);
      const [waiver] = model.waivers!;
      assert.deepEqual(
        { ...waiver, message: undefined },
        {
          rule: "container/unpinned",
          item: "infra.containers",
          path: PIPELINE,
          range: waiver.range,
          message: undefined,
          reason: "vendor image, SEC-112",
          until: "2099-03-31",
        },
      );
      const line = UNPINNED.split("\n").findIndex((l) => l.includes("registry.example.gov/x/y:1.0.0"));
      assert.equal(waiver.range.start.line, line, "0-based, on the image");
      assert.match(waiver.message, /not pinned by digest/);
    });

    it("a waived finding does not lower its item in the release profile either (no fallback to the rule's severity)", function () {
      const fixture = variant({
        files: { [PIPELINE]: UNPINNED },
        waive: (d) => (d.rule.startsWith("container/") ? { reason: "vendor image" } : undefined),
        config: configWith({ profile: "release" }),
      });
      assert.equal(expectStatus(fixture, "infra.containers", "pass").waivers, 1);
    });

    it("an item without waived findings has no waivers key, and the model's list is empty", function () {
      const model = readinessOf(GOOD);
      assert.deepEqual(model.waivers, []);
      for (const item of model.groups.flatMap((g) => g.items)) assert.ok(!("waivers" in item), item.id);
    });

    it("lists the waivers in path then position order", function () {
      const unpinnedCard = edit(
        MODEL,
        "  environment: { lockfile: lock.txt }\n",
        `  environment: { lockfile: lock.txt, image: "registry.example.gov/m/train:1.0" }\n`,
      );
      const fixture = variant({
        files: { [PIPELINE]: UNPINNED, [CARD]: unpinnedCard },
        waive: (d) => (d.rule.startsWith("container/") ? { reason: "accepted" } : undefined),
      });
      const waivers = computeReadiness(inputOf(fixture)).waivers!;
      const places = waivers.map((w) => [w.path, w.range.start.line, w.range.start.character]);
      const sorted = [...places].sort((a, b) =>
        a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number),
      );
      assert.deepEqual(places, sorted);
      assert.deepEqual([...new Set(waivers.map((w) => w.path))], [CARD, PIPELINE]);
    });

    it("several folders merged: the waivers of each, with the folder's name, and each item's count summed", function () {
      const waived = readinessOf(variant({ files: { [PIPELINE]: UNPINNED }, waive: waiveUnpinned }));
      const merged = mergeReadiness([
        { name: "a", model: waived },
        { name: "b", model: readinessOf(GOOD) },
        { name: "c", model: waived },
      ]);
      assert.deepEqual(
        merged.waivers?.map((w) => w.path),
        [`a/${PIPELINE}`, `c/${PIPELINE}`],
      );
      assert.equal(itemOf(merged, "infra.containers").waivers, 2);
      assert.ok(!("waivers" in itemOf(merged, "gov.rmf")));
    });

    it("a diagnostic that carries its waiver among the diagnostics counts as waived too", function () {
      const input = inputOf(variant({ files: { [PIPELINE]: UNPINNED }, config: configWith({ rules: { "container/latest": "off" } }) }));
      const documents = input.documents.map((d) => ({
        ...d,
        diagnostics: d.diagnostics.map((x) => (x.rule === "container/unpinned" ? { ...x, waiver: { reason: "r", span: x.span } } : x)),
      }));
      const item = itemOf(computeReadiness({ ...input, documents }), "infra.containers");
      assert.deepEqual([item.status, item.waivers], ["pass", 1]);
    });
  });
});
