import * as assert from "node:assert/strict";
import { CLEAN, CLEANING, GOOD, MODEL, RAW, edit, expectStatus, variant } from "./harness";
import { configWith } from "../harness";
import { dataset } from "../workspace/harness";
import { fixtureDigest } from "../fixture-digest";

const RAW_PATH = "data/raw.dataset.yaml";
const CLEAN_PATH = "data/clean.dataset.yaml";
const NO_MANIFESTS = { "data/raw.dataset.yaml": undefined, "data/clean.dataset.yaml": undefined };

describe("readiness: data", function () {
  describe("data.schemas", function () {
    it("passes when every tabular distribution has a record set with typed fields", function () {
      const item = expectStatus(GOOD, "data.schemas", "pass");
      assert.match(item.evidence[0].message, /Record set "table" describes "table" with 1 typed field/);
    });

    it("fails on a tabular distribution no record set names as its source", function () {
      const item = expectStatus(
        variant({ files: { [RAW_PATH]: edit(RAW, "    source: table\n", "    source: other\n") } }),
        "data.schemas",
        "fail",
      );
      assert.equal(item.evidence[0].status, "fail");
      assert.match(item.evidence[0].message, /Distribution "table" is tabular \(csv\) but no record set has "source: table"/);
      assert.equal(item.evidence[0].path, RAW_PATH);
      assert.ok(item.evidence[0].range, "the evidence has a range");
    });

    it("fails on a record set whose fields have no valid type", function () {
      const item = expectStatus(
        variant({ files: { [RAW_PATH]: edit(RAW, "{ name: x, type: number }", "{ name: x, type: float }") } }),
        "data.schemas",
        "fail",
      );
      assert.match(item.reason, /1 of 1 tabular distribution lacks a typed record set/);
      // The type is the schema's to judge (docs/checklist.md#how-an-item-is-decided): its schema/enum finding at the field is the evidence.
      assert.ok(item.evidence.some((e) => e.rule === "schema/enum" && e.status === "fail" && /"float" is not allowed/.test(e.message)));
    });

    it("fails on schema drift found in the file, with the diagnostic as evidence", function () {
      const drift = variant({
        evidence: {
          ...GOOD.evidence,
          "data/table.csv": {
            status: "ok",
            kind: "file",
            size: 10,
            sha256: fixtureDigest("e"),
            table: { format: "csv", columns: [{ name: "y", type: "number" }] },
          },
        },
      });
      const item = expectStatus(drift, "data.schemas", "fail");
      assert.ok(item.evidence.some((e) => e.rule === "data/schema-drift" && e.status === "fail"));
    });

    it("warns when the file's schema could not be inspected (a warning of data/schema-drift)", function () {
      const unreadable = variant({
        evidence: {
          ...GOOD.evidence,
          "data/table.csv": {
            status: "ok",
            kind: "file",
            size: 10,
            sha256: fixtureDigest("e"),
            failures: { table: { kind: "too-large", reason: "the header is above 64 KB" } },
          },
        },
      });
      const item = expectStatus(unreadable, "data.schemas", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "data/schema-drift" && e.status === "warn"));
    });

    it("is n/a when no manifest has a tabular distribution, and when there is no manifest", function () {
      const jsonOnly = variant({ files: { [RAW_PATH]: dataset("raw", "1.0.0", "keywords: [x]\n") } });
      assert.match(expectStatus(jsonOnly, "data.schemas", "n/a").reason, /No manifest has a tabular distribution/);
      const none = expectStatus(variant({ files: NO_MANIFESTS }), "data.schemas", "n/a");
      assert.equal(none.fix?.command, "genesis.newDatasetManifest");
    });
  });

  describe("data.metadata", function () {
    it("passes when every manifest has its metadata and no error", function () {
      expectStatus(GOOD, "data.metadata", "pass");
    });

    it("warns on a manifest without keywords", function () {
      const item = expectStatus(variant({ files: { [CLEAN_PATH]: edit(CLEAN, "keywords: [test]\n", "") } }), "data.metadata", "warn");
      assert.match(item.reason, /1 of 2 manifests lacks keywords: clean@1\.0\.0/);
      assert.equal(item.fix, undefined, "no quick fix adds keywords");
    });

    it("fails on a manifest with an error, with a quick fix pointer to the diagnostic", function () {
      const item = expectStatus(
        variant({ files: { [CLEAN_PATH]: edit(CLEAN, "license: CC-BY-4.0", "license: Apache 2") } }),
        "data.metadata",
        "fail",
      );
      const evidence = item.evidence.find((e) => e.rule === "license/spdx");
      assert.ok(evidence, "the license/spdx diagnostic is evidence");
      assert.equal(evidence.range?.start.line, 6, "its range is the diagnostic's (0-based line of license)");
      assert.equal(item.fix?.kind, "quickfix");
      assert.equal(item.fix?.target?.path, CLEAN_PATH);
      assert.equal(item.fix?.target?.rule, "license/spdx");
    });

    it("fails on a missing license once: the schema/required diagnostic is the evidence", function () {
      const item = expectStatus(variant({ files: { [CLEAN_PATH]: edit(CLEAN, "license: CC-BY-4.0\n", "") } }), "data.metadata", "fail");
      const required = item.evidence.filter((e) => e.status === "fail");
      assert.equal(required.length, 1, required.map((e) => e.message).join("\n"));
      assert.equal(required[0].rule, "schema/required");
    });

    it("is n/a without manifests, with the New Dataset Manifest command as fix", function () {
      const item = expectStatus(variant({ files: NO_MANIFESTS }), "data.metadata", "n/a");
      assert.deepEqual(item.fix, {
        kind: "command",
        title: "New Dataset Manifest",
        command: "genesis.newDatasetManifest",
        shell: { title: "Write a dataset manifest", commandLine: "genesis-readiness init dataset ID" },
      });
    });
  });

  describe("data.lineage", function () {
    it("passes when the derived dataset's lineage resolves", function () {
      assert.match(
        expectStatus(GOOD, "data.lineage", "pass").evidence[0].message,
        /derived from raw@1\.0\.0; generated by cleaning@1\.0\.0/,
      );
    });

    it("warns on an unpinned upstream dataset (ref/unversioned is a warning in dev)", function () {
      expectStatus(
        variant({ files: { [CLEAN_PATH]: edit(CLEAN, "derivedFrom: [raw@1.0.0]", "derivedFrom: [raw]") } }),
        "data.lineage",
        "warn",
      );
    });

    it("fails on an upstream dataset that does not exist", function () {
      const item = expectStatus(
        variant({ files: { [CLEAN_PATH]: edit(CLEAN, "derivedFrom: [raw@1.0.0]", "derivedFrom: [raw@9.0.0]") } }),
        "data.lineage",
        "fail",
      );
      assert.ok(item.evidence.some((e) => e.rule === "ref/version-mismatch"));
    });

    it("fails on a pipeline output that declares no lineage", function () {
      const noLineage = edit(CLEAN, "lineage:\n  derivedFrom: [raw@1.0.0]\n  generatedBy: { pipeline: cleaning@1.0.0 }\n", "");
      const item = expectStatus(variant({ files: { [CLEAN_PATH]: noLineage } }), "data.lineage", "fail");
      assert.match(item.evidence[0].message, /cleaning@1\.0\.0 lists it among its outputs, but it declares no lineage/);
    });

    it("counts derived datasets only: a model's lineage finding lowers the item without being counted as a dataset", function () {
      // The card names the pipeline that trained it, which does not list the card among its outputs.
      const trained = edit(MODEL, "  datasets: [clean@1.0.0]\n  run:", "  datasets: [clean@1.0.0]\n  pipeline: cleaning@1.0.0\n  run:");
      const item = expectStatus(variant({ files: { "models/m.model.yaml": trained } }), "data.lineage", "warn");
      assert.ok(item.evidence.some((e) => e.rule === "lineage/inconsistent" && e.path === "models/m.model.yaml"));
      assert.doesNotMatch(item.reason, /derived datasets/);
      const counted = item.evidence.filter((e) => e.rule === undefined).map((e) => e.path);
      assert.deepEqual(counted, [CLEAN_PATH]);
    });

    it("is n/a when no dataset is derived", function () {
      const files = { [CLEAN_PATH]: undefined, "pipelines/cleaning.pipeline.yaml": undefined, "models/m.model.yaml": undefined };
      expectStatus(variant({ files }), "data.lineage", "n/a");
    });
  });

  describe("data.versioned", function () {
    it("passes when every document has a semver version and pinned references", function () {
      expectStatus(GOOD, "data.versioned", "pass");
    });

    it("warns on an unpinned reference", function () {
      const item = expectStatus(
        variant({ files: { "pipelines/cleaning.pipeline.yaml": edit(CLEANING, "ref: raw@1.0.0", "ref: raw") } }),
        "data.versioned",
        "warn",
      );
      assert.ok(item.evidence.some((e) => e.rule === "ref/unversioned" && e.status === "warn"));
    });

    it("fails on an unpinned reference in the release profile (the diagnostic is an error there)", function () {
      const release = variant({
        files: { "pipelines/cleaning.pipeline.yaml": edit(CLEANING, "ref: raw@1.0.0", "ref: raw") },
        config: configWith({ profile: "release" }),
      });
      expectStatus(release, "data.versioned", "fail");
    });

    it("fails on a version that is not semver", function () {
      const item = expectStatus(
        variant({ files: { [RAW_PATH]: edit(RAW, "version: 1.0.0", 'version: "1.2"') } }),
        "data.versioned",
        "fail",
      );
      assert.ok(item.evidence.some((e) => e.rule === "version/semver"));
    });

    it("is n/a in a workspace without Genesis documents", function () {
      expectStatus({ files: { "README.md": "# nothing here\n" } }, "data.versioned", "n/a");
    });
  });

  describe("data.formats", function () {
    it("passes on JSON, CSV, Parquet, HDF5 and JSON Lines", function () {
      const all = dataset(
        "raw",
        "1.0.0",
        ["parquet", "hdf5", "jsonl"]
          .map((f, i) => `  - { id: d${i}, path: d${i}.${f}, format: ${f}, sha256: ${fixtureDigest("f")} }\n`)
          .join(""),
      );
      expectStatus(variant({ files: { [RAW_PATH]: all }, evidence: null }), "data.formats", "pass");
    });

    it("warns on a format that is allowed but not standard", function () {
      const item = expectStatus(variant({ files: { [RAW_PATH]: edit(RAW, "format: csv", "format: zarr") } }), "data.formats", "warn");
      assert.match(item.evidence[0].message, /zarr is allowed but not a standard format/);
      assert.match(item.evidence[0].message, /site\.standardFormats/);
    });

    it("passes on netCDF, which is HDF5 underneath", function () {
      const item = expectStatus(variant({ files: { [RAW_PATH]: edit(RAW, "format: csv", "format: netcdf") } }), "data.formats", "pass");
      assert.ok(item.evidence.some((e) => e.message === "netcdf: a standard format."));
    });

    it("passes on a format the site adds in site.standardFormats, and only on those", function () {
      const zarr = edit(RAW, "format: csv", "format: zarr");
      const site = configWith({ site: { registries: [], partitions: {}, standardFormats: ["zarr"] } });
      const item = expectStatus(variant({ files: { [RAW_PATH]: zarr }, config: site }), "data.formats", "pass");
      assert.ok(item.evidence.some((e) => e.message === "zarr: a standard format at this site (site.standardFormats)."));
      const tiff = edit(RAW, "format: csv", "format: tiff");
      const still = expectStatus(variant({ files: { [RAW_PATH]: tiff }, config: site }), "data.formats", "warn");
      assert.match(still.evidence[0].message, /tiff is allowed but not a standard format \(.*netCDF.*Zarr\)/);
    });

    it("fails on a format that is not allowed, with the schema/enum diagnostic and its quick fix", function () {
      const item = expectStatus(variant({ files: { [RAW_PATH]: edit(RAW, "format: csv", "format: parqet") } }), "data.formats", "fail");
      assert.equal(item.evidence[0].rule, "schema/enum");
      assert.equal(item.fix?.target?.rule, "schema/enum");
    });

    it("is n/a without manifests", function () {
      expectStatus(variant({ files: NO_MANIFESTS }), "data.formats", "n/a");
    });
  });

  describe("data.integrity", function () {
    it("passes when every local file was verified and matches", function () {
      expectStatus(GOOD, "data.integrity", "pass");
    });

    it("warns when the files were not verified yet", function () {
      const item = expectStatus(variant({ evidence: null }), "data.integrity", "warn");
      assert.match(item.reason, /3 of 3 local files are not verified yet/);
      assert.deepEqual(item.fix, {
        kind: "command",
        title: "Verify Files",
        command: "genesis.verifyFiles",
        shell: {
          title: "Verify the files the manifests name (a check reads them unless --no-io is given)",
          commandLine: "genesis-readiness check",
        },
      });
    });

    it("fails on a checksum mismatch and on a missing file", function () {
      const mismatch = variant({
        evidence: { ...GOOD.evidence, "data/table.csv": { status: "ok", kind: "file", size: 10, sha256: "0".repeat(64) } },
      });
      assert.ok(expectStatus(mismatch, "data.integrity", "fail").evidence.some((e) => e.rule === "integrity/checksum-mismatch"));
      const missing = variant({ evidence: { ...GOOD.evidence, "data/table.csv": { status: "missing" } } });
      assert.ok(expectStatus(missing, "data.integrity", "fail").evidence.some((e) => e.rule === "integrity/file-missing"));
    });

    it("fails on a checksum that is not a sha256 (it cannot be verified)", function () {
      const md5 = variant({ files: { [RAW_PATH]: edit(RAW, `sha256: ${fixtureDigest("e")}`, `sha256: ${fixtureDigest("e", 32)}`) } });
      assert.ok(expectStatus(md5, "data.integrity", "fail").evidence.some((e) => e.rule === "integrity/checksum-format"));
    });

    it("is n/a when every distribution is a URL, and in an untrusted workspace", function () {
      const remote = dataset("raw", "1.0.0").replace("path: data.json", "path: https://example.gov/data.json");
      const onlyRemote = variant({ files: { [RAW_PATH]: remote, [CLEAN_PATH]: undefined } });
      assert.match(expectStatus(onlyRemote, "data.integrity", "n/a").reason, /No manifest names a local file/);
      assert.equal(
        expectStatus(variant({ trusted: false }), "data.integrity", "n/a").reason,
        "workspace not trusted: data files are not read, so no checksum can be verified.",
      );
    });
  });
});
