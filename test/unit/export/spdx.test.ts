import * as assert from "node:assert/strict";
import { exportDocuments } from "../../../server/src/core/index";
import { inputOf, WORKSPACES } from "./standards";

type Element = Record<string, unknown> & { type: string; spdxId?: string };

/**
 * SPDX 3.0.1's published JSON schema could not be vendored in this round (see the closing note of
 * issue 16); these tests check the AI and Dataset profiles' conformance clauses and the Core shapes
 * the schema states, as the specification writes them.
 */
describe("export to SPDX 3.0.1 (AI and Dataset profiles)", function () {
  this.timeout(60_000);

  for (const folder of WORKSPACES) {
    it(`the document of ${folder} meets the Core shapes and the AI and Dataset profile conformance`, async function () {
      const result = exportDocuments("spdx", await inputOf(folder));
      assert.ok(result.ok);
      const json = JSON.parse(result.output.text) as { "@context": string; "@graph": Element[] };
      assert.equal(json["@context"], "https://spdx.org/rdf/3.0.1/spdx-context.jsonld");
      const graph = json["@graph"];
      const creation = graph.find((element) => element.type === "CreationInfo")!;
      assert.equal(creation.specVersion, "3.0.1");
      assert.match(String(creation.created), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.ok((creation.createdBy as unknown[]).length >= 1);
      const ids = new Set(graph.map((element) => element.spdxId));
      for (const element of graph.filter((e) => e.type !== "CreationInfo")) {
        assert.equal(element.creationInfo, "_:creationinfo", `${element.type} has the creation info`);
        assert.match(String(element.spdxId), /^urn:genesis-readiness:/);
      }
      const relationships = graph.filter((element) => element.type === "Relationship");
      for (const relationship of relationships)
        for (const to of relationship.to as string[]) assert.ok(ids.has(to) || to.startsWith("https://spdx.org/rdf/3.0.1/terms/"));
      const packages = graph.filter((element) => element.type === "ai_AIPackage" || element.type === "dataset_DatasetPackage");
      assert.ok(packages.some((p) => p.type === "ai_AIPackage") && packages.some((p) => p.type === "dataset_DatasetPackage"));
      for (const pkg of packages) {
        // Profile conformance: exactly one hasDeclaredLicense and one hasConcludedLicense from each package.
        for (const type of ["hasDeclaredLicense", "hasConcludedLicense"])
          assert.equal(
            relationships.filter((r) => r.from === pkg.spdxId && r.relationshipType === type).length,
            1,
            `${pkg.spdxId} ${type}`,
          );
        if (pkg.type === "dataset_DatasetPackage") {
          assert.ok((pkg.dataset_datasetType as string[]).length >= 1);
          assert.ok(["clear", "green", "amber", "red"].includes(String(pkg.dataset_confidentialityLevel)));
        }
        if (pkg.ai_safetyRiskAssessment !== undefined)
          assert.ok(["low", "medium", "high", "serious"].includes(String(pkg.ai_safetyRiskAssessment)));
      }
      const document = graph.find((element) => element.type === "SpdxDocument")!;
      assert.deepEqual(new Set(document.rootElement as string[]), new Set(packages.map((p) => p.spdxId)));
    });
  }

  it("takes the safety risk assessment from risk.residual, and the confidentiality level from the classification", async function () {
    const result = exportDocuments("spdx", await inputOf("examples"));
    assert.ok(result.ok);
    const graph = (JSON.parse(result.output.text) as { "@graph": Element[] })["@graph"];
    const strain = graph.find((element) => element.type === "ai_AIPackage" && element.name === "cathode-strain-surrogate")!;
    assert.equal(strain.ai_safetyRiskAssessment, "medium");
    const dft = graph.find((element) => element.type === "dataset_DatasetPackage" && element.name === "dft-cathode-relax")!;
    const training = graph.find((element) => element.type === "dataset_DatasetPackage" && element.name === "cathode-training-set")!;
    assert.deepEqual([dft.dataset_confidentialityLevel, training.dataset_confidentialityLevel], ["clear", "amber"]);
    const trainedOn = graph.find(
      (element) => element.type === "Relationship" && element.from === strain.spdxId && element.relationshipType === "trainedOn",
    )!;
    assert.deepEqual(trainedOn.to, [training.spdxId]);
  });
});
