import { Transform, type TransformCallback } from "node:stream";

/**
 * Passes on only well-framed LSP messages (`Content-Length: N` headers, a blank line, N bytes).
 * vscode-jsonrpc's reader stops understanding its input for good after one badly framed message
 * (random bytes, a header without a length, a length that is not a number): the server then lives
 * on but never answers again. Here bytes that do not start a frame are dropped up to the next
 * `Content-Length:` header, so the stream resynchronises and every later message is answered.
 *
 * A length larger than the message (which would swallow the messages after it) is caught when a
 * new header appears inside the declared body: a JSON body holds no raw blank line, so that header
 * starts the next message and the short one is dropped.
 */
export class FramingGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** How far into the current message's body a header has been looked for (bodies come in chunks). */
  private scanned = 0;
  /** Chunks not yet joined to `buffer`, while a long body arrives: joined once it is whole. */
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  /** The bytes the current message needs in all, once its header is read. */
  private needed: number | undefined;

  /** `dropped(bytes)` is told of every run of bytes thrown away. */
  constructor(private readonly dropped: (bytes: number) => void = () => {}) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.waiting.push(chunk);
    this.waitingBytes += chunk.length;
    // A body arriving in many chunks is joined once, not once per chunk, unless a chunk holds a header.
    if (this.needed !== undefined && this.buffer.length + this.waitingBytes < this.needed && headerStart(chunk, 0) < 0) return done();
    this.buffer = Buffer.concat([this.buffer, ...this.waiting]);
    this.waiting = [];
    this.waitingBytes = 0;
    this.needed = undefined;
    this.drain();
    done();
  }

  private drain(): void {
    for (;;) {
      const start = headerStart(this.buffer, 0);
      if (start < 0) {
        // Keep a tail that may be the beginning of a header cut by the chunk boundary.
        this.discard(Math.max(0, this.buffer.length - HEADER_NAME.length));
        return;
      }
      if (start > 0) this.discard(start);
      const end = this.buffer.indexOf(BLANK_LINE);
      if (end < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skipToNextHeader();
        else return;
        continue;
      }
      const length = contentLength(this.buffer.subarray(0, end).toString("ascii"));
      if (length === undefined) {
        this.skipToNextHeader();
        continue;
      }
      const bodyStart = end + BLANK_LINE.length;
      const available = this.buffer.subarray(bodyStart, bodyStart + length);
      const next = headerStart(available, Math.max(0, this.scanned - HEADER_NAME.length - BLANK_LINE.length));
      if (next >= 0 && available.indexOf(BLANK_LINE, next) >= 0) {
        // A complete header inside the body: the declared length was too large.
        this.scanned = 0;
        this.discard(bodyStart + next);
        continue;
      }
      if (available.length < length) {
        this.scanned = available.length;
        this.needed = bodyStart + length;
        return;
      }
      this.scanned = 0;
      this.push(this.buffer.subarray(0, bodyStart + length));
      this.buffer = this.buffer.subarray(bodyStart + length);
    }
  }

  /** Drops the current (broken) header and everything up to the next one. */
  private skipToNextHeader(): void {
    const next = headerStart(this.buffer, 1);
    this.discard(next < 0 ? Math.max(1, this.buffer.length - HEADER_NAME.length) : next);
  }

  private discard(bytes: number): void {
    if (bytes <= 0) return;
    this.scanned = 0;
    this.dropped(bytes);
    this.buffer = this.buffer.subarray(bytes);
  }
}

const HEADER_NAME = Buffer.from("content-length:");
const BLANK_LINE = Buffer.from("\r\n\r\n");
/** Headers are a few dozen bytes; more without a blank line is not a header. */
const MAX_HEADER_BYTES = 4096;
/** Larger messages than this are not LSP traffic a client sends. */
const MAX_CONTENT_LENGTH = 256 * 1024 * 1024;

/** The spellings of the header name looked for (a native search each: bodies can be megabytes). */
const HEADER_SPELLINGS = [Buffer.from("Content-Length:"), HEADER_NAME, Buffer.from("CONTENT-LENGTH:")];

/** Where a `Content-Length:` header name starts, at or after `from`; -1 when nowhere. */
function headerStart(buffer: Buffer, from: number): number {
  let first = -1;
  for (const spelling of HEADER_SPELLINGS) {
    const at = buffer.indexOf(spelling, from);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** The length a header block declares, when every line is `name: value` and the length is a whole number. */
function contentLength(headers: string): number | undefined {
  let length: number | undefined;
  for (const line of headers.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) return undefined;
    if (line.slice(0, colon).trim().toLowerCase() !== "content-length") continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,12}$/.test(value)) return undefined;
    length = Number(value);
  }
  return length !== undefined && length <= MAX_CONTENT_LENGTH ? length : undefined;
}
