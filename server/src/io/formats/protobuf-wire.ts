import type { FileHandle } from "node:fs/promises";
import { readSlice } from "../file-slices";
import { FormatError } from "../read-failure";

/**
 * Walks the fields of a protobuf message stored in a file without reading their contents: each
 * field's tag and length are read through a small window, and a length-delimited field (a weight
 * tensor of gigabytes) is stepped over by its length. Only the fields a caller asks for are read.
 */

/** One field: its number, wire type, and where its value lies in the file. */
export interface WireField {
  readonly number: number;
  readonly wireType: number;
  /** For wire type 2: the bytes of the value, `[start, end)`. */
  readonly start: number;
  readonly end: number;
}

const WINDOW_BYTES = 64 * 1024;
/** A tag and a length: two varints of at most 10 bytes each. */
const HEADER_BYTES = 20;

/** Reads a file through a sliding window, so that stepping over small fields costs no system call. */
export class WindowReader {
  private window: Buffer = Buffer.alloc(0);
  private windowStart = 0;

  constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  /** The bytes `[offset, offset + length)`, clipped to the file; a view valid until the next call. */
  async bytes(offset: number, length: number): Promise<Buffer> {
    const end = Math.min(this.size, offset + length);
    if (offset < this.windowStart || end > this.windowStart + this.window.length) {
      this.windowStart = offset;
      this.window = await readSlice(this.handle, offset, Math.min(this.size, offset + Math.max(WINDOW_BYTES, length)));
    }
    return this.window.subarray(offset - this.windowStart, end - this.windowStart);
  }
}

/**
 * The fields of the message stored in `[start, end)`, in order. Throws a `malformed` FormatError
 * when a field runs past `end` (a truncated file) or uses a wire type that does not exist.
 */
export async function* wireFields(reader: WindowReader, start: number, end: number): AsyncGenerator<WireField> {
  let offset = start;
  while (offset < end) {
    const header = await reader.bytes(offset, Math.min(HEADER_BYTES, end - offset));
    const tag = varint(header, 0, offset);
    const number = Math.floor(tag.value / 8);
    const wireType = tag.value % 8;
    let valueStart = offset + tag.length;
    let valueEnd: number;
    switch (wireType) {
      case 0: {
        valueEnd = valueStart + varint(header, tag.length, offset).length;
        break;
      }
      case 1:
        valueEnd = valueStart + 8;
        break;
      case 2: {
        const length = varint(header, tag.length, offset);
        valueStart += length.length;
        valueEnd = valueStart + length.value;
        break;
      }
      case 5:
        valueEnd = valueStart + 4;
        break;
      default:
        throw new FormatError("malformed", `byte ${offset} holds a field of wire type ${wireType}, which protobuf does not use here`);
    }
    if (number === 0) throw new FormatError("malformed", `byte ${offset} holds a field numbered 0`);
    if (valueEnd > end)
      throw new FormatError(
        "malformed",
        `the field at byte ${offset} runs past the end of ${end === reader.size ? "the file: it is truncated" : "its message"}`,
      );
    yield { number, wireType, start: valueStart, end: valueEnd };
    offset = valueEnd;
  }
}

/** A base-128 varint at `at` in `buffer` (`fileOffset` names it in errors); exact up to 2^53. */
function varint(buffer: Buffer, at: number, fileOffset: number): { value: number; length: number } {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (at + i >= buffer.length) throw new FormatError("malformed", `the field at byte ${fileOffset} is cut short: the file is truncated`);
    const byte = buffer[at + i];
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) return { value, length: i + 1 };
  }
  throw new FormatError("malformed", `byte ${fileOffset} holds a varint longer than 10 bytes`);
}
