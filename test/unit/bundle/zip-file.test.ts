import * as assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { ZipFileWriter } from "../../../server/src/bundle/zip-file";
import { crc32, tableCrc32 } from "../../../server/src/bundle/zip-format";
import { openZipEntry, zipEntries } from "../../../server/src/bundle/zip-read";

const WHEN = new Date(2026, 2, 14, 15, 9, 26);

async function contentOf(file: string, name: string): Promise<Buffer> {
  const entry = (await zipEntries(file)).find((e) => e.name === name)!;
  const chunks: Buffer[] = [];
  for await (const chunk of await openZipEntry(file, entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The CRC-32 and sizes of the local header at `offset` and of the central directory record, which must agree. */
function recordedSizes(archive: Buffer, offset: number): { local: number[]; central: number[] } {
  const local = [archive.readUInt32LE(offset + 14), archive.readUInt32LE(offset + 18), archive.readUInt32LE(offset + 22)];
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = archive.readUInt32LE(end + 16);
  while (archive.readUInt32LE(at + 42) !== offset) at += 46 + archive.readUInt16LE(at + 28);
  return { local, central: [archive.readUInt32LE(at + 16), archive.readUInt32LE(at + 20), archive.readUInt32LE(at + 24)] };
}

describe("bundle: the zip writer", function () {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(path.join(tmpdir(), "genesis-zip-file-"))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it("writes the room kept at the head first, then stored and deflated entries, each header completed in place", async function () {
    const target = path.join(folder, "out.zip");
    const head = Buffer.from('{ "written": "last" }\n');
    const stored = Buffer.alloc(3 * 1024 * 1024 + 5, 7);
    stored.write("not compressible, kept as it is", 1000);
    const text = Buffer.from("a line a manifest might hold\n".repeat(40_000));
    const zip = await ZipFileWriter.create(target, WHEN);
    const at = zip.reserveStored("ro-crate-metadata.json", head.length);
    const data = await zip.begin("data/blob.bin", false);
    for (let start = 0; start < stored.length; start += 1024 * 1024) await data.write(stored.subarray(start, start + 1024 * 1024));
    await data.finish();
    const document = await zip.begin("docs/ü.txt", true);
    for (let start = 0; start < text.length; start += 64 * 1024) await document.write(text.subarray(start, start + 64 * 1024));
    await document.finish();
    await zip.add("ro-crate-metadata.json", head, false, at);
    await zip.close();

    const entries = await zipEntries(target);
    assert.deepEqual(
      entries.map((e) => [e.name, e.method, e.size]),
      [
        ["ro-crate-metadata.json", 0, head.length],
        ["data/blob.bin", 0, stored.length],
        ["docs/ü.txt", 8, text.length],
      ],
    );
    assert.equal(entries[0].headerOffset, 0);
    assert.ok(entries[2].compressedSize < text.length / 10, "the text is deflated");
    assert.deepEqual(await contentOf(target, "ro-crate-metadata.json"), head);
    assert.deepEqual(await contentOf(target, "data/blob.bin"), stored);
    assert.deepEqual(await contentOf(target, "docs/ü.txt"), text);
    const archive = readFileSync(target);
    for (const [entry, content] of [
      [entries[1], stored],
      [entries[2], text],
    ] as const) {
      const { local, central } = recordedSizes(archive, entry.headerOffset);
      assert.deepEqual(local, central);
      assert.deepEqual(central, [crc32(content), entry.compressedSize, content.length]);
    }
  });

  it("refuses an entry that does not fill the room kept for it, and never replaces a file", async function () {
    const target = path.join(folder, "out.zip");
    const zip = await ZipFileWriter.create(target, WHEN);
    const at = zip.reserveStored("ro-crate-metadata.json", 10);
    await zip.add("a.txt", Buffer.from("a"), true);
    await assert.rejects(zip.add("ro-crate-metadata.json", Buffer.from("eleven byte"), false, at), /does not fill the room/);
    await zip.abandon();
    await assert.rejects(ZipFileWriter.create(target, WHEN), { code: "EEXIST" });
  });

  it("computes the zip's CRC-32 (the check value of the CRC-32 catalogue)", function () {
    assert.equal(crc32(Buffer.from("123456789")), 0xcbf43926);
    assert.equal(crc32(Buffer.from("56789"), crc32(Buffer.from("1234"))), 0xcbf43926);
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251));
    assert.equal(tableCrc32(bytes.subarray(40_000), tableCrc32(bytes.subarray(0, 40_000))), crc32(bytes));
  });
});
