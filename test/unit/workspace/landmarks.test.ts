import * as assert from "node:assert/strict";
import { parseGenesisDocument } from "../../../server/src/core/parse/document";
import { extractFacts } from "../../../server/src/core/workspace/facts";
import { landmarkAt } from "../../../server/src/core/workspace/landmarks";
import { dataset, pipeline } from "./harness";

/** The landmarks are kept as the units of one string (workspace/landmarks.ts): they read back as the tree's locations. */
describe("landmarks", function () {
  const POINTERS = [
    "/id",
    "/license",
    "/inputs",
    "/outputs",
    "/lineage/derivedFrom",
    "/training/datasets",
    "/classification",
    "/classification/level",
  ];

  const cases: [string, string][] = [
    ["d.dataset.yaml", dataset("d", "1.0.0", "lineage:\n  derivedFrom: [a@1.0.0]\n")],
    ["p.pipeline.yaml", pipeline("p", "1.0.0", ["a@1.0.0"], ["b@1.0.0"])],
    // Offsets past 65,535 need both halves of their two units.
    ["far.dataset.yaml", `x-notes: "${"n".repeat(70_000)}"\n${dataset("far", "1.0.0", "lineage:\n  derivedFrom: [a@1.0.0]\n")}`],
    [
      "flow.dataset.json",
      JSON.stringify({ apiVersion: "genesis/v1", kind: "DatasetManifest", id: "j", version: "1.0.0", classification: { level: "public" } }),
    ],
  ];

  for (const [file, text] of cases) {
    it(`${file}: each landmark where the tree has it, and none where it has not`, function () {
      const document = parseGenesisDocument({ path: file, text })!;
      const facts = extractFacts(document);
      let found = 0;
      for (const pointer of POINTERS) {
        const expected = document.tree.locations.get(pointer);
        const kept = landmarkAt(facts.landmarks, pointer);
        assert.deepEqual(kept && { value: kept.value, key: kept.key }, expected && { value: expected.value, key: expected.key }, pointer);
        if (expected) found++;
      }
      assert.ok(found >= 3, `${found} landmarks`);
      assert.equal(landmarkAt(facts.landmarks, "/version"), undefined, "not a landmark");
      if (file.startsWith("far")) assert.ok(landmarkAt(facts.landmarks, "/id")!.value.start > 70_000);
    });
  }
});
