import * as assert from "node:assert/strict";
import * as path from "node:path";
import { assertCliBuilt, copyFixture, runCli, Workspaces } from "./cli-harness";

/** The command line in a shell: paths a terminal opens, typos answered, --quiet, --color, report as a gate. */

const workspaces = new Workspaces();

function mixed(): string {
  const root = workspaces.make();
  copyFixture(root, "mistakes.dataset.yaml", "data/mistakes.dataset.yaml");
  copyFixture(root, "legacy-marking.dataset.yaml");
  return root;
}

describe("genesis-readiness in a shell (built CLI)", function () {
  before(assertCliBuilt);
  after(() => workspaces.removeAll());

  describe("a mistyped option, value or command", function () {
    for (const { args, message } of [
      { args: ["check", "--fromat", "json"], message: "Unknown option --fromat; did you mean --format?" },
      {
        args: ["check", "--fail-on=warnings"],
        message: '--fail-on must be one of error, warning, never, not "warnings"; did you mean warning?',
      },
      {
        args: ["check", "--format", "sarf"],
        message: '--format must be one of text, json, sarif, github, gitlab, junit, not "sarf"; did you mean sarif?',
      },
      { args: ["check", "--colour", "never"], message: "Unknown option --colour; did you mean --color?" },
      { args: ["check", "--zzzzzzzz"], message: "Unknown option --zzzzzzzz." },
      { args: ["check", "-x"], message: "Unknown option -x." },
      { args: ["reprot"], message: 'Unknown command "reprot"; did you mean report?' },
      {
        args: ["report", "--fail-on", "warning"],
        message: '--fail-on must be one of fail, warn, never, not "warning"; did you mean warn?',
      },
      { args: ["mcp", "--format", "json"], message: "mcp does not take --format; it takes --root." },
      { args: ["mcp", "--root", ".", "--no-io"], message: "mcp does not take --no-io; it takes --root." },
      { args: ["explain", "container/unpinned", "--profile", "release"], message: "explain does not take --profile; it takes no options." },
      { args: ["init", "dataset", "--jobs", "2"], message: "init does not take --jobs; it takes no options." },
    ]) {
      it(`${args.join(" ")}: "${message}", then the usage, exit 2`, function () {
        const result = runCli(args);
        assert.equal(result.status, 2);
        assert.equal(result.stdout, "");
        const [first, second] = result.stderr.split("\n");
        assert.ok(first.startsWith(`genesis-readiness: ${message}`), first);
        assert.match(second, /^Usage: genesis-readiness check /);
      });
    }

    it("an option after -- is a path, not an option", function () {
      const result = runCli(["check", "--", "--no-such-folder"]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /--no-such-folder: no such file or folder/);
    });
  });

  describe("paths relative to the current folder", function () {
    it("from the root, from a sub-folder, and absolute from elsewhere", function () {
      const root = mixed();
      assert.match(runCli(["check", "data"], { cwd: root }).stdout, /^data\/mistakes\.dataset\.yaml:5:10: error version\/semver /m);
      const inside = runCli(["check", "."], { cwd: path.join(root, "data") }).stdout;
      assert.match(inside, /^mistakes\.dataset\.yaml:5:10: error version\/semver /m);
      const elsewhere = runCli(["check", root], { cwd: workspaces.make() }).stdout;
      assert.ok(elsewhere.startsWith(`${path.join(root, "data/mistakes.dataset.yaml")}:5:10: error version/semver `), elsewhere);
    });
  });

  describe("--quiet", function () {
    it("prints the errors only, without the summary line; the exit code still follows --fail-on", function () {
      const root = mixed();
      const quiet = runCli(["check", ".", "--quiet"], { cwd: root });
      assert.equal(quiet.status, 1);
      const lines = quiet.stdout.trimEnd().split("\n");
      assert.equal(lines.length, 3);
      for (const line of lines) assert.match(line, /^[^:]+:\d+:\d+: error /);

      const warningsOnly = workspaces.make();
      copyFixture(warningsOnly, "warning-only.dataset.yaml");
      const silent = runCli(["check", ".", "-q", "--fail-on", "warning"], { cwd: warningsOnly });
      assert.equal(silent.stdout, "");
      assert.equal(silent.status, 1, "a warning still reaches --fail-on warning");
    });
  });

  /* eslint-disable no-control-regex -- the terminal's colour escapes, ESC [ n m */
  describe("--color", function () {
    it("always colours even into a pipe and with NO_COLOR set; never does not; auto follows the terminal", function () {
      const root = mixed();
      const env = { ...process.env, NO_COLOR: "1" };
      assert.match(runCli(["check", ".", "--color", "always"], { cwd: root, env }).stdout, /: \x1b\[31merror\x1b\[0m version\/semver /);
      assert.doesNotMatch(runCli(["check", ".", "--color", "never"], { cwd: root }).stdout, /\x1b\[/);
      assert.doesNotMatch(runCli(["check", ".", "--color", "auto"], { cwd: root }).stdout, /\x1b\[/, "a pipe is not a terminal");
    });
  });
  /* eslint-enable no-control-regex */

  describe("report --fail-on", function () {
    it("exits 1 on a failing item by default, on a warning item with warn, never with never", function () {
      const failing = runCli(["report", "examples", "--no-io"]);
      assert.equal(failing.status, 1, failing.stderr);
      assert.match(failing.stdout, /^Failing: data\.metadata/m);
      assert.equal(runCli(["report", "examples", "--no-io", "--fail-on", "never"]).status, 0);
      assert.equal(runCli(["report", "examples", "--no-io", "--fail-on", "warn"]).status, 1);
    });

    it("words fixes for the terminal: the command line or the rule's page, never the editor's actions", function () {
      const text = runCli(["report", "examples", "--no-io"]).stdout;
      const page = /see https:\/\/\S+\/docs\/rules\/version\/semver\.md$/.source;
      assert.match(
        text,
        new RegExp(`^ {8}Fix: Correct the version\\/semver finding at examples\\/data\\/beamline-xrd\\.dataset\\.yaml:4; ${page}`, "m"),
      );
      assert.doesNotMatch(text, /Show the quick fixes|command genesis\.|snippet at/);
    });
  });
});
