import type { FileHandle } from "node:fs/promises";
import { FormatError } from "./read-failure";

/**
 * Reads `[start, end)` of an open file into a fresh buffer. A read that returns fewer bytes than
 * asked means the file shrank while it was read: a `malformed` failure, never a short buffer.
 */
export async function readSlice(handle: FileHandle, start: number, end: number): Promise<Buffer> {
  const length = Math.max(0, end - start);
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, start + filled);
    if (bytesRead === 0)
      throw new FormatError("malformed", `the file ended at byte ${start + filled}, before byte ${end} (it changed while it was read?)`);
    filled += bytesRead;
  }
  return buffer;
}

/** A slice as an ArrayBuffer of its own (what hyparquet's AsyncBuffer returns). */
export async function readArrayBuffer(handle: FileHandle, start: number, end: number): Promise<ArrayBuffer> {
  const buffer = await readSlice(handle, start, end);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
}
