// A real VS Code on a machine without a desktop or internet: code-server (VS Code for the browser,
// from npm) installed into .cache/tools/code-server, outside the extension's own dependencies.
// Used by `npm start` (scripts/start.mjs) and the end-to-end tests (test/e2e/).
//
//   node scripts/code-server.mjs            install code-server if needed and print where it is
//
// The install follows shared/notes/real-vscode-here.md step by step; a marker file written after a
// complete install makes later calls instant. Nothing here downloads a browser or a prebuilt binary:
// ripgrep and Chromium come from Debian's packages.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, lstatSync } from "node:fs";
import { createServer } from "node:net";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const CODE_SERVER_VERSION = "4.100.3";
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const TOOLS_DIR = path.join(ROOT, ".cache", "tools", "code-server");
export const CHROMIUM = "/usr/bin/chromium";
const PACKAGE_DIR = path.join(TOOLS_DIR, "node_modules", "code-server");
const VSCODE_DIR = path.join(PACKAGE_DIR, "lib", "vscode");
const ENTRY = path.join(PACKAGE_DIR, "out", "node", "entry.js");
const MARKER = path.join(TOOLS_DIR, ".installed");
/** What the marker must say for the cached install to be reused. */
const MARKER_TEXT = `code-server@${CODE_SERVER_VERSION} node@${process.versions.node.split(".")[0]}\n`;
/** The native modules of lib/vscode that `--ignore-scripts` left unbuilt. */
const NATIVE_MODULES = ["node-pty", "native-watchdog", "@parcel/watcher", "@vscode/deviceid", "@vscode/spdlog", "kerberos"];
/** Debian packages: why each is needed, and how to tell it is there. */
export const APT_PACKAGES = [
  {
    name: "libkrb5-dev",
    why: "the Kerberos headers that code-server's native module `kerberos` is compiled against",
    present: () => dpkgInstalled("libkrb5-dev"),
  },
  {
    name: "ripgrep",
    why: "`rg`, VS Code's search, in place of the binary code-server would download at install",
    present: () => commandExists("rg"),
  },
  { name: "chromium", why: "the browser the end-to-end tests drive (Playwright never downloads one)", present: () => existsSync(CHROMIUM) },
];

/** User settings for a fresh user-data dir: no trust prompt, no welcome page, nothing fetched. */
export const USER_SETTINGS = {
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "git.enabled": false,
};

function commandExists(name) {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function dpkgInstalled(name) {
  try {
    return /Status: install ok installed/.test(
      execFileSync("dpkg", ["-s", name], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }),
    );
  } catch {
    return false;
  }
}

/**
 * The environment without what `npm run` adds for its scripts (npm_config_local_prefix,
 * npm_package_*, ...), so that an npm started from here works in its own folder, not the project's.
 * npm's cache and node-gyp's headers are kept under .cache/ too: nothing is written outside the
 * repository.
 */
function cleanEnv(extra) {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (/^npm_(config|package|lifecycle)_/i.test(name) || name === "INIT_CWD") delete env[name];
  return { ...env, npm_config_cache: path.join(ROOT, ".cache", "npm"), npm_config_devdir: path.join(ROOT, ".cache", "node-gyp"), ...extra };
}

/**
 * The environment of a code-server process. Beside its --user-data-dir, --extensions-dir and
 * --config, code-server writes its logs and a heartbeat under $XDG_DATA_HOME/code-server (by default
 * ~/.local/share) and VS Code a device id under $XDG_CACHE_HOME: every XDG base folder is pointed at
 * `xdg/` beside the user-data dir, so that the whole state stays in the folder the caller chose.
 */
export function codeServerEnv(userDataDir) {
  const base = path.join(path.dirname(userDataDir), "xdg");
  return {
    ...process.env,
    XDG_DATA_HOME: path.join(base, "data"),
    XDG_CONFIG_HOME: path.join(base, "config"),
    XDG_CACHE_HOME: path.join(base, "cache"),
    XDG_STATE_HOME: path.join(base, "state"),
  };
}

function run(command, args, cwd, log, env = {}) {
  log(`$ ${[command, ...args].join(" ")}${cwd === ROOT ? "" : `   (in ${path.relative(ROOT, cwd) || "."})`}`);
  execFileSync(command, args, { cwd, stdio: ["ignore", "inherit", "inherit"], env: cleanEnv(env) });
}

/** The apt-get arguments that install exactly `names`: nothing already installed is upgraded, nothing recommended added. */
export function aptInstallArguments(names) {
  return ["install", "-y", "--no-upgrade", "--no-install-recommends", ...names];
}

/**
 * Installs the Debian packages code-server and the browser tests need, only those missing, after
 * saying why each is needed. No upgrade of anything installed (`--no-upgrade`); `apt-get update`
 * only refreshes the package lists, so that the missing ones can be found.
 */
export function ensureAptPackages(log = console.log) {
  const missing = APT_PACKAGES.filter((p) => !p.present());
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  log(`Installing the missing Debian package${missing.length === 1 ? "" : "s"} (nothing else is installed or upgraded):`);
  for (const p of missing) log(`  ${p.name}: ${p.why}`);
  const asRoot = process.getuid?.() === 0 ? [] : ["sudo"];
  if (asRoot.length && !commandExists("sudo")) {
    throw new Error(`missing Debian packages ${names.join(", ")}: run "apt-get ${aptInstallArguments(names).join(" ")}" as root`);
  }
  const apt = (args) =>
    run(asRoot[0] ?? "apt-get", asRoot.length ? ["apt-get", ...args] : args, ROOT, log, { DEBIAN_FRONTEND: "noninteractive" });
  apt(["update"]);
  apt(aptInstallArguments(names));
}

function forceSymlink(target, link) {
  try {
    lstatSync(link);
    rmSync(link, { recursive: true, force: true });
  } catch {
    // nothing there yet
  }
  mkdirSync(path.dirname(link), { recursive: true });
  symlinkSync(target, link);
}

/**
 * Makes sure code-server is installed in .cache/tools/code-server (and the Debian packages it and
 * the browser tests need are present). The first call takes a few minutes; later calls only read the
 * marker file. Returns the path of code-server's `entry.js`.
 */
export function ensureCodeServer({ log = console.log } = {}) {
  ensureAptPackages(log);
  if (existsSync(MARKER) && readFileSync(MARKER, "utf8") === MARKER_TEXT && existsSync(ENTRY)) return { entry: ENTRY, cached: true };

  const started = Date.now();
  log(`Installing code-server@${CODE_SERVER_VERSION} into ${path.relative(ROOT, TOOLS_DIR)} (a few minutes, once)`);
  rmSync(MARKER, { force: true });
  mkdirSync(TOOLS_DIR, { recursive: true });
  // Its own package.json, so that this install never touches the extension's dependencies.
  writeFileSync(path.join(TOOLS_DIR, "package.json"), JSON.stringify({ name: "genesis-tools-code-server", private: true }, null, 2) + "\n");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];
  // 1. code-server itself, without its scripts (they refuse root, build kerberos, download ripgrep).
  run(npm, ["install", "--ignore-scripts", "--save-exact", ...quiet, `code-server@${CODE_SERVER_VERSION}`], TOOLS_DIR, log);
  // 2. VS Code's own runtime dependencies, then its native modules (npx may fetch node-gyp for node-pty).
  run(npm, ["install", "--omit=dev", "--ignore-scripts", ...quiet], VSCODE_DIR, log);
  run(npm, ["rebuild", ...quiet, ...NATIVE_MODULES], VSCODE_DIR, log, { npm_config_yes: "true" });
  // 3. Debian's ripgrep instead of the download, and the asar path VS Code loads its modules from.
  forceSymlink(
    execFileSync("sh", ["-c", "command -v rg"], { encoding: "utf8" }).trim(),
    path.join(VSCODE_DIR, "node_modules", "@vscode", "ripgrep", "bin", "rg"),
  );
  forceSymlink("node_modules", path.join(VSCODE_DIR, "node_modules.asar"));
  // 4. code-server's password hashing module.
  run(npm, ["rebuild", ...quiet, "argon2"], TOOLS_DIR, log);
  writeFileSync(MARKER, MARKER_TEXT);
  log(`code-server@${CODE_SERVER_VERSION} installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return { entry: ENTRY, cached: false };
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Creates a user-data dir with USER_SETTINGS (plus `settings`) in User/settings.json. */
export function prepareUserDataDir(userDataDir, settings = {}) {
  mkdirSync(path.join(userDataDir, "User"), { recursive: true });
  writeFileSync(path.join(userDataDir, "User", "settings.json"), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2) + "\n");
}

/** Installs a packaged extension (.vsix) into the given user-data and extensions dirs. */
export function installExtension({ vsix, userDataDir, extensionsDir, log = console.log }) {
  const output = execFileSync(
    process.execPath,
    [
      ENTRY,
      "--user-data-dir",
      userDataDir,
      "--extensions-dir",
      extensionsDir,
      "--config",
      path.join(userDataDir, "code-server.yaml"),
      "--install-extension",
      vsix,
      "--force",
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: codeServerEnv(userDataDir) },
  );
  if (!/successfully installed/i.test(output)) throw new Error(`code-server did not install ${vsix}:\n${output}`);
  log(output.trim());
}

/**
 * Starts code-server on 127.0.0.1:port in its own process group and resolves `ready` once it
 * listens (rejects after `timeoutMs`, or if it exits first). `stop()` ends the whole group, and so
 * does this process's exit, so that no code-server outlives the script or test that started it.
 */
export function startCodeServer({ port, userDataDir, extensionsDir, workspace, timeoutMs = 60_000, onOutput }) {
  const args = [
    ENTRY,
    "--auth",
    "none",
    "--bind-addr",
    `127.0.0.1:${port}`,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--user-data-dir",
    userDataDir,
    "--extensions-dir",
    extensionsDir,
    // Its own config file, so that nothing is written to ~/.config/code-server.
    "--config",
    path.join(userDataDir, "code-server.yaml"),
  ];
  if (workspace) args.push(workspace);
  const child = spawn(process.execPath, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: codeServerEnv(userDataDir) });
  let output = "";
  let exited = false;
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false; // already gone
    }
  };
  const onExit = () => void (exited || killGroup("SIGKILL"));
  process.once("exit", onExit);
  child.once("exit", () => {
    exited = true;
    process.removeListener("exit", onExit);
  });
  const stop = () =>
    new Promise((resolve) => {
      if (exited || child.pid === undefined) return resolve();
      const force = setTimeout(() => killGroup("SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      if (!killGroup("SIGTERM")) {
        clearTimeout(force);
        resolve();
      }
    });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`code-server did not listen on port ${port} within ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      const text = String(chunk);
      output += text;
      onOutput?.(text);
      if (/HTTP server listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (code ${code}, signal ${signal}) before it listened:\n${output}`));
    });
  });
  return {
    child,
    ready,
    stop,
    url: (folder) => `http://127.0.0.1:${port}/${folder ? `?folder=${encodeURI(folder)}` : ""}`,
    output: () => output,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const { entry, cached } = ensureCodeServer();
    console.log(`code-server@${CODE_SERVER_VERSION}${cached ? " (cached)" : ""}: ${path.relative(ROOT, entry)}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
