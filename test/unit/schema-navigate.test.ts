import * as assert from "node:assert/strict";
import { nodeAt } from "../../server/src/core/cursor";
import { parseGenesisDocument } from "../../server/src/core/parse/document";
import { allowedValues, propertiesOf, schemaAt } from "../../server/src/core/schema/navigate";

describe("schema navigation and the node at the cursor", function () {
  it("finds a node's schema through $refs into common.schema.json and its local $defs", function () {
    assert.deepEqual(allowedValues(schemaAt("DatasetManifest", "/classification/level")), [
      "public",
      "internal",
      "cui",
      "cui-specified",
      "ouo",
    ]);
    assert.deepEqual(allowedValues(schemaAt("DatasetManifest", "/distribution/3/format"))?.slice(0, 2), ["csv", "parquet"]);
    assert.match(String(schemaAt("DatasetManifest", "/creators/0/orcid")?.description), /ORCID/);
    assert.equal(schemaAt("DatasetManifest", "/nothing/here"), undefined);
  });

  it("lists properties with the required ones first, including those that conditions add", function () {
    const names = propertiesOf(schemaAt("DatasetManifest", "")).map((p) => `${p.name}${p.required ? "*" : ""}`);
    assert.deepEqual(names.slice(0, 3), ["apiVersion*", "kind*", "id*"]);
    assert.ok(names.includes("access") && names.includes("recordSets"), "properties from allOf/then branches are listed");
    assert.deepEqual(
      propertiesOf(schemaAt("ModelCard", "/training/run")).map((p) => p.name),
      ["tracker", "runId", "commit", "seed"],
    );
  });

  it("finds the key or value under the cursor, innermost first, with inclusive ends", function () {
    const text = "apiVersion: genesis/v1\nkind: DatasetManifest\nclassification:\n  level: cui\n";
    const document = parseGenesisDocument({ path: "a.dataset.yaml", text })!;
    assert.deepEqual(nodeAt(document, text.indexOf("level") + 2)?.pointer, "/classification/level");
    assert.equal(nodeAt(document, text.indexOf("level") + 2)?.part, "key");
    assert.equal(nodeAt(document, text.indexOf("cui"))?.part, "value");
    assert.equal(nodeAt(document, text.indexOf("cui") + 3)?.pointer, "/classification/level");
    assert.equal(nodeAt(document, text.indexOf("classification") + 1)?.pointer, "/classification");
  });
});
