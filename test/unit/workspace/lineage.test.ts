import * as assert from "node:assert/strict";
import { dataset, edit, modelCard, pipeline, workspaceOf, wsDiagnose } from "./harness";

describe("workspace: lineage", function () {
  it("lineage/cycle once, on the reference that closes the cycle, naming it; cleared when it is broken", function () {
    const files = {
      "a.dataset.yaml": dataset("a", "1.0.0", "lineage:\n  derivedFrom: [c@1.0.0]\n  generatedBy: { pipeline: p@1.0.0 }\n"),
      "b.dataset.yaml": dataset("b", "1.0.0", "lineage:\n  derivedFrom: [a@1.0.0]\n  generatedBy: { pipeline: p@1.0.0 }\n"),
      "c.dataset.yaml": dataset("c", "1.0.0", "lineage:\n  derivedFrom: [b@1.0.0]\n  generatedBy: { pipeline: p@1.0.0 }\n"),
      "p.pipeline.yaml": pipeline("p", "1.0.0", [], ["a@1.0.0", "b@1.0.0", "c@1.0.0"]),
    };
    const index = workspaceOf(files);
    const cycles = [...index.all()].flatMap((facts) =>
      wsDiagnose(index, facts.path)
        .filter((d) => d.rule === "lineage/cycle")
        .map((d) => ({ path: facts.path, ...d })),
    );
    assert.equal(cycles.length, 1, "one cycle, one diagnostic");
    // Walked from its first document, a, the cycle is closed by a's derivedFrom c@1.0.0.
    assert.equal(cycles[0].path, "a.dataset.yaml");
    assert.equal(cycles[0].covered, "c@1.0.0");
    assert.equal(
      cycles[0].message,
      '"c@1.0.0" closes a lineage cycle: a@1.0.0 -> b@1.0.0 -> c@1.0.0 -> a@1.0.0: each flows into the next, ' +
        "so none can be produced first. Remove this reference, or the link of the cycle that is wrong.",
    );
    const affected = edit(index, "a.dataset.yaml", dataset("a", "1.0.0", "lineage:\n  generatedBy: { pipeline: p@1.0.0 }\n"));
    assert.ok(affected.has("c.dataset.yaml"), "a member of the broken cycle is re-checked");
    assert.deepEqual(
      wsDiagnose(index, "c.dataset.yaml").filter((d) => d.rule === "lineage/cycle"),
      [],
    );
  });

  it("a diamond is not a cycle", function () {
    const index = workspaceOf({
      "top.dataset.yaml": dataset("top", "1.0.0"),
      "left.dataset.yaml": dataset("left", "1.0.0", "lineage:\n  derivedFrom: [top@1.0.0]\n  generatedBy: { pipeline: split@1.0.0 }\n"),
      "right.dataset.yaml": dataset("right", "1.0.0", "lineage:\n  derivedFrom: [top@1.0.0]\n  generatedBy: { pipeline: split@1.0.0 }\n"),
      "bottom.dataset.yaml": dataset(
        "bottom",
        "1.0.0",
        "lineage:\n  derivedFrom: [left@1.0.0, right@1.0.0]\n  generatedBy: { pipeline: join@1.0.0 }\n",
      ),
      "split.pipeline.yaml": pipeline("split", "1.0.0", ["top@1.0.0"], ["left@1.0.0", "right@1.0.0"]),
      "join.pipeline.yaml": pipeline("join", "1.0.0", ["left@1.0.0", "right@1.0.0"], ["bottom@1.0.0"]),
    });
    assert.deepEqual(index.lineageCycles(), []);
    for (const facts of index.all()) assert.deepEqual(wsDiagnose(index, facts.path), [], facts.path);
  });

  it("lineage/inconsistent: the pipeline does not list the dataset, or its inputs differ", function () {
    const index = workspaceOf({
      "raw.dataset.yaml": dataset("raw", "1.0.0"),
      "other.dataset.yaml": dataset("other", "1.0.0"),
      "clean.dataset.yaml": dataset("clean", "1.0.0", "lineage:\n  derivedFrom: [raw@1.0.0]\n  generatedBy: { pipeline: p@1.0.0 }\n"),
      "p.pipeline.yaml": pipeline("p", "1.0.0", ["other@1.0.0"], ["elsewhere@1.0.0"]),
    });
    const seen = wsDiagnose(index, "clean.dataset.yaml").filter((d) => d.rule === "lineage/inconsistent");
    assert.equal(seen.length, 2);
    assert.ok(
      seen.some(
        (d) => /does not list clean@1\.0\.0 among its outputs \(p\.pipeline\.yaml:\d+\)/.test(d.message) && d.covered === "p@1.0.0",
      ),
    );
    assert.ok(
      seen.some(
        (d) =>
          /the pipeline also reads other@1\.0\.0; the pipeline does not read raw@1\.0\.0/.test(d.message) && d.covered === "derivedFrom",
      ),
    );
  });
});

describe("workspace: lineage with model cards as pipeline outputs (docs/formats/pipeline-config.md)", function () {
  /** A card trained by `training@1.0.0` on `data`. */
  const card = (data: string[]) => modelCard("m", "1.0.0", data).replace("training:\n", "training:\n  pipeline: training@1.0.0\n");

  it("a card's training.pipeline lists the card among its outputs, and reads the card's training.datasets", function () {
    const index = workspaceOf({
      "train.dataset.yaml": dataset("train", "1.0.0"),
      "other.dataset.yaml": dataset("other", "1.0.0"),
      "m.model.yaml": card(["train@1.0.0"]),
      "training.pipeline.yaml": pipeline("training", "1.0.0", ["other@1.0.0"], ["other-output@1.0.0"]),
    });
    const seen = wsDiagnose(index, "m.model.yaml").filter((d) => d.rule === "lineage/inconsistent");
    assert.deepEqual(
      seen.map((d) => [d.covered, d.severity]),
      [
        ["training@1.0.0", "warning"],
        ["datasets", "warning"],
      ],
    );
    assert.match(
      seen[0].message,
      new RegExp(
        /^training@1\.0\.0 does not list m@1\.0\.0 among its outputs \(training\.pipeline\.yaml:\d+\); /.source +
          /add it there, or name the pipeline that does train this model\.$/.source,
      ),
    );
    assert.match(
      seen[1].message,
      new RegExp(
        /^training\.datasets differs from the inputs of training@1\.0\.0 \(training\.pipeline\.yaml:\d+\): /.source +
          /the pipeline also reads other@1\.0\.0; the pipeline does not read train@1\.0\.0\. Make the two lists agree\.$/.source,
      ),
    );
  });

  it("a pipeline that outputs the card and reads its training data is consistent", function () {
    const index = workspaceOf({
      "train.dataset.yaml": dataset("train", "1.0.0"),
      "m.model.yaml": card(["train@1.0.0"]),
      "training.pipeline.yaml": pipeline("training", "1.0.0", ["train@1.0.0"], ["m@1.0.0"]),
    });
    for (const facts of index.all()) assert.deepEqual(wsDiagnose(index, facts.path), [], facts.path);
  });

  it("a training set made in the same run stands for what it is derived from", function () {
    const index = workspaceOf({
      "raw.dataset.yaml": dataset("raw", "1.0.0"),
      "train.dataset.yaml": dataset(
        "train",
        "1.0.0",
        "lineage:\n  derivedFrom: [raw@1.0.0]\n  generatedBy: { pipeline: training@1.0.0 }\n",
      ),
      "m.model.yaml": card(["train@1.0.0"]),
      "training.pipeline.yaml": pipeline("training", "1.0.0", ["raw@1.0.0"], ["train@1.0.0", "m@1.0.0"]),
    });
    for (const facts of index.all()) assert.deepEqual(wsDiagnose(index, facts.path), [], facts.path);
    const elsewhere = workspaceOf({
      "raw.dataset.yaml": dataset("raw", "1.0.0"),
      "train.dataset.yaml": dataset("train", "1.0.0", "lineage:\n  derivedFrom: [raw@1.0.0]\n"),
      "m.model.yaml": card(["train@1.0.0"]),
      "training.pipeline.yaml": pipeline("training", "1.0.0", ["raw@1.0.0"], ["m@1.0.0"]),
    });
    const [found] = wsDiagnose(elsewhere, "m.model.yaml").filter((d) => d.rule === "lineage/inconsistent");
    assert.match(
      found.message,
      /the pipeline also reads raw@1\.0\.0; the pipeline does not read train@1\.0\.0/,
      "a training set the pipeline does not output is an input",
    );
  });

  it("lineage/cycle still finds a cycle in a pipeline that also outputs a card, and leaves the card off it", function () {
    const index = workspaceOf({
      "a.dataset.yaml": dataset("a", "1.0.0", "lineage:\n  generatedBy: { pipeline: p@1.0.0 }\n"),
      "m.model.yaml": modelCard("m", "1.0.0", ["a@1.0.0"]).replace("training:\n", "training:\n  pipeline: p@1.0.0\n"),
      "p.pipeline.yaml": pipeline("p", "1.0.0", ["a@1.0.0"], ["a@1.0.0", "m@1.0.0"]),
    });
    assert.deepEqual(index.lineageCycles(), [["a.dataset.yaml", "p.pipeline.yaml"]]);
    assert.deepEqual(
      wsDiagnose(index, "m.model.yaml").filter((d) => d.rule === "lineage/cycle"),
      [],
    );
    // Walked from a: a flows into p (p's input), and p back into a, stated by a's generatedBy and p's output.
    assert.deepEqual(
      wsDiagnose(index, "p.pipeline.yaml").filter((d) => d.rule === "lineage/cycle"),
      [],
    );
    const [cycle, ...more] = wsDiagnose(index, "a.dataset.yaml").filter((d) => d.rule === "lineage/cycle");
    assert.deepEqual(more, []);
    assert.equal(cycle.covered, "p@1.0.0");
    assert.match(cycle.message, /^"p@1\.0\.0" closes a lineage cycle: a@1\.0\.0 -> p@1\.0\.0 -> a@1\.0\.0: /);
    assert.match(cycle.message, /The same link is stated by "a@1\.0\.0" at p\.pipeline\.yaml:\d+: remove it too\.$/);
  });

  it("lineage/cycle: the closing reference does not depend on the order documents were loaded in; a self-reference", function () {
    const files: Record<string, string> = {
      "d.dataset.yaml": dataset("d", "1.0.0", "lineage:\n  derivedFrom: [e@1.0.0]\n"),
      "e.dataset.yaml": dataset("e", "1.0.0", "lineage:\n  derivedFrom: [f@1.0.0, d@1.0.0]\n"),
      "f.dataset.yaml": dataset("f", "1.0.0", "lineage:\n  derivedFrom: [d@1.0.0]\n"),
      "s.dataset.yaml": dataset("s", "1.0.0", "lineage:\n  derivedFrom: [s@1.0.0]\n"),
    };
    const seen = (order: string[]) => {
      const index = workspaceOf(Object.fromEntries(order.map((path) => [path, files[path]])));
      return order.sort().flatMap((path) =>
        wsDiagnose(index, path)
          .filter((d) => d.rule === "lineage/cycle")
          .map((d) => `${path} ${d.covered}`),
      );
    };
    const paths = Object.keys(files);
    // d -> e -> d and d -> f -> e -> d: both go through e -> d, closed once by d's derivedFrom e@1.0.0.
    assert.deepEqual(seen(paths), ["d.dataset.yaml e@1.0.0", "s.dataset.yaml s@1.0.0"]);
    assert.deepEqual(seen([...paths].reverse()), seen(paths));
    const index = workspaceOf(files);
    const [self] = wsDiagnose(index, "s.dataset.yaml").filter((d) => d.rule === "lineage/cycle");
    assert.equal(
      self.message,
      '"s@1.0.0" closes a lineage cycle: s@1.0.0 flows into itself, so it can never be produced. Remove this reference.',
    );
  });
});
