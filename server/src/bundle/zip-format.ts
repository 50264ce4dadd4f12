import * as zlib from "node:zlib";

/**
 * The records of a plain zip file (PKWARE APPNOTE 6.3: local headers, central directory, end of
 * central directory), as the bundle writes them: no ZIP64, no data descriptors (every local header
 * is completed in place once its entry's data is written), UTF-8 names, Unix 0644 file modes.
 */

/** Without ZIP64 every size and offset must fit in 32 bits; this leaves room for the directory. */
export const ZIP_LIMIT_BYTES = 0xffffffff - 64 * 1024 * 1024;
/** Without ZIP64 the entry count is 16 bits, and 0xffff marks a ZIP64 archive to readers. */
export const ZIP_LIMIT_ENTRIES = 0xfffe;

export const STORED = 0;
export const DEFLATED = 8;

/** What the central directory records of one entry. */
export interface ZipEntryRecord {
  readonly name: string;
  readonly method: typeof STORED | typeof DEFLATED;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of its local header. */
  readonly offset: number;
}

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_ENTRY = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const UTF8_NAMES = 0x0800;
const VERSION_NEEDED = 20;
const MADE_BY_UNIX = (3 << 8) | VERSION_NEEDED;
const REGULAR_FILE_0644 = (0o100644 << 16) >>> 0;

/** Bytes a local header takes before the entry's data. */
export function localHeaderLength(name: string): number {
  return 30 + Buffer.byteLength(name, "utf8");
}

export function localHeader(entry: ZipEntryRecord, when: Date): Buffer {
  const name = Buffer.from(entry.name, "utf8");
  const header = Buffer.alloc(30 + name.length);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION_NEEDED, 4);
  header.writeUInt16LE(UTF8_NAMES, 6);
  header.writeUInt16LE(entry.method, 8);
  writeDosDateTime(header, 10, when);
  writeSizes(header, 14, entry);
  header.writeUInt16LE(name.length, 26);
  header.writeUInt16LE(0, 28);
  name.copy(header, 30);
  return header;
}

/** Where, within a local header, the CRC-32 and the two sizes lie (12 bytes). */
export const LOCAL_SIZES_OFFSET = 14;

/** The CRC-32 and sizes as a local header holds them, to complete one in place. */
export function localSizes(entry: ZipEntryRecord): Buffer {
  const sizes = Buffer.alloc(12);
  writeSizes(sizes, 0, entry);
  return sizes;
}

/** The central directory for `entries` (in their order), starting at `offset`, with its end record. */
export function centralDirectory(entries: readonly ZipEntryRecord[], offset: number, when: Date): Buffer {
  const records = entries.map((entry) => {
    const name = Buffer.from(entry.name, "utf8");
    const record = Buffer.alloc(46 + name.length);
    record.writeUInt32LE(DIRECTORY_ENTRY, 0);
    record.writeUInt16LE(MADE_BY_UNIX, 4);
    record.writeUInt16LE(VERSION_NEEDED, 6);
    record.writeUInt16LE(UTF8_NAMES, 8);
    record.writeUInt16LE(entry.method, 10);
    writeDosDateTime(record, 12, when);
    writeSizes(record, 16, entry);
    record.writeUInt16LE(name.length, 28);
    // Extra field, comment, disk number and internal attributes stay 0.
    record.writeUInt32LE(REGULAR_FILE_0644, 38);
    record.writeUInt32LE(entry.offset, 42);
    name.copy(record, 46);
    return record;
  });
  const directory = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([directory, end]);
}

function writeSizes(buffer: Buffer, at: number, entry: ZipEntryRecord): void {
  buffer.writeUInt32LE(entry.crc >>> 0, at);
  buffer.writeUInt32LE(entry.compressedSize, at + 4);
  buffer.writeUInt32LE(entry.size, at + 8);
}

/** MS-DOS local time, two-second resolution, clamped to the years it can say (1980–2107). */
function writeDosDateTime(buffer: Buffer, at: number, when: Date): void {
  const year = Math.min(2107, Math.max(1980, when.getFullYear()));
  buffer.writeUInt16LE((when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1), at);
  buffer.writeUInt16LE(((year - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate(), at + 2);
}

type Crc32 = (data: Uint8Array, value?: number) => number;

/** CRC-32 (the zip one), zlib's native one where this Node has it (20.15 and later). */
export const crc32: Crc32 = (zlib as { crc32?: Crc32 }).crc32 ?? tableCrc32;

let table: Uint32Array | undefined;

/** The same CRC-32 in JavaScript, for a Node without zlib.crc32. */
export function tableCrc32(data: Uint8Array, value = 0): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~value;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
