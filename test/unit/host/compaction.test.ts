import * as assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { preAnalyse, WorkspaceHost } from "../../../server/src/core/index";
import { PathsByKey } from "../../../server/src/core/workspace/paths-by-key";
import { engine } from "../harness";
import { dataset, pipeline } from "../workspace/harness";

/**
 * The host keeps what it holds of a closed document compacted (host/compaction.ts): shared
 * strings, exact arrays, rebuilt objects. These tests hold that nothing a rule or a front end reads
 * changes: the same facts and findings whether a document is open, closed, or adopted from another
 * thread.
 */

const EXAMPLES = path.resolve(__dirname, "../../../examples");

function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) visit(file);
      else if (/\.(ya?ml|json|md)$/.test(name)) files[path.relative(EXAMPLES, file).split(path.sep).join("/")] = readFileSync(file, "utf8");
    }
  };
  visit(EXAMPLES);
  return files;
}

/** Documents with what compaction touches: aliases (one value in two places), long and repeated strings, lists. */
const INLINE: Record<string, string> = {
  "raw.dataset.yaml": dataset("raw", "1.0.0", "keywords: &words [beamline, calibration, beamline]\nx-more: *words\n"),
  "twin.dataset.yaml": dataset("twin", "1.0.0", "lineage:\n  derivedFrom: [raw@1.0.0, raw@1.0.0, ghost@2.0.0]\n"),
  "p.pipeline.yaml": pipeline("p", "1.0.0", ["raw@1.0.0", "twin@1.0.0"], ["out@1.0.0"]),
};

type Loading = "open" | "closed" | "adopted";

function hostOf(files: Record<string, string>, loading: Loading): WorkspaceHost {
  const host = new WorkspaceHost(engine);
  for (const [file, text] of Object.entries(files)) {
    if (loading === "adopted") {
      const analysed = preAnalyse(engine, file, text, undefined, { diagnostics: true, evidence: false });
      if (analysed) host.adopt(file, structuredClone(analysed));
    } else host.update(file, text, loading === "open");
  }
  host.finishLoading();
  return host;
}

describe("compaction of closed documents", function () {
  for (const [name, files] of [
    ["the examples", exampleFiles()],
    ["inline documents", INLINE],
  ] as const) {
    it(`${name}: the same facts and findings, open, closed or adopted`, function () {
      const open = hostOf(files, "open");
      assert.ok(open.size >= Object.keys(INLINE).length, `${open.size} documents`);
      for (const loading of ["closed", "adopted"] as const) {
        const host = hostOf(files, loading);
        assert.deepEqual([...host.paths()].sort(), [...open.paths()].sort(), loading);
        for (const file of open.paths()) {
          // A copy carries the fields, not the tree (stored-facts.ts).
          assert.deepEqual({ ...host.factsOf(file)! }, { ...open.factsOf(file)! }, `${loading} ${file}: facts`);
          assert.deepEqual(host.findings(file), open.findings(file), `${loading} ${file}: findings`);
          assert.deepEqual(host.documentOf(file)!.tree.value, open.documentOf(file)!.tree.value, `${loading} ${file}: tree`);
        }
      }
    });
  }

  it("a closed document keeps one list of findings while only its type rules find something, and a new one when that changes", function () {
    const host = hostOf({ "d.dataset.yaml": dataset("d", "1.0.0", "x-unknown: 1\n") }, "closed");
    const first = host.findings("d.dataset.yaml");
    assert.ok(first.length > 0);
    host.update("other.dataset.yaml", dataset("other", "1.0.0"));
    assert.equal(host.findings("d.dataset.yaml"), first, "unchanged findings are the same list");
    host.update("e.dataset.yaml", dataset("e", "1.0.0", "lineage:\n  derivedFrom: [d@2.0.0]\n"));
    host.update("d.dataset.yaml", dataset("d", "1.0.0", "x-unknown: 1\nlineage:\n  derivedFrom: [ghost@1.0.0]\n"));
    const second = host.findings("d.dataset.yaml");
    assert.notEqual(second, first);
    assert.ok(second.some((d) => d.rule === "ref/unresolved") && second.some((d) => d.rule === "schema/unknown-property"));
  });
});

describe("paths filed under keys", function () {
  it("keeps the order paths were added in, without duplicates, as one path or several", function () {
    const byKey = new PathsByKey();
    const under = (key: string) => {
      const paths: string[] = [];
      byKey.forEach(key, (p) => paths.push(p));
      return paths;
    };
    byKey.add("a", "1");
    byKey.add("a", "1");
    assert.deepEqual(under("a"), ["1"]);
    byKey.add("a", "2");
    byKey.add("a", "3");
    byKey.add("a", "2");
    assert.deepEqual(under("a"), ["1", "2", "3"]);
    byKey.delete("a", "1");
    byKey.delete("a", "3");
    assert.deepEqual(under("a"), ["2"]);
    byKey.add("a", "1");
    assert.deepEqual(under("a"), ["2", "1"], "a path added again comes last");
    byKey.delete("a", "9");
    byKey.delete("a", "2");
    byKey.delete("a", "1");
    assert.deepEqual(under("a"), []);
    byKey.delete("b", "1");
    assert.deepEqual(under("b"), []);
  });
});
