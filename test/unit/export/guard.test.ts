import * as assert from "node:assert/strict";
import { exportDocuments, EXPORT_TARGETS, type ExportInput } from "../../../server/src/core/index";
import { inputOf } from "./standards";

type Doc = ExportInput["documents"][number];

function manifest(path: string, classification: unknown, extra: Record<string, unknown> = {}): Doc {
  const id = path.split("/").pop()!.replace(".dataset.yaml", "");
  return {
    path,
    kind: "DatasetManifest",
    id,
    version: "1.0.0",
    value: {
      apiVersion: "genesis/v1",
      kind: "DatasetManifest",
      id,
      version: "1.0.0",
      name: id,
      license: "CC-BY-4.0",
      classification,
      ...extra,
    },
  };
}

function input(documents: Doc[]): ExportInput {
  return {
    documents,
    workspace: documents,
    tool: { name: "genesis-readiness", version: "9.9.9" },
    generatedAt: "2026-01-15T08:30:00Z",
    title: "t",
  };
}

describe("export: the classification guard and the selection", function () {
  it("refuses a public format for documents above public, naming each and its level, unless allowed", function () {
    for (const level of ["internal", "cui", "cui-specified", "CUI", "bogus"]) {
      const result = exportDocuments("croissant", input([manifest("data/a.dataset.yaml", { level })]));
      assert.ok(!result.ok && result.problem === "classified", level);
      const counted = level === "CUI" ? "cui" : level === "bogus" ? "cui-specified" : level;
      assert.deepEqual(result.documents, [{ path: "data/a.dataset.yaml", label: "a@1.0.0", level: counted }]);
      assert.match(result.message, new RegExp(`data/a\\.dataset\\.yaml \\(a@1\\.0\\.0\\): ${counted}`));
      assert.match(result.message, /--allow-classified/);
      assert.ok(exportDocuments("croissant", input([manifest("data/a.dataset.yaml", { level })]), { allowClassified: true }).ok);
    }
  });

  it("counts a document that states no level as not public (fail closed), and lets a public one through", function () {
    const unclassified = exportDocuments("croissant", input([manifest("a.dataset.yaml", undefined)]));
    assert.ok(!unclassified.ok && unclassified.problem === "classified" && unclassified.documents[0].level === "unclassified");
    assert.ok(exportDocuments("croissant", input([manifest("a.dataset.yaml", { level: "public" })])).ok);
  });

  it("guards only the public formats: RO-Crate, CycloneDX and SPDX carry the classification instead", function () {
    const documents = [manifest("a.dataset.yaml", { level: "cui", categories: ["PROPIN"] })];
    for (const target of EXPORT_TARGETS.filter((t) => t !== "croissant")) {
      const result = exportDocuments(target, input(documents));
      assert.ok(result.ok, target);
      assert.match(result.output.text, /CUI\/\/PROPIN/, `${target} carries the marking`);
    }
  });

  it("Croissant takes exactly one dataset manifest", function () {
    const two = exportDocuments(
      "croissant",
      input([manifest("a.dataset.yaml", { level: "public" }), manifest("b.dataset.yaml", { level: "public" })]),
    );
    assert.ok(!two.ok && two.problem === "selection" && /2 dataset manifests/.test(two.message) && /b\.dataset\.yaml/.test(two.message));
    const none = exportDocuments("croissant", input([]));
    assert.ok(!none.ok && none.problem === "selection");
  });

  it("keeps an md5 beside the sha256, and writes a Zarr store as a FileSet", function () {
    const sha256 = "a".repeat(64);
    const md5 = "b".repeat(32);
    const result = exportDocuments(
      "croissant",
      input([
        manifest(
          "a.dataset.yaml",
          { level: "public" },
          {
            distribution: [
              { id: "table", path: "t.csv", format: "csv", sha256, md5, bytes: 10 },
              { id: "grid", path: "grid.zarr/", format: "zarr" },
            ],
          },
        ),
      ]),
    );
    assert.ok(result.ok);
    const [table, grid] = (JSON.parse(result.output.text) as { distribution: Record<string, unknown>[] }).distribution;
    assert.deepEqual([table["@type"], table.sha256, table.md5, table.contentSize], ["cr:FileObject", sha256, md5, "10 B"]);
    assert.deepEqual([grid["@type"], grid.includes], ["cr:FileSet", "grid.zarr/**"]);
  });

  it("gives the same bytes for the same input and clock, for every target", async function () {
    this.timeout(60_000);
    for (const target of EXPORT_TARGETS.filter((t) => t !== "croissant")) {
      const first = exportDocuments(target, await inputOf("examples"));
      const second = exportDocuments(target, await inputOf("examples"));
      assert.ok(first.ok && second.ok);
      assert.equal(first.output.text, second.output.text, target);
      assert.match(first.output.text, /2026-01-15T08:30:00Z/, `${target} is stamped with the injected clock`);
    }
  });
});
