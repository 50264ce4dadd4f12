import * as assert from "node:assert/strict";
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { hasProblem, workbenchPerSuite } from "./support/suite";
import { REPOSITORY, TIMEOUTS, type Problem } from "./support/workbench";

/**
 * The packaged extension in a real VS Code (code-server in Chromium), on a copy of examples/:
 * what a user sees when opening the example workspace and typing.
 */

const MANIFEST = "data/beamline-xrd.dataset.yaml";
const MODEL_CARD = "models/cathode-lattice-surrogate.modelcard.md";

/**
 * Where the README's screenshots go: into docs/images only when asked for with
 * GENESIS_UPDATE_SCREENSHOTS=1, so that a test run leaves the tracked tree as it found it;
 * otherwise into the ignored .cache/screenshots, to look at.
 */
const SCREENSHOTS =
  process.env.GENESIS_UPDATE_SCREENSHOTS === "1" ? path.join(REPOSITORY, "docs", "images") : path.join(REPOSITORY, ".cache", "screenshots");

/**
 * A model card for the highlighting test: a reference, a level and comments in front matter and
 * body, short enough for every line to be on screen above the Problems panel.
 */
const HIGHLIGHTED_CARD = `---
kind: ModelCard
classification:
  level: cui
  categories: [PROPIN]
training:
  pipeline: cathode-surrogate@1.3.0
  run:
    tracker: mlflow
---

# Ocean temperature surrogate

Trained on raw-buoys@1.2.0 with level: cui data.

<!-- genesis-ignore modelcard/section-missing: evaluation is in the appendix -->

## Evaluation <!-- genesis-ignore modelcard/section-empty: see the appendix -->
`;

const codes = (problems: Problem[]) => new Set(problems.map((p) => p.code));

describe("Genesis Readiness in a real VS Code (code-server + Chromium)", function () {
  this.timeout(TIMEOUTS.serverStart + TIMEOUTS.workbench + 60_000);
  // Failure screenshots are test-results/e2e-<test title>.png.
  const workbench = workbenchPerSuite("e2e-");

  it("shows the manifest's mistakes in the Problems panel with their rule ids, and squiggles in the editor", async function () {
    const wb = workbench();
    await wb.openFile(MANIFEST);
    await wb.page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: TIMEOUTS.diagnostic });
    await wb.page.locator(".monaco-editor .squiggly-warning").first().waitFor({ timeout: TIMEOUTS.diagnostic });

    const expected = [
      "version/semver",
      "license/spdx",
      "schema/unknown-property",
      "integrity/checksum-format",
      "suppress/no-reason",
      "schema/enum",
      "ref/unversioned",
    ];
    const problems = await wb.waitForProblems(
      path.basename(MANIFEST),
      (p) => expected.every((code) => codes(p).has(code)),
      expected.join(", "),
    );
    const at = (code: string) => problems.find((p) => p.code === code);
    assert.deepEqual({ line: at("version/semver")?.line, severity: at("version/semver")?.severity }, { line: 4, severity: "error" });
    assert.deepEqual({ line: at("license/spdx")?.line, severity: at("license/spdx")?.severity }, { line: 11, severity: "error" });
    assert.deepEqual(
      { line: at("schema/unknown-property")?.line, severity: at("schema/unknown-property")?.severity },
      { line: 19, severity: "warning" },
    );
    assert.deepEqual({ line: at("schema/enum")?.line, severity: at("schema/enum")?.severity }, { line: 41, severity: "error" });
    assert.deepEqual(
      { line: at("suppress/no-reason")?.line, severity: at("suppress/no-reason")?.severity },
      { line: 38, severity: "warning" },
    );
    // The suppressed checksum-missing (line 39) and the suppressed unknown property (line 30) stay hidden.
    assert.ok(!hasProblem(problems, "integrity/checksum-missing"), "the genesis-ignore comment hides integrity/checksum-missing");
    assert.ok(!hasProblem(problems, "schema/unknown-property", 30), "the genesis-ignore comment with a reason hides beamtimeProposal");

    await wb.readmeScreenshot(path.join(SCREENSHOTS, "manifest-diagnostics.png"));
  });

  it("clears a diagnostic when a fix is typed, and reports a mistake as soon as it is typed", async function () {
    const wb = workbench();
    await wb.openFile(MANIFEST);
    await wb.waitForProblems(path.basename(MANIFEST), (p) => hasProblem(p, "license/spdx", 11), "license/spdx on line 11");

    // line 11: `license: Apache 2` -> `license: Apache-2.0`
    await wb.replaceRestOfLine(11, "license: ", "Apache-2.0");
    const fixed = await wb.waitForProblems(
      path.basename(MANIFEST),
      (p) => !hasProblem(p, "license/spdx") && hasProblem(p, "version/semver"),
      "license/spdx to go (and the others to stay)",
    );
    assert.ok(hasProblem(fixed, "schema/enum", 41), "the other mistakes are still reported");

    // line 35: `    format: csv` -> `    format: csvv`
    await wb.replaceRestOfLine(35, "    format: csv", "v");
    const broken = await wb.waitForProblems(path.basename(MANIFEST), (p) => hasProblem(p, "schema/enum", 35), "schema/enum on line 35");
    assert.match(broken.find((p) => p.code === "schema/enum" && p.line === 35)!.message, /"csvv" is not allowed for "format"/);

    // Leave the document as it is on disk for the tests that follow.
    await wb.runCommand("File: Revert File");
    await wb.waitForProblems(
      path.basename(MANIFEST),
      (p) => hasProblem(p, "license/spdx", 11) && !hasProblem(p, "schema/enum", 35),
      "the reverted document's diagnostics",
    );
  });

  it("reports the model card's front matter and its missing sections", async function () {
    const wb = workbench();
    await wb.closeAllEditors();
    await wb.openFile(MODEL_CARD);
    const problems = await wb.waitForProblems(
      path.basename(MODEL_CARD),
      (p) => ["risk/rmf-id", "repro/run", "modelcard/section-missing", "container/latest"].every((code) => codes(p).has(code)),
      "risk/rmf-id, repro/run, container/latest, modelcard/section-missing",
    );
    const at = (code: string) => problems.find((p) => p.code === code);
    assert.deepEqual({ line: at("repro/run")?.line, severity: at("repro/run")?.severity }, { line: 25, severity: "warning" });
    assert.deepEqual(
      { line: at("container/latest")?.line, severity: at("container/latest")?.severity },
      { line: 31, severity: "error" },
      "raised to error by genesis.config.yaml",
    );
    assert.deepEqual({ line: at("risk/rmf-id")?.line, severity: at("risk/rmf-id")?.severity }, { line: 56, severity: "error" });
    assert.deepEqual(
      { line: at("modelcard/section-missing")?.line, severity: at("modelcard/section-missing")?.severity },
      { line: 64, severity: "warning" },
    );
    assert.match(at("modelcard/section-missing")!.message, /Evaluation/);

    // Show the RMF mistake and the body's first line (where the missing section is reported).
    await wb.goToLine(56);
    await wb.page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: TIMEOUTS.diagnostic });
    // After a jump VS Code first paints the lines from a guessed state, where front matter is plain
    // Markdown text; the key `rmf` is a token of its own once the lines are coloured as YAML.
    await wb.waitForToken("rmf");
    await wb.readmeScreenshot(path.join(SCREENSHOTS, "modelcard-diagnostics.png"));
  });

  it("colours a model card's front matter as YAML, with references and genesis-ignore comments marked on top", async function () {
    const wb = workbench();
    await wb.closeAllEditors();
    const card = "models/highlighted.modelcard.md";
    writeFileSync(path.join(wb.workspace, card), HIGHLIGHTED_CARD);
    try {
      await wb.openFile(card);
      // Split out of its value only by our grammar: the tokens are there once it has run.
      await wb.waitForToken("cathode-surrogate");
      await wb.waitForToken("see the appendix");
      const lines = await wb.renderedTokens();
      const token = (lineStart: string, text: string) => {
        const line = lines.find((tokens) =>
          tokens
            .map((t) => t.text)
            .join("")
            .startsWith(lineStart),
        );
        const found = line?.find((t) => t.text === text);
        assert.ok(found, `no token "${text}" on the line "${lineStart}": ${JSON.stringify(line)}`);
        return found.colour;
      };
      // The YAML colours stay: `level` is coloured as a key, the `@` of a reference as a string.
      const key = token("  categories:", "categories");
      const string = token("    tracker:", "mlflow");
      assert.notEqual(key, string);
      assert.equal(token("  level:", "level"), key, "the key before a classification level keeps the key colour");
      assert.equal(token("  pipeline:", "pipeline"), key);
      assert.equal(token("  pipeline:", "@"), string, "a reference is still a YAML string under our scopes");
      // Ours on top: the reference's id and version have colours of their own.
      assert.notEqual(token("  pipeline:", "cathode-surrogate"), string);
      assert.notEqual(token("  pipeline:", "1.3.0"), string);
      // The body: genesis-ignore comments are marked, a reference in the text is not.
      assert.notEqual(token("<!-- genesis-ignore", "genesis-ignore"), token("<!-- genesis-ignore", "<!-- "));
      assert.notEqual(token("## Evaluation", "genesis-ignore"), token("## Evaluation", "<!-- "));
      assert.ok(
        lines.some((tokens) => tokens.length === 1 && tokens[0].text === "Trained on raw-buoys@1.2.0 with level: cui data."),
        "the body's text is one token",
      );
      await wb.closeAllEditors();
    } finally {
      unlinkSync(path.join(wb.workspace, card));
    }
  });

  it("logs no error in the server's output channel", async function () {
    const wb = workbench();
    await wb.runCommand("Genesis: Show Output");
    const output = wb.page.locator(".output-view, .part.panel .editor-instance").first();
    await wb.page
      .locator(".part.panel .monaco-editor .view-line", { hasText: "Genesis Readiness server" })
      .first()
      .waitFor({ timeout: TIMEOUTS.ui });
    const shown = (await output.innerText()).replace(/\u00a0/g, " "); // the editor renders spaces as no-break spaces
    assert.match(shown, /Genesis Readiness server \S+ started/);

    const log = wb.outputChannelLog("Genesis Readiness");
    assert.match(log, /Genesis Readiness server \S+ started/, "the channel's log file is written");
    // Activation time as the extension measures it, printed for the record (issue 8).
    const activation = /activated in ([\d.]+) ms/.exec(log);
    assert.ok(activation, "the extension logs its activation time");
    // VS Code registers a language model tool only if package.json contributes it (issue 17).
    assert.match(log, /Agent mode tools: genesis_check, genesis_readiness\./, "agent mode's tools are registered");
    console.log(`      activation: ${activation[1]} ms; ${/Language server ready (\d+) ms/.exec(log)?.[0] ?? "server start not logged"}`);
    const errors = log.split("\n").filter((line) => /\[Error\b|\berror\b/i.test(line));
    assert.deepEqual(errors, [], `the Genesis Readiness output channel logged errors:\n${log}`);
  });

  it("applies a quick fix from the light bulb, and scaffolds a model card from the snippet", async function () {
    const wb = workbench();
    await wb.showProblems();
    await wb.closeAllEditors();
    await wb.openFile(MANIFEST);
    await wb.waitForProblems(path.basename(MANIFEST), (p) => hasProblem(p, "schema/enum", 41), "schema/enum on line 41");
    // With the cursor on the value `parqet`.
    await wb.applyQuickFix(41, "    format: pa", 'Change to "parquet"');
    await wb.waitForProblems(
      path.basename(MANIFEST),
      (p) => !hasProblem(p, "schema/enum", 41) && hasProblem(p, "license/spdx", 11),
      "schema/enum to go after the quick fix",
    );
    await wb.page.locator(".monaco-editor .view-line", { hasText: "format: parquet" }).first().waitFor({ timeout: TIMEOUTS.ui });
    await wb.runCommand("File: Revert File");

    // A new, empty model card file, scaffolded by typing the snippet's prefix: the suggestions open
    // as it is typed, though VS Code turns quick suggestions off in Markdown (no Ctrl+Space).
    await wb.closeAllEditors();
    const card = "models/scaffolded.modelcard.md";
    writeFileSync(path.join(wb.workspace, card), "");
    await wb.openFile(card);
    await wb.page.keyboard.type("genesis-modelcard", { delay: 30 });
    const snippet = wb.page.locator(".suggest-widget .monaco-list-row", { hasText: "genesis-modelcard" }).first();
    await snippet.waitFor({ timeout: TIMEOUTS.ui });
    const suggested = wb.page.locator(".suggest-widget .monaco-list-row.focused");
    for (let i = 0; i < 12 && !(await suggested.innerText().catch(() => "")).includes("genesis-modelcard"); i++)
      await wb.page.keyboard.press("ArrowDown");
    await wb.page.keyboard.press("Enter");
    await wb.page.keyboard.press("Escape");
    await wb.page.locator(".monaco-editor .view-line", { hasText: "kind: ModelCard" }).first().waitFor({ timeout: TIMEOUTS.ui });
    // The server checks the new card: what the template left to fill in is placeholder/value (issue 15: a
    // placeholder is not looked up, so no ref/unresolved), and nothing is an error.
    const scaffolded = await wb.waitForProblems(
      path.basename(card),
      (p) => hasProblem(p, "placeholder/value"),
      "placeholder/value for the template's placeholders",
    );
    assert.deepEqual(
      scaffolded.filter((p) => p.severity === "error").map((p) => p.code),
      [],
    );
    assert.ok(!hasProblem(scaffolded, "ref/unresolved"), "a placeholder reference is not looked up");
    assert.ok(!hasProblem(scaffolded, "modelcard/section-missing"), "every section of the card is there");
    await wb.closeAllEditors();
    unlinkSync(path.join(wb.workspace, card));
  });

  it("offers the import action on a CWL workflow (a file the server is not given) and opens the pipeline config made", async function () {
    const wb = workbench();
    await wb.closeAllEditors();
    // A real CWL workflow (test/fixtures/import/SOURCES.md), under a name of its own.
    const source = "pipelines/align.cwl";
    const made = path.join(wb.workspace, "pipelines", "align.pipeline.yaml");
    writeFileSync(
      path.join(wb.workspace, source),
      readFileSync(path.join(REPOSITORY, "test/fixtures/import/cwl/1st-workflow.cwl"), "utf8"),
    );
    await wb.openFile(source);
    await wb.applyQuickFix(3, "", "Create Genesis pipeline config from this file");
    await wb.page.locator(".tabs-container .tab.active", { hasText: "align.pipeline.yaml" }).waitFor({ timeout: TIMEOUTS.diagnostic });
    await wb.page.locator(".monaco-editor .view-line", { hasText: "kind: PipelineConfig" }).first().waitFor({ timeout: TIMEOUTS.ui });
    assert.ok(existsSync(made), "the pipeline config is written beside the workflow");
    await wb.closeAllEditors();
    unlinkSync(made);
    unlinkSync(path.join(wb.workspace, source));
  });

  it("shows the readiness checklist: the score, evidence that opens its file, a fix that makes a failing item pass", async function () {
    const wb = workbench();
    await wb.showProblems();
    await wb.closeAllEditors();
    const score = wb.page.locator(".statusbar-item", { hasText: /Genesis \d+\/21/ }).first();
    await score.waitFor({ timeout: TIMEOUTS.diagnostic });
    const scoreNow = async () => Number(/Genesis (\d+)\/21/.exec(await score.innerText())![1]);

    await score.click(); // focuses the Readiness view
    const sidebar = wb.page.locator(".part.sidebar");
    const formats = sidebar.locator(".monaco-list-row[aria-label^='Standard data formats, fails']");
    await formats.first().waitFor({ timeout: TIMEOUTS.diagnostic });
    await sidebar.locator(".monaco-list-row", { hasText: "Data" }).first().waitFor({ timeout: TIMEOUTS.ui });

    // The evidence opens the manifest at the offending value.
    await sidebar.locator(".monaco-list-row", { hasText: "parqet" }).first().click();
    await wb.page.locator(".statusbar-item", { hasText: /Ln 41, Col \d+/ }).waitFor({ timeout: TIMEOUTS.ui });

    // Fixing the mistake in the editor turns the item to pass and raises the score, without a reload.
    // (Other items may still be settling, as files are verified in the background: the score is
    // compared with its value just before the fix, not with a fixed number.)
    const before = await scoreNow();
    await wb.replaceRestOfLine(41, "    format: ", "parquet");
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
    await wb.readmeScreenshot(path.join(SCREENSHOTS, "readiness-sidebar.png"));

    await wb.runCommand("File: Revert File");
    await formats.first().waitFor({ timeout: TIMEOUTS.diagnostic });
  });

  // Last: the language client logs the crash to the output channel, which the test above reads.
  it("restarts the language server when it dies, says so once, and diagnostics come back", async function () {
    const wb = workbench();
    // The Output view replaced the Problems panel above; show it before the editor changes, so its
    // "active file only" filter follows the manifest.
    await wb.showProblems();
    await wb.closeAllEditors();
    await wb.openFile(MANIFEST);
    await wb.waitForProblems(path.basename(MANIFEST), (p) => hasProblem(p, "license/spdx", 11), "license/spdx on line 11");
    const before = wb.serverProcessIds();
    assert.ok(before.length >= 1, "the language server runs");
    for (const pid of before) process.kill(pid, "SIGKILL");

    await wb.page
      .locator(".notifications-toasts", { hasText: "stopped unexpectedly and was restarted" })
      .first()
      .waitFor({ timeout: TIMEOUTS.diagnostic });
    // A mistake typed now is reported by the new server.
    await wb.replaceRestOfLine(35, "    format: csv", "v");
    await wb.waitForProblems(
      path.basename(MANIFEST),
      (p) => hasProblem(p, "schema/enum", 35) && hasProblem(p, "license/spdx", 11),
      "schema/enum on line 35 from the restarted server",
    );
    assert.match(wb.outputChannelLog("Genesis Readiness"), /stopped unexpectedly; restarting it \(1 in the last three minutes\)/);
    const after = wb.serverProcessIds();
    assert.ok(
      after.length >= 1 && after.every((pid) => !before.includes(pid)),
      `a new server process (before ${before.join(", ")}, after ${after.join(", ")})`,
    );
    await wb.runCommand("File: Revert File");
  });
});
