import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import sax from "sax";
import { ruleDocUrl } from "../../server/src/core/rules/rule-docs";
import { escapeData, escapeProperty } from "../../server/src/cli/format-github";
import { assertCliBuilt, checkJson, copyFixture, runCli, Workspaces, writeIn } from "./cli-harness";

/**
 * The CI formats of `check` (docs/cli.md#ci-formats): GitHub workflow annotations and job summary,
 * GitLab Code Quality, JUnit XML. Each is run as the CI runs it: the built CLI, in the checkout.
 */

const workspaces = new Workspaces();

/** Two errors and a warning in data/, an error and an info at the top, a clean manifest, and a message holding `<&"'`. */
function ciWorkspace(): string {
  const root = workspaces.make();
  copyFixture(root, "mistakes.dataset.yaml", "data/mistakes.dataset.yaml");
  copyFixture(root, "legacy-marking.dataset.yaml");
  copyFixture(root, "valid.dataset.yaml");
  const markup = readFileSync(path.join(__dirname, "../fixtures/cli/valid.dataset.yaml"), "utf8").replace(
    /^version: .*$/m,
    `version: "1<&'\\"2\\u0001"`,
  );
  writeIn(root, "odd/markup.dataset.yaml", markup);
  return root;
}

interface Annotation {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** A workflow command line parsed back as the runner reads it, undoing the toolkit's escapes. */
function parseAnnotation(line: string): Annotation {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (text: string) =>
    text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
  const properties = Object.fromEntries(
    match[2].split(",").map((pair) => {
      const at = pair.indexOf("=");
      return [pair.slice(0, at), unescape(pair.slice(at + 1))];
    }),
  );
  return { command: match[1], properties, message: unescape(match[3]) };
}

describe("check CI formats (built CLI)", function () {
  before(assertCliBuilt);
  after(() => workspaces.removeAll());

  describe("github", function () {
    it("escapes data and property values as GitHub's toolkit does", function () {
      assert.equal(escapeData("50% done\r\nnext: a, b"), "50%25 done%0D%0Anext: a, b");
      assert.equal(escapeProperty("50% a:b,c\n"), "50%25 a%3Ab%2Cc%0A");
    });

    it("one annotation per diagnostic, at the JSON report's positions made 1-based, paths relative to the checkout", function () {
      const root = ciWorkspace();
      const summary = writeIn(workspaces.make(), "summary.md", "Earlier step\n");
      const env = { ...process.env, GITHUB_WORKSPACE: root, GITHUB_STEP_SUMMARY: summary };
      // The step runs in a sub-folder: the annotations still name files from the checkout's root.
      const result = runCli(["check", "..", "--format", "github"], { cwd: path.join(root, "data"), env });
      assert.equal(result.status, 1, result.stderr);
      const annotations = result.stdout.trimEnd().split("\n").map(parseAnnotation);
      const { report } = checkJson([root]);
      const expected = report.documents.flatMap((document) =>
        document.diagnostics.map((d) => {
          const oneLine = d.range.start.line === d.range.end.line;
          return {
            command: { error: "error", warning: "warning", info: "notice" }[d.severity],
            properties: {
              file: document.path,
              line: String(d.range.start.line + 1),
              ...(oneLine ? { col: String(d.range.start.character + 1) } : {}),
              endLine: String(d.range.end.line + 1),
              ...(oneLine ? { endColumn: String(d.range.end.character + 1) } : {}),
              title: d.rule,
            },
            message: d.message,
          };
        }),
      );
      assert.deepEqual(annotations, expected);
      assert.deepEqual([...new Set(annotations.map((a) => a.command))].sort(), ["error", "notice", "warning"]);
      assert.match(
        result.stdout,
        /^::error file=data\/mistakes\.dataset\.yaml,line=5,col=10,endLine=5,endColumn=15,title=version\/semver::/m,
      );

      // The job summary, appended after what an earlier step wrote.
      const text = readFileSync(summary, "utf8");
      assert.ok(text.startsWith("Earlier step\n## Genesis readiness: "), text.slice(0, 80));
      const readiness = report.readiness as { passed: number; applicable: number; groups: { items: { id: string; status: string }[] }[] };
      assert.match(text, new RegExp(`^## Genesis readiness: ${readiness.passed}/${readiness.applicable} \\(\\d+%\\)$`, "m"));
      const failing = readiness.groups.flatMap((g) => g.items).filter((item) => item.status === "fail");
      assert.ok(failing.length > 0);
      assert.match(text, new RegExp(`### Failing items \\(${failing.length}\\)`));
      for (const item of failing) assert.ok(text.includes(`| \`${item.id}\` `), `the summary lacks ${item.id}`);
      const rules = new Set(report.documents.flatMap((d) => d.diagnostics.map((diagnostic) => diagnostic.rule)));
      for (const rule of rules) assert.ok(text.includes(`[\`${rule}\`](${ruleDocUrl(rule)})`), `the summary lacks the page of ${rule}`);
    });

    it("--quiet: errors only; no summary file is written when GITHUB_STEP_SUMMARY is unset", function () {
      const root = ciWorkspace();
      const env = { ...process.env };
      delete env.GITHUB_STEP_SUMMARY;
      delete env.GITHUB_WORKSPACE;
      const result = runCli(["check", ".", "--format", "github", "--quiet"], { cwd: root, env });
      assert.equal(result.status, 1, result.stderr);
      const commands = result.stdout
        .trimEnd()
        .split("\n")
        .map((line) => parseAnnotation(line).command);
      assert.equal(commands.length, checkJson([root]).report.summary.errors);
      assert.deepEqual([...new Set(commands)], ["error"]);
    });
  });

  describe("gitlab", function () {
    const issuesOf = (root: string) => {
      const result = runCli(["check", ".", "--format", "gitlab"], { cwd: root });
      assert.equal(result.status, 1, result.stderr);
      return JSON.parse(result.stdout) as {
        description: string;
        check_name: string;
        fingerprint: string;
        severity: string;
        location: { path: string; lines: { begin: number } };
      }[];
    };

    it("Code Quality issues: one per diagnostic, with GitLab's severities and 1-based lines", function () {
      const root = ciWorkspace();
      const issues = issuesOf(root);
      const { report } = checkJson([root]);
      const expected = report.documents.flatMap((document) =>
        document.diagnostics.map((d) => ({
          description: d.message,
          check_name: d.rule,
          severity: { error: "major", warning: "minor", info: "info" }[d.severity],
          location: { path: document.path, lines: { begin: d.range.start.line + 1, end: d.range.end.line + 1 } },
        })),
      );
      assert.deepEqual(
        issues.map(({ fingerprint: _, ...rest }) => rest),
        expected,
      );
      for (const issue of issues) {
        assert.deepEqual(Object.keys(issue).sort(), ["check_name", "description", "fingerprint", "location", "severity"]);
        assert.ok(["blocker", "critical", "major", "minor", "info"].includes(issue.severity));
      }
      assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, "fingerprints are unique");
    });

    it("fingerprints stay the same across runs and when lines are added above a finding", function () {
      const root = ciWorkspace();
      const before = issuesOf(root);
      assert.deepEqual(issuesOf(root), before, "the same on a second run");
      const file = path.join(root, "data/mistakes.dataset.yaml");
      writeIn(
        root,
        "data/mistakes.dataset.yaml",
        readFileSync(file, "utf8").replace("id: buoy-salinity\n", "id: buoy-salinity\n# a comment\n# and another\n"),
      );
      const after = issuesOf(root);
      const moved = after.filter((issue) => issue.location.path === "data/mistakes.dataset.yaml");
      assert.ok(moved.length >= 3);
      for (const issue of moved) {
        const earlier = before.find((b) => b.fingerprint === issue.fingerprint);
        assert.ok(earlier, `${issue.check_name}: the fingerprint changed when the finding moved`);
        assert.equal(issue.location.lines.begin, earlier.location.lines.begin + 2, "the line did move");
      }
    });
  });

  describe("junit", function () {
    interface Element {
      name: string;
      attributes: Record<string, string>;
      text: string;
      children: Element[];
    }

    /** Parses with a strict (well-formedness checking) XML parser; throws on any XML error. */
    function parseXml(xml: string): Element {
      const parser = sax.parser(true);
      const stack: Element[] = [{ name: "#document", attributes: {}, text: "", children: [] }];
      parser.onerror = (error) => {
        throw error;
      };
      parser.onopentag = (node) => {
        const element = { name: node.name, attributes: node.attributes, text: "", children: [] };
        stack[stack.length - 1].children.push(element);
        stack.push(element);
      };
      parser.onclosetag = () => void stack.pop();
      parser.ontext = (text) => (stack[stack.length - 1].text += text);
      parser.write(xml).close();
      assert.equal(stack.length, 1);
      return stack[0].children[0];
    }

    it("valid XML: one test case per document, one failure per error, warnings and infos in system-out", function () {
      const root = ciWorkspace();
      const result = runCli(["check", ".", "--format", "junit"], { cwd: root });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
      const suites = parseXml(result.stdout);
      assert.equal(suites.name, "testsuites");
      const [suite] = suites.children;
      assert.equal(suite.name, "testsuite");
      const { report } = checkJson([root]);
      assert.deepEqual(
        suite.children.map((testcase) => [testcase.name, testcase.attributes.name, testcase.attributes.classname]),
        report.documents.map((d) => ["testcase", d.path, `genesis-readiness.${d.kind}`]),
      );
      const failingDocuments = report.documents.filter((d) => d.diagnostics.some((x) => x.severity === "error")).length;
      assert.equal(suite.attributes.tests, String(report.documents.length));
      assert.equal(suite.attributes.failures, String(failingDocuments));
      for (const [i, document] of report.documents.entries()) {
        const testcase = suite.children[i];
        const errors = document.diagnostics.filter((d) => d.severity === "error");
        const failures = testcase.children.filter((c) => c.name === "failure");
        assert.deepEqual(
          failures.map((f) => [f.attributes.type, f.attributes.message]),
          errors.map((d) => [d.rule, d.message.replace(/\s*\r?\n\s*/g, " ").replaceAll("\u0001", "\ufffd")]),
        );
        const others = document.diagnostics.filter((d) => d.severity !== "error");
        const out = testcase.children.find((c) => c.name === "system-out");
        assert.equal(out?.text.split("\n").length ?? 0, others.length, document.path);
        for (const [j, d] of others.entries())
          assert.ok(
            out!.text
              .split("\n")
              [j].startsWith(`${document.path}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.rule} `),
          );
      }
      const markup = suite.children.find((c) => c.attributes.name === "odd/markup.dataset.yaml")!;
      assert.ok(
        markup.children.some((c) => c.name === "failure" && c.attributes.message.includes(`1<&'"2`)),
        "markup in a message survives the round trip",
      );
    });
  });
});
