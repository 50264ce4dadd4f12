// Bundles the extension client, the language server and the CLI into dist/ with esbuild, and the
// browser client and Web Worker server into dist/web/ (scripts/build-web.mjs).
// `--watch` rebuilds on change; `--minify` is used for packaging.
import { build, context } from "esbuild";
import { buildWeb, webBuildOptions } from "./build-web.mjs";
import { isStale } from "./generate-validators.mjs";

const watch = process.argv.includes("--watch");
const minify = process.argv.includes("--minify");

/** @type {import("esbuild").BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: minify ? false : "linked",
  minify,
  logLevel: "warning",
  // Keep the license comments of bundled packages out of the way, in a side file.
  legalComments: "none",
  // jsonc-parser's UMD build loads its parts with a dynamic require that esbuild cannot follow.
  mainFields: ["module", "main"],
};

const entries = [
  { entryPoints: ["client/src/extension.ts"], outfile: "dist/client.js", external: ["vscode"] },
  { entryPoints: ["server/src/server.ts"], outfile: "dist/server.js" },
  // The executable is a small launcher that runs the CLI bundle with a code cache (server/src/cli/launch.ts).
  { entryPoints: ["server/src/cli/launch.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli-main.js" },
  // `genesis-readiness mcp` (server/src/cli/mcp-launch.ts): the Model Context Protocol server, in
  // its own bundle so that the other commands do not load the SDK.
  { entryPoints: ["server/src/mcp/mcp-command.ts"], outfile: "dist/mcp.js" },
  // Loaded at run time beside the CLI and server bundles (server/src/io): the hash worker thread,
  // and the HDF5 reader, kept out of the main bundles because h5wasm's WebAssembly is ~5 MB.
  { entryPoints: ["server/src/io/hash-worker.ts"], outfile: "dist/hash-worker.js" },
  {
    entryPoints: ["server/src/io/hdf5-reader.ts"],
    outfile: "dist/hdf5-reader.js",
    // h5wasm's Node build is an ES module that finds itself through import.meta.url; in this
    // CommonJS bundle that is the bundle's own file URL.
    define: { "import.meta.url": "__bundle_url" },
    banner: { js: 'const __bundle_url = require("url").pathToFileURL(__filename).href;' },
    sourcemap: false,
  },
  // Loaded at run time beside the CLI bundle (server/src/cli/worker-pool.ts): the thread that
  // reads and analyses a share of a large workspace's files.
  { entryPoints: ["server/src/cli/check-worker.ts"], outfile: "dist/check-worker.js" },
  // The same for the threads that parse a large folder's files while the server scans it (server/src/lsp/parse-pool.ts).
  { entryPoints: ["server/src/lsp/parse-worker.ts"], outfile: "dist/parse-worker.js" },
];

// The schema validators are generated from schemas/ and committed (server/src/core/schema/
// validators.generated.js). The build never writes into the sources: it refuses to bundle stale
// ones, so that a schema edit without `npm run generate:validators` cannot ship unnoticed.
if (isStale()) {
  console.error(
    "build: server/src/core/schema/validators.generated.js is stale (schemas/ changed); run `npm run generate:validators` and commit it.",
  );
  process.exit(1);
}

if (watch) {
  for (const entry of entries) await (await context({ ...common, ...entry })).watch();
  for (const options of webBuildOptions()) await (await context(options)).watch();
  console.log("esbuild: watching client, server, CLI and the browser bundles");
} else {
  const started = Date.now();
  const [, webSizes] = await Promise.all([Promise.all(entries.map((entry) => build({ ...common, ...entry }))), buildWeb({ minify })]);
  console.log(
    "esbuild: dist/client.js, dist/server.js, dist/cli.js, dist/cli-main.js, dist/mcp.js, dist/check-worker.js, dist/hash-worker.js, " +
      "dist/parse-worker.js, " +
      `dist/hdf5-reader.js, dist/web/extension.js, dist/web/server.js in ${Date.now() - started} ms`,
  );
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  const total = Object.values(webSizes).reduce((sum, bytes) => sum + bytes, 0);
  console.log(
    `browser bundles${minify ? " (minified)" : ""}: ${Object.entries(webSizes)
      .map(([file, bytes]) => `${file} ${kib(bytes)}`)
      .join(", ")}; together ${kib(total)}`,
  );
}
