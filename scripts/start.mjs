// `npm start`: build and package the extension, then open examples/ in a real VS Code with the
// packaged extension installed.
//
// - Where a `code` command exists (desktop VS Code): the extension installed into a profile of its
//   own under .cache/vscode/ (user data and extensions), and examples/ opened with it; the user's
//   own VS Code profile is left as it is.
// - Otherwise (or with GENESIS_CODE_SERVER=1): code-server, VS Code for the browser, installed once
//   into .cache/tools/code-server, listening on http://127.0.0.1:8743 (GENESIS_PORT overrides the
//   port), with a fresh user-data dir, config and XDG folders in .cache/code-server/. It runs until Ctrl+C.
//
// Only what is missing is installed (code-server once; the Debian packages it needs, each named
// with the reason before apt-get runs, never upgrading anything). Nothing is written outside the
// repository but by apt-get.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import * as path from "node:path";
import { ROOT, ensureCodeServer, installExtension, prepareUserDataDir, startCodeServer } from "./code-server.mjs";

const VSIX = path.join(ROOT, "genesis-readiness.vsix");
const EXAMPLES = path.join(ROOT, "examples");
const DEFAULT_PORT = 8743;

function hasCommand(name) {
  return spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

function packageExtension() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["run", "package"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0 || !existsSync(VSIX)) throw new Error("npm run package failed");
}

function openInDesktopVsCode() {
  const profile = path.join(ROOT, ".cache", "vscode");
  const dirs = ["--user-data-dir", path.join(profile, "user-data"), "--extensions-dir", path.join(profile, "extensions")];
  execFileSync("code", [...dirs, "--install-extension", VSIX, "--force"], { stdio: "inherit" });
  execFileSync("code", [...dirs, EXAMPLES], { stdio: "inherit" });
  console.log(`Opened ${EXAMPLES} in VS Code with Genesis Readiness installed (profile in ${path.relative(ROOT, profile)}/).`);
}

async function openInCodeServer() {
  const port = Number(process.env.GENESIS_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535)
    throw new Error(`GENESIS_PORT must be a TCP port, not "${process.env.GENESIS_PORT}"`);
  ensureCodeServer();
  const state = path.join(ROOT, ".cache", "code-server");
  const userDataDir = path.join(state, "user-data");
  const extensionsDir = path.join(state, "extensions");
  rmSync(state, { recursive: true, force: true });
  prepareUserDataDir(userDataDir);
  installExtension({ vsix: VSIX, userDataDir, extensionsDir });

  const server = startCodeServer({ port, userDataDir, extensionsDir, workspace: EXAMPLES, onOutput: (text) => process.stdout.write(text) });
  let stopping = false;
  const shutdown = async (signal) => {
    stopping = true;
    await server.stop();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.once(signal, () => void shutdown(signal));
  server.child.once("exit", (code) => {
    if (stopping) return;
    console.log(`code-server exited (code ${code})`);
    process.exit(code ?? 1);
  });
  await server.ready;
  console.log("");
  console.log(`Genesis Readiness is running in VS Code (code-server) with ${path.relative(ROOT, EXAMPLES)}/ open:`);
  console.log(`  ${server.url(EXAMPLES)}`);
  console.log("Open the URL in a browser on this machine (or forward the port). Ctrl+C stops it.");
}

try {
  packageExtension();
  if (hasCommand("code") && !process.env.GENESIS_CODE_SERVER) openInDesktopVsCode();
  else await openInCodeServer();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
