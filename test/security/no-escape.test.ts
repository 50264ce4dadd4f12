import * as assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import { INDEXED_NOTIFICATION } from "../../server/src/protocol";
import { dataset } from "../unit/workspace/harness";

const REPOSITORY = path.resolve(__dirname, "../..");
const GUARD = path.join(__dirname, "guard.cjs");

/**
 * The CLI and the language server reach no network and start no process, whatever the workspace
 * holds (URLs, https distributions, references to hubs); proved by running them with a preload
 * that refuses and records every such attempt.
 */
describe("security: no network, no execution, no escape", function () {
  let root: string;
  let outside: string;
  let guardLog: string;

  before(function () {
    assert.ok(existsSync(path.join(REPOSITORY, "dist/cli.js")), "run npm run build first");
    root = mkdtempSync(path.join(tmpdir(), "genesis-sec-"));
    outside = mkdtempSync(path.join(tmpdir(), "genesis-outside-"));
    guardLog = path.join(root, "..", `${path.basename(root)}.guard.log`);
    writeFileSync(path.join(outside, "secret.csv"), "token\nhunter2\n");
    mkdirSync(path.join(root, "data"));
    symlinkSync(outside, path.join(root, "data/escape"));
    const distribution = (id: string, p: string) => `  - { id: ${id}, path: "${p}", format: csv, sha256: ${"a".repeat(64)} }\n`;
    writeFileSync(
      path.join(root, "data/a.dataset.yaml"),
      dataset("a", "1.0.0").replace(
        /distribution:\n.*\n/,
        "distribution:\n" +
          distribution("up", "../../secret.csv") +
          distribution("abs", "/etc/passwd") +
          distribution("home", "~/secret.csv") +
          distribution("link", "escape/secret.csv") +
          distribution("uri", "file:///etc/passwd") +
          distribution("web", "https://example.org/data.csv"),
      ) +
        'lineage:\n  derivedFrom: ["doi:10.1234/abcd", "hf:datasets/org/name", "https://example.org/x"]\n  generatedBy: { pipeline: p@1.0.0 }\n',
    );
  });

  after(function () {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
    rmSync(guardLog, { force: true });
  });

  it("the CLI checks (with the io rules) without network or processes, and reports every path that escapes", function () {
    const result = spawnSync(
      process.execPath,
      ["--require", GUARD, path.join(REPOSITORY, "dist/cli.js"), "check", root, "--format", "json", "--fail-on", "never"],
      {
        env: { ...process.env, GENESIS_GUARD_LOG: guardLog },
        encoding: "utf8",
      },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.equal(existsSync(guardLog) ? readFileSync(guardLog, "utf8") : "", "", "no network or process attempts");
    const report = JSON.parse(result.stdout) as { documents: { diagnostics: { rule: string; message: string }[] }[] };
    const messages = report.documents
      .flatMap((d) => d.diagnostics)
      .filter((d) => d.rule === "path/outside-workspace" || d.message.includes("outside"));
    assert.ok(messages.length >= 4, JSON.stringify(messages, null, 1));
    assert.ok(!result.stdout.includes("hunter2"), "nothing of the file outside is read into the report");
  });

  it("the language server indexes and checks the workspace without network or processes", async function () {
    const server = spawn(process.execPath, ["--require", GUARD, path.join(REPOSITORY, "dist/server.js"), "--stdio"], {
      env: { ...process.env, GENESIS_GUARD_LOG: guardLog },
    });
    const stderr: string[] = [];
    server.stderr?.on("data", (chunk) => stderr.push(String(chunk)));
    const connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const indexed = new Promise<void>((resolve) => connection.onNotification(INDEXED_NOTIFICATION, () => resolve()));
    const published = new Promise<void>((resolve) => connection.onNotification("textDocument/publishDiagnostics", () => resolve()));
    connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => null));
    connection.listen();
    try {
      await connection.sendRequest("initialize", {
        processId: process.pid,
        rootUri: pathToFileURL(root).toString(),
        capabilities: { workspace: { configuration: true } },
      });
      await connection.sendNotification("initialized", {});
      const exited = new Promise<never>((_, reject) =>
        server.on("exit", (code) => reject(new Error(`the server exited (${code}): ${stderr.join("")}`))),
      );
      await Promise.race([Promise.all([indexed, published]), exited]);
      assert.equal(existsSync(guardLog) ? readFileSync(guardLog, "utf8") : "", "", "no network or process attempts");
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});
