import * as assert from "node:assert/strict";
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { Writable } from "node:stream";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver-protocol/node";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { SERVER_EXEC_ARGV } from "../../server/src/launch";
import { SERVER_PATH } from "../support/lsp-client";
import { fixtureDigest } from "../unit/fixture-digest";

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const INITIALIZE = frame(
  JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }),
);

function startServer(): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER_PATH, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
}

/** How the server ended, with all it wrote to stderr; rejects if it is still running after `ms`. */
function ending(child: ChildProcessWithoutNullStreams, ms: number): Promise<{ code: number | null; stderr: string }> {
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server still runs ${ms} ms after badly framed input; stderr: ${stderr}`)), ms);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

/** A stream that writes what it is given to `target` in pieces of `size` bytes, `pause` between them. */
function inPieces(target: Writable, size: number, pause: () => Promise<void>): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      void (async () => {
        for (let at = 0; at < chunk.length; at += size) {
          target.write(chunk.subarray(at, at + size));
          await pause();
        }
      })().then(() => done(), done);
    },
  });
}

describe("language server over stdio after badly framed input", function () {
  this.timeout(30_000);

  before(function () {
    assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run "npm run build" first`);
  });

  const cases: [what: string, input: string, named: RegExp][] = [
    ["random bytes", "garbage\u0000\u00ff\r\n\r\nmore garbage", /bytes that are not a header line: "garbage\\x00/],
    ["a header without a length", "Content-Type: application/vscode-jsonrpc\r\n\r\n{}", /a header block without Content-Length/],
    ["a length that is not a number", "Content-Length: abc\r\n\r\n{}", /Content-Length is not a whole number: "abc"/],
    [
      "a length that runs into the next message",
      'Content-Length: 500\r\n\r\n{"jsonrpc":"2.0","method":"initialized","params":{}}' + INITIALIZE,
      /the declared Content-Length 500 runs into the next message/,
    ],
  ];
  for (const [what, input, named] of cases) {
    it(`exits with code 2 and one line on stderr after ${what}, even once it has answered`, async function () {
      const child = startServer();
      const ended = ending(child, 10_000);
      let out = "";
      const answered = new Promise<void>((resolve) =>
        child.stdout.on("data", (chunk) => {
          out += String(chunk);
          if (out.includes('"id":1,"result"')) resolve();
        }),
      );
      try {
        child.stdin.write(INITIALIZE);
        await answered;
        child.stdin.write(input);
        const { code, stderr } = await ended;
        assert.equal(code, 2, `exit code; stderr: ${stderr}`);
        const lines = stderr.split("\n").filter((line) => line !== "");
        assert.equal(lines.length, 1, `one line on stderr, got:\n${stderr}`);
        const at = Buffer.byteLength(INITIALIZE);
        assert.match(
          lines[0],
          new RegExp(`^Genesis Readiness language server: badly framed input on stdin at byte ${at} \\(.*\\); exiting`),
        );
        assert.match(lines[0], /\); exiting so that the editor restarts it\.$/);
        assert.match(lines[0], named);
      } finally {
        child.kill();
      }
    });
  }

  it("serves a well-framed session written in tiny pieces, with a large document, and stays up", async function () {
    const child = startServer();
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    let exited = false;
    child.on("exit", () => (exited = true));
    const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));
    const soon = () => new Promise<void>((resolve) => setImmediate(resolve));
    let pieces = inPieces(child.stdin, 3, tick);
    const writer = new StreamMessageWriter(new Writable({ write: (chunk, encoding, done) => pieces.write(chunk, encoding, done) }));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), writer);
    connection.onRequest("workspace/configuration", (params: { items: unknown[] }) => params.items.map(() => ({ enable: true })));
    connection.onRequest("client/registerCapability", () => null);
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
        if (params.uri === URI) resolve(params);
      }),
    );
    connection.listen();
    try {
      const result = (await connection.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {} })) as {
        capabilities: object;
      };
      assert.ok(result.capabilities, "initialize is answered");
      await connection.sendNotification("initialized", {});
      // About 300 KB of text in 4 KB pieces: the body reaches the server in many reads.
      pieces = inPieces(child.stdin, 4096, soon);
      const text = MANIFEST + `# ${"long comment ".repeat(20)}\n`.repeat(1000);
      assert.ok(text.length > 250_000);
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: URI, languageId: "yaml", version: 1, text } });
      const diagnostics = await published;
      assert.equal(diagnostics.version, 1);
      assert.deepEqual(
        diagnostics.diagnostics.map((d) => d.code),
        ["version/semver"],
      );
      assert.equal(exited, false, `the server is still running; stderr: ${stderr}`);
      assert.doesNotMatch(stderr, /badly framed/);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});

const URI = "file:///framing/ocean.dataset.yaml";
const MANIFEST = `apiVersion: genesis/v1
kind: DatasetManifest
id: ocean-temps
version: 1.0
name: Ocean temperatures
description: Hourly sea surface temperatures from the coastal buoy array, 2020-2024.
license: CC-BY-4.0
creators:
  - name: Ada Lovelace
datePublished: 2026-01-15
classification:
  level: public
distribution:
  - id: temps
    path: data/temps.json
    format: json
    sha256: ${fixtureDigest("a")}
`;
