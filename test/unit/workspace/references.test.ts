import * as assert from "node:assert/strict";
import { diagnose } from "../harness";
import { dataset, edit, modelCard, pipeline, workspaceOf, wsDiagnose } from "./harness";

describe("workspace: references", function () {
  const files = () => ({
    "data/raw.dataset.yaml": dataset("raw", "1.0.0"),
    "data/raw-v2.dataset.yaml": dataset("raw", "2.0.0"),
    "data/clean.dataset.yaml": dataset(
      "clean",
      "1.0.0",
      "lineage:\n  derivedFrom: [raw@1.0.0]\n  generatedBy: { pipeline: cleaning@1.0.0 }\n",
    ),
    "pipelines/cleaning.pipeline.yaml": pipeline("cleaning", "1.0.0", ["raw@1.0.0"], ["clean@1.0.0"]),
    "models/m.model.yaml": modelCard("m", "1.0.0", ["clean@1.0.0"]),
  });

  it("a consistent workspace has no workspace diagnostics", function () {
    const index = workspaceOf(files());
    for (const facts of index.all()) assert.deepEqual(wsDiagnose(index, facts.path), [], facts.path);
  });

  it("ref/unresolved names the nearest id, and the kind when the id belongs to another kind", function () {
    const index = workspaceOf({ ...files(), "models/m.model.yaml": modelCard("m", "1.0.0", ["claen@1.0.0", "cleaning@1.0.0"]) });
    const seen = wsDiagnose(index, "models/m.model.yaml").filter((d) => d.rule === "ref/unresolved");
    assert.equal(seen.length, 4, "two training datasets, and the first again in evaluation.datasets and results");
    assert.equal(seen[0].covered, "claen@1.0.0");
    assert.match(seen[0].message, /Did you mean "clean"\?/);
    assert.match(seen[1].message, /"cleaning" is a pipeline config \(pipelines\/cleaning\.pipeline\.yaml\), not a dataset manifest/);
  });

  it("ref/version-mismatch lists the versions that exist", function () {
    const index = workspaceOf({ ...files(), "models/m.model.yaml": modelCard("m", "1.0.0", ["raw@3.0.0"]) });
    const [mismatch] = wsDiagnose(index, "models/m.model.yaml").filter((d) => d.rule === "ref/version-mismatch");
    assert.match(
      mismatch.message,
      /has no version 3\.0\.0; the workspace has 1\.0\.0 in data\/raw\.dataset\.yaml, 2\.0\.0 in data\/raw-v2\.dataset\.yaml/,
    );
  });

  it("ref/version-mismatch shows a version YAML read as a number as written, and says to quote it", function () {
    const index = workspaceOf({
      ...files(),
      "data/raw-v2.dataset.yaml": dataset("raw", "1.2"),
      "models/m.model.yaml": modelCard("m", "1.0.0", ["raw@1.2.0"]),
    });
    const [mismatch] = wsDiagnose(index, "models/m.model.yaml").filter((d) => d.rule === "ref/version-mismatch");
    assert.equal(
      mismatch.message,
      'The dataset manifest "raw" has no version 1.2.0; the workspace has 1.0.0 in data/raw.dataset.yaml, ' +
        '1.2 (YAML reads it as a number: quote it, or write "1.2.0") in data/raw-v2.dataset.yaml.',
    );
  });

  it("ref/duplicate-id on each document that shares id@version, naming the other and its line", function () {
    const index = workspaceOf({ ...files(), "data/copy.dataset.yaml": dataset("raw", "1.0.0") });
    const here = wsDiagnose(index, "data/copy.dataset.yaml");
    assert.deepEqual(
      here.map((d) => [d.rule, d.covered]),
      [["ref/duplicate-id", "raw"]],
    );
    assert.match(here[0].message, /data\/raw\.dataset\.yaml:3/);
    assert.equal(wsDiagnose(index, "data/raw.dataset.yaml").filter((d) => d.rule === "ref/duplicate-id").length, 1);
    assert.equal(wsDiagnose(index, "data/raw-v2.dataset.yaml").length, 0, "another version is not a duplicate");
  });

  it("genesis-ignore silences a workspace rule; a missing reason is reported once, by the type pass", function () {
    const card = modelCard("m", "1.0.0", ["gone@1.0.0"]).replace(
      "datasets: [gone@1.0.0]",
      "datasets: [gone@1.0.0] # genesis-ignore ref/unresolved",
    );
    const index = workspaceOf({ ...files(), "models/m.model.yaml": card });
    const ws = wsDiagnose(index, "models/m.model.yaml");
    assert.ok(!ws.some((d) => d.rule === "suppress/no-reason"), "the ws pass does not repeat it");
    assert.equal(ws.filter((d) => d.rule === "ref/unresolved").length, 2, "only the evaluation references remain");
    assert.equal(diagnose("models/m.model.yaml", card).filter((d) => d.rule === "suppress/no-reason").length, 1);
  });

  it("deleting a dataset makes references to it fail at once; recreating it clears them", function () {
    const index = workspaceOf(files());
    const affected = index.delete("data/clean.dataset.yaml");
    assert.ok(affected.has("models/m.model.yaml") && affected.has("pipelines/cleaning.pipeline.yaml"));
    assert.ok(wsDiagnose(index, "models/m.model.yaml").some((d) => d.rule === "ref/unresolved"));
    const again = edit(index, "data/clean.dataset.yaml", files()["data/clean.dataset.yaml"]);
    assert.ok(again.has("models/m.model.yaml"));
    assert.deepEqual(wsDiagnose(index, "models/m.model.yaml"), []);
  });

  it("an edit affects the document, what references it and what it references, not the rest", function () {
    const index = workspaceOf({ ...files(), "data/unrelated.dataset.yaml": dataset("unrelated", "1.0.0") });
    const affected = edit(
      index,
      "data/clean.dataset.yaml",
      files()["data/clean.dataset.yaml"].replace("name: Dataset clean", "name: Cleaned"),
    );
    assert.deepEqual(
      [...affected].sort(),
      [
        "data/clean.dataset.yaml",
        "data/raw.dataset.yaml",
        "data/raw-v2.dataset.yaml",
        "models/m.model.yaml",
        "pipelines/cleaning.pipeline.yaml",
      ].sort(),
    );
  });
});

describe("workspace: a pipeline output names a dataset manifest or a model card (docs/formats/pipeline-config.md)", function () {
  const files = () => ({
    "data/train.dataset.yaml": dataset("train", "1.0.0"),
    "models/m.model.yaml": modelCard("m", "1.0.0", ["train@1.0.0"]),
    "pipelines/training.pipeline.yaml": pipeline("training", "1.0.0", ["train@1.0.0"], ["m@1.0.0"]),
  });

  it("a model card in outputs[].ref resolves", function () {
    const index = workspaceOf(files());
    assert.deepEqual(wsDiagnose(index, "pipelines/training.pipeline.yaml"), []);
  });

  it("ref/unresolved names both kinds, and the kind of a document with that id", function () {
    const index = workspaceOf({
      ...files(),
      "pipelines/training.pipeline.yaml": pipeline("training", "1.0.0", ["train@1.0.0"], ["training@1.0.0", "n@1.0.0"]),
    });
    const seen = wsDiagnose(index, "pipelines/training.pipeline.yaml").filter((d) => d.rule === "ref/unresolved");
    assert.deepEqual(
      seen.map((d) => d.covered),
      ["training@1.0.0", "n@1.0.0"],
    );
    assert.equal(
      seen[0].message,
      'No dataset manifest or model card in the workspace has the id "training". ' +
        '"training" is a pipeline config (pipelines/training.pipeline.yaml), not a dataset manifest or model card.',
    );
    assert.match(seen[1].message, /^No dataset manifest or model card in the workspace has the id "n"\. Did you mean "m"\?$/);
  });

  it("ref/version-mismatch names the card's kind and its versions", function () {
    const index = workspaceOf({
      ...files(),
      "pipelines/training.pipeline.yaml": pipeline("training", "1.0.0", ["train@1.0.0"], ["m@2.0.0"]),
    });
    const [mismatch] = wsDiagnose(index, "pipelines/training.pipeline.yaml").filter((d) => d.rule === "ref/version-mismatch");
    assert.equal(mismatch.message, 'The model card "m" has no version 2.0.0; the workspace has 1.0.0 in models/m.model.yaml.');
  });

  it("an input still names a dataset only", function () {
    const index = workspaceOf({
      ...files(),
      "pipelines/training.pipeline.yaml": pipeline("training", "1.0.0", ["m@1.0.0"], ["train@1.0.0"]),
    });
    const [unresolved] = wsDiagnose(index, "pipelines/training.pipeline.yaml").filter((d) => d.rule === "ref/unresolved");
    assert.match(unresolved.message, /^No dataset manifest in the workspace has the id "m"\. "m" is a model card/);
  });

  it("deleting the card, or giving it another id, reaches the pipeline that outputs it", function () {
    const index = workspaceOf(files());
    assert.ok(index.delete("models/m.model.yaml").has("pipelines/training.pipeline.yaml"));
    assert.equal(wsDiagnose(index, "pipelines/training.pipeline.yaml").filter((d) => d.rule === "ref/unresolved").length, 1);
    assert.ok(edit(index, "models/m.model.yaml", files()["models/m.model.yaml"]).has("pipelines/training.pipeline.yaml"));
    assert.deepEqual(wsDiagnose(index, "pipelines/training.pipeline.yaml"), []);
  });
});
