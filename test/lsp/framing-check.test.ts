import * as assert from "node:assert/strict";
import { FramingCheck, type FramingProblem } from "../../server/src/lsp/framing-check";
import { MAX_HEADER_BYTES } from "../../server/src/lsp/framing-headers";

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

/** What the check passes on for `chunks` written one after the other, and the problems it reported. */
function through(chunks: readonly (string | Buffer)[]): Promise<{ out: string; problems: FramingProblem[] }> {
  return new Promise((resolve, reject) => {
    const problems: FramingProblem[] = [];
    const check = new FramingCheck((problem) => problems.push(problem));
    const parts: Buffer[] = [];
    check.on("data", (chunk: Buffer) => parts.push(chunk));
    check.on("end", () => resolve({ out: Buffer.concat(parts).toString("utf8"), problems }));
    check.on("error", reject);
    for (const chunk of chunks) check.write(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    check.end();
  });
}

/** Every byte of `text` as a chunk of its own. */
const bytewise = (text: string) => [...Buffer.from(text)].map((byte) => Buffer.from([byte]));

/** The one problem reported for `chunks`, and what was passed on before it. */
async function problemOf(chunks: readonly (string | Buffer)[]): Promise<{ out: string; problem: FramingProblem }> {
  const { out, problems } = await through(chunks);
  assert.equal(problems.length, 1, `one problem, got ${JSON.stringify(problems)}`);
  return { out, problem: problems[0] };
}

describe("FramingCheck: well-framed messages pass, the first framing error is reported once", function () {
  const a = frame('{"jsonrpc":"2.0","id":1,"method":"a"}');
  const b = frame('{"jsonrpc":"2.0","id":2,"method":"b","params":{"text":"é ✓"}}');

  it("passes well-framed messages as they are, whatever the chunking", async function () {
    assert.deepEqual(await through([a + b]), { out: a + b, problems: [] });
    assert.deepEqual(await through(bytewise(a + b)), { out: a + b, problems: [] });
    const split = await through([a.slice(0, 10), a.slice(10) + b.slice(0, 3), b.slice(3)]);
    assert.deepEqual(split, { out: a + b, problems: [] });
  });

  it("passes a large message arriving in many chunks, whole", async function () {
    const big = frame(JSON.stringify({ jsonrpc: "2.0", method: "x", params: { text: "y".repeat(300_000) } }));
    const chunks = [];
    for (let i = 0; i < big.length; i += 4096) chunks.push(big.slice(i, i + 4096));
    assert.deepEqual(await through([...chunks, a]), { out: big + a, problems: [] });
  });

  it("passes a body on as it arrives, without waiting for the rest of it", async function () {
    const check = new FramingCheck(() => assert.fail("no problem expected"));
    const passed: string[] = [];
    check.on("data", (chunk: Buffer) => passed.push(chunk.toString("utf8")));
    const body = JSON.stringify({ jsonrpc: "2.0", method: "x", params: { text: "z".repeat(100_000) } });
    const header = `Content-Length: ${body.length}\r\n\r\n`;
    check.write(Buffer.from(header + body.slice(0, 1000)));
    check.write(Buffer.from(body.slice(1000, 2000)));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(passed.join(""), header + body.slice(0, 2000));
  });

  it("takes a Content-Type header, any case of the header name, and blanks around the length", async function () {
    const body = '{"jsonrpc":"2.0","method":"c"}';
    const typed = `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  ${body.length} \r\n\r\n${body}`;
    assert.deepEqual(await through([typed, a]), { out: typed + a, problems: [] });
  });

  it("takes a body whose text names the header, escaped as JSON must", async function () {
    const quoting = frame(JSON.stringify({ jsonrpc: "2.0", method: "d", params: { text: "Content-Length: 12\r\n\r\nabc" } }));
    assert.deepEqual(await through(bytewise(quoting + a)), { out: quoting + a, problems: [] });
  });

  it("reports random bytes at once, before any blank line, and passes nothing of them", async function () {
    const { out, problem } = await problemOf([a, "garbage\u0000\u00ff more"]);
    assert.equal(out, a);
    assert.equal(problem.offset, Buffer.byteLength(a));
    assert.match(problem.reason, /^bytes that are not a header line: "garbage\\x00\\xc3\\xbf more"$/);
  });

  it("reports random bytes of any seed", async function () {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    for (let run = 0; run < 100; run++) {
      const bytes = Buffer.from(Array.from({ length: 64 }, random));
      const { problem } = await problemOf([bytes]);
      assert.equal(problem.offset, 0);
    }
  });

  it("reports a header block without a Content-Length", async function () {
    const { problem } = await problemOf([a, "Content-Type: x\r\n\r\n{}", b]);
    assert.equal(problem.reason, 'a header block without Content-Length: "Content-Type: x"');
    assert.equal(problem.offset, Buffer.byteLength(a));
  });

  it("reports a length that is not a whole number, or is too large, or is given twice", async function () {
    assert.equal((await problemOf(["Content-Length: abc\r\n\r\n{}", b])).problem.reason, 'Content-Length is not a whole number: "abc"');
    assert.equal((await problemOf(["Content-Length: -2\r\n\r\n{}"])).problem.reason, 'Content-Length is not a whole number: "-2"');
    assert.match((await problemOf(["Content-Length: 999999999999\r\n\r\n"])).problem.reason, /^Content-Length 999999999999 is over/);
    const twice = await problemOf(["Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"]);
    assert.equal(twice.problem.reason, "two Content-Length headers in one message");
  });

  it("reports lines that end in a bare LF, a blank line before any header, and a space before the colon", async function () {
    assert.match((await problemOf(["Content-Length: 2\n\n{}"])).problem.reason, /not a header line: "Content-Length: 2\\x0a\\x0a\{\}"/);
    assert.equal((await problemOf(["\r\n" + a])).problem.reason, "an empty line where a header was expected");
    assert.match((await problemOf(bytewise("Content-Length : 2\r\n\r\n{}"))).problem.reason, /not a header line: "Content-Length "/);
  });

  it("reports a header block that never ends", async function () {
    const { problem } = await problemOf(["X-Padding: ", "p".repeat(MAX_HEADER_BYTES)]);
    assert.equal(problem.reason, `no blank line ends the header block within ${MAX_HEADER_BYTES} bytes`);
  });

  it("reports a declared length that runs into the next message, whatever the chunking", async function () {
    const short = 'Content-Length: 500\r\n\r\n{"jsonrpc":"2.0"}';
    for (const chunks of [[short, a, b], bytewise(short + a + b)]) {
      const { out, problem } = await problemOf(chunks);
      assert.equal(problem.reason, "a header line inside a body: the declared Content-Length 500 runs into the next message");
      assert.equal(problem.offset, 0);
      // Body bytes pass on as they come, but never the whole header line of the next message.
      assert.ok(!out.includes("Content-Length: 37\r\n"), "the next message's header line is not passed on");
    }
  });

  it("reports the first problem only, and passes nothing after it", async function () {
    const { out, problem } = await problemOf([a, "Content-Length: x\r\n\r\n", "\u0001\u0002", a, "Content-Type: y\r\n\r\n"]);
    assert.equal(out, a);
    assert.match(problem.reason, /not a whole number/);
  });
});
