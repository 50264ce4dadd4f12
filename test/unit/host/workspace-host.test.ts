import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG, WorkspaceHost, type Diagnostic } from "../../../server/src/core/index";
import { Engine } from "../../../server/src/core/engine";
import { utf8Length } from "../../../server/src/core/host/size-limit";
import type { DocumentCheck } from "../../../server/src/core/rules/context";
import { DOCUMENT_CHECKS } from "../../../server/src/core/rules/document-checks";
import { engine } from "../harness";
import { dataset, pipeline } from "../workspace/harness";

/** A loaded host over inline files (path -> text). */
function hostOf(files: Record<string, string>, config = DEFAULT_CONFIG, withEngine = engine): WorkspaceHost {
  const host = new WorkspaceHost(withEngine);
  host.configure(config);
  for (const [path, text] of Object.entries(files)) host.update(path, text);
  host.finishLoading();
  return host;
}

const rules = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.rule);

describe("the workspace host", function () {
  it("combines a document's own, workspace and file findings, and nothing else does", function () {
    const host = hostOf({
      "a.dataset.yaml": dataset("a", "1.0.0", "lineage:\n  derivedFrom: [ghost@1.0.0]\n"),
    });
    const diagnostics = host.diagnostics("a.dataset.yaml");
    assert.ok(rules(diagnostics).includes("ref/unresolved"), "workspace rules run once the folder is loaded");
    host.setEvidence("a.dataset.yaml", new Map([["a.dataset.yaml.d/x.csv", { status: "missing" as const }]]));
    assert.deepEqual(rules(host.diagnostics("a.dataset.yaml")), rules(diagnostics), "evidence about no declared file changes nothing");
  });

  it("judges no reference before the folder is loaded", function () {
    const host = new WorkspaceHost(engine);
    host.update("a.dataset.yaml", dataset("a", "1.0.0", "lineage:\n  derivedFrom: [ghost@1.0.0]\n"));
    assert.ok(!rules(host.diagnostics("a.dataset.yaml")).includes("ref/unresolved"));
    host.finishLoading();
    assert.ok(rules(host.diagnostics("a.dataset.yaml")).includes("ref/unresolved"));
  });

  it("lets an open text win over the disk until it is closed", function () {
    const host = hostOf({ "a.dataset.yaml": dataset("a", "1.0.0") });
    host.update("a.dataset.yaml", dataset("a", "2.0.0"), true);
    assert.deepEqual([...host.update("a.dataset.yaml", dataset("a", "3.0.0"))!], [], "a disk text of an open document changes nothing");
    assert.equal(host.factsOf("a.dataset.yaml")?.version, "2.0.0");
    host.markClosed("a.dataset.yaml");
    host.update("a.dataset.yaml", dataset("a", "3.0.0"));
    assert.equal(host.factsOf("a.dataset.yaml")?.version, "3.0.0");
  });

  it("names the documents an edit affects, and forgets their diagnostics", function () {
    const host = hostOf({
      "raw.dataset.yaml": dataset("raw", "1.0.0"),
      "p.pipeline.yaml": pipeline("p", "1.0.0", ["raw@1.0.0"], ["out@1.0.0"]),
      "other.dataset.yaml": dataset("other", "1.0.0"),
    });
    assert.ok(!rules(host.diagnostics("p.pipeline.yaml")).includes("ref/version-mismatch"));
    const affected = host.update("raw.dataset.yaml", dataset("raw", "2.0.0"));
    assert.ok(affected?.has("p.pipeline.yaml") && !affected.has("other.dataset.yaml"), JSON.stringify([...(affected ?? [])]));
    assert.ok(rules(host.diagnostics("p.pipeline.yaml")).includes("ref/version-mismatch"));
  });

  it("applies one size limit, the configuration's, alike to a whole text and to a file's head and size", function () {
    const config = { ...DEFAULT_CONFIG, maxDocumentBytes: 2_000 };
    const text = dataset("big", "1.0.0") + `# ${"é".repeat(1_500)}\n`;
    assert.ok(text.length < 2_000 * 3 && utf8Length(text) > 2_000, "over the limit in bytes, not in UTF-16 units");
    const fromEditor = hostOf({ "big.dataset.yaml": text }, config);
    const fromDisk = new WorkspaceHost(engine);
    fromDisk.configure(config);
    fromDisk.update("big.dataset.yaml", { head: text.slice(0, 4096), bytes: utf8Length(text) });
    const shown = fromEditor.diagnostics("big.dataset.yaml");
    assert.deepEqual(rules(shown), ["syntax/yaml"]);
    assert.match(shown[0].message, /above the 0\.0 MB limit for checking \(limits\.maxDocumentMegabytes/);
    assert.deepEqual(fromDisk.diagnostics("big.dataset.yaml"), shown);
    assert.equal(fromEditor.factsOf("big.dataset.yaml")?.kind, "DatasetManifest", "its head still says what it is");
  });

  it("turns a check that throws into one diagnostic on its document, and keeps serving", function () {
    const broken: DocumentCheck = {
      name: "broken",
      reports: ["version/semver"],
      check() {
        throw new Error("boom");
      },
    };
    const host = hostOf({ "a.dataset.yaml": dataset("a", "1.0.0") }, DEFAULT_CONFIG, new Engine({}, [...DOCUMENT_CHECKS, broken]));
    const failures = host.diagnostics("a.dataset.yaml").filter((d) => d.rule === "internal/rule-error");
    assert.equal(failures.length, 1);
    assert.match(failures[0].message, /"broken" check failed.*boom/);
  });

  it("re-judges every document under a new configuration", function () {
    const host = hostOf({ "a.dataset.yaml": dataset("a", "1.0.0", "lineage:\n  derivedFrom: [raw]\n") });
    const before = host.diagnostics("a.dataset.yaml").find((d) => d.rule === "ref/unversioned");
    assert.equal(before?.severity, "warning");
    host.configure({ ...DEFAULT_CONFIG, profile: "release" });
    assert.equal(host.diagnostics("a.dataset.yaml").find((d) => d.rule === "ref/unversioned")?.severity, "error");
    host.configure({ ...DEFAULT_CONFIG, rules: { "ref/unversioned": "off" } });
    assert.ok(!rules(host.diagnostics("a.dataset.yaml")).includes("ref/unversioned"));
  });

  it("answers readiness and lineage for a selection of documents, judged against the whole folder", function () {
    const host = hostOf({
      "raw/raw.dataset.yaml": dataset("raw", "1.0.0"),
      "work/p.pipeline.yaml": pipeline("p", "1.0.0", ["raw@1.0.0"], ["raw@1.0.0"]),
    });
    const all = host.readiness();
    const onlyWork = host.readiness((path) => path.startsWith("work/"));
    const data = (model: typeof all) => model.groups.find((g) => g.id === "data")!.items.find((i) => i.id === "data.metadata")!;
    assert.ok(data(all).evidence.some((e) => e.path === "raw/raw.dataset.yaml"));
    assert.ok(!data(onlyWork).evidence.some((e) => e.path === "raw/raw.dataset.yaml"));
    const lineage = host.lineage((path) => path.startsWith("work/"));
    assert.deepEqual(
      lineage.nodes.map((n) => n.id),
      ["work/p.pipeline.yaml"],
      "only the selection is drawn, and its input resolves (no missing node)",
    );
  });

  it("counts the configuration file's own findings in the checklist, as check counts them", function () {
    const text = "rules:\n  container/latst: error\n";
    const { config, diagnostics } = engine.readConfig({ path: "genesis.config.yaml", text });
    assert.ok(
      diagnostics.some((d) => d.severity === "error"),
      "an unknown rule id is an error of the configuration",
    );
    const host = hostOf({ "a.dataset.yaml": dataset("a", "1.0.0") });
    const metadata = () => host.readiness().groups[0].items.find((i) => i.id === "data.metadata")!;
    const before = metadata().status;
    host.configure(config, { text, diagnostics });
    assert.equal(metadata().status, "fail", `was ${before}`);
    assert.ok(metadata().evidence.some((e) => e.path === "genesis.config.yaml" && e.rule === "schema/enum"));
  });
});
