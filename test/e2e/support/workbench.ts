import { execFileSync } from "node:child_process";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import {
  CHROMIUM,
  ensureCodeServer,
  freePort,
  installExtension,
  prepareUserDataDir,
  ROOT,
  startCodeServer,
  type CodeServer,
} from "../../../scripts/code-server.mjs";

/**
 * A real VS Code for the end-to-end tests: the packaged extension (.vsix) installed into a fresh
 * code-server, a copy of examples/ as its workspace, and the workbench page in Debian's Chromium,
 * driven by playwright-core. Every wait is on something the page shows, bounded by a timeout.
 */

export const REPOSITORY = ROOT;
export const VSIX = path.join(REPOSITORY, "genesis-readiness.vsix");
export const RESULTS = path.join(REPOSITORY, "test-results");

/** Bounds of every wait: code-server start, first workbench paint, one diagnostic. */
export const TIMEOUTS = { serverStart: 60_000, workbench: 60_000, diagnostic: 30_000, ui: 15_000 };

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** What goes into the .vsix: when any of it is newer than the .vsix, the tests package again. */
const PACKAGED_INPUTS = [
  "client/src",
  "server/src",
  "schemas",
  "syntaxes",
  "snippets",
  "images",
  "package.json",
  "README.md",
  "CHANGELOG.md",
  "LICENSE",
  ".vscodeignore",
  "scripts/build.mjs",
  "scripts/build-web.mjs",
  "scripts/package-vsix.mjs",
];

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

/**
 * The browser-only package (scripts/package-vsix.mjs --browser-only): no `main`, no Node bundles,
 * only `browser` and dist/web/, so that VS Code can run it in nothing but its Web Worker extension host.
 */
export const BROWSER_ONLY_VSIX = path.join(REPOSITORY, ".cache", "genesis-readiness-web.vsix");

/** How each package is made: a minified build, then packaging. */
const PACKAGING: Record<string, readonly (readonly string[])[]> = {
  [VSIX]: [["npm", "run", "package"]],
  [BROWSER_ONLY_VSIX]: [
    [process.execPath, "scripts/build.mjs", "--minify"],
    [process.execPath, "scripts/package-vsix.mjs", "--browser-only"],
  ],
};

/** Packages the extension unless the package is newer than everything that goes into it. */
export function ensureFreshVsix(vsix = VSIX): void {
  const inputs = Math.max(...PACKAGED_INPUTS.map((p) => newestMtime(path.join(REPOSITORY, p))));
  if (existsSync(vsix) && statSync(vsix).mtimeMs > inputs) return;
  for (const [command, ...args] of PACKAGING[vsix]) {
    const result = spawnSync(command, args, { cwd: REPOSITORY, encoding: "utf8" });
    assert.equal(result.status, 0, `${[command, ...args].join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
  assert.ok(existsSync(vsix), `packaging wrote no ${vsix}`);
}

/** The little of the DOM that the functions run in the page use (this project compiles without lib "dom"). */
interface Rendered {
  readonly innerText: string;
  getAttribute(name: string): string | null;
}
interface PageGlobals {
  readonly document: { querySelector(selector: string): Rendered | null; querySelectorAll(selector: string): ArrayLike<Rendered> };
}

/** One token of a rendered editor line: its text and its computed CSS colour. */
export interface RenderedToken {
  readonly text: string;
  readonly colour: string;
}

/** One row of the Problems panel. */
export interface Problem {
  readonly file: string;
  readonly severity: "error" | "warning" | "info";
  readonly code: string;
  readonly line: number;
  readonly message: string;
}

export class Workbench {
  private constructor(
    readonly base: string,
    readonly workspace: string,
    readonly userDataDir: string,
    private readonly server: CodeServer,
    private readonly browser: Browser,
    readonly page: Page,
  ) {}

  /**
   * Packages (if needed) and installs the extension (`vsix`, by default the full package) into a
   * fresh code-server, copies examples/ to a workspace in a new folder of `under` (by default the
   * system's temporary folder), starts code-server on a free port and opens the workbench in
   * Chromium. Whatever was started is stopped again if a later step fails.
   */
  static async launch({ vsix = VSIX, under = tmpdir() }: { vsix?: string; under?: string } = {}): Promise<Workbench> {
    ensureFreshVsix(vsix);
    ensureCodeServer({ log: (line) => console.log(`      ${line}`) });
    mkdirSync(under, { recursive: true });
    const base = mkdtempSync(path.join(under, "genesis-e2e-"));
    const workspace = path.join(base, "examples");
    const userDataDir = path.join(base, "user-data");
    const extensionsDir = path.join(base, "extensions");
    cpSync(path.join(REPOSITORY, "examples"), workspace, { recursive: true });
    prepareUserDataDir(userDataDir, {
      // A quiet, predictable workbench: no minimap or blinking cursor in screenshots, no auto-save.
      "editor.minimap.enabled": false,
      "editor.cursorBlinking": "solid",
      "files.autoSave": "off",
      "workbench.editor.enablePreview": false,
      "window.commandCenter": false,
      "breadcrumbs.enabled": false,
      "editor.stickyScroll.enabled": false,
    });
    installExtension({ vsix, userDataDir, extensionsDir, log: () => undefined });

    const server = startCodeServer({ port: await freePort(), userDataDir, extensionsDir, workspace, timeoutMs: TIMEOUTS.serverStart });
    let browser: Browser | undefined;
    let page: Page | undefined;
    try {
      await server.ready;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
      page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
      await page.goto(server.url(workspace));
      await page.locator(".monaco-workbench .part.editor").waitFor({ timeout: TIMEOUTS.workbench });
      // The Explorer lists the workspace once the remote file system answers.
      await page
        .locator(".explorer-folders-view .monaco-list-row", { hasText: "genesis.config.yaml" })
        .waitFor({ timeout: TIMEOUTS.workbench });
      const workbench = new Workbench(base, workspace, userDataDir, server, browser, page);
      await workbench.showActiveFileProblemsOnly();
      return workbench;
    } catch (error) {
      if (page) {
        mkdirSync(RESULTS, { recursive: true });
        await page.screenshot({ path: path.join(RESULTS, "e2e-launch.png") }).catch(() => undefined);
      }
      await browser?.close().catch(() => undefined);
      await server.stop();
      rmSync(base, { recursive: true, force: true });
      throw new Error(`${error instanceof Error ? error.message : String(error)}\ncode-server said:\n${server.output()}`, { cause: error });
    }
  }

  /** Closes the browser and ends code-server's process group; safe to call twice. */
  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
    rmSync(this.base, { recursive: true, force: true });
  }

  /**
   * Saves a PNG of the page for the README, once the active editor shows syntax colours (the
   * grammar tokenizes after the first paint); without colours after a while, it is taken anyway.
   * Some colour is not all: after a jump, lines far from the top are first coloured from a guessed
   * state (a model card's front matter as plain Markdown text), so a test that shows such lines
   * first waits for one of their tokens (`waitForToken`).
   */
  async readmeScreenshot(file: string): Promise<void> {
    await this.page
      .waitForFunction(
        () =>
          (globalThis as unknown as PageGlobals).document.querySelectorAll(".editor-instance .view-line span[class^='mtk']:not(.mtk1)")
            .length > 0,
        undefined,
        { timeout: TIMEOUTS.ui },
      )
      .catch(() => undefined);
    // No tooltip of whatever the pointer was last left on: it goes to the window's title.
    await this.page.mouse.move(640, 10);
    await this.page.locator(".workbench-hover").first().waitFor({ state: "hidden", timeout: TIMEOUTS.ui });
    await this.screenshot(file);
  }

  /**
   * The editor's rendered lines, top to bottom, each as its tokens: text (spaces as spaces) and
   * the colour the theme gives it. Only lines on screen are rendered; colours come from the
   * grammar after the first paint, so wait for a token first (see `waitForToken`).
   */
  async renderedTokens(): Promise<RenderedToken[][]> {
    // Evaluated in the page (this project's TypeScript has no DOM types, hence a string).
    return this.page.evaluate(`[...document.querySelectorAll(".part.editor .editor-instance .view-line")]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => [...line.querySelectorAll("span[class^='mtk']")]
        .map((span) => ({ text: span.textContent.replace(/\\u00a0/g, " "), colour: getComputedStyle(span).color })))`);
  }

  /** Waits until the editor shows a token whose text is exactly `text` (the grammar has run over it). */
  async waitForToken(text: string): Promise<void> {
    // The editor renders spaces as no-break spaces.
    const exactly = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "[ \u00a0]")}$`);
    await this.page
      .locator(".part.editor .editor-instance .view-line span[class^='mtk']", { hasText: exactly })
      .first()
      .waitFor({ timeout: TIMEOUTS.ui });
  }

  /** Saves a PNG of the page (for failures and for the README). */
  async screenshot(file: string): Promise<void> {
    mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }

  /** Runs a command by its title through the command palette (F1). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press("F1");
    const input = this.page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: TIMEOUTS.ui });
    await input.fill(`>${title}`);
    await this.page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first().waitFor({ timeout: TIMEOUTS.ui });
    await this.page.keyboard.press("Enter");
    await this.page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: TIMEOUTS.ui });
  }

  /** Opens a workspace file through Quick Open and waits until its tab is active and focused. */
  async openFile(relativePath: string): Promise<void> {
    const name = path.basename(relativePath);
    // The command palette without its ">" is Quick Open (Go to File).
    await this.page.keyboard.press("F1");
    const input = this.page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: TIMEOUTS.ui });
    await input.fill(relativePath);
    await this.page.locator(".quick-input-widget .monaco-list-row", { hasText: name }).first().waitFor({ timeout: TIMEOUTS.ui });
    await this.page.keyboard.press("Enter");
    await this.page.locator(".tabs-container .tab.active", { hasText: name }).waitFor({ timeout: TIMEOUTS.ui });
    await this.page.locator(".editor-instance .monaco-editor.focused").waitFor({ timeout: TIMEOUTS.ui });
  }

  /** Closes every editor, discarding unsaved changes (answers "Don't Save" when asked). */
  async closeAllEditors(): Promise<void> {
    await this.runCommand("View: Close All Editors");
    const empty = this.page.locator(".editor-group-container.empty");
    const dialog = this.page.locator(".monaco-dialog-box");
    await empty.or(dialog).first().waitFor({ timeout: TIMEOUTS.ui });
    if (await dialog.isVisible()) {
      await dialog.getByRole("button", { name: "Don't Save" }).click();
      await empty.waitFor({ timeout: TIMEOUTS.ui });
    }
  }

  /** Moves the cursor of the focused editor to the start of a 1-based line (Ctrl+G). */
  async goToLine(line: number): Promise<void> {
    await this.page.keyboard.press("Control+G");
    const input = this.page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible", timeout: TIMEOUTS.ui });
    await input.fill(`:${line}`);
    await this.page.keyboard.press("Enter");
    await this.page.locator(".quick-input-widget").waitFor({ state: "hidden", timeout: TIMEOUTS.ui });
    await this.page.locator(".statusbar-item", { hasText: new RegExp(`Ln ${line}, Col 1\\b`) }).waitFor({ timeout: TIMEOUTS.ui });
  }

  /**
   * Replaces what follows `after` on a 1-based line with `text`, by keystrokes: go to the line,
   * move past `after`, select to the end of the line and type.
   */
  async replaceRestOfLine(line: number, after: string, text: string): Promise<void> {
    await this.goToLine(line);
    for (let i = 0; i < after.length; i++) await this.page.keyboard.press("ArrowRight");
    await this.page
      .locator(".statusbar-item", { hasText: new RegExp(`Ln ${line}, Col ${after.length + 1}\\b`) })
      .waitFor({ timeout: TIMEOUTS.ui });
    await this.page.keyboard.press("Shift+End");
    await this.page.keyboard.type(text);
    // A suggestion list may have opened while typing; it must not take the next key.
    await this.page.keyboard.press("Escape");
  }

  /**
   * Applies the quick fix titled `title` at a 1-based line, with the cursor after `before` (the
   * line's text up to the mistake): Ctrl+. opens the fixes, keys pick one (a pointer block covers
   * the menu until the mouse moves).
   */
  async applyQuickFix(line: number, before: string, title: string): Promise<void> {
    await this.goToLine(line);
    for (let i = 0; i < before.length; i++) await this.page.keyboard.press("ArrowRight");
    await this.page.keyboard.press("Control+Period");
    await this.page.locator(".action-widget .monaco-list-row", { hasText: title }).first().waitFor({ timeout: TIMEOUTS.ui });
    const focused = this.page.locator(".action-widget .monaco-list-row.focused");
    for (let i = 0; i < 12 && !(await focused.innerText().catch(() => "")).includes(title); i++)
      await this.page.keyboard.press("ArrowDown");
    await this.page.keyboard.press("Enter");
  }

  /** Shows the Problems panel (Ctrl+Shift+M toggles it, so only when it is hidden). */
  async showProblems(): Promise<void> {
    if (await this.page.locator(".markers-panel").isVisible()) return;
    await this.runCommand("View: Focus Problems");
    await this.page.locator(".markers-panel").waitFor({ state: "visible", timeout: TIMEOUTS.ui });
  }

  /**
   * Turns on the Problems panel's "Show Active File Only" filter: the server also reports documents
   * that are not open, and the panel's list only renders the rows that fit on screen. Called while
   * no editor is open, when the filtered panel says so ("... in the current file").
   */
  async showActiveFileProblemsOnly(): Promise<void> {
    await this.showProblems();
    const toggle = this.page.getByRole("menuitemcheckbox", { name: "Show Active File Only" });
    await this.page.locator(".part.panel a.codicon-filter").first().click();
    await toggle.waitFor({ timeout: TIMEOUTS.ui });
    // A click while the menu is still being laid out can be lost (seen once in CI under load): the
    // menu then stays open, unchecked. Click again; once it is checked, Escape closes the menu.
    for (let attempt = 1; ; attempt++) {
      if ((await toggle.getAttribute("aria-checked")) === "true") await this.page.keyboard.press("Escape");
      else await toggle.click();
      try {
        await toggle.waitFor({ state: "hidden", timeout: TIMEOUTS.ui / 3 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await this.page.locator(".markers-panel", { hasText: "in the current file" }).waitFor({ timeout: TIMEOUTS.ui });
  }

  /** The Problems panel's text and rows, read in one go so that the two always agree. */
  private async problemsSnapshot(): Promise<{ text: string; rows: { label: string; text: string }[] }> {
    return this.page.evaluate(() => {
      const document = (globalThis as unknown as PageGlobals).document;
      const panel = document.querySelector(".markers-panel");
      return {
        text: panel?.innerText ?? "",
        rows: Array.from(document.querySelectorAll(".markers-panel .monaco-list-row")).map((row) => ({
          label: row.getAttribute("aria-label") ?? "",
          text: row.innerText,
        })),
      };
    });
  }

  /** The rows of the Problems panel as it shows them now, each with the file it is grouped under. */
  async problems(): Promise<Problem[]> {
    return parseProblems((await this.problemsSnapshot()).rows);
  }

  /** Waits until the Problems panel's rows for `file` satisfy `accept`, and returns them. */
  async waitForProblems(file: string, accept: (problems: Problem[]) => boolean, what: string): Promise<Problem[]> {
    await this.showProblems();
    const deadline = Date.now() + TIMEOUTS.diagnostic;
    let seen: Problem[];
    // Re-read the panel whenever its text changes, until the condition holds or time is up.
    for (;;) {
      const snapshot = await this.problemsSnapshot();
      seen = parseProblems(snapshot.rows).filter((p) => p.file === file);
      if (accept(seen)) return seen;
      const left = deadline - Date.now();
      if (left <= 0) break;
      await this.page
        .waitForFunction(
          (before) => ((globalThis as unknown as PageGlobals).document.querySelector(".markers-panel")?.innerText ?? "") !== before,
          snapshot.text,
          { timeout: left },
        )
        .catch(() => undefined);
    }
    assert.fail(
      `Problems panel: waited ${TIMEOUTS.diagnostic / 1000} s for ${what} in ${file}; it shows:\n` +
        `${seen.map((p) => `  ${p.line} ${p.severity} ${p.code}`).join("\n") || "  nothing"}`,
    );
  }

  /** Process ids of this workbench's Genesis language servers (the extension installed under `base`). */
  serverProcessIds(): number[] {
    const extensions = path.join(this.base, "extensions");
    return execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.includes(extensions) && line.includes("dist/server.js"))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((pid) => Number.isInteger(pid) && pid > 0);
  }

  /** The log of an output channel, as the extension host wrote it under logs/ of the user-data dir. */
  outputChannelLog(channel: string): string {
    const logs: string[] = [];
    const visit = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(full);
        else if (/output_/.test(dir) && entry.name.includes(channel)) logs.push(readFileSync(full, "utf8"));
      }
    };
    visit(path.join(this.userDataDir, "logs"));
    return logs.join("");
  }
}

/** Problems panel rows: a file row ("7 problems in file X of folder Y"), then its markers. */
function parseProblems(rows: readonly { label: string; text: string }[]): Problem[] {
  const problems: Problem[] = [];
  let file = "";
  for (const row of rows) {
    const header = /problems? in file (.+?) of folder/.exec(row.label);
    if (header) {
      file = header[1];
      continue;
    }
    const severity = /^(Error|Warning|Info)\b/.exec(row.label)?.[1].toLowerCase() as Problem["severity"] | undefined;
    // The row reads "message", "genesis", "rule/id", "[Ln 4, Col 10]" (the parentheses are CSS).
    const parts = row.text.split("\n").map((part) => part.trim());
    const source = parts.indexOf("genesis");
    const code = source > 0 && /^[a-z][a-z0-9-]*\/[a-z0-9-]+$/.test(parts[source + 1] ?? "") ? parts[source + 1] : undefined;
    const line = /\[Ln (\d+), Col \d+\]/.exec(row.text)?.[1];
    if (!severity || !code || !line) continue;
    problems.push({ file, severity, code, line: Number(line), message: parts[0] });
  }
  return problems;
}
