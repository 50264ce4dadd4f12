// The browser build: the extension client and the language server (a Web Worker) for VS Code in
// the browser (vscode.dev, github.dev), in dist/web/. Used by scripts/build.mjs and by the tests.
import { builtinModules } from "node:module";
import { build } from "esbuild";

/** Every name a Node built-in module can be imported by: `fs`, `node:fs`, `fs/promises`, `node:test`. */
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Fails the build on any import of a Node built-in, wherever it comes from. esbuild alone already
 * fails on most of them with platform "browser", but a package whose `browser` field maps a
 * built-in to `false` would get an empty module silently; this plugin sees the import first.
 */
export const noNodeBuiltins = {
  name: "no-node-builtins",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path)) return undefined;
      return { errors: [{ text: `the browser build imports the Node module "${args.path}" (from ${args.importer})` }] };
    });
  },
};

/**
 * Sources that are Node-only by design: the file system, the io readers, the CLI. None may reach a
 * browser bundle. node/text-decoding.ts is the exception: pure (TextDecoder), it lets the browser
 * client decode files exactly as the Node server does.
 */
export const NODE_ONLY_SOURCES = [
  /^server\/src\/node\/(?!text-decoding\.ts$)/,
  /^server\/src\/io\//,
  /^server\/src\/cli\//,
  /^server\/src\/lsp\/evidence\.ts$/,
];

/** @type {import("esbuild").BuildOptions} */
const browserCommon = {
  bundle: true,
  platform: "browser",
  target: "es2022",
  logLevel: "warning",
  legalComments: "none",
  mainFields: ["browser", "module", "main"],
  metafile: true,
  plugins: [noNodeBuiltins],
};

/** The two browser bundles; `vscode` is the extension host's own module. */
export const WEB_ENTRIES = [
  { entryPoints: ["client/src/browser-extension.ts"], outfile: "dist/web/extension.js", format: "cjs", external: ["vscode"] },
  { entryPoints: ["server/src/web/browser-server.ts"], outfile: "dist/web/server.js", format: "iife" },
];

/** esbuild's options for each browser bundle (scripts/build.mjs watches them). */
export function webBuildOptions({ minify = false, write = true } = {}) {
  return WEB_ENTRIES.map((entry) => ({ ...browserCommon, ...entry, minify, write, sourcemap: minify || !write ? false : "linked" }));
}

/**
 * Builds the browser bundles (written to dist/web unless `write` is false) and checks them: no
 * Node-only source inside. Returns each bundle's size in bytes by output file.
 */
export async function buildWeb({ minify = false, write = true } = {}) {
  const results = await Promise.all(webBuildOptions({ minify, write }).map((options) => build(options)));
  const sizes = {};
  for (const [i, result] of results.entries()) {
    const leaked = Object.keys(result.metafile.inputs).filter((input) => NODE_ONLY_SOURCES.some((pattern) => pattern.test(input)));
    if (leaked.length) throw new Error(`${WEB_ENTRIES[i].outfile} bundles Node-only sources: ${leaked.join(", ")}`);
    const output = result.metafile.outputs[WEB_ENTRIES[i].outfile];
    sizes[WEB_ENTRIES[i].outfile] = output.bytes;
  }
  return sizes;
}
