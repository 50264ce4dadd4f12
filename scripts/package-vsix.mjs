// Packages the extension into genesis-readiness.vsix (`npm run package`, after a minified build).
//
// package.json serves two packages: its `files` list is the npm package (the command-line tool
// alone), and .vscodeignore is the extension's. vsce refuses a folder that has both, so it runs in a
// staging copy (.cache/vsix/) holding what the extension ships and a package.json without `files`.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STAGE = path.join(ROOT, ".cache", "vsix");
const VSIX = path.join(ROOT, "genesis-readiness.vsix");
/** What .vscodeignore may let through; it still decides, in the staging copy. */
const COPIED = [".vscodeignore", "README.md", "CHANGELOG.md", "LICENSE", "dist", "schemas", "snippets", "syntaxes", "images"];

rmSync(STAGE, { recursive: true, force: true });
mkdirSync(STAGE, { recursive: true });
for (const entry of COPIED) {
  const source = path.join(ROOT, entry);
  if (existsSync(source)) cpSync(source, path.join(STAGE, entry), { recursive: true, filter: (file) => !file.endsWith(".map") });
}
const { files: _npmFiles, ...manifest } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
writeFileSync(path.join(STAGE, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

const vsce = path.join(ROOT, "node_modules", "@vscode", "vsce", "vsce");
const result = spawnSync(process.execPath, [vsce, "package", "--no-dependencies", "--out", VSIX], { cwd: STAGE, stdio: "inherit" });
process.exitCode = result.status ?? 1;
