import * as assert from "node:assert/strict";
import * as jsonld from "jsonld";
import { exportDocuments, type ExportInput } from "../../../server/src/core/index";
import { croissantContext, inputOf, offlineLoader, WORKSPACES } from "./standards";

/** Croissant IRIs, as the specification's context expands them. */
const SC = "http://schema.org/";
const CR = "http://mlcommons.org/croissant/";
const RAI = "http://mlcommons.org/croissant/RAI/";
const DCT = "http://purl.org/dc/terms/";

/** The dataset-level properties the Croissant 1.1 specification requires (its "Required" table), expanded. */
const REQUIRED = [`${DCT}conformsTo`, `${SC}description`, `${SC}license`, `${SC}name`, `${SC}url`, `${SC}creator`, `${SC}datePublished`];

type Expanded = Record<string, unknown[]>;

async function expandedCroissant(input: ExportInput): Promise<{ json: Record<string, unknown>; dataset: Expanded }> {
  const result = exportDocuments("croissant", input, { allowClassified: true });
  assert.ok(result.ok, result.ok ? "" : result.message);
  const json = JSON.parse(result.output.text) as Record<string, unknown>;
  const expanded = (await jsonld.expand(json as jsonld.JsonLdDocument, { documentLoader: offlineLoader as never })) as Expanded[];
  assert.equal(expanded.length, 1, "one dataset node");
  return { json, dataset: expanded[0] };
}

function ids(values: unknown[] | undefined): string[] {
  return (values ?? []).map(
    (value) => (value as { "@id"?: string; "@value"?: string })["@id"] ?? String((value as { "@value": unknown })["@value"]),
  );
}

async function manifests(folder: string): Promise<string[]> {
  return (await inputOf(folder)).documents.filter((document) => document.kind === "DatasetManifest").map((document) => document.path);
}

describe("export to Croissant 1.1", function () {
  this.timeout(60_000);

  it("writes the context of the specification's Appendix 1, term for term (plus the PROV-O prefix)", async function () {
    const [first] = await manifests("examples");
    const { json } = await expandedCroissant(await inputOf("examples", (p) => p === first));
    const { prov, ...written } = json["@context"] as Record<string, unknown>;
    assert.equal(prov, "http://www.w3.org/ns/prov#");
    assert.deepEqual(written, croissantContext());
  });

  for (const folder of WORKSPACES) {
    it(`every dataset manifest of ${folder} expands offline with the Croissant vocabulary and its required properties`, async function () {
      const paths = await manifests(folder);
      assert.ok(paths.length >= 3, `${folder} has dataset manifests`);
      for (const manifest of paths) {
        const input = await inputOf(folder, (p) => p === manifest);
        const source = input.documents[0].value as Record<string, unknown>;
        const { dataset } = await expandedCroissant(input);
        assert.deepEqual(dataset["@type"], [`${SC}Dataset`], manifest);
        for (const property of REQUIRED) assert.ok(dataset[property]?.length, `${manifest}: ${property} is required by Croissant 1.1`);
        assert.deepEqual(ids(dataset[`${DCT}conformsTo`]), ["http://mlcommons.org/croissant/1.1"]);
        // Every distribution, with its checksums (md5 beside sha256); every record set and typed field.
        const distributions = dataset[`${SC}distribution`] as Expanded[];
        const declared = source.distribution as Record<string, unknown>[];
        assert.equal(distributions.length, declared.length, manifest);
        for (const [index, distribution] of distributions.entries()) {
          assert.ok([`${CR}FileObject`, `${CR}FileSet`].includes(String(distribution["@type"]?.[0])), manifest);
          assert.ok(distribution[`${SC}encodingFormat`]?.length, `${manifest}: encodingFormat`);
          if (distribution["@type"]?.[0] === `${CR}FileObject`) {
            assert.deepEqual(ids(distribution[`${SC}contentUrl`]), [declared[index].path]);
            // A digest of the wrong form (an MD5 in the sha256 slot, which integrity/checksum-format reports) is not passed on.
            const sha256 = /^[0-9a-f]{64}$/.test(String(declared[index].sha256)) ? [declared[index].sha256] : [];
            assert.deepEqual(ids(distribution[`${SC}sha256`]), sha256, `${manifest}: sha256`);
            const md5 = /^[0-9a-f]{32}$/.test(String(declared[index].md5)) ? [declared[index].md5] : [];
            assert.deepEqual(ids(distribution[`${CR}md5`]), md5, `${manifest}: md5`);
          }
        }
        const recordSets = (dataset[`${CR}recordSet`] ?? []) as Expanded[];
        assert.equal(recordSets.length, ((source.recordSets as unknown[]) ?? []).length, manifest);
        for (const recordSet of recordSets) {
          assert.deepEqual(recordSet["@type"], [`${CR}RecordSet`]);
          for (const field of recordSet[`${CR}field`] as Expanded[]) {
            assert.deepEqual(field["@type"], [`${CR}Field`]);
            assert.match(String(ids(field[`${CR}dataType`])[0]), /^http:\/\/schema\.org\/(Text|Integer|Float|Boolean|Date|DateTime)$/);
            const source = (field[`${CR}source`] as Expanded[])[0];
            assert.ok(source[`${CR}fileObject`] ?? source[`${CR}fileSet`], "a field names its file");
          }
        }
      }
    });
  }

  it("maps the datasheet to the RAI properties, and the classification to the conditions of access", async function () {
    const input = await inputOf("examples", (p) => p.endsWith("cathode-training-set.dataset.yaml"));
    const { dataset } = await expandedCroissant(input);
    assert.match(String(ids(dataset[`${RAI}dataLimitations`])[0]), /Five compositions only/);
    assert.match(String(ids(dataset[`${RAI}personalSensitiveInformation`])[0]), /None/);
    assert.match(String(ids(dataset[`${RAI}dataCollection`])[0]), /cathode-surrogate pipeline/);
    assert.match(String(ids(dataset[`${SC}conditionsOfAccess`])[0]), /CUI\/\/PROPIN\/\/FEDCON; export control: EAR99/);
    assert.match(String(ids(dataset[`${CR}citeAs`])[0]), /^@misc\{cathode_training_set2025,/);
  });

  it("a document loader that is asked for a remote context fails the expansion (the check is offline and can fail)", async function () {
    const remote = { "@context": "https://example.org/context.jsonld", "@type": "Dataset", name: "x" };
    const asked: string[] = [];
    const loader = (url: string) => {
      asked.push(url);
      return offlineLoader(url);
    };
    await assert.rejects(jsonld.expand(remote, { documentLoader: loader as never }));
    assert.deepEqual(asked, ["https://example.org/context.jsonld"]);
  });
});
