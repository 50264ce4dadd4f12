import { Transform, type TransformCallback } from "node:stream";
import { headerLinesProblem, MAX_HEADER_BYTES, parseHeaderBlock } from "./framing-headers";

/** The first framing error on a stream: what is wrong, and where the message it is in starts (bytes from the stream's start). */
export interface FramingProblem {
  reason: string;
  offset: number;
}

/**
 * Passes well-framed LSP messages through unchanged (header lines `Name: value` ending in CRLF, one
 * of them `Content-Length: N`, a blank line, then N bytes) and, on the first framing error, calls
 * `onProblem` once and passes nothing more. vscode-jsonrpc's reader never finds its place again
 * after such an error, and skipping bytes to find it could drop a `didChange`, leaving the server's
 * copy of a document silently out of step with the editor: the caller is expected to exit instead.
 *
 * Detected: bytes that cannot begin a header line (control or non-ASCII bytes, a line without a
 * colon, a bare LF), a header block with no blank line within MAX_HEADER_BYTES, a block without a
 * Content-Length or with two, a length that is not a whole number or is over MAX_CONTENT_LENGTH, and
 * a length that overruns into the next message, seen as a `Content-Length: N` CRLF line inside the
 * body (no JSON text holds one: a raw CR is allowed only as whitespace between tokens, and the name
 * is no JSON token). Not detected: an overrunning length with nothing sent after it (that is a
 * slow body until more bytes come), or a body that is not JSON (the reader reports that itself).
 *
 * Bodies are passed on as they arrive, chunk by chunk, never joined here; only a header block
 * (at most MAX_HEADER_BYTES) and a few dozen bytes of body are held between chunks.
 */
export class FramingCheck extends Transform {
  /** The header block read so far, while it is not yet complete. */
  private header: Buffer = EMPTY;
  /** Bytes of the current message's body still to come; 0 while a header is expected. */
  private bodyLeft = 0;
  private declaredLength = 0;
  /** The last bytes of the body passed on, to find a header line that a chunk boundary cuts. */
  private bodyTail: Buffer = EMPTY;
  /** Bytes of the stream consumed before the current chunk. */
  private offset = 0;
  /** Where in the stream the message being read starts. */
  private messageStart = 0;
  private failed = false;

  constructor(private readonly onProblem: (problem: FramingProblem) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let at = 0;
    while (!this.failed && at < chunk.length) at = this.bodyLeft > 0 ? this.passBody(chunk, at) : this.readHeader(chunk, at);
    this.offset += chunk.length;
    done();
  }

  /** Reads header bytes from `chunk` at `at`; passes the block on when it is complete and valid. Returns where it stopped. */
  private readHeader(chunk: Buffer, at: number): number {
    const before = this.header.length;
    if (before === 0) this.messageStart = this.offset + at;
    const piece = chunk.subarray(at, at + MAX_HEADER_BYTES - before);
    const block = before === 0 ? piece : Buffer.concat([this.header, piece]);
    const end = block.indexOf(BLANK_LINE, Math.max(0, before - BLANK_LINE.length + 1));
    if (end < 0) {
      const problem = headerLinesProblem(block.toString("latin1"));
      if (problem !== undefined) return this.fail(problem);
      if (block.length >= MAX_HEADER_BYTES) return this.fail(`no blank line ends the header block within ${MAX_HEADER_BYTES} bytes`);
      this.header = Buffer.from(block);
      return at + piece.length;
    }
    const parsed = parseHeaderBlock(block.subarray(0, end).toString("latin1"));
    if (typeof parsed === "string") return this.fail(parsed);
    const blockEnd = end + BLANK_LINE.length;
    this.push(block.subarray(0, blockEnd));
    this.header = EMPTY;
    this.bodyLeft = parsed;
    this.declaredLength = parsed;
    this.bodyTail = EMPTY;
    return at + blockEnd - before;
  }

  private passBody(chunk: Buffer, at: number): number {
    const part = chunk.subarray(at, at + this.bodyLeft);
    if (this.headerLineInBody(part)) {
      return this.fail(`a header line inside a body: the declared Content-Length ${this.declaredLength} runs into the next message`);
    }
    this.push(part);
    this.bodyLeft -= part.length;
    return at + part.length;
  }

  /** Whether a `Content-Length: N` CRLF line is in `part`, or starts in the body before it and ends in it. */
  private headerLineInBody(part: Buffer): boolean {
    const across = this.bodyTail.length > 0 ? Buffer.concat([this.bodyTail, part.subarray(0, TAIL_BYTES)]) : EMPTY;
    if (hasHeaderLine(across) || hasHeaderLine(part)) return true;
    const seen = part.length >= TAIL_BYTES ? part : Buffer.concat([this.bodyTail, part]);
    this.bodyTail = Buffer.from(seen.subarray(Math.max(0, seen.length - TAIL_BYTES)));
    return false;
  }

  /** Reports the problem once, at the start of the message being read, and stops passing bytes on. */
  private fail(reason: string): number {
    this.failed = true;
    this.onProblem({ reason, offset: this.messageStart });
    return Number.POSITIVE_INFINITY;
  }
}

const EMPTY = Buffer.alloc(0);
const BLANK_LINE = Buffer.from("\r\n\r\n");

/** The spellings of the header name looked for inside bodies (a native search each: bodies can be megabytes). */
const HEADER_NAMES = [Buffer.from("Content-Length:"), Buffer.from("content-length:"), Buffer.from("CONTENT-LENGTH:")];
/** Longer than the longest header line looked for: the name, 8 blanks, 12 digits and CRLF. */
const TAIL_BYTES = 48;

function hasHeaderLine(bytes: Buffer): boolean {
  for (const name of HEADER_NAMES) {
    for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
      if (isHeaderLineRest(bytes, at + name.length)) return true;
    }
  }
  return false;
}

/** Whether `bytes` at `at` holds up to 8 blanks, 1 to 12 digits and CRLF. */
function isHeaderLineRest(bytes: Buffer, at: number): boolean {
  let i = at;
  while (i < bytes.length && i - at < 8 && (bytes[i] === SPACE || bytes[i] === TAB)) i++;
  const digits = i;
  while (i < bytes.length && i - digits < 12 && bytes[i] >= DIGIT_0 && bytes[i] <= DIGIT_9) i++;
  return i > digits && bytes[i] === CR && bytes[i + 1] === LF;
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
