import * as assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { RULES } from "../../server/src/core/rules/catalog";
import { generatedPagesOnDisk } from "../../scripts/docs";
import { DOCS_DIR } from "../../scripts/docs/generate";
import { RULE_PAGES_MODULE, rulePagesModule } from "../../scripts/docs/rule-pages";
import { exampleFiles, parseSections, readRuleSource, ruleIdsWithSources } from "../../scripts/docs/rule-sources";
import { rulePage, ruleIdsWithPages } from "../../server/src/cli/rule-pages";
import { runExample, type ExampleFinding } from "../support/rule-examples";

/**
 * docs/rules/<rule-id>.md: a page for every rule and for no other id, and examples that do what
 * the page says, run through the engine as a workspace (test/support/rule-examples.ts).
 */

/** Rules no document can produce on purpose: their pages explain why they have no example. */
const WITHOUT_EXAMPLES: ReadonlyMap<string, string> = new Map([["internal/rule-error", "only a bug in a rule produces it"]]);

const ids = RULES.map((rule) => rule.id);

function shown(findings: readonly ExampleFinding[]): string {
  return findings.map((f) => `\n    ${f.path} ${f.severity} ${f.rule}: ${f.message}`).join("") || " none";
}

describe("rule pages (docs/rules/)", function () {
  this.timeout(120000);

  it("exist for every rule of the catalog and for nothing else", function () {
    const pages = generatedPagesOnDisk()
      .filter((page) => page.startsWith("rules/"))
      .map((page) => page.slice("rules/".length, -".md".length));
    assert.deepEqual(
      pages.filter((id) => !ids.includes(id)),
      [],
      "pages of no rule",
    );
    assert.deepEqual(
      ids.filter((id) => !pages.includes(id)),
      [],
      "rules without a page (run `npm run docs`)",
    );
    assert.deepEqual(ruleIdsWithSources().sort(), [...ids].sort(), "one source per rule in scripts/docs/rules/");
    for (const id of ids) assert.ok(existsSync(path.join(DOCS_DIR, "rules", `${id}.md`)), `docs/rules/${id}.md`);
  });

  it("are what `explain` prints, from the generated module the bundled CLI carries", function () {
    assert.equal(readFileSync(RULE_PAGES_MODULE, "utf8"), rulePagesModule(), "run `npm run docs`");
    assert.deepEqual(ruleIdsWithPages(), ids);
    for (const id of ids) {
      const page = readFileSync(path.join(DOCS_DIR, "rules", `${id}.md`), "utf8");
      assert.equal(rulePage(id), page.slice(page.indexOf("\n\n") + 2), `${id}: the page without its generated-file mark`);
    }
    assert.equal(rulePage("no/such-rule"), undefined);
  });

  it("state the catalog's facts: severity per profile, when it runs, readiness item", function () {
    const page = rulePage("container/unpinned")!;
    assert.match(page, /^# `container\/unpinned`\n/);
    assert.match(page, /\| Severity \| `dev`: warning · `release`: error /);
    assert.match(page, /\| When it runs \| as you type \(`type`\)/);
    assert.match(page, /\| Readiness item \| \[`infra\.containers`\]\(\.\.\/\.\.\/checklist\.md#infra-containers\) \|/);
    assert.match(rulePage("integrity/file-missing")!, /\| Severity \| `dev`: error · `release`: error /);
  });

  for (const id of ids) {
    const source = readRuleSource(id);
    const incorrect = exampleFiles(source.file, source.sections.get("Incorrect")!);
    const correct = exampleFiles(source.file, source.sections.get("Correct")!);
    const readsFiles = RULES.find((rule) => rule.id === id)!.when === "io";

    if (WITHOUT_EXAMPLES.has(id)) {
      it(`${id}: has no example, since ${WITHOUT_EXAMPLES.get(id)}`, function () {
        assert.deepEqual([incorrect.length, correct.length], [0, 0]);
      });
      continue;
    }

    it(`${id}: the incorrect example produces it, the correct one produces nothing`, async function () {
      assert.ok(incorrect.length > 0 && correct.length > 0, `${source.file} needs an incorrect and a correct example`);
      const wrong = await runExample(incorrect, readsFiles);
      assert.ok(
        wrong.some((f) => f.rule === id),
        `${source.file}: the incorrect example does not produce ${id}; it produces:${shown(wrong)}`,
      );
      const right = await runExample(correct, readsFiles);
      assert.deepEqual(right, [], `${source.file}: the correct example produces:${shown(right)}`);
    });
  }

  it("the checks of the sources fail on what they must", async function () {
    assert.throws(() => parseSections("x.md", "## What it checks\n\nA.\n\n## Incorrect\n\nB.\n"), /the sections must be/);
    const files = '```yaml title="a.dataset.yaml"\nkind: X\n```\n\n```csv title="files/a.csv"\nx,y\n```\n';
    assert.deepEqual(
      exampleFiles("x.md", files).map((f) => [f.path, f.language, f.text]),
      [
        ["a.dataset.yaml", "yaml", "kind: X\n"],
        ["files/a.csv", "csv", "x,y\n"],
      ],
    );
    assert.throws(() => exampleFiles("x.md", "```yaml\nkind: X\n```\n"), /without title/);
    // An example that does not show its rule is caught: the correct example of container/unpinned, run as if incorrect.
    const source = readRuleSource("container/unpinned");
    const findings = await runExample(exampleFiles(source.file, source.sections.get("Correct")!), false);
    assert.ok(!findings.some((f) => f.rule === "container/unpinned"));
  });
});
