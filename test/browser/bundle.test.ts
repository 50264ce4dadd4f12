import * as assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { build } from "esbuild";
import { buildWeb, noNodeBuiltins } from "../../scripts/build-web.mjs";

/** The ceiling for the browser client and server together, minified (HDF5 is never in them). */
const MAX_WEB_BYTES = 1_500_000;

describe("the browser bundles", function () {
  this.timeout(60_000);

  it("build with no Node module, and together stay under 1.5 MB minified", async function () {
    const sizes = await buildWeb({ minify: true, write: false });
    const total = Object.values(sizes).reduce((sum, bytes) => sum + bytes, 0);
    console.log(
      `      ${Object.entries(sizes)
        .map(([file, bytes]) => `${file} ${bytes} B`)
        .join(", ")}; together ${total} B`,
    );
    assert.deepEqual(Object.keys(sizes).sort(), ["dist/web/extension.js", "dist/web/server.js"]);
    assert.ok(total < MAX_WEB_BYTES, `${total} bytes`);
  });

  for (const name of ["fs", "node:path", "child_process", "worker_threads"]) {
    it(`a browser build fails on an import of "${name}"`, async function () {
      await assert.rejects(browserBuild(`import * as m from "${name}"; console.log(m);`, process.cwd()), guardError(name));
    });
  }

  it("a browser build fails on a built-in that a package's `browser` field maps to false (esbuild alone shims it)", async function () {
    const folder = mkdtempSync(path.join(tmpdir(), "genesis-shim-"));
    try {
      const pkg = path.join(folder, "node_modules", "uses-fs");
      mkdirSync(pkg, { recursive: true });
      writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ name: "uses-fs", main: "index.js", browser: { fs: false } }));
      writeFileSync(path.join(pkg, "index.js"), 'module.exports = require("fs");\n');
      const entry = 'import * as m from "uses-fs"; console.log(m);';
      const shimmed = await build({
        stdin: { contents: entry, resolveDir: folder },
        bundle: true,
        platform: "browser",
        write: false,
        logLevel: "silent",
      });
      assert.equal(shimmed.errors.length, 0, "without the guard, esbuild bundles an empty module for fs");
      await assert.rejects(browserBuild(entry, folder), guardError("fs"));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

function browserBuild(contents: string, resolveDir: string) {
  return build({
    stdin: { contents, resolveDir },
    bundle: true,
    platform: "browser",
    write: false,
    logLevel: "silent",
    plugins: [noNodeBuiltins],
  });
}

function guardError(name: string): RegExp {
  return new RegExp(`the browser build imports the Node module "${name}"`);
}
