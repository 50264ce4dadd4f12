import * as assert from "node:assert/strict";
import { existsSync, readFileSync, truncateSync } from "node:fs";
import * as path from "node:path";
import { DEFAULT_MAX_DOCUMENT_BYTES } from "../../server/src/core/index";
import { analysisThreads, FILES_PER_THREAD, MAX_THREADS } from "../../server/src/cli/jobs";
import { writeLabTree } from "../bench/scale-tree";
import { writeWorkspaceTree } from "../bench/workspace-tree";
import { dataset } from "../unit/workspace/harness";
import { assertCliBuilt, copyFixture, runCli, Workspaces, writeIn, type CliResult } from "./cli-harness";

/**
 * `--jobs N`: the files are analysed by N threads (worker threads beside the main one), and the
 * report, stderr and exit code are those of `--jobs 1` byte for byte, whatever the threads' timing.
 */

const workspaces = new Workspaces();

/** A generated workspace with one of every kind of trouble a file can bring. */
function troubledTree(documents: number): string {
  const root = workspaces.make();
  writeWorkspaceTree(root, documents);
  writeIn(root, "genesis.config.yaml", 'profile: release\nrules:\n  container/latest: error\nignore:\n  - "ignored/**"\n');
  writeIn(root, "ignored/skip.dataset.yaml", "not: [checked");
  writeIn(root, "broken/unclosed.dataset.yaml", "apiVersion: genesis/v1\nkind: DatasetManifest\nid: [unclosed\n");
  writeIn(root, "broken/empty.pipeline.yaml", "");
  writeIn(root, "broken/list.model.yaml", "- a\n- b\n");
  writeIn(root, "broken/bad.dataset.json", '{ "apiVersion": "genesis/v1", "kind": "DatasetManifest", "id": 1, }');
  // Two documents with one id@version, and a reference to nothing.
  writeIn(root, "dup/one.dataset.yaml", dataset("twin", "1.0.0"));
  writeIn(root, "dup/two.dataset.yaml", dataset("twin", "1.0.0", "lineage:\n  derivedFrom: [ghost@2.0.0]\n"));
  // A mapping key JavaScript would take for the object's prototype.
  writeIn(root, "odd/proto.dataset.yaml", dataset("proto", "1.0.0", "__proto__:\n  id: impostor\n  license: none\n"));
  // A byte order mark, CRLF line ends and multi-byte characters before a mistake.
  writeIn(
    root,
    "odd/crlf.dataset.yaml",
    `\ufeff${dataset("crlf", "1.2").replace("Dataset crlf", "Données ☃ crlf").replace(/\n/g, "\r\n")}`,
  );
  // Above the size read whole: only its name makes it a dataset.
  truncateSync(writeIn(root, "odd/huge.dataset.yaml", ""), DEFAULT_MAX_DOCUMENT_BYTES + 1);
  writeIn(root, "notes/settings.yaml", "editor: { tabs: 2 }\n");
  writeIn(root, "cards/README.md", "---\nlibrary_name: transformers\nlicense: mit\n---\n# A card\n");
  return root;
}

/** The report goes through a file: a large one would overflow the pipe's buffer of spawnSync. */
function check(args: readonly string[], jobs: number, cwd?: string): CliResult {
  const output = path.join(workspaces.make(), "report.out");
  const result = runCli(["check", ...args, "--output", output, "--jobs", String(jobs)], { cwd });
  return { ...result, stdout: existsSync(output) ? readFileSync(output, "utf8") : "" };
}

/** The same stdout, stderr and exit status as `--jobs 1`, for each of `jobs`. */
function assertSameAsOneThread(args: readonly string[], jobs: readonly number[], cwd?: string): CliResult {
  const alone = check(args, 1, cwd);
  for (const count of jobs) {
    const shared = check(args, count, cwd);
    const label = `check ${args.join(" ")} --jobs ${count}`;
    assert.equal(shared.status, alone.status, `${label}: exit status\n${shared.stderr}`);
    assert.equal(shared.stderr, alone.stderr, `${label}: stderr`);
    assert.ok(shared.stdout === alone.stdout, `${label}: stdout differs from --jobs 1`);
  }
  return alone;
}

describe("check --jobs (built CLI)", function () {
  this.timeout(120_000);
  before(assertCliBuilt);
  after(() => workspaces.removeAll());

  it("examples/: text, JSON and SARIF are the same with 1, 2 and 4 threads, the io rules included", function () {
    for (const [format, jobs] of [
      ["text", 4],
      ["json", 2],
      ["sarif", 3],
    ] as const) {
      const result = assertSameAsOneThread(["examples", "--format", format], [jobs]);
      assert.equal(result.status, 1, result.stderr);
    }
  });

  it("a generated workspace with broken, duplicate, odd and oversized files: the same with 1, 2 and 3 threads", function () {
    const root = troubledTree(400);
    for (const format of ["text", "sarif"]) assertSameAsOneThread([root, "--format", format, "--no-io"], [3]);
    const json = assertSameAsOneThread([root, "--format", "json"], [2, 3]);
    const report = JSON.parse(json.stdout) as { documents: { path: string; diagnostics: { rule: string }[] }[] };
    const rules = (file: string) => report.documents.find((d) => d.path === file)?.diagnostics.map((d) => d.rule) ?? [];
    // The troubles did reach the report, so the comparison above covered them.
    assert.ok(rules("broken/unclosed.dataset.yaml").includes("syntax/yaml"));
    assert.ok(rules("dup/one.dataset.yaml").includes("ref/duplicate-id"));
    assert.ok(rules("dup/two.dataset.yaml").includes("ref/unresolved"));
    assert.ok(rules("odd/crlf.dataset.yaml").includes("version/semver"));
    assert.deepEqual(rules("odd/huge.dataset.yaml"), ["syntax/yaml"]);
    assert.ok(report.documents.some((d) => d.path === "odd/proto.dataset.yaml"));
    assert.ok(!report.documents.some((d) => d.path.startsWith("ignored/") || d.path.startsWith("notes/")));
  });

  it("the lab workspace of the scale benchmark (a fifth depend on one dataset): the same with 2 and 4 threads", function () {
    const root = workspaces.make();
    const tree = writeLabTree(root, 1200);
    writeIn(root, "genesis.config.yaml", "profile: release\n");
    const json = assertSameAsOneThread([root, "--format", "json", "--no-io"], [2, 4]);
    const report = JSON.parse(json.stdout) as { documents: { path: string }[] };
    assert.equal(report.documents.filter((d) => d.path !== "genesis.config.yaml").length, tree.files.length);
    assertSameAsOneThread([root, "--format", "sarif", "--no-io"], [2]);
  });

  it("reports only the given paths, resolving references across the root, the same with workers", function () {
    const root = troubledTree(300);
    const result = assertSameAsOneThread(["data/1", "dup", "--format", "json", "--no-io"], [2, 3], root);
    const report = JSON.parse(result.stdout) as { documents: { path: string }[] };
    assert.ok(report.documents.length > 2);
    assert.ok(report.documents.every((d) => d.path === "genesis.config.yaml" || d.path.startsWith("data/1/") || d.path.startsWith("dup/")));
  });

  it("report (the readiness checklist) is the same with workers", function () {
    const root = troubledTree(300);
    const report = (jobs: number) => {
      const output = path.join(workspaces.make(), "readiness.json");
      const result = runCli(["report", root, "--format", "json", "--output", output, "--jobs", String(jobs), "--fail-on", "never"]);
      assert.equal(result.status, 0, result.stderr);
      return readFileSync(output, "utf8").replace(/"generatedAt": "[^"]*"/, "");
    };
    assert.equal(report(3), report(1));
  });

  it("exit codes are unchanged with workers: 0 when clean, 1 on errors or warnings asked for, 2 on an unusable path", function () {
    const clean = workspaces.make();
    copyFixture(clean, "valid.dataset.yaml");
    assert.equal(assertSameAsOneThread([clean], [3]).status, 0);
    const failing = workspaces.make();
    copyFixture(failing, "mistakes.dataset.yaml");
    copyFixture(failing, "warning-only.dataset.yaml");
    assert.equal(assertSameAsOneThread([failing], [2]).status, 1);
    assert.equal(assertSameAsOneThread([failing, "--fail-on", "never"], [3]).status, 0);
    const missing = assertSameAsOneThread([path.join(failing, "no-such-folder")], [3]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no-such-folder: no such file or folder/);
  });

  it("--jobs takes a number of threads, 1 or more", function () {
    for (const bad of ["0", "-2", "two", "1.5", ""]) {
      const result = runCli(["check", "examples", `--jobs=${bad}`]);
      assert.equal(result.status, 2, `--jobs=${bad}`);
      assert.match(result.stderr, /--jobs must be a number of threads, 1 or more/);
      assert.equal(result.stdout, "");
    }
    assert.match(runCli(["--help"]).stdout, /--jobs N, -j N/);
  });
});

describe("analysisThreads", function () {
  it("the main thread alone for a small workspace; one thread per core once each gets FILES_PER_THREAD files", function () {
    assert.equal(analysisThreads(0, undefined, 8), 1);
    assert.equal(analysisThreads(FILES_PER_THREAD * 2 - 1, undefined, 8), 1);
    assert.equal(analysisThreads(FILES_PER_THREAD * 2, undefined, 8), 2);
    assert.equal(analysisThreads(FILES_PER_THREAD * 3, undefined, 8), 3);
    assert.equal(analysisThreads(FILES_PER_THREAD * 100, undefined, 8), 8);
    assert.equal(analysisThreads(FILES_PER_THREAD * 100, undefined, 2), 2);
    assert.equal(analysisThreads(FILES_PER_THREAD * 100, undefined, 1), 1);
    assert.equal(analysisThreads(50_000, undefined, 2), 2, "the measured 2-core gain at 50,000 files");
    assert.equal(analysisThreads(10_000, undefined, 2), 1, "the measured 2-core loss at 10,000 files");
  });

  it("--jobs N is taken as given, up to one thread per file and MAX_THREADS", function () {
    assert.equal(analysisThreads(10, 1, 8), 1);
    assert.equal(analysisThreads(10, 4, 2), 4);
    assert.equal(analysisThreads(3, 4, 2), 3);
    assert.equal(analysisThreads(0, 4, 2), 1);
    assert.equal(analysisThreads(100_000, 10_000, 2), MAX_THREADS);
  });
});
