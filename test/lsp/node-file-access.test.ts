import * as assert from "node:assert/strict";
import * as path from "node:path";
import { URI } from "vscode-uri";
import { NODE_FILE_ACCESS } from "../../server/src/lsp/node-file-access";

describe("NODE_FILE_ACCESS.uriOf", () => {
  // The URI vscode-uri makes of the joined path: what the editor sends and the server must match.
  const encoded = (root: string, relative: string) => URI.file(path.join(root, ...relative.split("/"))).toString();

  it("names every document as vscode-uri does, by the shortcut for plain paths and the full route for the rest", () => {
    const roots = ["/work/lab", "/work/lab/", "/", "/tmp/my lab", "/tmp/ünï/lab", "/a%b/c#d"];
    const relatives = [
      "d0.dataset.yaml",
      "data/0/d0.dataset.yaml",
      "models/bert-base_v1.2~rc/README.md",
      "data/my set.dataset.yaml",
      "data/ünï.dataset.yaml",
      "data/50%.dataset.yaml",
      "data/a#b?c.dataset.yaml",
      "data/a+b=c,d;e@f.dataset.yaml",
      ".hidden/d.dataset.yaml",
      "data/./d.dataset.yaml",
      "data/../d.dataset.yaml",
      "data//d.dataset.yaml",
      "data/d.dataset.yaml/",
      "-lead/_x/~y/z.",
      "data/C:/d.yaml",
      "UPPER/Case.Dataset.YAML",
    ];
    for (const root of roots) {
      for (const relative of relatives) {
        assert.equal(NODE_FILE_ACCESS.uriOf(root, relative), encoded(root, relative), `${root} + ${relative}`);
      }
      assert.equal(NODE_FILE_ACCESS.folderUri(root), URI.file(root).toString());
    }
  });
});
