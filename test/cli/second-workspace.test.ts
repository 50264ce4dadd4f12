import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { ruleInfo } from "../../server/src/core/index";
import { assertCliBuilt, checkJson, REPOSITORY, runCli, type JsonReport } from "./cli-harness";

/**
 * A second example workspace, from another domain than examples/ (ocean glider observations), written from the contract:
 * `ocean-glider` is clean, `ocean-glider-broken` is the same workspace with planted mistakes, each marked on its line
 * with `# want: rule/a, rule/b` (YAML, also in a card's front matter) or `<!-- want: rule -->` (Markdown body).
 */
const WORKSPACES = path.join(REPOSITORY, "test/fixtures/workspaces");
const CLEAN = path.join(WORKSPACES, "ocean-glider");
const BROKEN = path.join(WORKSPACES, "ocean-glider-broken");

/** The same marker convention as test/unit/harness.ts `expectWants`. */
const WANT_MARKER = /(?:#|<!--)\s*want:\s*([a-z/,\s-]+?)\s*(?:-->)?\s*$/;

interface ReadinessItem {
  id: string;
  status: string;
}
interface ReadinessReport {
  readiness: { passed: number; applicable: number; groups: { items: ReadinessItem[] }[] };
}

/** `path:LINE rule` (1-based line) of every error and warning; info is not asked of either workspace. */
function errorsAndWarnings(report: JsonReport): string[] {
  return report.documents.flatMap((document) =>
    document.diagnostics
      .filter((d) => d.severity === "error" || d.severity === "warning")
      .map((d) => `${document.path}:${d.range.start.line + 1} ${d.rule}`),
  );
}

/** `path:LINE rule` of every want marker in the documents the CLI read. */
function wantedIn(root: string, report: JsonReport): string[] {
  return report.documents.flatMap((document) =>
    readFileSync(path.join(root, document.path), "utf8")
      .split("\n")
      .flatMap((line, index) => {
        const marker = WANT_MARKER.exec(line);
        if (!marker) return [];
        return marker[1]
          .split(/[\s,]+/)
          .filter(Boolean)
          .map((rule) => `${document.path}:${index + 1} ${rule}`);
      }),
  );
}

function reportOf(folder: string): { status: number | null; items: ReadinessItem[]; passed: number; applicable: number } {
  const result = runCli(["report", "--format", "json", folder]);
  const { readiness } = JSON.parse(result.stdout) as ReadinessReport;
  return { status: result.status, items: readiness.groups.flatMap((g) => g.items), ...readiness };
}

describe("a second example workspace, ocean glider observations (built CLI)", function () {
  before(assertCliBuilt);

  it("the clean workspace has every kind of document and no error or warning", function () {
    const { status, report } = checkJson([CLEAN]);
    assert.equal(status, 0);
    const kinds = report.documents.map((d) => d.kind);
    assert.equal(kinds.filter((k) => k === "DatasetManifest").length, 3);
    assert.equal(kinds.filter((k) => k === "PipelineConfig").length, 2);
    assert.equal(kinds.filter((k) => k === "ModelCard").length, 2);
    assert.ok(kinds.includes("GenesisConfig"), kinds.join(", "));
    assert.deepEqual(errorsAndWarnings(report), []);
    assert.deepEqual(report.summary, { errors: 0, warnings: 0, infos: 0 });
  });

  it("the clean workspace passes every readiness item", function () {
    const { items, passed, applicable } = reportOf(CLEAN);
    assert.deepEqual(
      items.filter((item) => item.status !== "pass").map((item) => `${item.id} ${item.status}`),
      [],
    );
    assert.equal(applicable, 21);
    assert.equal(passed, applicable);
  });

  it("the clean workspace passes in the release profile too", function () {
    const { report } = checkJson([CLEAN, "--profile", "release"]);
    assert.deepEqual(errorsAndWarnings(report), []);
  });

  it("the broken workspace yields exactly the wanted rules on the marked lines", function () {
    const { status, report } = checkJson([BROKEN]);
    assert.equal(status, 1);
    const wanted = wantedIn(BROKEN, report);
    assert.ok(wanted.length >= 12, `only ${wanted.length} want markers`);
    assert.deepEqual(errorsAndWarnings(report).sort(), wanted.sort());
  });

  it("the broken workspace's report fails the item of every wanted error and does not pass the item of a wanted warning", function () {
    const { report } = checkJson([BROKEN]);
    const { status, items } = reportOf(BROKEN);
    assert.equal(status, 1, "report gates: an item fails");
    const statusOf = new Map(items.map((item) => [item.id, item.status]));
    const diagnostics = report.documents.flatMap((d) => d.diagnostics);
    const wantedRules = new Set(wantedIn(BROKEN, report).map((want) => want.split(" ")[1]));
    assert.ok(wantedRules.size >= 12);
    for (const rule of wantedRules) {
      const item = ruleInfo(rule)?.item;
      assert.ok(item, `${rule} is not in the rule catalog`);
      const isError = diagnostics.some((d) => d.rule === rule && d.severity === "error");
      const expected = isError ? ["fail"] : ["fail", "warn"];
      assert.ok(expected.includes(statusOf.get(item) ?? ""), `${rule} belongs to ${item}, which is ${statusOf.get(item)}`);
    }
  });
});
