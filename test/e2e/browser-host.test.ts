import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { hasProblem, workbenchPerSuite } from "./support/suite";
import { BROWSER_ONLY_VSIX, REPOSITORY, TIMEOUTS } from "./support/workbench";

/**
 * The browser entry in a real workbench: the browser-only package (`browser`, no `main`, no Node
 * bundle) installed into code-server, which can run it only in the browser's Web Worker extension
 * host, the host vscode.dev and github.dev run extensions in. The client there starts the language
 * server in a Web Worker and serves it the workspace's files through `workspace.fs`.
 */

const MANIFEST = "data/beamline-xrd.dataset.yaml";

describe("Genesis Readiness in code-server's Web Worker extension host (browser-only package, Chromium)", function () {
  this.timeout(TIMEOUTS.serverStart + TIMEOUTS.workbench + 60_000);
  // Failure screenshots are test-results/browser-host-<test title>.png.
  const workbench = workbenchPerSuite("browser-host-", {
    vsix: BROWSER_ONLY_VSIX,
    under: path.join(REPOSITORY, ".cache", "e2e-browser-host"),
  });

  it("installs a package that only a browser can run: a browser entry, no main and no Node bundle", function () {
    const extensions = path.join(workbench().base, "extensions");
    const installed = readdirSync(extensions).filter((name) => name.startsWith("genesis-readiness.genesis-readiness-"));
    assert.equal(installed.length, 1, `one Genesis Readiness extension in ${extensions}: ${installed.join(", ")}`);
    const folder = path.join(extensions, installed[0]);
    const manifest = JSON.parse(readFileSync(path.join(folder, "package.json"), "utf8")) as { main?: string; browser?: string };
    assert.deepEqual({ main: manifest.main, browser: manifest.browser }, { main: undefined, browser: "./dist/web/extension.js" });
    assert.deepEqual(readdirSync(path.join(folder, "dist")), ["web"]);
  });

  it("runs in the Web Worker extension host, whose client starts the server in a Web Worker, and no Node server", async function () {
    const wb = workbench();
    await wb.runCommand("Developer: Show Running Extensions");
    // Each running extension says where it runs: the host's address for code-server's Node host, or "web worker".
    const row = wb.page.locator(".runtime-extensions-editor .monaco-list-row[aria-label='genesis-readiness']");
    await row.waitFor({ timeout: TIMEOUTS.ui });
    assert.equal((await row.locator(".msg").innerText()).trim(), "web worker");
    await wb.closeAllEditors();

    await wb.runCommand("Genesis: Show Output");
    await wb.page
      .locator(".part.panel .monaco-editor .view-line", { hasText: "Genesis Readiness server" })
      .first()
      .waitFor({ timeout: TIMEOUTS.diagnostic });
    const output = wb.page.locator(".part.panel .monaco-editor").first();
    const shown = (await output.innerText()).replace(/\u00a0/g, " "); // the editor renders spaces as no-break spaces
    assert.match(shown, /Genesis Readiness server \S+ started \(a Web Worker\)/);
    assert.doesNotMatch(shown, /did not start/);
    assert.deepEqual(wb.serverProcessIds(), [], "no Node language server process");
  });

  it("shows the broken manifest's mistakes: squiggles, and Problems rows with their rule ids", async function () {
    const wb = workbench();
    await wb.showProblems();
    await wb.openFile(MANIFEST);
    await wb.page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: TIMEOUTS.diagnostic });
    const problems = await wb.waitForProblems(
      path.basename(MANIFEST),
      (p) => hasProblem(p, "version/semver", 4) && hasProblem(p, "license/spdx", 11) && hasProblem(p, "schema/enum", 41),
      "version/semver on line 4, license/spdx on line 11, schema/enum on line 41",
    );
    const spdx = problems.find((p) => p.code === "license/spdx")!;
    assert.equal(spdx.severity, "error");
  });

  it("shows the readiness score and checklist, and a quick fix turns a failing item to pass", async function () {
    const wb = workbench();
    const score = wb.page.locator(".statusbar-item", { hasText: /Genesis \d+\/21/ }).first();
    await score.waitFor({ timeout: TIMEOUTS.diagnostic });
    const before = Number(/Genesis (\d+)\/21/.exec(await score.innerText())![1]);
    await score.click(); // focuses the Readiness view
    const sidebar = wb.page.locator(".part.sidebar");
    await sidebar.locator(".monaco-list-row[aria-label^='Standard data formats, fails']").first().waitFor({ timeout: TIMEOUTS.diagnostic });

    // The fix for `format: parqet`, chosen in the editor's quick fix menu.
    await wb.openFile(MANIFEST);
    await wb.applyQuickFix(41, "    format: pa", 'Change to "parquet"');
    await wb.page.locator(".monaco-editor .view-line", { hasText: "format: parquet" }).first().waitFor({ timeout: TIMEOUTS.ui });
    await wb.waitForProblems(
      path.basename(MANIFEST),
      (p) => !hasProblem(p, "schema/enum", 41) && hasProblem(p, "license/spdx", 11),
      "schema/enum to go after the quick fix",
    );
    await sidebar
      .locator(".monaco-list-row[aria-label^='Standard data formats, passes']")
      .first()
      .waitFor({ timeout: TIMEOUTS.diagnostic });
    // Evaluated in the page (this project's TypeScript has no DOM types, hence a string).
    await wb.page.waitForFunction(
      `[...document.querySelectorAll(".statusbar-item")]` +
        `.some((item) => Number((/Genesis (\\d+)\\/21/.exec(item.textContent || "") || [])[1] || -1) > ${before})`,
      undefined,
      { timeout: TIMEOUTS.diagnostic },
    );
    await wb.runCommand("File: Revert File");
  });

  it("restarts: Restart Language Server ends the old worker, starts a new one, and the diagnostics come back", async function () {
    const wb = workbench();
    await wb.runCommand("Genesis: Restart Language Server");
    await wb.runCommand("Genesis: Show Output");
    const started = /Genesis Readiness server \S+ started \(a Web Worker\)/g;
    await wb.page.waitForFunction(
      `[...document.querySelectorAll(".part.panel .monaco-editor .view-line")]` +
        `.filter((line) => /Genesis Readiness server \\S+ started/.test((line.textContent || "").replace(/\\u00a0/g, " "))).length >= 2`,
      undefined,
      { timeout: TIMEOUTS.diagnostic },
    );
    const shown = (await wb.page.locator(".part.panel .monaco-editor").first().innerText()).replace(/\u00a0/g, " ");
    assert.ok((shown.match(started) ?? []).length >= 2, shown);
    assert.doesNotMatch(shown, /did not start/);
    await wb.showProblems();
    await wb.openFile(MANIFEST);
    await wb.waitForProblems(
      path.basename(MANIFEST),
      (p) => hasProblem(p, "version/semver", 4),
      "version/semver on line 4 after the restart",
    );
  });
});
