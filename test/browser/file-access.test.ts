import * as assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import type { Connection } from "vscode-languageserver";
import { sameData } from "../../server/src/lsp/same-data";
import { LIST_FILES_REQUEST, READ_FILE_REQUEST, type ReadFileResult } from "../../server/src/protocol";
import { BrowserFileAccess } from "../../server/src/web/browser-file-access";

/** A connection whose requests the test answers: `genesis/listFiles` with `uris`, `genesis/readFile` from `files`. */
function fakeConnection(uris: string[], files: Record<string, ReadFileResult>, asked: unknown[] = []): Connection {
  const sendRequest = (type: { method: string }, params: { uri: string }) => {
    asked.push(params);
    if (type.method === LIST_FILES_REQUEST.method) return Promise.resolve({ uris });
    if (type.method === READ_FILE_REQUEST.method) return Promise.resolve(files[params.uri] ?? { kind: "missing" });
    return Promise.reject(new Error(type.method));
  };
  return { sendRequest } as unknown as Connection;
}

const ROOT = "vscode-vfs://github/genesis/examples";

describe("the browser server's file access (github.dev URIs)", function () {
  it("places documents of a folder by their decoded path, and nothing outside every folder has a root", function () {
    const files = new BrowserFileAccess(fakeConnection([], {}));
    const root = files.rootOf(`${ROOT}/`)!;
    assert.equal(root, ROOT);
    assert.deepEqual(files.place(`${ROOT}/data/my%20set.dataset.yaml`, [root]), { root, relativePath: "data/my set.dataset.yaml" });
    assert.equal(files.uriOf(root, "data/my set.dataset.yaml"), `${ROOT}/data/my%20set.dataset.yaml`);
    assert.deepEqual(files.place("vscode-vfs://github/genesis/examples-other/a.dataset.yaml", [root]), {
      root: "",
      relativePath: "a.dataset.yaml",
    });
    assert.deepEqual(files.place("untitled:Untitled-1", [root]), { root: "", relativePath: "Untitled-1" });
    assert.equal(files.folderName(root), "examples");
  });

  it("lists the folder's files sorted, without node_modules, .git or files of another folder", async function () {
    const uris = [
      `${ROOT}/b.yaml`,
      `${ROOT}/node_modules/x/y.yaml`,
      `${ROOT}/.git/config`,
      `${ROOT}/a/c.md`,
      "vscode-vfs://github/x/z.yaml",
    ];
    const files = new BrowserFileAccess(fakeConnection(uris, {}));
    assert.deepEqual(await files.list(ROOT, () => true), ["a/c.md", "b.yaml"]);
    assert.deepEqual(await files.list(ROOT, (p) => p.endsWith(".md")), ["a/c.md"]);
  });

  it("reads a file whole, or its head and size above the limit, and rejects a missing one", async function () {
    const asked: unknown[] = [];
    const files = new BrowserFileAccess(
      fakeConnection(
        [],
        { [`${ROOT}/a.yaml`]: { kind: "text", text: "id: a\n" }, [`${ROOT}/big.json`]: { kind: "too-large", bytes: 9, head: "{" } },
        asked,
      ),
    );
    assert.equal(await files.read(ROOT, "a.yaml", 100), "id: a\n");
    assert.deepEqual(await files.read(ROOT, "big.json", 5), { head: "{", bytes: 9 });
    await assert.rejects(files.read(ROOT, "gone.yaml", 100), /gone\.yaml does not exist/);
    assert.deepEqual(asked[1], { uri: `${ROOT}/big.json`, maxBytes: 5 });
  });
});

describe("sameData", function () {
  it("agrees with Node's isDeepStrictEqual on plain data", function () {
    const values: unknown[] = [
      1,
      "1",
      null,
      undefined,
      Number.NaN,
      [],
      {},
      [1, 2],
      [2, 1],
      { a: 1 },
      { a: undefined },
      { a: { b: [1, { c: "d" }] } },
      { a: { b: [1, { c: "e" }] } },
      { range: { start: { line: 1 } }, code: "x" },
      { code: "x", range: { start: { line: 1 } } },
    ];
    for (const a of values)
      for (const b of values) assert.equal(sameData(a, b), isDeepStrictEqual(a, b), `${JSON.stringify(a)} ${JSON.stringify(b)}`);
  });
});
