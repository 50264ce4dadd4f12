import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { Zip, ZipDeflate, ZipPassThrough, type AsyncFlateStreamHandler, type ZipInputFile } from "fflate";
import { BundleError } from "./bundle-error";

/** fflate writes no ZIP64: every size and offset must fit in 32 bits. */
export const ZIP_LIMIT_BYTES = 0xffffffff - 64 * 1024 * 1024;

export interface ZipItem {
  /** Bundle-relative path: the entry's name. */
  readonly path: string;
  readonly bytes: number;
  /** Deflate it (documents, reports: small text); data files are stored as they are. */
  readonly compress: boolean;
}

/**
 * Writes the staged files into a new zip file at `target` (created, never overwritten), one
 * entry at a time, read in chunks and written with the output stream's backpressure, so memory
 * stays at a few chunks whatever the sizes. Data files are stored (no deflate: their digests are
 * what matters, and compressing a gigabyte would dominate the time); their CRC-32 is zlib's.
 */
export async function writeZip(staging: string, items: readonly ZipItem[], target: string): Promise<void> {
  const total = items.reduce((sum, item) => sum + item.bytes, 0);
  if (total > ZIP_LIMIT_BYTES)
    throw new BundleError(`the files come to ${total} bytes, more than a zip without ZIP64 can hold; bundle into a folder instead.`, 2);
  const output = createWriteStream(target, { flags: "wx" });
  const opened = new Promise<void>((resolve, reject) => output.once("open", () => resolve()).once("error", reject));
  await opened;
  let failure: Error | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    output.once("error", (error) => {
      failure ??= error;
      reject(error);
    });
    output.once("finish", resolve);
  });
  // Awaited once everything is written; a write error meanwhile is seen through `failure`.
  finished.catch(() => undefined);
  const zip = new Zip((error, chunk, final) => {
    if (error) failure ??= error;
    else if (chunk.length > 0) output.write(chunk);
    if (final) output.end();
  });
  try {
    for (const item of items) {
      const entry: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } = item.compress
        ? new ZipDeflate(item.path, { level: 6 })
        : storedEntry(item.path);
      zip.add(entry);
      const input = createReadStream(path.join(staging, ...item.path.split("/")), { highWaterMark: 1024 * 1024 });
      for await (const chunk of input as AsyncIterable<Buffer>) {
        entry.push(chunk, false);
        if (failure) throw failure;
        if (output.writableNeedDrain) await drained(output);
      }
      entry.push(new Uint8Array(0), true);
      if (failure) throw failure;
    }
    zip.end();
    await finished;
  } catch (error) {
    output.destroy();
    throw error;
  }
}

/** A stored entry whose CRC-32 comes from zlib (native), or fflate's own where zlib has none. */
function storedEntry(filename: string): ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void } {
  const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (!crc32) return new ZipPassThrough(filename);
  const entry = {
    filename,
    size: 0,
    crc: 0,
    compression: 0,
    ondata: (() => undefined) as AsyncFlateStreamHandler,
    push(chunk: Uint8Array, final = false) {
      entry.crc = crc32(chunk, entry.crc);
      entry.size += chunk.length;
      entry.ondata(null, chunk as Uint8Array<ArrayBuffer>, final);
    },
  };
  return entry;
}

/** Resolves when the stream wants more, or has closed (after an error: `failure` then says why). */
function drained(stream: WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.once("drain", done);
    stream.once("close", done);
  });
}
