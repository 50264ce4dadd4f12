// Bundles the extension client, the language server and the CLI into dist/ with esbuild.
// `--watch` rebuilds on change; `--minify` is used for packaging.
import { build, context } from "esbuild";

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
  { entryPoints: ["server/src/cli/main.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } },
];

if (watch) {
  for (const entry of entries) await (await context({ ...common, ...entry })).watch();
  console.log("esbuild: watching client, server and CLI");
} else {
  const started = Date.now();
  await Promise.all(entries.map((entry) => build({ ...common, ...entry })));
  console.log(`esbuild: dist/client.js, dist/server.js, dist/cli.js in ${Date.now() - started} ms`);
}
