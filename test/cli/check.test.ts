import * as assert from "node:assert/strict";
import { readFileSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { assertCliBuilt, checkJson, copyFixture, REPOSITORY, runCli, Workspaces, writeIn } from "./cli-harness";

const workspaces = new Workspaces();

describe("genesis-readiness check (built CLI)", function () {
  before(assertCliBuilt);
  after(() => workspaces.removeAll());

  describe("exit codes", function () {
    it("exits 0 on a clean workspace and says what it scanned", function () {
      const root = workspaces.make();
      copyFixture(root, "valid.dataset.yaml");
      const result = runCli(["check", root]);
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.equal(result.stdout, "0 errors, 0 warnings, 0 info in 1 document (4 files scanned)\n");
      assert.equal(result.stderr, "");
    });

    it("exits 1 when a document has errors, and 0 with --fail-on never", function () {
      const root = workspaces.make();
      copyFixture(root, "mistakes.dataset.yaml");
      const failing = runCli(["check", root]);
      assert.equal(failing.status, 1, failing.stdout + failing.stderr);
      assert.match(failing.stdout, /^2 errors, 1 warning, 0 info in 1 document \(4 files scanned\)$/m);
      assert.equal(runCli(["check", root, "--fail-on", "never"]).status, 0);
      assert.equal(runCli(["check", root, "--fail-on", "error"]).status, 1);
    });

    it("exits 1 on warnings only with --fail-on warning", function () {
      const root = workspaces.make();
      copyFixture(root, "warning-only.dataset.yaml");
      const byDefault = runCli(["check", root]);
      assert.equal(byDefault.status, 0, byDefault.stdout + byDefault.stderr);
      assert.match(byDefault.stdout, /^0 errors, 1 warning, 0 info in 1 document/m);
      assert.equal(runCli(["check", root, "--fail-on", "warning"]).status, 1);
    });

    it("checks the current folder when no path is given", function () {
      const root = workspaces.make();
      copyFixture(root, "mistakes.dataset.yaml", "data/mistakes.dataset.yaml");
      const result = runCli(["check"], { cwd: root });
      assert.equal(result.status, 1, result.stdout + result.stderr);
      assert.match(result.stdout, /^data\/mistakes\.dataset\.yaml:5:10: error version\/semver /m);
    });
  });

  describe("usage errors exit 2", function () {
    const cases: { args: string[]; stderr: RegExp }[] = [
      { args: ["check", "--bogus"], stderr: /--bogus[\s\S]*Usage: genesis-readiness check/ },
      { args: ["check", "--format", "xml"], stderr: /--format must be one of text, json, sarif, github, gitlab, junit, not "xml"/ },
      { args: ["check", "--profile", "prod"], stderr: /--profile must be one of dev, release, not "prod"/ },
      { args: ["check", "--fail-on", "info"], stderr: /--fail-on must be one of error, warning, never, not "info"/ },
      { args: ["check", "--output"], stderr: /--output/ },
      { args: ["lint"], stderr: /Unknown command "lint"/ },
      { args: ["init"], stderr: /name the kind of document: dataset, pipeline, modelcard, modelcard-yaml/ },
      { args: ["init", "notebook"], stderr: /not "notebook"/ },
      { args: [], stderr: /^genesis-readiness: checks Genesis documents[\s\S]*Commands:/ },
    ];
    for (const { args, stderr } of cases) {
      it(`genesis-readiness ${args.join(" ") || "(no command)"}`, function () {
        const result = runCli(args);
        assert.equal(result.status, 2, result.stdout + result.stderr);
        assert.match(result.stderr, stderr);
        assert.equal(result.stdout, "");
      });
    }

    it("exits 2 and names a path that does not exist", function () {
      const root = workspaces.make();
      copyFixture(root, "valid.dataset.yaml");
      const result = runCli(["check", "valid.dataset.yaml", "no-such-folder"], { cwd: root });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /no-such-folder: no such file or folder/);
      assert.equal(result.stdout, "");
    });

    it("exits 2 for a path outside --root", function () {
      const root = workspaces.make();
      copyFixture(root, "valid.dataset.yaml", "inside/valid.dataset.yaml");
      copyFixture(root, "valid.dataset.yaml", "elsewhere/valid.dataset.yaml");
      const result = runCli(["check", "--root", path.join(root, "inside"), path.join(root, "elsewhere")]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /elsewhere: outside the workspace root/);
    });

    it("prints help with --help and the package version with --version, exit 0", function () {
      const help = runCli(["check", "--help"]);
      assert.equal(help.status, 0);
      assert.match(help.stdout, /Usage: genesis-readiness check \[paths\.\.\.\]/);
      const version = runCli(["--version"]);
      assert.equal(version.status, 0);
      const packageVersion = (JSON.parse(readFileSync(path.join(REPOSITORY, "package.json"), "utf8")) as { version: string }).version;
      assert.equal(version.stdout, `${packageVersion}\n`);
    });

    it("accepts --no-io", function () {
      const root = workspaces.make();
      copyFixture(root, "valid.dataset.yaml");
      assert.equal(runCli(["check", root, "--no-io"]).status, 0);
    });
  });

  describe("root and genesis.config.yaml", function () {
    it("takes the nearest folder holding genesis.config.yaml as the root, and applies its rules", function () {
      const root = workspaces.make();
      writeIn(root, "genesis.config.yaml", "rules:\n  schema/unknown-property: error\n");
      copyFixture(root, "warning-only.dataset.yaml", "data/deep/warning-only.dataset.yaml");
      const { status, report } = checkJson([path.join(root, "data/deep")]);
      assert.equal(report.root, root);
      assert.deepEqual(
        report.documents.map((d) => [d.path, d.kind]),
        [
          ["data/deep/warning-only.dataset.yaml", "DatasetManifest"],
          ["genesis.config.yaml", "GenesisConfig"],
        ],
      );
      assert.deepEqual(
        report.documents[0].diagnostics.map((d) => `${d.rule} ${d.severity}`),
        ["schema/unknown-property error"],
      );
      assert.equal(status, 1);
    });

    it("without a config, the root is the first path (or its folder when it is a file)", function () {
      const root = workspaces.make();
      copyFixture(root, "valid.dataset.yaml", "a/valid.dataset.yaml");
      assert.equal(checkJson([path.join(root, "a")]).report.root, path.join(root, "a"));
      const fromFile = checkJson([path.join(root, "a/valid.dataset.yaml")]).report;
      assert.equal(fromFile.root, path.join(root, "a"));
      assert.deepEqual(
        fromFile.documents.map((d) => d.path),
        ["valid.dataset.yaml"],
      );
    });

    it("--root names the root: paths in the report are relative to it", function () {
      const root = workspaces.make();
      copyFixture(root, "valid.dataset.yaml", "a/b/valid.dataset.yaml");
      const { report } = checkJson(["--root", root, path.join(root, "a/b")]);
      assert.equal(report.root, root);
      assert.deepEqual(
        report.documents.map((d) => d.path),
        ["a/b/valid.dataset.yaml"],
      );
    });

    it("reports the config file's own mistakes as a GenesisConfig document", function () {
      const root = workspaces.make();
      writeIn(root, "genesis.config.yaml", "profile: dev\nrules:\n  container/lates: error\n");
      copyFixture(root, "valid.dataset.yaml");
      const { status, report } = checkJson([root]);
      const config = report.documents.find((d) => d.path === "genesis.config.yaml");
      assert.ok(config, JSON.stringify(report.documents));
      assert.equal(config.kind, "GenesisConfig");
      assert.deepEqual(
        config.diagnostics.map((d) => [d.rule, d.range.start.line, d.pointer]),
        [["schema/enum", 2, "/rules/container~1lates"]],
      );
      assert.match(config.diagnostics[0].message, /container\/latest/);
      assert.equal(status, 1);
    });

    it("honours the ignore globs, matched on paths relative to the root", function () {
      const root = workspaces.make();
      writeIn(root, "genesis.config.yaml", 'ignore:\n  - "third_party/**"\n  - "**/*.draft.dataset.yaml"\n');
      copyFixture(root, "valid.dataset.yaml");
      copyFixture(root, "mistakes.dataset.yaml", "third_party/vendor/mistakes.dataset.yaml");
      copyFixture(root, "mistakes.dataset.yaml", "data/mistakes.draft.dataset.yaml");
      const { status, report } = checkJson([root]);
      assert.deepEqual(
        report.documents.map((d) => d.path),
        ["genesis.config.yaml", "valid.dataset.yaml"],
      );
      assert.equal(status, 0);
      // Without the config, the same files are checked.
      const bare = workspaces.make();
      copyFixture(bare, "mistakes.dataset.yaml", "third_party/vendor/mistakes.dataset.yaml");
      assert.deepEqual(
        checkJson([bare]).report.documents.map((d) => d.path),
        ["third_party/vendor/mistakes.dataset.yaml"],
      );
    });

    it("never walks node_modules or .git", function () {
      const root = workspaces.make();
      copyFixture(root, "valid.dataset.yaml");
      copyFixture(root, "mistakes.dataset.yaml", "node_modules/some-package/mistakes.dataset.yaml");
      copyFixture(root, "mistakes.dataset.yaml", ".git/mistakes.dataset.yaml");
      const { status, report } = checkJson([root]);
      assert.deepEqual(
        report.documents.map((d) => d.path),
        ["valid.dataset.yaml"],
      );
      assert.equal(status, 0);
    });
  });

  describe("links", function () {
    it("does not follow a link to a folder or a file outside the root", function () {
      const outside = workspaces.make();
      copyFixture(outside, "mistakes.dataset.yaml");
      const root = workspaces.make();
      writeIn(root, "genesis.config.yaml", "profile: dev\n");
      copyFixture(root, "valid.dataset.yaml");
      symlinkSync(outside, path.join(root, "linked-folder"), "dir");
      symlinkSync(path.join(outside, "mistakes.dataset.yaml"), path.join(root, "linked.dataset.yaml"));
      const { status, report } = checkJson([root]);
      assert.deepEqual(
        report.documents.map((d) => d.path),
        ["genesis.config.yaml", "valid.dataset.yaml"],
      );
      assert.equal(status, 0);
    });

    it("refuses a command-line path that is a link out of the root", function () {
      const outside = workspaces.make();
      copyFixture(outside, "mistakes.dataset.yaml");
      const root = workspaces.make();
      writeIn(root, "genesis.config.yaml", "profile: dev\n");
      symlinkSync(outside, path.join(root, "linked-folder"), "dir");
      for (const args of [[path.join(root, "linked-folder")], ["--root", root, path.join(root, "linked-folder")]]) {
        const result = runCli(["check", ...args]);
        assert.equal(result.status, 2, result.stdout + result.stderr);
        assert.match(result.stderr, /linked-folder: outside the workspace root/);
        assert.equal(result.stdout, "");
      }
    });

    it("follows links inside the root, lists each file once under its real path, and survives a loop", function () {
      const root = workspaces.make();
      copyFixture(root, "mistakes.dataset.yaml", "data/mistakes.dataset.yaml");
      symlinkSync(path.join(root, "data"), path.join(root, "alias"), "dir");
      symlinkSync(root, path.join(root, "data/loop"), "dir");
      symlinkSync(path.join(root, "nowhere"), path.join(root, "dangling.dataset.yaml"));
      const { status, report, stderr } = checkJson([root]);
      assert.deepEqual(
        report.documents.map((d) => d.path),
        ["data/mistakes.dataset.yaml"],
      );
      assert.equal(stderr, "");
      assert.equal(status, 1);
    });
  });

  describe("profiles", function () {
    it("--profile release raises ref/unversioned from warning to error", function () {
      const root = workspaces.make();
      copyFixture(root, "valid.dataset.yaml");
      copyFixture(root, "unversioned-ref.dataset.yaml");
      const severityOf = (report: ReturnType<typeof checkJson>["report"]) =>
        report.documents
          .flatMap((d) => d.diagnostics)
          .filter((d) => d.rule === "ref/unversioned")
          .map((d) => d.severity);

      const dev = checkJson([root]);
      assert.deepEqual(severityOf(dev.report), ["warning"]);
      const release = checkJson([root, "--profile", "release"]);
      assert.deepEqual(severityOf(release.report), ["error"]);
      assert.equal(release.status, 1);
    });

    it("--profile overrides the profile of genesis.config.yaml", function () {
      const root = workspaces.make();
      writeIn(root, "genesis.config.yaml", "profile: release\n");
      copyFixture(root, "valid.dataset.yaml");
      copyFixture(root, "unversioned-ref.dataset.yaml");
      const severities = (args: string[]) =>
        checkJson([root, ...args])
          .report.documents.flatMap((d) => d.diagnostics)
          .filter((d) => d.rule === "ref/unversioned")
          .map((d) => d.severity);
      assert.deepEqual(severities([]), ["error"]);
      assert.deepEqual(severities(["--profile", "dev"]), ["warning"]);
    });
  });

  describe("file contents", function () {
    const MISTAKES = readFileSync(path.join(__dirname, "../fixtures/cli/mistakes.dataset.yaml"), "utf8");
    const versionAt = (report: ReturnType<typeof checkJson>["report"]) =>
      report.documents[0].diagnostics.filter((d) => d.rule === "version/semver").map((d) => d.range);
    // `version: "1.2"` is line 4 (0-based); the value starts at character 9.
    const VERSION_RANGE = [{ start: { line: 4, character: 9 }, end: { line: 4, character: 14 } }];

    for (const [encoding, bytes] of [
      ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MISTAKES, "utf8")])],
      ["UTF-16 LE with a BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MISTAKES, "utf16le")])],
      ["UTF-16 BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(MISTAKES, "utf16le").swap16()])],
    ] as const) {
      it(`reads ${encoding}`, function () {
        const root = workspaces.make();
        writeIn(root, "mistakes.dataset.yaml", bytes);
        writeIn(root, "files/salinity.json", readFileSync(path.join(__dirname, "../fixtures/cli/files/salinity.json")));
        const { report } = checkJson([root]);
        assert.deepEqual(
          report.documents.map((d) => d.path),
          ["mistakes.dataset.yaml"],
        );
        assert.deepEqual(
          report.documents[0].diagnostics.map((d) => d.rule),
          ["version/semver", "license/spdx", "schema/unknown-property"],
        );
        assert.deepEqual(versionAt(report), VERSION_RANGE);
      });
    }

    it("checks a file with invalid UTF-8 bytes instead of failing", function () {
      const root = workspaces.make();
      const broken = Buffer.from(MISTAKES.replace("name: North", "name: \u0000North"), "utf8");
      broken[broken.indexOf(0)] = 0xff; // a byte that never occurs in UTF-8
      writeIn(root, "mistakes.dataset.yaml", broken);
      const { status, report, stderr } = checkJson([root]);
      assert.equal(stderr, "");
      assert.equal(status, 1);
      assert.deepEqual(versionAt(report), VERSION_RANGE);
    });

    it("does not read a file above the size limit (10 MB by default), and warns about it as the editor does", function () {
      this.timeout(60_000);
      const root = workspaces.make();
      const header = "apiVersion: genesis/v1\nkind: DatasetManifest\nid: huge\n";
      const padding = `# ${"x".repeat(1022)}\n`.repeat(21 * 1024);
      writeIn(root, "huge.dataset.yaml", header + padding);
      writeIn(root, "huge.json", `[${"0,".repeat(11 * 1024 * 1024)}0]`); // big, but not a Genesis document
      const { status, report } = checkJson([root]);
      assert.deepEqual(
        report.documents.map((d) => [d.path, d.kind]),
        [["huge.dataset.yaml", "DatasetManifest"]],
      );
      const [warning] = report.documents[0].diagnostics;
      assert.equal(warning.severity, "warning");
      assert.match(warning.message, /above the 10\.0 MB limit for checking \(limits\.maxDocumentMegabytes/);
      assert.equal(status, 0);
      assert.equal(runCli(["check", root, "--fail-on", "warning"]).status, 1);
    });
  });
});
