import { createReadStream, promises as fs } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

/** One file entry of a zip, from its central directory. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; any other method cannot be read here. */
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the entry's local header. */
  readonly headerOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * Reads a zip's central directory (the authoritative list of its entries) with positioned reads,
 * never loading the archive: a bundle of gigabytes is checked in a few megabytes of memory.
 * Folders (names ending in `/`) are left out. Throws on what is not a zip this tool can read
 * (ZIP64, a split archive).
 */
export async function zipEntries(file: string): Promise<ZipEntry[]> {
  const handle = await fs.open(file, "r");
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let end = -1;
    for (let at = tailLength - 22; at >= 0; at--) {
      if (tail.readUInt32LE(at) === END_OF_DIRECTORY) {
        end = at;
        break;
      }
    }
    if (end < 0) throw new Error("not a zip file (no end of central directory)");
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (count === 0xffff || directoryOffset === 0xffffffff) throw new Error("a ZIP64 archive, which this tool does not read");
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    const entries: ZipEntry[] = [];
    let at = 0;
    for (let n = 0; n < count; n++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error("a damaged central directory");
      const nameLength = directory.readUInt16LE(at + 28);
      const skip = nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
      const name = directory.toString("utf8", at + 46, at + 46 + nameLength);
      if (!name.endsWith("/"))
        entries.push({
          name,
          method: directory.readUInt16LE(at + 10),
          compressedSize: directory.readUInt32LE(at + 20),
          size: directory.readUInt32LE(at + 24),
          headerOffset: directory.readUInt32LE(at + 42),
        });
      at += 46 + skip;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** The entry's uncompressed bytes as a stream (its data follows its local header). */
export async function openZipEntry(file: string, entry: ZipEntry): Promise<Readable> {
  if (entry.method !== 0 && entry.method !== 8)
    throw new Error(`${entry.name}: compression method ${entry.method}, which this tool does not read`);
  const handle = await fs.open(file, "r");
  const header = Buffer.alloc(30);
  try {
    await handle.read(header, 0, 30, entry.headerOffset);
  } finally {
    await handle.close();
  }
  if (header.readUInt32LE(0) !== LOCAL_HEADER) throw new Error(`${entry.name}: a damaged local header`);
  const start = entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1024 * 1024 });
  if (entry.method === 0) return raw;
  // pipeline, not pipe: a read error of the archive reaches the reader of the inflated stream.
  return pipeline(raw, createInflateRaw(), () => undefined);
}
