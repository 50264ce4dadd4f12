// The entry of action.yml: turns the action's inputs (INPUT_* variables, as the runner sets them)
// into `genesis-readiness check --format github` on the bundled CLI beside this folder
// (dist/cli.js, built by the release step), and exits with its code. The CLI itself writes the
// annotations to standard output and appends the job summary to GITHUB_STEP_SUMMARY. With
// `sarif-file`, a second run writes the SARIF log; it never changes the step's verdict.
"use strict";
const { spawnSync } = require("node:child_process");
const { existsSync } = require("node:fs");
const path = require("node:path");

const CLI = path.join(__dirname, "..", "dist", "cli.js");

/** An input as the runner passes it: INPUT_ and the name in upper case, spaces as underscores. */
function input(name) {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "").trim();
}

/** One path per line, or several on a line separated by spaces. */
function pathsOf(text) {
  const paths = text.split(/\s+/).filter((part) => part !== "");
  return paths.length > 0 ? paths : ["."];
}

function run(args) {
  const result = spawnSync(process.execPath, [CLI, ...args], { stdio: "inherit" });
  if (result.error) throw result.error;
  return result.status === null ? 2 : result.status;
}

function main() {
  if (!existsSync(CLI)) {
    process.stdout.write(
      `::error title=genesis-readiness::${CLI} is missing. Use a release tag of the action (its dist/ is built), ` +
        "or run `npm ci && npm run build` in the action's folder before this step.\n",
    );
    return 2;
  }
  const options = [];
  const profile = input("profile");
  if (profile) options.push("--profile", profile);
  const paths = pathsOf(input("paths"));
  const failOn = input("fail-on") || "error";
  const code = run(["check", ...paths, ...options, "--format", "github", "--fail-on", failOn]);
  const sarifFile = input("sarif-file");
  if (sarifFile) {
    // The verdict is the first run's; only a SARIF log that cannot be written (exit 2) fails the step.
    const sarif = run(["check", ...paths, ...options, "--format", "sarif", "--fail-on", "never", "--output", sarifFile]);
    if (sarif === 2 && code !== 2) return 2;
  }
  return code;
}

process.exitCode = main();
