import * as assert from "node:assert/strict";
import * as roCrate from "ro-crate";
import {
  crateMetadata,
  exportedEntities,
  isSafeBundlePath,
  listedFiles,
  METADATA_FILE,
  REPORT_HTML_FILE,
  STATEMENT_FILE,
  type BundledFile,
} from "../../../server/src/core/index";
import { inputOf } from "../export/standards";

const FILES: BundledFile[] = [
  { path: "data/files/raw.csv", sha256: "a".repeat(64), bytes: 3910, role: "file" },
  { path: "data/raw.dataset.yaml", sha256: "b".repeat(64), bytes: 1200, role: "document", kind: "DatasetManifest" },
  { path: REPORT_HTML_FILE, sha256: "c".repeat(64), bytes: 50_000, role: "report" },
];
const INPUT = { name: "ocean-glider", created: "2026-04-20T10:00:00.000Z", generator: { name: "genesis-readiness", version: "0.1.0" } };

/** The package's validator, which its type declarations leave out. */
interface RoCrateValidator {
  rootDataEntity(): void;
  checkFiles(files: Record<string, { exists: boolean; isDir: boolean }>): void;
  readonly results: { status: string; message: string; entity?: string }[];
}
const { Validator } = roCrate as unknown as { Validator: new (crate: roCrate.ROCrate) => RoCrateValidator };

/** The RO-Crate rules the `ro-crate` package checks that need no network: the root data entity and the files. */
function roCrateFindings(metadata: unknown, paths: readonly string[]): string[] {
  const validator = new Validator(new roCrate.ROCrate(metadata as Record<string, unknown>, { array: true, link: true }));
  validator.rootDataEntity();
  validator.checkFiles(Object.fromEntries(paths.map((p) => [p, { exists: true, isDir: false }])));
  return validator.results
    .filter((r) => r.status === "error" || r.status === "warning")
    .map((r) => `${r.status}: ${r.entity ?? ""} ${r.message}`);
}

describe("bundle crate metadata", function () {
  it("describes a root Dataset with every file, its sha256 and size, and passes the ro-crate package's checks", function () {
    const metadata = crateMetadata({ ...INPUT, files: FILES, signed: true });
    assert.equal(metadata["@context"], "https://w3id.org/ro/crate/1.2/context");
    const root = metadata["@graph"].find((e) => e["@id"] === "./")!;
    assert.deepEqual(root.hasPart, [
      { "@id": "data/files/raw.csv" },
      { "@id": "data/raw.dataset.yaml" },
      { "@id": REPORT_HTML_FILE },
      { "@id": STATEMENT_FILE },
    ]);
    const csv = metadata["@graph"].find((e) => e["@id"] === "data/files/raw.csv")!;
    assert.deepEqual([csv["@type"], csv.sha256, csv.contentSize, csv.encodingFormat], ["File", "a".repeat(64), "3910", "text/csv"]);
    assert.deepEqual(roCrateFindings(metadata, [...FILES.map((f) => f.path), STATEMENT_FILE, METADATA_FILE]), []);
  });

  it("the check would catch a file on disk the metadata does not describe", function () {
    const metadata = crateMetadata({ ...INPUT, files: FILES, signed: false });
    assert.ok(roCrateFindings(metadata, [...FILES.map((f) => f.path), "stray.txt"]).some((f) => f.includes("stray.txt")));
  });

  it("reads back the files it lists, and names what a tampered listing lacks", function () {
    const metadata = crateMetadata({ ...INPUT, files: FILES, signed: true });
    assert.deepEqual(
      listedFiles(metadata).files,
      FILES.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes })),
    );
    const graph = metadata["@graph"].map((e) => (e["@id"] === "data/files/raw.csv" ? { ...e, sha256: "nope" } : e));
    assert.deepEqual(listedFiles({ ...metadata, "@graph": graph }).problems, ["data/files/raw.csv: the metadata gives it no sha256"]);
    const escaping = metadata["@graph"].map((e) => (e["@id"] === "./" ? { ...e, hasPart: [{ "@id": "../etc/passwd" }] } : e));
    assert.match(listedFiles({ ...metadata, "@graph": escaping }).problems[0], /not a path inside the bundle/);
  });

  it("merges entities given by another exporter into the File entity of the same path", function () {
    const metadata = crateMetadata({
      ...INPUT,
      files: FILES,
      signed: false,
      extraEntities: [
        { "@id": "data/files/raw.csv", "@type": "File", classification: "internal" },
        { "@id": "#workflow", "@type": "ComputationalWorkflow" },
      ],
    });
    const csv = metadata["@graph"].filter((e) => e["@id"] === "data/files/raw.csv");
    assert.equal(csv.length, 1);
    assert.deepEqual([csv[0].classification, csv[0].sha256], ["internal", "a".repeat(64)]);
    assert.ok(metadata["@graph"].some((e) => e["@id"] === "#workflow"));
  });

  it("merges an exported File into the bundle's (its digest and size, both @types); the root stays the bundle's", function () {
    const metadata = crateMetadata({
      ...INPUT,
      files: FILES,
      signed: false,
      extraEntities: [
        { "@id": "./", "@type": "Dataset", name: "the export's root", license: { "@id": "#license-per-entity" } },
        { "@id": "#readiness-check", "@type": "CreateAction", name: "not the bundle's check" },
        {
          "@id": "data/raw.dataset.yaml",
          "@type": ["File", "SoftwareSourceCode"],
          name: "raw@1.0 (Genesis DatasetManifest)",
          about: { "@id": "#dataset-raw@1.0" },
        },
        { "@id": "data/files/raw.csv", "@type": "File", sha256: "d".repeat(64), contentSize: "1", additionalProperty: { "@id": "#c" } },
        { "@id": "#run-raw", "@type": "CreateAction", result: { "@id": "#dataset-raw@1.0" } },
      ],
      mentions: ["#run-raw"],
      conformsTo: ["https://w3id.org/ro/wfrun/process/0.5"],
    });
    const ids = metadata["@graph"].map((e) => e["@id"]);
    assert.equal(new Set(ids).size, ids.length, "every @id once");
    const byId = new Map(metadata["@graph"].map((e) => [e["@id"], e]));
    const root = byId.get("./")!;
    assert.equal(root.name, "Genesis submission bundle: ocean-glider");
    assert.deepEqual(root.license, { "@id": "#licenses" });
    assert.deepEqual(root.mentions, [{ "@id": "#readiness-check" }, { "@id": "#run-raw" }]);
    assert.deepEqual(root.conformsTo, [{ "@id": "https://w3id.org/ro/wfrun/process/0.5" }]);
    assert.deepEqual(
      (root.hasPart as { "@id": string }[]).map((part) => part["@id"]),
      FILES.map((f) => f.path),
    );
    assert.equal(byId.get("#readiness-check")!.name, "Readiness check of the bundled documents");
    const document = byId.get("data/raw.dataset.yaml")!;
    assert.deepEqual(document["@type"], ["File", "SoftwareSourceCode"]);
    assert.deepEqual([document.sha256, document.about], ["b".repeat(64), { "@id": "#dataset-raw@1.0" }]);
    const csv = byId.get("data/files/raw.csv")!;
    assert.deepEqual(
      [csv["@type"], csv.sha256, csv.contentSize, csv.additionalProperty],
      ["File", "a".repeat(64), "3910", { "@id": "#c" }],
    );
    assert.deepEqual(listedFiles(metadata).problems, []);
  });

  it("takes the RO-Crate export's entities of the bundled documents, and of no other document", async function () {
    this.timeout(60_000);
    const all = exportedEntities(await inputOf("examples"));
    const ids = all.entities.map((e) => e["@id"]);
    assert.equal(new Set(ids).size, ids.length);
    for (const own of ["./", "ro-crate-metadata.json", "#license-per-entity", "https://w3id.org/ro/wfrun/workflow/0.5"])
      assert.ok(!ids.includes(own), own);
    const dataset = all.entities.find((e) => e["@id"] === "#dataset-cathode-training-set@1.0.0")!;
    assert.ok(dataset.license && dataset.creator && dataset.additionalProperty);
    assert.ok(all.entities.some((e) => e["@id"] === "#model-cathode-strain-surrogate@1.0.0"));
    assert.ok((all.entities.find((e) => e["@id"] === "pipelines/cathode-surrogate.pipeline.yaml")!.step as unknown[]).length > 0);
    assert.deepEqual(all.conformsTo, ["https://w3id.org/ro/wfrun/process/0.5"]);
    assert.ok(all.mentions.includes("#run-cathode-training-set@1.0.0"));
    // One manifest alone: the datasets its lineage names are not bundled, so they are not described either.
    const one = exportedEntities(await inputOf("examples", (p) => p === "data/cathode-training-set.dataset.yaml"));
    const oneIds = one.entities.map((e) => e["@id"]);
    assert.ok(oneIds.includes("#dataset-cathode-training-set@1.0.0"));
    const unbundled = oneIds.filter((id) => id.startsWith("#dataset-dft") || id.startsWith("data/dft") || id.startsWith("pipelines/"));
    assert.deepEqual(unbundled, []);
  });

  it("accepts only relative, normalised paths inside the bundle", function () {
    for (const good of ["a.csv", "data/files/a.csv", ".github/workflows/ci.yml"]) assert.ok(isSafeBundlePath(good), good);
    for (const bad of ["", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a\\b"]) assert.ok(!isSafeBundlePath(bad), bad);
  });
});
