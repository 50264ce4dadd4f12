import { createHash } from "node:crypto";
import { constants, promises as fs } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { METADATA_FILE, STATEMENT_FILE, type BundledFile } from "../core/index";
import { abortError } from "../io/read-failure";
import { describeError, errorCode } from "../node/workspace-files";
import { BundleError } from "./bundle-error";
import { bundleEntities, metadataText, reportTexts, statementText, type BundleText } from "./bundle-texts";
import { checkDeclared, type BundleSource } from "./collect";
import type { BundleRequest } from "./write-bundle";
import { ZipFileWriter } from "./zip-file";
import { localHeaderLength, ZIP_LIMIT_BYTES, ZIP_LIMIT_ENTRIES } from "./zip-format";

/** Read and written at a time: larger chunks measured slower (the chunk no longer stays in the cache between write and hash). */
const CHUNK_BYTES = 1024 * 1024;
/** Stands for a digest not yet known: every hex SHA-256 has this length. */
const PLACEHOLDER_SHA256 = "0".repeat(64);

/**
 * Writes a zip bundle into the new file `target` and returns every file it holds, the metadata
 * and the statement included. Each workspace file is read once: its chunks are hashed (SHA-256,
 * CRC-32) and written into its entry as they come, so the bundle holds exactly the bytes whose
 * digest it records, whatever happens to the file meanwhile. A file whose size is not the one it
 * had when listed, or whose digest is not one a document declares, stops the bundle (exit 1).
 *
 * `ro-crate-metadata.json` comes first in the zip yet lists every digest: its room at the head is
 * kept from the start, sized by a listing with a placeholder for each digest (every hex digest has
 * the same length, and the sizes are checked), and it is written there, stored, at the end.
 */
export async function writeZipBundle(request: BundleRequest, sources: readonly BundleSource[], target: string): Promise<BundledFile[]> {
  const texts = reportTexts(request);
  // Exported once: the planned listing and the final one describe the same documents.
  const exported = bundleEntities(request);
  const planned = metadataText(
    request,
    [...sources.map((source) => fileOf(source, PLACEHOLDER_SHA256)), ...texts.map((text) => text.file)],
    exported,
  );
  checkLimits(sources, [...texts, planned]);
  const zip = await ZipFileWriter.create(target, request.now);
  try {
    const head = zip.reserveStored(METADATA_FILE, planned.bytes.length);
    const progress = { filesDone: 0, filesTotal: sources.length, bytesDone: 0, bytesTotal: sources.reduce((sum, s) => sum + s.bytes, 0) };
    const files: BundledFile[] = [];
    for (const source of sources) {
      files.push(
        await zipSource(zip, source, request, (bytes) => {
          progress.bytesDone += bytes;
          request.onProgress?.({ ...progress });
        }),
      );
      progress.filesDone++;
      request.onProgress?.({ ...progress });
    }
    for (const text of texts) {
      await zip.add(text.file.path, text.bytes, true);
      files.push(text.file);
    }
    const metadata = metadataText(request, files, exported);
    await zip.add(METADATA_FILE, metadata.bytes, false, head);
    const all = [...files, metadata.file];
    if (request.key) {
      const statement = statementText({ ...request, key: request.key }, all);
      await zip.add(STATEMENT_FILE, statement.bytes, true);
      all.push(statement.file);
    }
    await zip.close();
    return all;
  } catch (error) {
    await zip.abandon();
    throw error;
  }
}

/** One workspace file into its entry (deflated unless a data file), read once. */
async function zipSource(
  zip: ZipFileWriter,
  source: BundleSource,
  request: BundleRequest,
  onBytes: (bytes: number) => void,
): Promise<BundledFile> {
  const entry = await zip.begin(source.path, source.role !== "file");
  const hash = createHash("sha256");
  let read = 0;
  for await (const chunk of chunksOf(source)) {
    if (request.signal?.aborted) throw abortError(request.signal);
    // The chunk is hashed while it is being written.
    const written = entry.write(chunk);
    hash.update(chunk);
    await written;
    read += chunk.length;
    onBytes(chunk.length);
    await request.afterChunk?.(source.path, read);
  }
  await entry.finish();
  if (read !== source.bytes)
    throw new BundleError(
      `${source.path}: changed while it was being bundled (${source.bytes} bytes when listed, ${read} when read); nothing was written.`,
      1,
    );
  const sha256 = hash.digest("hex");
  checkDeclared(source, sha256);
  return fileOf(source, sha256);
}

/**
 * The file's chunks, read into two buffers in turn: the next chunk is read while the caller hashes
 * and writes this one, which it must be done with before it asks for the next. The file is opened
 * without following a link (the listing resolved every link inside the root).
 */
async function* chunksOf(source: BundleSource): AsyncGenerator<Buffer> {
  let handle: FileHandle;
  try {
    handle = await fs.open(source.absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    throw unreadable(source, error);
  }
  const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
  let turn = 0;
  const read = (buffer: Buffer) => {
    const reading = handle.read(buffer, 0, CHUNK_BYTES, null);
    // Awaited below, but it may fail while the caller is busy: that is no unhandled rejection.
    reading.catch(() => undefined);
    return reading;
  };
  let next = read(buffers[turn]);
  try {
    for (;;) {
      let bytesRead: number;
      try {
        ({ bytesRead } = await next);
      } catch (error) {
        throw unreadable(source, error);
      }
      if (bytesRead === 0) return;
      const chunk = buffers[turn].subarray(0, bytesRead);
      turn ^= 1;
      next = read(buffers[turn]);
      yield chunk;
    }
  } finally {
    // A caller that stops early leaves a read under way: it settles before the file is closed.
    await next.catch(() => undefined);
    await handle.close();
  }
}

function unreadable(source: BundleSource, error: unknown): BundleError {
  const code = errorCode(error);
  const reason =
    code === "ENOENT" ? "no longer exists" : code === "ELOOP" ? "has become a link" : `cannot be read (${describeError(error)})`;
  return new BundleError(`${source.path}: ${reason} while it was being bundled; nothing was written.`, 1);
}

function fileOf(source: BundleSource, sha256: string): BundledFile {
  return { path: source.path, sha256, bytes: source.bytes, role: source.role, ...(source.kind ? { kind: source.kind } : {}) };
}

/** A zip without ZIP64 holds under 4 GiB and under 65,535 entries; a larger bundle must be a folder (exit 2). */
function checkLimits(sources: readonly BundleSource[], texts: readonly BundleText[]): void {
  const entries = [...sources.map((s) => ({ path: s.path, bytes: s.bytes })), ...texts.map((t) => t.file)];
  const total = entries.reduce((sum, entry) => sum + entry.bytes + localHeaderLength(entry.path), 0);
  if (total > ZIP_LIMIT_BYTES)
    throw new BundleError(`the files come to ${total} bytes, more than a zip without ZIP64 can hold; bundle into a folder instead.`, 2);
  if (entries.length + 1 > ZIP_LIMIT_ENTRIES)
    throw new BundleError(`${entries.length + 1} files, more than a zip without ZIP64 can hold; bundle into a folder instead.`, 2);
}
