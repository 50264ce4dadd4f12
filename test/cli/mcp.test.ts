import * as assert from "node:assert/strict";
import { readFileSync, symlinkSync } from "node:fs";
import * as path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { RULES } from "../../server/src/core/index";
import { assertCliBuilt, CLI_PATH, copyFixture, REPOSITORY, Workspaces, writeIn } from "./cli-harness";

/**
 * `genesis-readiness mcp` driven by the SDK's own client over stdio, as an agent host runs it: the
 * built dist/cli.js in a temporary workspace. The client checks every structured result against
 * the tool's output schema.
 */

interface Diagnostic {
  rule: string;
  severity: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}
interface CheckResult {
  documents: { path: string; kind: string; diagnostics: Diagnostic[] }[];
  summary: { errors: number; warnings: number; infos: number };
}

describe("genesis-readiness mcp (Model Context Protocol over stdio)", function () {
  this.timeout(120_000);
  const workspaces = new Workspaces();
  let root: string;
  let outside: string;
  let client: Client;

  before(async function () {
    assertCliBuilt();
    root = workspaces.make();
    outside = workspaces.make();
    copyFixture(root, "mistakes.dataset.yaml", "data/mistakes.dataset.yaml");
    writeIn(outside, "secret.dataset.yaml", readFileSync(path.join(REPOSITORY, "test/fixtures/cli/mistakes.dataset.yaml"), "utf8"));
    symlinkSync(outside, path.join(root, "elsewhere"));
    client = new Client({ name: "genesis-test", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI_PATH, "mcp"], cwd: root, stderr: "pipe" }));
  });

  after(async function () {
    await client?.close();
    workspaces.removeAll();
  });

  const call = async (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args });
  const checkOf = async (args: Record<string, unknown>): Promise<CheckResult> => {
    const result = await call("check", args);
    assert.ok(!result.isError, JSON.stringify(result.content));
    return result.structuredContent as unknown as CheckResult;
  };
  const rulesOf = (result: CheckResult) => result.documents.flatMap((d) => d.diagnostics.map((x) => x.rule));

  it("lists the tools, each with an input and an output schema", async function () {
    const { tools } = await client.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ["check", "explain_rule", "fix", "list_rules", "readiness"]);
    for (const tool of tools) assert.ok(tool.outputSchema, `${tool.name} has an output schema`);
  });

  it("checks a broken manifest, fixes it with write: true, and the fixed findings are gone when checked again", async function () {
    const before = await checkOf({ path: "data/mistakes.dataset.yaml" });
    assert.equal(before.documents.length, 1);
    assert.equal(before.documents[0].path, "data/mistakes.dataset.yaml");
    const semver = before.documents[0].diagnostics.find((d) => d.rule === "version/semver");
    assert.ok(semver, `version/semver among ${rulesOf(before).join(", ")}`);
    const text = readFileSync(path.join(root, "data/mistakes.dataset.yaml"), "utf8");
    assert.equal(text.split("\n")[semver.range.start.line].slice(semver.range.start.character, semver.range.end.character), '"1.2"');

    const preview = await call("fix", { path: "data/mistakes.dataset.yaml" });
    assert.ok(!preview.isError, JSON.stringify(preview.content));
    assert.equal((preview.structuredContent as { written: boolean }).written, false);
    assert.equal(readFileSync(path.join(root, "data/mistakes.dataset.yaml"), "utf8"), text, "nothing written without write: true");

    const fixed = await call("fix", { path: "data/mistakes.dataset.yaml", rules: ["version/semver", "license/spdx"], write: true });
    assert.ok(!fixed.isError, JSON.stringify(fixed.content));
    const result = fixed.structuredContent as { edits: unknown[]; text: string; fixed: string[]; written: boolean };
    assert.equal(result.written, true);
    assert.deepEqual(result.fixed.sort(), ["license/spdx", "version/semver"]);
    assert.equal(readFileSync(path.join(root, "data/mistakes.dataset.yaml"), "utf8"), result.text);

    const after = rulesOf(await checkOf({ path: "data/mistakes.dataset.yaml" }));
    assert.ok(!after.includes("version/semver") && !after.includes("license/spdx"), after.join(", "));
    assert.ok(after.length > 0, "the findings of other rules were left for the user");
  });

  it("checks a text under a file name that does not exist yet", async function () {
    const text = readFileSync(path.join(REPOSITORY, "test/fixtures/cli/mistakes.dataset.yaml"), "utf8");
    const result = await checkOf({ text, fileName: "drafts/new.dataset.yaml" });
    assert.equal(result.documents[0].path, "drafts/new.dataset.yaml");
    assert.ok(rulesOf(result).includes("version/semver"));
  });

  it("refuses paths outside the workspace, through .. or a symbolic link, and writes nothing there", async function () {
    const secret = path.join(outside, "secret.dataset.yaml");
    const original = readFileSync(secret, "utf8");
    for (const given of ["../", secret, "elsewhere/secret.dataset.yaml"]) {
      const checked = await call("check", { path: given });
      assert.equal(checked.isError, true, `check ${given}`);
      assert.match(JSON.stringify(checked.content), /outside the workspace/);
    }
    const fix = await call("fix", { path: "elsewhere/secret.dataset.yaml", write: true });
    assert.equal(fix.isError, true);
    const text = await call("check", { text: original, fileName: "elsewhere/new.dataset.yaml" });
    assert.equal(text.isError, true);
    assert.equal(readFileSync(secret, "utf8"), original);
  });

  it("returns the readiness items, the catalog and a rule's page", async function () {
    const readiness = await call("readiness", {});
    assert.ok(!readiness.isError, JSON.stringify(readiness.content));
    const items = (readiness.structuredContent as { items: { id: string; status: string }[] }).items;
    assert.equal(items.length, 21);
    assert.ok(items.some((item) => item.status === "fail"));

    const rules = (await call("list_rules", {})).structuredContent as { rules: { id: string }[] };
    assert.deepEqual(
      rules.rules.map((rule) => rule.id),
      RULES.map((rule) => rule.id),
    );
    const explained = await call("explain_rule", { rule: "version/semver" });
    assert.match((explained.structuredContent as { page: string }).page, /version\/semver/);
    assert.equal((await call("explain_rule", { rule: "version/nonsense" })).isError, true);
  });

  it("serves the schemas, rule pages and templates the project ships", async function () {
    const { resources } = await client.listResources();
    const uris = resources.map((resource) => resource.uri);
    assert.ok(uris.includes("genesis://rules/version/semver"));
    assert.ok(uris.some((uri) => uri.startsWith("genesis://templates/")));
    const schema = await client.readResource({ uri: "genesis://schemas/dataset-manifest.schema.json" });
    const shipped = JSON.parse(readFileSync(path.join(REPOSITORY, "schemas/dataset-manifest.schema.json"), "utf8")) as unknown;
    assert.deepEqual(JSON.parse((schema.contents[0] as { text: string }).text), shipped);
  });
});

describe("genesis-readiness mcp within the workspace's limits", function () {
  this.timeout(120_000);
  const workspaces = new Workspaces();
  let root: string;
  let client: Client;

  before(async function () {
    assertCliBuilt();
    root = workspaces.make();
    writeIn(root, "genesis.config.yaml", "limits:\n  maxDocumentMegabytes: 0.0002\n");
    copyFixture(root, "mistakes.dataset.yaml", "data/mistakes.dataset.yaml");
    client = new Client({ name: "genesis-test", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI_PATH, "mcp"], cwd: root, stderr: "pipe" }));
  });

  after(async function () {
    await client?.close();
    workspaces.removeAll();
  });

  it("checks a text above limits.maxDocumentMegabytes by its header only, and fixes no file above it", async function () {
    const text = readFileSync(path.join(root, "data/mistakes.dataset.yaml"), "utf8");
    assert.ok(text.length > 200, "the fixture is above the 200-byte limit");
    const checked = await client.callTool({ name: "check", arguments: { text, fileName: "data/draft.dataset.yaml" } });
    const diagnostics = (checked.structuredContent as CheckResult).documents[0].diagnostics as (Diagnostic & { message: string })[];
    assert.ok(
      diagnostics.some((d) => /above the 0\.0 MB limit/.test(d.message)),
      diagnostics.map((d) => d.message).join("\n"),
    );
    // Only the header was read: nothing past it is judged (the text's "1.2" version is on line 5).
    assert.deepEqual(
      diagnostics.filter((d) => d.rule === "version/semver" || d.rule === "license/spdx"),
      [],
    );
    const fixed = await client.callTool({ name: "fix", arguments: { path: "data/mistakes.dataset.yaml", write: true } });
    assert.equal(fixed.isError, true);
    assert.match(JSON.stringify(fixed.content), /size limit/);
    assert.equal(readFileSync(path.join(root, "data/mistakes.dataset.yaml"), "utf8"), text);
  });
});
