import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { RULES } from "../../server/src/core/rules/catalog";
import { ruleDocUrl } from "../../server/src/core/rules/rule-docs";
import {
  assertCliBuilt,
  CLI_PATH,
  checkJson,
  copyFixture,
  coveredText,
  runCli,
  TEXT_LINE,
  Workspaces,
  writeIn,
  type JsonReport,
} from "./cli-harness";
import { sarifValidator, type SarifLog } from "./sarif-validator";

const workspaces = new Workspaces();

/**
 * One workspace for the format tests: two errors and a warning in data/, an error and an info at
 * the top, and a clean manifest (listed with no diagnostics).
 */
function mixedWorkspace(): string {
  const root = workspaces.make();
  copyFixture(root, "mistakes.dataset.yaml", "data/mistakes.dataset.yaml");
  copyFixture(root, "legacy-marking.dataset.yaml");
  copyFixture(root, "valid.dataset.yaml");
  return root;
}

/**
 * The mistakes fixture with waivers: its semver error waived until 2999, its license error waived
 * without an expiry, and its unknown property under a waiver that expired in 2001.
 */
function waivedWorkspace(): string {
  const root = workspaces.make();
  const text = readFileSync(path.join(__dirname, "../fixtures/cli/mistakes.dataset.yaml"), "utf8")
    .replace('version: "1.2"', 'version: "1.2" # genesis-ignore version/semver: legacy numbering, DATA-7 (until 2999-12-31)')
    .replace("license: Apache 2", "license: Apache 2 # genesis-ignore license/spdx: upstream wording kept, LIC-2")
    .replace("Laboratory", "Laboratory # genesis-ignore schema/unknown-property: old field (until 2001-01-01)");
  writeIn(root, "data/waived.dataset.yaml", text);
  writeIn(root, "data/files/salinity.json", readFileSync(path.join(__dirname, "../fixtures/cli/files/salinity.json")));
  return root;
}

const EXPECTED_LINES = [
  "data/mistakes.dataset.yaml:5:10: error version/semver ",
  "data/mistakes.dataset.yaml:8:10: error license/spdx ",
  "data/mistakes.dataset.yaml:12:1: warning schema/unknown-property ",
  "legacy-marking.dataset.yaml:3:1: error schema/required ",
  "legacy-marking.dataset.yaml:15:10: info classification/legacy ",
];

describe("genesis-readiness check output formats (built CLI)", function () {
  before(assertCliBuilt);
  after(() => workspaces.removeAll());

  describe("text", function () {
    it("prints compiler-style lines in path then position order, a blank line and the summary", function () {
      const root = mixedWorkspace();
      const result = runCli(["check", "."], { cwd: root });
      assert.equal(result.status, 1, result.stderr);
      const lines = result.stdout.split("\n");
      const diagnostics = lines.slice(0, EXPECTED_LINES.length);
      for (const line of diagnostics) assert.match(line, TEXT_LINE);
      assert.deepEqual(
        diagnostics.map((line, i) => line.slice(0, EXPECTED_LINES[i].length)),
        EXPECTED_LINES,
      );
      assert.match(diagnostics[0], /"1\.2" is not semver 2\.0\.0/);
      assert.deepEqual(lines.slice(EXPECTED_LINES.length), ["", "3 errors, 1 warning, 1 info in 3 documents (9 files scanned)", ""]);
    });

    /* eslint-disable no-control-regex -- these two tests look for the terminal's colour escapes, ESC [ n m */
    it("colours the severity words on a terminal, unless NO_COLOR is set or the report goes to --output", function () {
      const root = mixedWorkspace();
      const onTerminal = (env: NodeJS.ProcessEnv, extra = "") => {
        // `script` gives the CLI a pseudo-terminal as stdout.
        const command = `"${process.execPath}" "${CLI_PATH}" check "${root}"${extra}`;
        const result = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env, cwd: root });
        if (result.error) this.skip(); // no `script` on this machine: nothing to fake a terminal with
        return result.stdout;
      };
      const env = { ...process.env };
      delete env.NO_COLOR;
      const coloured = onTerminal(env);
      assert.match(coloured, /data\/mistakes\.dataset\.yaml:5:10: \x1b\[31merror\x1b\[0m version\/semver /);
      assert.match(coloured, /: \x1b\[33mwarning\x1b\[0m schema\/unknown-property /);
      assert.match(coloured, /: \x1b\[36minfo\x1b\[0m classification\/legacy /);
      assert.doesNotMatch(onTerminal({ ...env, NO_COLOR: "1" }), /\x1b\[/);
      const output = path.join(root, "report.txt");
      onTerminal(env, ` --output "${output}"`);
      assert.doesNotMatch(readFileSync(output, "utf8"), /\x1b\[/);
      assert.match(readFileSync(output, "utf8"), /^data\/mistakes\.dataset\.yaml:5:10: error version\/semver /);
    });

    it("writes no colour into a pipe", function () {
      const env = { ...process.env };
      delete env.NO_COLOR;
      const result = runCli(["check", mixedWorkspace()], { env });
      assert.doesNotMatch(result.stdout, /\x1b\[/);
    });
    /* eslint-enable no-control-regex */
  });

  describe("json", function () {
    it("has exactly the keys and types of docs/cli.md#json-output, and lists every document", function () {
      const root = mixedWorkspace();
      const { status, report } = checkJson([root]);
      assert.equal(status, 1);
      assert.deepEqual(Object.keys(report), ["version", "root", "documents", "readiness", "summary"]);
      assert.equal(report.version, 1);
      assert.equal(report.root, root);
      const readiness = report.readiness as { score: number; groups: { items: unknown[] }[] };
      assert.equal(typeof readiness.score, "number");
      assert.equal(readiness.groups.flatMap((g) => g.items).length, 21);
      assert.deepEqual(report.summary, { errors: 3, warnings: 1, infos: 1 });
      assert.deepEqual(
        report.documents.map((d) => [d.path, d.kind, d.diagnostics.length]),
        [
          ["data/mistakes.dataset.yaml", "DatasetManifest", 3],
          ["legacy-marking.dataset.yaml", "DatasetManifest", 2],
          ["valid.dataset.yaml", "DatasetManifest", 0],
        ],
      );
      for (const document of report.documents) {
        assert.deepEqual(Object.keys(document), ["path", "kind", "diagnostics"]);
        for (const diagnostic of document.diagnostics) {
          assert.deepEqual(Object.keys(diagnostic), ["rule", "severity", "message", "range", "pointer"]);
          assert.deepEqual(Object.keys(diagnostic.range), ["start", "end"]);
          for (const position of [diagnostic.range.start, diagnostic.range.end]) {
            assert.deepEqual(Object.keys(position), ["line", "character"]);
            assert.ok(
              Number.isInteger(position.line) && position.line >= 0 && Number.isInteger(position.character) && position.character >= 0,
            );
          }
          assert.ok(["error", "warning", "info"].includes(diagnostic.severity));
          assert.equal(typeof diagnostic.message, "string");
          assert.equal(typeof diagnostic.pointer, "string");
        }
      }
    });

    for (const lineBreak of ["\n", "\r\n"]) {
      it(`gives 0-based ranges that cover the offending text (${JSON.stringify(lineBreak)} line breaks)`, function () {
        const root = workspaces.make();
        const text = readFileSync(path.join(__dirname, "../fixtures/cli/mistakes.dataset.yaml"), "utf8").replace(/\n/g, lineBreak);
        writeIn(root, "data/mistakes.dataset.yaml", text);
        writeIn(root, "data/files/salinity.json", readFileSync(path.join(__dirname, "../fixtures/cli/files/salinity.json")));
        copyFixture(root, "legacy-marking.dataset.yaml");
        const { report } = checkJson([root]);
        const covered = (document: string) => {
          const source = readFileSync(path.join(root, document), "utf8");
          const diagnostics = report.documents.find((d) => d.path === document)?.diagnostics ?? [];
          return diagnostics.map((d) => [d.rule, d.pointer, coveredText(source, d.range)]);
        };
        assert.deepEqual(covered("data/mistakes.dataset.yaml"), [
          ["version/semver", "/version", '"1.2"'],
          ["license/spdx", "/license", "Apache 2"],
          ["schema/unknown-property", "/publsher", "publsher"],
        ]);
        assert.deepEqual(covered("legacy-marking.dataset.yaml"), [
          ["schema/required", "", "kind"],
          ["classification/legacy", "/classification/level", "ouo"],
        ]);
      });
    }
  });

  describe("waived findings", function () {
    it("json: listed under their document's own `waived` key with their waiver, outside `diagnostics` and the summary", function () {
      const { status, report } = checkJson([waivedWorkspace()]);
      assert.equal(status, 0, "only warnings are left");
      const [document] = report.documents;
      assert.deepEqual(Object.keys(document), ["path", "kind", "diagnostics", "waived"]);
      assert.deepEqual(
        document.diagnostics.map((d) => d.rule),
        ["schema/unknown-property", "suppress/expired"],
      );
      assert.match(document.diagnostics[1].message, /ran until 2001-01-01/);
      assert.deepEqual(
        document.waived?.map((d) => [d.rule, d.severity, d.range.start.line, d.waiver]),
        [
          ["version/semver", "error", 4, { reason: "legacy numbering, DATA-7", until: "2999-12-31" }],
          ["license/spdx", "error", 7, { reason: "upstream wording kept, LIC-2" }],
        ],
      );
      assert.deepEqual(report.summary, { errors: 0, warnings: 2, infos: 0 });
    });

    it("text: waived findings are neither printed nor counted", function () {
      const lines = runCli(["check", waivedWorkspace()]).stdout.trimEnd().split("\n");
      const shown = lines.map((line) => (TEXT_LINE.test(line) ? line.split(" ")[2] : line));
      const summary = "0 errors, 2 warnings, 0 info in 1 document (2 files scanned)";
      assert.deepEqual(shown, ["schema/unknown-property", "suppress/expired", "", summary]);
    });

    it("sarif: a waived finding is a result with an in-source suppression, and the log still validates", function () {
      const log = JSON.parse(runCli(["check", waivedWorkspace(), "--format", "sarif"]).stdout) as SarifLog;
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const results = log.runs[0].results;
      assert.deepEqual(
        results.map((r) => [r.ruleId, r.suppressions ?? null]),
        [
          ["schema/unknown-property", null],
          ["suppress/expired", null],
          ["version/semver", [{ kind: "inSource", justification: "legacy numbering, DATA-7", properties: { until: "2999-12-31" } }]],
          ["license/spdx", [{ kind: "inSource", justification: "upstream wording kept, LIC-2" }]],
        ],
      );
    });

    it("sarif: a suppression of the wrong kind would not validate (the check is real)", function () {
      const log = JSON.parse(runCli(["check", waivedWorkspace(), "--format", "sarif"]).stdout) as SarifLog;
      log.runs[0].results[2].suppressions![0].kind = "inComment";
      assert.equal(sarifValidator()(log), false);
    });
  });

  describe("--output", function () {
    it("writes the report to the file, relative to the current folder, and nothing to stdout", function () {
      const root = mixedWorkspace();
      const result = runCli(["check", ".", "--format", "json", "--output", "report.json"], { cwd: root });
      assert.equal(result.status, 1, result.stderr);
      assert.equal(result.stdout, "");
      const written = JSON.parse(readFileSync(path.join(root, "report.json"), "utf8")) as JsonReport;
      assert.deepEqual(written, checkJson([root]).report);
    });

    it("exits 2 when the file cannot be written", function () {
      const root = mixedWorkspace();
      const result = runCli(["check", root, "--output", path.join(root, "no-such-folder", "report.txt")]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /cannot write/);
    });
  });

  describe("sarif", function () {
    it("validates against the official SARIF 2.1.0 schema, with one driver rule per catalog rule", function () {
      const root = mixedWorkspace();
      copyFixture(root, "warning-only.dataset.yaml", "data/with space/buoy #2.dataset.yaml");
      const result = runCli(["check", root, "--format", "sarif"]);
      assert.equal(result.status, 1, result.stderr);
      const log = JSON.parse(result.stdout) as SarifLog;
      const validate = sarifValidator();
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));

      assert.equal(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
      assert.equal(log.version, "2.1.0");
      assert.equal(log.runs.length, 1);
      const [run] = log.runs;
      const { driver } = run.tool;
      assert.equal(driver.name, "genesis-readiness");
      assert.equal(
        driver.version,
        (JSON.parse(readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as { version: string }).version,
      );
      assert.deepEqual(
        driver.rules.map((rule) => [rule.id, rule.defaultConfiguration.level, rule.shortDescription.text]),
        RULES.map((rule) => [rule.id, { error: "error", warning: "warning", info: "note" }[rule.severity], rule.summary]),
      );
      assert.deepEqual(
        driver.rules.map((rule) => rule.helpUri),
        RULES.map((rule) => ruleDocUrl(rule.id)),
        "each driver rule links to its page",
      );
      // The local path of the root only when asked for (docs/cli.md): a log should not carry it.
      assert.doesNotMatch(result.stdout, new RegExp(`${root}|file:`));
      assert.deepEqual(Object.keys(run.originalUriBaseIds), ["%SRCROOT%"]);
      assert.equal(run.originalUriBaseIds["%SRCROOT%"].uri, undefined);
      const absolute = JSON.parse(runCli(["check", root, "--format", "sarif", "--sarif-absolute-root"]).stdout) as SarifLog;
      assert.ok(validate(absolute), JSON.stringify(validate.errors, null, 2));
      assert.deepEqual(absolute.runs[0].originalUriBaseIds, { "%SRCROOT%": { uri: `${pathToFileURL(root).href}/` } });
    });

    it("has one result per diagnostic, at the JSON report's positions made 1-based", function () {
      const root = mixedWorkspace();
      copyFixture(root, "warning-only.dataset.yaml", "data/with space/buoy #2.dataset.yaml");
      const log = JSON.parse(runCli(["check", root, "--format", "sarif"]).stdout) as SarifLog;
      const { report } = checkJson([root]);
      const [run] = log.runs;
      const expected = report.documents.flatMap((document) =>
        document.diagnostics.map((d) => ({
          ruleId: d.rule,
          level: { error: "error", warning: "warning", info: "note" }[d.severity],
          message: d.message,
          uri: document.path.split("/").map(encodeURIComponent).join("/"),
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
          },
          pointer: d.pointer,
        })),
      );
      const actual = run.results.map((result) => {
        const { artifactLocation, region } = result.locations[0].physicalLocation;
        assert.equal(artifactLocation.uriBaseId, "%SRCROOT%");
        assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
        return {
          ruleId: result.ruleId,
          level: result.level,
          message: result.message.text,
          uri: artifactLocation.uri,
          region,
          pointer: result.properties.pointer,
        };
      });
      assert.deepEqual(actual, expected);
      assert.equal(actual.length, 6);
      assert.ok(actual.some((r) => r.uri === "data/with%20space/buoy%20%232.dataset.yaml"));
      assert.ok(actual.some((r) => r.level === "note"));
    });

    it("is checked by a validator that rejects an invalid log", function () {
      const validate = sarifValidator();
      const invalid = {
        version: "2.1.0",
        runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, level: "info" }] }],
      };
      assert.equal(validate(invalid), false);
      const region = {
        version: "2.1.0",
        runs: [
          {
            tool: { driver: { name: "x" } },
            results: [
              { message: { text: "m" }, locations: [{ physicalLocation: { artifactLocation: { uri: "a" }, region: { startLine: 0 } } }] },
            ],
          },
        ],
      };
      assert.equal(validate(region), false);
    });
  });
});
