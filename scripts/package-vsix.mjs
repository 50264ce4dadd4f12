// Packages the extension into genesis-readiness.vsix (`npm run package`, after a minified build).
//
// package.json serves two packages: its `files` list is the npm package (the command-line tool
// alone), and .vscodeignore is the extension's. vsce refuses a folder that has both, so it runs in a
// staging copy (.cache/vsix/) holding what the extension ships and a package.json without `files`.
//
//   node scripts/package-vsix.mjs --browser-only   the browser-only variant, .cache/genesis-readiness-web.vsix
//
// The browser-only variant has no `main` and none of the Node bundles, only `browser` and dist/web/:
// the package a VS Code can run in nothing but its Web Worker extension host, as on vscode.dev.
// The end-to-end tests install it into code-server to prove the browser client there
// (test/e2e/browser-host.test.ts).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const browserOnly = process.argv.includes("--browser-only");
const STAGE = path.join(ROOT, ".cache", browserOnly ? "vsix-web" : "vsix");
const VSIX = browserOnly ? path.join(ROOT, ".cache", "genesis-readiness-web.vsix") : path.join(ROOT, "genesis-readiness.vsix");
/** What .vscodeignore may let through; it still decides, in the staging copy. */
const COPIED = [
  ".vscodeignore",
  "README.md",
  "CHANGELOG.md",
  "LICENSE",
  browserOnly ? "dist/web" : "dist",
  "schemas",
  "snippets",
  "syntaxes",
  "images",
];

rmSync(STAGE, { recursive: true, force: true });
mkdirSync(STAGE, { recursive: true });
for (const entry of COPIED) {
  const source = path.join(ROOT, entry);
  if (existsSync(source)) cpSync(source, path.join(STAGE, entry), { recursive: true, filter: (file) => !file.endsWith(".map") });
}
const { files: _npmFiles, main, ...manifest } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
writeFileSync(path.join(STAGE, "package.json"), `${JSON.stringify(browserOnly ? manifest : { ...manifest, main }, null, 2)}\n`);

const vsce = path.join(ROOT, "node_modules", "@vscode", "vsce", "vsce");
const result = spawnSync(process.execPath, [vsce, "package", "--no-dependencies", "--out", VSIX], { cwd: STAGE, stdio: "inherit" });
process.exitCode = result.status ?? 1;
