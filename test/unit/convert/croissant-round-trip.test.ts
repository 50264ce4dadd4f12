import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { exportDocuments, exportInputOf, importDocument, WorkspaceHost, type ImportContext } from "../../../server/src/core/index";
import { engine } from "../harness";

const CROISSANT = path.resolve(__dirname, "../../fixtures/import/croissant");
const CONTEXT: ImportContext = { localFile: async () => undefined, declaredPaths: new Map(), today: "2026-01-15" };
const TOOL = { name: "genesis-readiness", version: "0.0.0-test" };

/** Croissant text → the Genesis manifest `import` writes, as YAML text and as its parsed value. */
async function imported(source: string, text: string): Promise<{ text: string; value: Record<string, unknown>; fileName: string }> {
  const result = await importDocument({ path: source, text }, CONTEXT, engine);
  return { text: result.text, value: parse(result.text) as Record<string, unknown>, fileName: result.fileName };
}

/** The manifest's Croissant 1.1, as `export --to croissant` writes it. */
function exported(fileName: string, manifest: string): string {
  const host = new WorkspaceHost(engine);
  host.update(`data/${fileName}`, manifest);
  host.finishLoading();
  const input = exportInputOf(host, { tool: TOOL, now: () => new Date("2026-01-15T08:30:00Z"), title: "round trip" });
  const result = exportDocuments("croissant", input, { allowClassified: true });
  assert.ok(result.ok, result.ok ? "" : result.message);
  return result.output.text;
}

/**
 * Croissant → Genesis → Croissant keeps every field the import maps (issue 16, export): importing
 * the exported Croissant again gives the very manifest the first import gave, field for field:
 * name, description, licence, creators, keywords, citation, dates, every distribution with its
 * contentUrl, encoding format, sha256 and md5, every record set and field with its data type, and
 * the RAI fields. A field the exporter dropped would come back as a placeholder, or not at all.
 */
describe("Croissant → Genesis → Croissant round trip", function () {
  const sources = readdirSync(CROISSANT).filter((name) => name.endsWith(".json"));

  it("has the vendored Croissant files to run on", function () {
    assert.ok(sources.length >= 5, sources.join(", "));
  });

  for (const name of sources) {
    it(`${name}: the second import equals the first`, async function () {
      const first = await imported(`croissant/${name}`, readFileSync(path.join(CROISSANT, name), "utf8"));
      const croissant = exported(first.fileName, first.text);
      const second = await imported(`croissant/${name}`, croissant);
      assert.deepEqual(second.value, first.value);
    });
  }

  it("keeps a distribution's md5 beside its sha256 (md5 only, as OpenML's Croissant files declare it)", async function () {
    // The shape of OpenML's credit-g distribution (mlcommons/croissant datasets/1.0/credit-g): an md5 and no sha256.
    const source = JSON.stringify({
      "@context": { "@vocab": "https://schema.org/", cr: "http://mlcommons.org/croissant/", md5: "cr:md5", sc: "https://schema.org/" },
      "@type": "sc:Dataset",
      name: "credit-g",
      description: "German credit risk records.",
      license: "https://spdx.org/licenses/CC-BY-4.0.html",
      distribution: [
        {
          "@id": "data-file",
          "@type": "cr:FileObject",
          contentUrl: "https://api.openml.org/data/v1/download/31/credit-g.arff",
          encodingFormat: "text/plain",
          md5: "9a475053fed0c26ee95cd4525e50074c",
          name: "data-file",
        },
      ],
    });
    const first = await imported("credit-g/metadata.json", source);
    const [declared] = first.value.distribution as Record<string, unknown>[];
    assert.equal(declared.md5, "9a475053fed0c26ee95cd4525e50074c");
    assert.equal(first.value.license, "CC-BY-4.0", "an SPDX licence page is read as its id");
    const croissant = JSON.parse(exported(first.fileName, first.text)) as Record<string, unknown>;
    const [written] = croissant.distribution as Record<string, unknown>[];
    assert.equal(written.md5, "9a475053fed0c26ee95cd4525e50074c");
    const second = await imported("credit-g/metadata.json", JSON.stringify(croissant));
    assert.deepEqual(second.value, first.value);
  });
});
