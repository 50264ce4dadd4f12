import * as assert from "node:assert/strict";
import { computeReadiness } from "../../../server/src/core/readiness/compute";
import { mergeReadiness } from "../../../server/src/core/readiness/merge";
import { fileListOf, MAX_EVIDENCE } from "../../../server/src/core/readiness/model";
import { dataset } from "../workspace/harness";
import { GOOD, inputOf, itemOf, readinessOf, variant } from "./harness";

/** The 21 item ids of docs/checklist.md, in its order. */
const ITEMS = [
  "data.schemas",
  "data.metadata",
  "data.lineage",
  "data.versioned",
  "data.formats",
  "data.integrity",
  "model.cards",
  "model.evaluation",
  "model.reproducible",
  "model.pinned",
  "model.artifacts",
  "infra.containers",
  "infra.ci",
  "infra.isolation",
  "infra.hpc",
  "gov.classification",
  "gov.access",
  "gov.audit",
  "gov.diagrams",
  "gov.binder",
  "gov.rmf",
];

describe("readiness: the checklist", function () {
  it("has the 21 items of docs/checklist.md in four groups, each with a title and its criterion", function () {
    const model = readinessOf(GOOD);
    assert.deepEqual(
      model.groups.map((g) => [g.id, g.title]),
      [
        ["data", "Data"],
        ["model", "Model"],
        ["infrastructure", "Infrastructure"],
        ["governance", "Governance"],
      ],
    );
    assert.deepEqual(
      model.groups.flatMap((g) => g.items.map((i) => i.id)),
      ITEMS,
    );
    for (const item of model.groups.flatMap((g) => g.items)) {
      assert.ok(item.title.length > 3, item.id);
      assert.ok(
        item.criterion.startsWith("every ") || item.criterion.startsWith("a ") || item.criterion.startsWith("architecture "),
        `${item.id}: ${item.criterion}`,
      );
    }
    assert.equal(
      itemOf(model, "data.formats").criterion,
      "every distribution is in a standard format (JSON, JSONL, CSV, Parquet, HDF5, and netCDF, which is HDF5 underneath; " +
        "a site adds its own in `site.standardFormats`; others warn)",
    );
  });

  it("scores passed items over applicable ones, per group and in all", function () {
    const model = readinessOf(GOOD);
    assert.deepEqual(model.score, { passed: 21, applicable: 21 });
    const broken = readinessOf(variant({ evidence: null, files: { "pipelines/cleaning.pipeline.yaml": undefined } }));
    const data = broken.groups[0];
    assert.equal(data.applicable, 6);
    // data.integrity warns (not verified); data.lineage fails (generatedBy names a pipeline that
    // is gone), and so does data.metadata (that ref/unresolved is an error of the manifest).
    assert.deepEqual(
      data.items.filter((i) => i.status !== "pass").map((i) => `${i.id} ${i.status}`),
      ["data.metadata fail", "data.lineage fail", "data.integrity warn"],
    );
    assert.equal(data.passed, 3);
    const infrastructure = broken.groups[2];
    assert.deepEqual([infrastructure.passed, infrastructure.applicable], [1, 1], "only infra.ci applies without pipelines (and passes)");
    assert.equal(
      broken.score.passed,
      broken.groups.reduce((n, g) => n + g.passed, 0),
    );
    assert.equal(
      broken.score.applicable,
      broken.groups.reduce((n, g) => n + g.applicable, 0),
    );
  });

  it("is plain data: it survives a JSON round trip unchanged", function () {
    const model = readinessOf(variant({ evidence: null }));
    assert.deepEqual(JSON.parse(JSON.stringify(model)), model);
  });

  it("gives every piece of evidence in a document an LSP range over the right text", function () {
    const input = inputOf(
      variant({ files: { "data/raw.dataset.yaml": dataset("raw", "1.2").replace("license: CC-BY-4.0", "license: Apache 2") } }),
    );
    const model = computeReadiness(input);
    const texts = new Map(input.documents.map((d) => [d.facts.path, d.facts.document.text]));
    let checked = 0;
    for (const evidence of model.groups.flatMap((g) => g.items.flatMap((i) => i.evidence))) {
      const text = texts.get(evidence.path);
      if (!text) continue;
      assert.ok(evidence.span && evidence.range, `${evidence.path}: ${evidence.message}`);
      const lines = text.split("\n");
      const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
      assert.equal(offset(evidence.range.start), evidence.span.start);
      assert.equal(offset(evidence.range.end), evidence.span.end);
      checked++;
    }
    assert.ok(checked > 20);
    const semver = itemOf(model, "data.versioned").evidence.find((e) => e.rule === "version/semver")!;
    assert.equal(texts.get("data/raw.dataset.yaml")!.slice(semver.span!.start, semver.span!.end), "1.2");
  });

  it("in an untrusted workspace, exactly the items that need other files are n/a, saying why", function () {
    const model = readinessOf(variant({ trusted: false }));
    const untrusted = model.groups.flatMap((g) => g.items).filter((i) => i.status === "n/a");
    assert.deepEqual(
      untrusted.map((i) => i.id),
      ["data.integrity", "model.pinned", "infra.ci", "gov.access", "gov.diagrams", "gov.binder"],
    );
    for (const item of untrusted) assert.match(item.reason, /^workspace not trusted: /);
    assert.deepEqual(model.score, { passed: 15, applicable: 15 });
  });

  it("a workspace without documents has every item n/a, with a reason", function () {
    const model = computeReadiness({ documents: [], files: fileListOf([]), trusted: true });
    assert.deepEqual(model.score, { passed: 0, applicable: 0 });
    for (const item of model.groups.flatMap((g) => g.items)) {
      assert.equal(item.status, "n/a", item.id);
      assert.ok(item.reason.length > 10, item.id);
    }
  });

  it("keeps at most MAX_EVIDENCE pieces of evidence per item and counts the others", function () {
    const many: Record<string, string> = {};
    for (let i = 0; i < MAX_EVIDENCE + 7; i++) many[`data/d${i}.dataset.yaml`] = dataset(`d${i}`, "1.0.0");
    const item = itemOf(readinessOf({ files: many }), "data.versioned");
    assert.equal(item.evidence.length, MAX_EVIDENCE);
    assert.equal(item.omittedEvidence, 7);
  });

  it("never throws on odd values: every item is decided", function () {
    const odd = {
      "data/odd.dataset.yaml":
        "apiVersion: genesis/v1\nkind: DatasetManifest\nid: odd\nversion: 3\ndistribution: 5\n" +
        "recordSets: [null, 3]\nlineage: [x]\nclassification: secret\naccess: []\nkeywords: {}\n",
      "pipelines/odd.pipeline.yaml":
        "apiVersion: genesis/v1\nkind: PipelineConfig\nid: p\nsteps: [null, 3, { container: 7, network: [1] }]\nengine: 4\n" +
        "scheduler: [slurm]\nci: { workflow: 5 }\ndocs: { dataFlowDiagram: [] }\nprovenance: { emit: 9 }\naudit: x\n",
      "models/odd.model.yaml":
        "apiVersion: genesis/v1\nkind: ModelCard\nid: m\ntraining: x\nevaluation: { results: 3 }\n" +
        "artifacts: [{ format: onnx, path: 5 }, 7]\nrisk: [1]\ngovernance: { binder: ~/x }\n",
      "models/empty.model.yaml": "",
      "data/list.dataset.yaml": "- kind: DatasetManifest\n",
    };
    const model = readinessOf({ files: odd, extraFiles: ["x.onnx"] });
    for (const item of model.groups.flatMap((g) => g.items)) assert.doesNotMatch(item.reason, /could not be decided/, item.id);
    assert.equal(itemOf(model, "data.versioned").status, "fail");
  });

  describe("several folders merged", function () {
    it("takes the worst status of each item, prefixes paths with the folder name, and rescores", function () {
      const good = readinessOf(GOOD);
      const broken = readinessOf(variant({ evidence: null }));
      const merged = mergeReadiness([
        { name: "a", model: good },
        { name: "b", model: broken },
      ]);
      const integrity = itemOf(merged, "data.integrity");
      assert.equal(integrity.status, "warn");
      assert.match(integrity.reason, /^a: All 3 local files .* b: 3 of 3 local files are not verified yet/);
      assert.equal(integrity.evidence[0].status, "warn", "the worst evidence first");
      assert.ok(integrity.evidence[0].path.startsWith("b/data/"));
      assert.deepEqual(merged.score, { passed: 20, applicable: 21 });
    });

    it("an item is n/a only where it is n/a in every folder", function () {
      const empty = computeReadiness({ documents: [], files: fileListOf([]), trusted: true });
      const merged = mergeReadiness([
        { name: "empty", model: empty },
        { name: "good", model: readinessOf(GOOD) },
      ]);
      assert.deepEqual(merged.score, { passed: 21, applicable: 21 });
      assert.equal(itemOf(merged, "gov.rmf").reason, "good: The card maps its risks to AI RMF functions.");
    });

    it("returns one folder's model as it is", function () {
      const model = readinessOf(GOOD);
      assert.equal(mergeReadiness([{ name: "only", model }]), model);
    });
  });
});
