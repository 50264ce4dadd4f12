// `npm run test:vscode`: the end-to-end scenarios through the VS Code API, in a desktop VS Code
// started by @vscode/test-electron. It downloads VS Code (VSCODE_VERSION, default "stable"), so it
// needs internet; on a host without, point VSCODE_EXECUTABLE at an installed VS Code binary.
// Not part of `npm test` or CI: there, test/e2e/ runs the same scenarios in code-server.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runTests } from "@vscode/test-electron";
import { build } from "esbuild";

const REPOSITORY = path.resolve(__dirname, "../..");
const OUT = path.join(REPOSITORY, "out", "test", "vscode");

async function main(): Promise<void> {
  // The extension host loads plain JavaScript: bundle the suite (mocha and vscode stay external).
  await build({
    entryPoints: [path.join(__dirname, "suite", "index.ts"), path.join(__dirname, "suite", "diagnostics.test.ts")],
    outdir: OUT,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["vscode", "mocha"],
    logLevel: "warning",
  });

  // A copy of examples/, so that nothing the tests do changes the repository.
  const base = mkdtempSync(path.join(tmpdir(), "genesis-vscode-"));
  const workspace = path.join(base, "examples");
  cpSync(path.join(REPOSITORY, "examples"), workspace, { recursive: true });
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? "stable",
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: REPOSITORY,
      extensionTestsPath: path.join(OUT, "index.js"),
      launchArgs: [
        workspace,
        "--disable-extensions",
        "--disable-workspace-trust",
        "--skip-welcome",
        "--user-data-dir",
        path.join(base, "user-data"),
      ],
    });
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
