import * as assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { FramingGuard } from "../../server/src/lsp/framing-guard";
import { SERVER_EXEC_ARGV } from "../../server/src/launch";
import { SERVER_PATH } from "../support/lsp-client";

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** What the guard passes on for `chunks` written one after the other, and how many bytes it dropped. */
function through(chunks: readonly (string | Buffer)[]): Promise<{ out: string; dropped: number }> {
  return new Promise((resolve, reject) => {
    let dropped = 0;
    const guard = new FramingGuard((bytes) => (dropped += bytes));
    const parts: Buffer[] = [];
    guard.on("data", (chunk: Buffer) => parts.push(chunk));
    guard.on("end", () => resolve({ out: Buffer.concat(parts).toString("utf8"), dropped }));
    guard.on("error", reject);
    for (const chunk of chunks) guard.write(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    guard.end();
  });
}

describe("FramingGuard: only well-framed messages reach the LSP reader", function () {
  const a = frame('{"jsonrpc":"2.0","id":1,"method":"a"}');
  const b = frame('{"jsonrpc":"2.0","id":2,"method":"b","params":{"text":"é ✓"}}');

  it("passes well-framed messages as they are, whatever the chunking", async function () {
    assert.deepEqual(await through([a + b]), { out: a + b, dropped: 0 });
    const bytes = Buffer.from(a + b);
    const single = await through([...bytes].map((byte) => Buffer.from([byte])));
    assert.deepEqual(single, { out: a + b, dropped: 0 });
  });

  it("drops random bytes before a message", async function () {
    const result = await through(["garbage\u0000\r\n\r\nmore", a]);
    assert.equal(result.out, a);
    assert.ok(result.dropped > 0);
  });

  it("drops a header without a length, or with a length that is not a number", async function () {
    assert.equal((await through(["Content-Type: x\r\n\r\n{}", a])).out, a);
    assert.equal((await through(["Content-Length: abc\r\n\r\n{}", b])).out, b);
  });

  it("drops a message whose declared length is longer than it, instead of swallowing the next", async function () {
    const result = await through(['Content-Length: 500\r\n\r\n{"jsonrpc":"2.0"}', a, b]);
    assert.equal(result.out, a + b);
  });

  it("passes a large message arriving in many chunks, whole", async function () {
    const big = frame(JSON.stringify({ jsonrpc: "2.0", method: "x", params: { text: "y".repeat(300_000) } }));
    const chunks = [];
    for (let i = 0; i < big.length; i += 4096) chunks.push(big.slice(i, i + 4096));
    assert.deepEqual(await through([...chunks, a]), { out: big + a, dropped: 0 });
  });
});

describe("language server after badly framed input", function () {
  this.timeout(30_000);

  for (const [what, junk] of [
    ["random bytes", "garbage\u0000\u00ff\r\n\r\nmore garbage"],
    ["a bad Content-Length", "Content-Length: abc\r\n\r\n{}"],
  ]) {
    it(`answers the next request after ${what}`, async function () {
      const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, SERVER_PATH, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
      let out = "";
      const answered = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to the request after ${what}; got: ${out}`)), 20_000);
        child.stdout.on("data", (chunk) => {
          out += String(chunk);
          if (out.includes('"id":1')) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      try {
        child.stdin.write(junk);
        const initialize = { jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } };
        child.stdin.write(frame(JSON.stringify(initialize)));
        await answered;
        assert.match(out, /"id":1,"result":\{"capabilities"/);
      } finally {
        child.kill();
      }
    });
  }
});
