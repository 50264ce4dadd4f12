import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import manifest from "../../package.json";
import { assertCliBuilt, CLI_PATH, REPOSITORY, Workspaces } from "./cli-harness";

/**
 * The npm package as a user installs it: `npm pack`, then `npm install -g` of the tarball into an
 * empty prefix, offline and with an empty cache, so that any dependency it would fetch fails the
 * install. The installed command must then answer exactly as the repository's build does.
 */

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 180_000 });
  if (result.error) throw result.error;
  return result;
}

/** The report's one moving part, its time of writing. */
const withoutTimestamps = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>");

describe("the npm package (npm pack, then npm install -g offline)", function () {
  this.timeout(300_000);
  const workspaces = new Workspaces();
  let bin: string;
  let tarball: string;

  before(function () {
    assertCliBuilt();
    const folder = workspaces.make();
    const npmEnv = { ...process.env, npm_config_cache: path.join(folder, "npm-cache"), npm_config_update_notifier: "false" };
    const packed = run("npm", ["pack", "--ignore-scripts", "--pack-destination", folder], REPOSITORY, npmEnv);
    assert.equal(packed.status, 0, packed.stderr);
    const [name] = readdirSync(folder).filter((file) => file.endsWith(".tgz"));
    assert.ok(name, `npm pack wrote a tarball: ${packed.stdout}`);
    tarball = path.join(folder, name);
    const prefix = path.join(folder, "prefix");
    mkdirSync(prefix);
    const installed = run("npm", ["install", "-g", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, tarball], folder, npmEnv);
    assert.equal(installed.status, 0, `npm install -g failed:\n${installed.stdout}\n${installed.stderr}`);
    bin = path.join(prefix, "bin", "genesis-readiness");
  });

  after(function () {
    workspaces.removeAll();
  });

  it("holds the command-line bundles, the README and the licence, and nothing else", function () {
    const listed = run("tar", ["-tzf", tarball], REPOSITORY);
    assert.equal(listed.status, 0, listed.stderr);
    const files = listed.stdout
      .split("\n")
      .filter(Boolean)
      .map((file) => file.replace(/^package\//, ""))
      .sort();
    assert.deepEqual(files, [...manifest.files, "LICENSE", "README.md", "package.json"].sort());
    assert.equal("private" in manifest, false, "package.json can be published");
    assert.equal("dependencies" in manifest, false, "everything the command runs is bundled: nothing to fetch at install");
  });

  it("runs check and report on examples/ as the repository's build does", function () {
    for (const args of [
      ["check", "examples", "--format", "json"],
      ["check", "examples"],
      ["report", "examples"],
    ]) {
      const installed = run(bin, args, REPOSITORY);
      const built = run(process.execPath, [CLI_PATH, ...args], REPOSITORY);
      assert.equal(installed.stderr, built.stderr, `${args.join(" ")}: stderr`);
      assert.ok(installed.status === 0 || installed.status === 1, `${args.join(" ")} exits 0 or 1, not ${installed.status}`);
      assert.equal(installed.status, built.status, `${args.join(" ")}: exit code`);
      assert.equal(withoutTimestamps(installed.stdout), withoutTimestamps(built.stdout), `${args.join(" ")}: output`);
    }
    assert.match(run(bin, ["check", "examples"], REPOSITORY).stdout, /version\/semver/);
  });

  it("serves the MCP tools from the installed package", async function () {
    const client = new Client({ name: "genesis-test", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: bin, args: ["mcp"], cwd: path.join(REPOSITORY, "examples"), stderr: "pipe" }));
    try {
      const result = await client.callTool({ name: "check", arguments: { path: "data/beamline-xrd.dataset.yaml" } });
      assert.ok(!result.isError, JSON.stringify(result.content));
      assert.match(JSON.stringify(result.structuredContent), /version\/semver/);
    } finally {
      await client.close();
    }
  });
});
