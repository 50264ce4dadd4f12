import * as assert from "node:assert/strict";
import { namedFiles } from "../../../server/src/core/index";
import { engine } from "../harness";
import { SHA_A, SHA_B } from "../evidence/harness";

const manifest = (body: string, extra = "") => `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\n${extra}${body}`;
const namedIn = (path: string, text: string) => namedFiles(engine.analyze({ path, text }).document!);

describe("bundle: the files a document names", function () {
  it("every local file, resolved in the workspace, with the sha256 declared for it where one is well-formed", function () {
    const text = manifest(
      `distribution:\n  - { id: a, path: files/a.csv, format: csv, sha256: ${SHA_A} }\n` +
        `  - { id: b, path: files/b.csv, format: csv, sha256: abc }\n` +
        `  - { id: c, path: "https://example.org/c.csv", format: csv }\n` +
        `  - { id: d, path: files/a.csv, format: csv, sha256: ${SHA_B} }\n` +
        `access: { policy: ../governance/policy.md }\n`,
    );
    assert.deepEqual(namedIn("data/ocean.dataset.yaml", text), [
      { path: "data/files/a.csv", pointer: "/distribution/0/path", declaredSha256: SHA_A },
      { path: "data/files/b.csv", pointer: "/distribution/1/path" },
      // One file named twice keeps both digests: the bundle holds the file to each.
      { path: "data/files/a.csv", pointer: "/distribution/3/path", declaredSha256: SHA_B },
      { path: "governance/policy.md", pointer: "/access/policy" },
    ]);
  });

  it("a live dataset's files are taken without a digest to match", function () {
    const text = manifest(`distribution:\n  - { id: a, path: files/a.csv, format: csv, sha256: ${SHA_A} }\n`, "live: true\n");
    assert.deepEqual(namedIn("data/ocean.dataset.yaml", text), [{ path: "data/files/a.csv", pointer: "/distribution/0/path" }]);
  });
});
