import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { assertCliBuilt, checkJson, runCli, Workspaces, writeIn } from "./cli-harness";
import { dataset, pipeline } from "../unit/workspace/harness";

/** What examples/README.md says of the example's readiness: these fail or warn, every other item passes. */
const NOT_PASSING = [
  "data.metadata",
  "data.lineage",
  "data.versioned",
  "data.formats",
  "data.integrity",
  "model.cards",
  "model.reproducible",
  "infra.containers",
  "gov.rmf",
];

interface JsonItem {
  id: string;
  status: string;
  reason: string;
  evidence: { path: string; message: string; status: string; range?: { start: { line: number } } }[];
}
interface JsonReadiness {
  score: number;
  passed: number;
  applicable: number;
  groups: { id: string; passed: number; applicable: number; items: JsonItem[] }[];
}

describe("genesis-readiness report (built CLI)", function () {
  const workspaces = new Workspaces();
  before(assertCliBuilt);
  after(() => workspaces.removeAll());

  const reportOf = (...args: string[]) => runCli(["report", "examples", ...args]);

  it("examples: the items the examples README names fail or warn, and every other item passes", function () {
    const result = reportOf("--format", "json");
    assert.equal(result.status, 1, "items fail: the report fails, as a CI gate would\n" + result.stderr);
    const json = JSON.parse(result.stdout) as { root: string; readiness: JsonReadiness; lineage: { nodes: unknown[]; edges: unknown[] } };
    assert.equal(json.root, "examples");
    const items = json.readiness.groups.flatMap((g) => g.items);
    assert.equal(items.length, 21);
    assert.deepEqual(
      items
        .filter((i) => i.status !== "pass")
        .map((i) => i.id)
        .sort(),
      [...NOT_PASSING].sort(),
    );
    assert.deepEqual([json.readiness.passed, json.readiness.applicable], [12, 21]);
    assert.equal(json.readiness.score, 0.571);
    assert.ok(json.lineage.nodes.length >= 8 && json.lineage.edges.length >= 10);
  });

  it("examples, text: the score, the failing items, and evidence at 1-based positions, relative to the current folder", function () {
    const result = reportOf();
    assert.equal(result.status, 1, result.stderr);
    const lines = result.stdout.split("\n");
    assert.equal(lines[0], "Genesis readiness of examples: 12/21 (57%)");
    const failing = "Failing: data.metadata, data.versioned, data.formats, data.integrity, model.cards, infra.containers, gov.rmf";
    assert.ok(lines.includes(failing), lines.slice(0, 5).join("\n"));
    assert.ok(lines.includes("Warning: data.lineage, model.reproducible"));
    assert.ok(lines.includes("  FAIL  data.formats  Standard data formats"));
    assert.ok(
      lines.some((l) => /^ {8}- FAIL examples\/data\/beamline-xrd\.dataset\.yaml:4:10 version\/semver /.test(l)),
      "the semver mistake, on line 4 as the examples README says",
    );
    assert.ok(
      lines.some((l) => /^ {8}- FAIL examples\/models\/cathode-lattice-surrogate\.modelcard\.md:56:\d+ risk\/rmf-id .*MEASURE-7/.test(l)),
    );
    assert.ok(lines.some((l) => l.startsWith("  dft-cathode-relax@1.0.0 (dataset) -> cathode-surrogate@1.3.0 (pipeline) [input]")));
  });

  it("every format carries the same items, statuses and reasons", function () {
    const json = JSON.parse(reportOf("--format", "json").stdout) as { readiness: JsonReadiness };
    const items = json.readiness.groups.flatMap((g) => g.items);
    const markdown = reportOf("--format", "markdown").stdout.replace(/\\(.)/g, "$1");
    const html = reportOf("--format", "html")
      .stdout.replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
    const text = reportOf("--format", "text").stdout;
    for (const item of items) {
      for (const [name, output] of [
        ["markdown", markdown],
        ["html", html],
        ["text", text],
      ]) {
        assert.ok(output.includes(item.id) && output.includes(item.reason), `${name}: ${item.id} ${item.reason}`);
      }
      assert.ok(markdown.includes(`\`${item.id}\``));
    }
    assert.match(markdown, /```mermaid\nflowchart LR\n/);
    assert.match(html, /<svg class="lineage"/);
  });

  it("html: one self-contained page, nothing fetched", function () {
    const html = reportOf("--format", "html").stdout;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script|<link/i);
    assert.doesNotMatch(html, /\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
  });

  it("--output writes the report to a file; --no-io leaves the files unverified", function () {
    const folder = workspaces.make();
    const out = path.join(folder, "readiness.md");
    const result = runCli(["report", "examples", "--format", "markdown", "--output", out, "--no-io"]);
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stdout, "");
    const markdown = readFileSync(out, "utf8");
    assert.match(markdown, /^# Genesis readiness: examples\n/);
    assert.match(markdown, /is not verified yet/);
  });

  it("a workspace without Genesis documents: every item n/a, score 0/0, exit 0", function () {
    const folder = workspaces.make();
    writeIn(folder, "README.md", "# nothing\n");
    const result = runCli(["report", folder]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /: 0\/0\n/);
    assert.equal((result.stdout.match(/^ {2}N\/A /gm) ?? []).length, 21);
  });

  it("the paths choose the documents judged; references resolve across the whole root", function () {
    const folder = workspaces.make();
    writeIn(folder, "genesis.config.yaml", "profile: dev\n");
    writeIn(folder, "raw/raw.dataset.yaml", dataset("raw", "1.0.0"));
    // A complete lineage (the schema requires generatedBy; a value with an error never passes, docs/checklist.md#how-an-item-is-decided),
    // whose dataset and pipeline are both outside the path.
    writeIn(folder, "pipe/p.pipeline.yaml", pipeline("p", "1.0.0", ["raw@1.0.0"], ["clean@1.0.0"]));
    const lineage = "lineage:\n  derivedFrom: [raw@1.0.0]\n  generatedBy: { pipeline: p@1.0.0 }\n";
    writeIn(folder, "clean/clean.dataset.yaml", dataset("clean", "1.0.0", lineage));
    const result = runCli(["report", "clean", "--format", "json"], { cwd: folder });
    assert.equal(result.status, 1, `items fail (data.metadata: the test manifests are minimal)\n${result.stderr}`);
    const items = (JSON.parse(result.stdout) as { readiness: JsonReadiness }).readiness.groups.flatMap((g) => g.items);
    const versioned = items.find((i) => i.id === "data.versioned")!;
    assert.deepEqual(
      [...new Set(versioned.evidence.map((e) => e.path))],
      ["clean/clean.dataset.yaml"],
      "only the documents under the path",
    );
    assert.equal(items.find((i) => i.id === "data.lineage")!.status, "pass", "raw@1.0.0 resolves outside the path");
  });

  for (const { args, stderr } of [
    { args: ["report", "--format", "sarif"], stderr: /--format must be one of text, json, markdown, html, not "sarif"/ },
    { args: ["report", "--fail-on", "error"], stderr: /--fail-on must be one of fail, warn, never, not "error"/ },
    { args: ["report", "--quiet"], stderr: /--quiet applies to check, not to report/ },
    { args: ["report", "no-such-folder"], stderr: /no-such-folder: no such file or folder/ },
  ]) {
    it(`exit 2: genesis-readiness ${args.join(" ")}`, function () {
      const result = runCli(args);
      assert.equal(result.status, 2);
      assert.match(result.stderr, stderr);
    });
  }

  it("check --format json fills readiness with the score, the counts and the groups (docs/cli.md#json-output)", function () {
    const { report } = checkJson(["examples", "--fail-on", "never"]);
    const readiness = report.readiness as JsonReadiness;
    assert.equal(readiness.score, 0.571);
    assert.deepEqual([readiness.passed, readiness.applicable], [12, 21]);
    assert.deepEqual(
      readiness.groups.map((g) => g.id),
      ["data", "model", "infrastructure", "governance"],
    );
    const formats = readiness.groups[0].items.find((i) => i.id === "data.formats")!;
    assert.equal(formats.status, "fail");
    assert.equal(formats.evidence[0].range?.start.line, 40, "0-based, as the rest of the JSON output");
  });
});
