import * as assert from "node:assert/strict";
import { symlinkSync } from "node:fs";
import * as path from "node:path";
import { decodeText } from "../../server/src/node/text-decoding";
import { findConfigFolder, isInside, listWorkspaceFiles, readTextFile, toWorkspacePath } from "../../server/src/node/workspace-files";
import { Workspaces, writeIn } from "./cli-harness";

/** The Node-side file module shared by the CLI and (later) the language server, tested directly. */
describe("workspace files", function () {
  const workspaces = new Workspaces();
  after(() => workspaces.removeAll());

  describe("decodeText", function () {
    const text = "id: caf\u00e9\n";
    it("reads UTF-8, keeping a byte order mark as U+FEFF", function () {
      assert.equal(decodeText(Buffer.from(text, "utf8")), text);
      assert.equal(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])), `\ufeff${text}`);
    });
    it("reads UTF-16 LE and BE by their byte order mark", function () {
      assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])), `\ufeff${text}`);
      assert.equal(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()])), `\ufeff${text}`);
    });
    it("turns invalid UTF-8 into U+FFFD instead of failing", function () {
      assert.equal(decodeText(Buffer.from([0x61, 0xff, 0x62, 0xc3])), "a\ufffdb\ufffd");
    });
  });

  describe("paths", function () {
    it("isInside compares whole segments", function () {
      const root = path.join(path.sep, "work", "lab");
      assert.equal(isInside(root, root), true);
      assert.equal(isInside(root, path.join(root, "data", "x.yaml")), true);
      assert.equal(isInside(root, path.join(root, "..data", "x.yaml")), true);
      assert.equal(isInside(root, path.join(path.sep, "work", "lab-other", "x.yaml")), false);
      assert.equal(isInside(root, path.join(path.sep, "work")), false);
    });
    it("toWorkspacePath uses / separators", function () {
      const root = path.join(path.sep, "work", "lab");
      assert.equal(toWorkspacePath(root, path.join(root, "data", "raw", "x.yaml")), "data/raw/x.yaml");
    });
    it("findConfigFolder looks at and above the start, and stops at the file system root", async function () {
      const root = workspaces.make();
      writeIn(root, "genesis.config.yaml", "profile: dev\n");
      writeIn(root, "a/b/c/keep.txt", "");
      assert.equal(await findConfigFolder(path.join(root, "a/b/c")), root);
      assert.equal(await findConfigFolder(root), root);
      const bare = workspaces.make();
      assert.equal(await findConfigFolder(bare), undefined);
    });
  });

  describe("listWorkspaceFiles", function () {
    it("lists accepted files in path order, skipping node_modules, .git and links out of the root", async function () {
      const outside = workspaces.make();
      writeIn(outside, "secret.yaml", "a: 1\n");
      const root = workspaces.make();
      for (const file of ["z.yaml", "a/b.yaml", "a/notes.txt", "node_modules/p/c.yaml", ".git/d.yaml", "a-b.yaml"])
        writeIn(root, file, "a: 1\n");
      symlinkSync(outside, path.join(root, "out"), "dir");
      symlinkSync(path.join(outside, "secret.yaml"), path.join(root, "secret.yaml"));
      symlinkSync(path.join(root, "a"), path.join(root, "again"), "dir");
      symlinkSync(root, path.join(root, "a/up"), "dir");
      const { files, problems } = await listWorkspaceFiles(root, [root], { accept: (p) => p.endsWith(".yaml") });
      assert.deepEqual(
        files.map((f) => f.path),
        ["a-b.yaml", "a/b.yaml", "z.yaml"],
      );
      assert.deepEqual(problems, []);
      assert.equal(files[1].absolute, path.join(root, "a", "b.yaml"));
    });

    it("walks only the starts it is given, each file once", async function () {
      const root = workspaces.make();
      for (const file of ["a/x.yaml", "b/y.yaml", "c/z.yaml"]) writeIn(root, file, "a: 1\n");
      const { files } = await listWorkspaceFiles(root, [path.join(root, "b"), path.join(root, "a"), path.join(root, "a/x.yaml")], {
        accept: () => true,
      });
      assert.deepEqual(
        files.map((f) => f.path),
        ["a/x.yaml", "b/y.yaml"],
      );
    });
  });

  describe("readTextFile", function () {
    it("reads a file whole, or only its head when it is above the limit", async function () {
      const root = workspaces.make();
      const file = writeIn(root, "x.yaml", `kind: DatasetManifest\n${"#".repeat(100)}\n`);
      assert.deepEqual(await readTextFile(file, 1000), { kind: "text", text: `kind: DatasetManifest\n${"#".repeat(100)}\n` });
      assert.deepEqual(await readTextFile(file, 50, 10), { kind: "too-large", bytes: 123, head: "kind: Data" });
    });
  });
});
