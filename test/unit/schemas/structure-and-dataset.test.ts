import { strict as assert } from "node:assert";
import {
  Json,
  ALL_SCHEMAS,
  makeAjv,
  errorsOf,
  describeErrors,
  assertValid,
  missing,
  clone,
  findUndescribed,
  collectKeyword,
  SHA,
  validDataset,
  datasetManifest,
  genesisConfig,
  modelCard,
  pipelineConfig,
} from "./support";

describe("schemas", () => {
  describe("structure", () => {
    for (const [file, schema] of Object.entries(ALL_SCHEMAS)) {
      it(`${file} has $schema, $id, title and description`, () => {
        assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
        assert.equal(schema.$id, `https://genesis-readiness.dev/schemas/${file}`);
        assert.equal(typeof schema.title, "string");
        assert.ok((schema.title as string).length > 0);
        assert.equal(typeof schema.description, "string");
        assert.ok((schema.description as string).length > 0);
      });

      it(`${file} describes every property at every depth`, () => {
        const undescribed: string[] = [];
        findUndescribed(schema, "#", undescribed);
        assert.deepEqual(undescribed, []);
      });

      it(`${file} uses no oneOf`, () => {
        const found: string[] = [];
        collectKeyword(schema, "oneOf", "#", found);
        assert.deepEqual(found, []);
      });
    }

    it("every object schema closes additionalProperties (except the Hugging Face model-index)", () => {
      const open: string[] = [];
      const walk = (node: unknown, path: string, insideIf: boolean): void => {
        if (node === null || typeof node !== "object") return;
        if (Array.isArray(node)) {
          node.forEach((c, i) => walk(c, `${path}/${i}`, insideIf));
          return;
        }
        const s = node as Json;
        if (s.type === "object" && !insideIf && !path.includes("/model-index") && s.additionalProperties === undefined) {
          open.push(path);
        }
        for (const [k, v] of Object.entries(s)) walk(v, `${path}/${k}`, insideIf || k === "if");
      };
      for (const [file, schema] of Object.entries(ALL_SCHEMAS)) walk(schema, file, false);
      assert.deepEqual(open, []);
    });

    it("every kind compiles in strict mode", () => {
      const fresh = makeAjv();
      for (const schema of [datasetManifest, pipelineConfig, modelCard, genesisConfig]) {
        assert.equal(typeof fresh.compile(schema), "function");
      }
    });
  });

  describe("DatasetManifest", () => {
    it("accepts a complete valid manifest", () => {
      assertValid("dataset", validDataset);
    });

    it("requires the header and the required fields", () => {
      const errors = errorsOf("dataset", {});
      for (const p of [
        "apiVersion",
        "kind",
        "id",
        "version",
        "name",
        "description",
        "license",
        "creators",
        "datePublished",
        "classification",
        "distribution",
      ]) {
        assert.ok(missing(errors, p), `expected required error for ${p}:\n${describeErrors(errors)}`);
      }
      const wrong = errorsOf("dataset", { ...validDataset, apiVersion: "genesis/v2", kind: "ModelCard" });
      assert.ok(wrong.some((e) => e.keyword === "const" && e.instancePath === "/apiVersion"));
      assert.ok(wrong.some((e) => e.keyword === "const" && e.instancePath === "/kind"));
    });

    it("requires access when classification is above public", () => {
      const doc: Json = clone(validDataset);
      delete doc.access;
      const errors = errorsOf("dataset", doc);
      assert.ok(missing(errors, "access"), describeErrors(errors));
      doc.classification = { level: "public" };
      assertValid("dataset", doc);
    });

    it("requires recordSets when a distribution is tabular", () => {
      const doc: Json = clone(validDataset);
      delete doc.recordSets;
      doc.distribution = [
        { id: "t", path: "t.csv", format: "csv" },
        { id: "j", path: "j.json", format: "json" },
      ];
      const errors = errorsOf("dataset", doc);
      assert.ok(missing(errors, "recordSets"), describeErrors(errors));
      doc.distribution = [
        { id: "j", path: "j.json", format: "json" },
        { id: "z", path: "z.zarr", format: "zarr" },
      ];
      assertValid("dataset", doc);
    });

    it("requires lineage.generatedBy when derivedFrom is non-empty", () => {
      const doc: Json = clone(validDataset);
      doc.lineage = { derivedFrom: ["raw-buoys@2.0.0"] };
      const errors = errorsOf("dataset", doc);
      assert.ok(missing(errors, "generatedBy", "/lineage"), describeErrors(errors));
      doc.lineage = { derivedFrom: [] };
      assertValid("dataset", doc);
    });

    it("requires categories for cui-specified and eccn for the ear regime", () => {
      const doc: Json = clone(validDataset);
      doc.classification = { level: "cui-specified", exportControl: { regime: "ear" } };
      const errors = errorsOf("dataset", doc);
      assert.ok(missing(errors, "categories", "/classification"), describeErrors(errors));
      assert.ok(missing(errors, "eccn", "/classification/exportControl"), describeErrors(errors));
      doc.classification = { level: "cui-specified", categories: [] };
      assert.ok(errorsOf("dataset", doc).some((e) => e.keyword === "minItems" && e.instancePath === "/classification/categories"));
    });

    it("does not require sha256 (integrity/checksum-missing reports it)", () => {
      const doc: Json = clone(validDataset);
      doc.distribution = [{ id: "temps-parquet", path: "data/temps.parquet", format: "parquet" }];
      assertValid("dataset", doc);
    });

    it("leaves rule-checked forms to the rules", () => {
      const doc: Json = clone(validDataset);
      doc.version = "v1";
      doc.license = "not a license ((";
      doc.distribution = [{ id: "temps-parquet", path: "../../etc/passwd", format: "parquet", sha256: "XYZ", md5: "nope" }];
      doc.lineage = { derivedFrom: ["raw-buoys"], generatedBy: { pipeline: "buoy-qc" } };
      doc.access = { policy: "~/policy.md" };
      assertValid("dataset", doc);
    });

    it("reports form errors for values no rule covers", () => {
      const doc: Json = clone(validDataset);
      doc.id = "Ocean Temps";
      doc.description = "too short";
      doc.creators = [{ name: "A", orcid: "123", email: "not-an-email" }];
      doc.datePublished = "15/01/2026";
      doc.doi = "doi:10.1/x";
      doc.classification = { level: "cui", categories: ["prvcy"], dissemination: ["NOFORN", "EYES ONLY"] };
      doc.distribution = [{ id: "temps-parquet", path: "p", format: "xlsx", bytes: -1 }];
      const errors = errorsOf("dataset", doc);
      const at = (path: string, keyword: string): boolean => errors.some((e) => e.instancePath === path && e.keyword === keyword);
      assert.ok(at("/id", "pattern"), describeErrors(errors));
      assert.ok(at("/description", "minLength"));
      assert.ok(at("/creators/0/orcid", "pattern"));
      assert.ok(at("/creators/0/email", "format"));
      assert.ok(at("/datePublished", "format"));
      assert.ok(at("/doi", "pattern"));
      assert.ok(at("/classification/categories/0", "pattern"));
      assert.ok(at("/classification/dissemination/1", "pattern"));
      assert.ok(at("/distribution/0/format", "enum"));
      assert.ok(at("/distribution/0/bytes", "minimum"));
    });

    it("flags misspelled keys at every depth", () => {
      const doc: Json = clone(validDataset);
      doc.licence = "MIT";
      (doc.distribution as Json[])[0].shaa256 = SHA;
      (doc.classification as Json).levle = "cui";
      const errors = errorsOf("dataset", doc).filter((e) => e.keyword === "additionalProperties");
      const extra = errors.map((e) => `${e.instancePath}:${(e.params as { additionalProperty: string }).additionalProperty}`).sort();
      assert.deepEqual(extra, ["/classification:levle", "/distribution/0:shaa256", ":licence"]);
    });

    it("accepts ouo and classified markings fail only the level enum", () => {
      const doc: Json = clone(validDataset);
      doc.classification = { level: "ouo" };
      assertValid("dataset", doc);
      doc.classification = { level: "secret" };
      const errors = errorsOf("dataset", doc);
      assert.deepEqual(
        errors.map((e) => `${e.instancePath} ${e.keyword}`),
        ["/classification/level enum"],
      );
    });
  });
});
