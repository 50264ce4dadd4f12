import * as assert from "node:assert/strict";
import { exportDocuments } from "../../../server/src/core/index";
import { cycloneDxValidator, inputOf, WORKSPACES } from "./standards";

interface Component {
  type: string;
  "bom-ref": string;
  name: string;
  hashes?: { alg: string; content: string }[];
  components?: Component[];
  modelCard?: Record<string, Record<string, unknown[]>>;
  pedigree?: { ancestors: { name: string }[] };
  properties?: { name: string; value: string }[];
}

async function bomOf(
  folder: string,
): Promise<{ components: Component[]; dependencies: { ref: string; dependsOn: string[] }[] } & Record<string, unknown>> {
  const result = exportDocuments("cyclonedx", await inputOf(folder));
  assert.ok(result.ok);
  return JSON.parse(result.output.text) as never;
}

describe("export to CycloneDX 1.6", function () {
  this.timeout(60_000);

  for (const folder of WORKSPACES) {
    it(`the ML-BOM of ${folder} is valid against the official CycloneDX 1.6 JSON schema`, async function () {
      const bom = await bomOf(folder);
      const validate = cycloneDxValidator();
      assert.ok(validate(bom), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
      assert.equal(bom.specVersion, "1.6");
      const models = bom.components.filter((component) => component.type === "machine-learning-model");
      const data = bom.components.filter((component) => component.type === "data");
      assert.ok(models.length >= 1 && data.length >= 3, `${folder}: models and datasets`);
      for (const model of models) assert.ok(model.modelCard?.modelParameters, `${model.name}: modelCard.modelParameters`);
      for (const component of bom.components) {
        assert.ok(
          component.properties?.some((property) => property.name === "genesis:classification"),
          `${component.name}: classification`,
        );
      }
      const hashes = bom.components.flatMap((component) => component.components ?? []).flatMap((file) => file.hashes ?? []);
      assert.ok(
        hashes.some((hash) => hash.alg === "SHA-256" && /^[0-9a-f]{64}$/.test(hash.content)),
        `${folder}: file hashes`,
      );
    });
  }

  it("a model card becomes a modelCard with datasets, quantitative analysis and considerations; lineage the pedigree", async function () {
    const bom = await bomOf("examples");
    const strain = bom.components.find((component) => component["bom-ref"] === "model:cathode-strain-surrogate@1.0.0")!;
    const card = strain.modelCard!;
    assert.deepEqual(card.modelParameters.datasets, [{ ref: "dataset:cathode-training-set@1.0.0" }]);
    assert.deepEqual(card.modelParameters.inputs, [{ format: "features: float32[batch, 7]" }]);
    assert.deepEqual(card.quantitativeAnalysis.performanceMetrics[0], {
      type: "rmse",
      value: "0.1014",
      slice: "cathode-training-set@1.0.0 test",
    });
    assert.match(String((card.considerations.technicalLimitations as string[])[0]), /^Not for predicting cycle life/);
    assert.deepEqual(card.considerations.ethicalConsiderations, [
      { name: "Residual risk: medium", mitigationStrategy: "Mapped to NIST AI RMF GOVERN-1.1, GOVERN-2, MAP-2.3, MEASURE-2.5, MANAGE-4.1" },
    ]);
    assert.deepEqual(strain.hashes, [{ alg: "SHA-256", content: "53e707d3f712639e1d97569aa8399b4abff0f10ce6f8255c566133bf51d72fe7" }]);
    const table = bom.components.find((component) => component["bom-ref"] === "dataset:cathode-training-set@1.0.0")!;
    assert.deepEqual(table.pedigree!.ancestors.map((ancestor) => ancestor.name).sort(), [
      "beamline-raw",
      "dft-cathode-relax",
      "partner-cycling",
    ]);
    assert.deepEqual(bom.dependencies.find((dependency) => dependency.ref === strain["bom-ref"])?.dependsOn, [
      "dataset:cathode-training-set@1.0.0",
    ]);
  });

  it("the schema check fails on a component of an unknown type and on a malformed hash (it can fail)", async function () {
    const bom = await bomOf("test/fixtures/workspaces/ocean-glider");
    const validate = cycloneDxValidator();
    const wrongType = structuredClone(bom);
    wrongType.components[0].type = "model";
    assert.equal(validate(wrongType), false);
    const wrongHash = structuredClone(bom);
    wrongHash.components.find((component) => component.type === "data")!.components![0].hashes = [{ alg: "SHA-256", content: "xyz" }];
    assert.equal(validate(wrongHash), false);
  });
});
