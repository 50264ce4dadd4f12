import * as assert from "node:assert/strict";
import { existsSync, readdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import { RESULTS, Workbench, type Problem } from "./workbench";

/**
 * One workbench for the `describe` block that calls this: launched before its tests, closed after
 * them. A failed test leaves a screenshot, test-results/<failurePrefix><test title>.png; a new run
 * first removes the old ones of the same prefix. Returns the running workbench.
 */
export function workbenchPerSuite(failurePrefix: string, options?: Parameters<typeof Workbench.launch>[0]): () => Workbench {
  let workbench: Workbench | undefined;

  before(async function () {
    // Packaging (when the package is stale) and the first install of code-server take longer.
    this.timeout(15 * 60_000);
    for (const old of existsSync(RESULTS) ? readdirSync(RESULTS) : []) if (old.startsWith(failurePrefix)) rmSync(path.join(RESULTS, old));
    workbench = await Workbench.launch(options);
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state !== "failed" || !workbench) return;
    const name = test.title
      .replace(/[^a-z0-9]+/gi, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 100);
    await workbench.screenshot(path.join(RESULTS, `${failurePrefix}${name}.png`)).catch(() => undefined);
  });

  after(async function () {
    this.timeout(30_000);
    await workbench?.close();
  });

  return () => {
    assert.ok(workbench, "the workbench was launched");
    return workbench;
  };
}

/** Whether the Problems panel lists `code` (on `line`, 1-based, when given). */
export const hasProblem = (problems: Problem[], code: string, line?: number): boolean =>
  problems.some((p) => p.code === code && (line === undefined || p.line === line));
