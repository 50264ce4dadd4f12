import { promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { Deflate } from "fflate";
import {
  centralDirectory,
  crc32,
  DEFLATED,
  LOCAL_SIZES_OFFSET,
  localHeader,
  localHeaderLength,
  localSizes,
  STORED,
  ZIP_LIMIT_BYTES,
  type ZipEntryRecord,
} from "./zip-format";

/**
 * A zip file written with positioned writes, so that space can be kept at its head for an entry
 * whose contents are known only at the end (the bundle's metadata, which must come first), and
 * each local header completed in place once its entry is written. Entries are deflated (small
 * texts) or stored (data files); memory stays at a chunk or two whatever their sizes.
 */
export class ZipFileWriter {
  private readonly entries: ZipEntryRecord[] = [];
  private end = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly when: Date,
  ) {}

  /** Creates `target`, failing if it exists. Every entry is dated `when`. */
  static async create(target: string, when: Date): Promise<ZipFileWriter> {
    return new ZipFileWriter(await fs.open(target, "wx"), when);
  }

  /** Keeps room at the end for a stored entry of `bytes` written later with `add(..., at)`; returns its offset. */
  reserveStored(name: string, bytes: number): number {
    const at = this.end;
    this.end += localHeaderLength(name) + bytes;
    return at;
  }

  /** Starts an entry at the end; its data goes through the writer returned, and is done at `finish()`. */
  async begin(name: string, compress: boolean): Promise<ZipEntryWriter> {
    const offset = this.end;
    const header = localHeader({ name, method: compress ? DEFLATED : STORED, crc: 0, compressedSize: 0, size: 0, offset }, this.when);
    await this.writeAt(header, offset);
    this.end += header.length;
    return new ZipEntryWriter(this, name, compress, offset);
  }

  /** A whole entry from memory: at the end, or stored into the room kept at `at` (which it must fill exactly). */
  async add(name: string, bytes: Uint8Array, compress: boolean, at?: number): Promise<ZipEntryRecord> {
    if (at === undefined) {
      const entry = await this.begin(name, compress);
      await entry.write(bytes);
      return entry.finish();
    }
    const record: ZipEntryRecord = {
      name,
      method: STORED,
      crc: crc32(bytes),
      compressedSize: bytes.length,
      size: bytes.length,
      offset: at,
    };
    const header = localHeader(record, this.when);
    const next = this.entries.reduce((first, e) => (e.offset > at && e.offset < first ? e.offset : first), this.end);
    if (at + header.length + bytes.length !== next) throw new Error(`${name}: does not fill the room kept for it in the zip`);
    await this.writeAt(Buffer.concat([header, bytes]), at);
    this.entries.push(record);
    return record;
  }

  /** Writes the central directory (entries in the order they lie in the file) and closes the file. */
  async close(): Promise<void> {
    const entries = [...this.entries].sort((a, b) => a.offset - b.offset);
    await this.writeAt(centralDirectory(entries, this.end, this.when), this.end);
    await this.handle.close();
  }

  /** Closes the file without completing it (after a failure; the caller removes it). */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }

  /** @internal Appends entry data. */
  async append(data: Uint8Array): Promise<void> {
    const at = this.end;
    if (at + data.length > ZIP_LIMIT_BYTES) throw new Error("the zip would outgrow what a zip without ZIP64 can hold");
    this.end += data.length;
    await this.writeAt(data, at);
  }

  /** @internal Completes an entry's local header and records it for the central directory. */
  async complete(record: ZipEntryRecord): Promise<void> {
    await this.writeAt(localSizes(record), record.offset + LOCAL_SIZES_OFFSET);
    this.entries.push(record);
  }

  private async writeAt(data: Uint8Array, position: number): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.handle.write(data, done, data.length - done, position + done);
      done += bytesWritten;
    }
  }
}

/** One entry's data, written as it comes: CRC-32 and sizes counted on the same chunks. */
export class ZipEntryWriter {
  private crc = 0;
  private size = 0;
  private compressedSize = 0;
  private readonly deflate: Deflate | undefined;
  private deflated: Uint8Array[] = [];

  constructor(
    private readonly zip: ZipFileWriter,
    private readonly name: string,
    compress: boolean,
    private readonly offset: number,
  ) {
    this.deflate = compress ? new Deflate({ level: 6 }, (chunk) => this.deflated.push(chunk)) : undefined;
  }

  /**
   * Takes the next chunk of the entry's data. A stored chunk's write is under way when this
   * returns, so the caller can hash the chunk meanwhile; the chunk must stay unchanged until the
   * promise settles.
   */
  write(chunk: Uint8Array): Promise<void> {
    this.size += chunk.length;
    if (!this.deflate) {
      const written = this.out(chunk);
      this.crc = crc32(chunk, this.crc);
      return written;
    }
    this.crc = crc32(chunk, this.crc);
    this.deflate.push(chunk);
    return this.flushDeflated();
  }

  async finish(): Promise<ZipEntryRecord> {
    if (this.deflate) {
      this.deflate.push(new Uint8Array(0), true);
      await this.flushDeflated();
    }
    const record: ZipEntryRecord = {
      name: this.name,
      method: this.deflate ? DEFLATED : STORED,
      crc: this.crc,
      compressedSize: this.compressedSize,
      size: this.size,
      offset: this.offset,
    };
    await this.zip.complete(record);
    return record;
  }

  private async flushDeflated(): Promise<void> {
    const chunks = this.deflated;
    this.deflated = [];
    for (const chunk of chunks) await this.out(chunk);
  }

  private async out(data: Uint8Array): Promise<void> {
    this.compressedSize += data.length;
    await this.zip.append(data);
  }
}
