import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { REPORT_REQUEST, VERIFY_FILES_COMMAND, type VerifyFilesResult } from "../../server/src/protocol";
import { LspTestClient } from "../support/lsp-client";

/**
 * "Export Readiness Report" in the editor and `genesis-readiness report` write the same report for
 * the same evidence: the examples' workspace, once the editor has verified every file it names
 * (as `report` reads them all), in every format. Only the time of writing differs.
 */

const REPOSITORY = path.resolve(__dirname, "../..");
const CLI = path.join(REPOSITORY, "dist/cli.js");
const withoutTimes = (text: string) => text.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, "<time>");

describe("the editor's exported report and the CLI's report agree", function () {
  this.timeout(120_000);
  let root: string;
  let client: LspTestClient;

  before(async function () {
    // A folder named as the CLI names the workspace in its report (the folder's name when it is the current folder).
    root = path.join(realpathSync(mkdtempSync(path.join(tmpdir(), "genesis-agreement-"))), "examples");
    cpSync(path.join(REPOSITORY, "examples"), root, { recursive: true });
    client = new LspTestClient(pathToFileURL(root).toString());
    const indexed = client.indexed();
    await client.initialize({ trusted: true });
    await indexed;
    const verified = await client.connection.sendRequest<VerifyFilesResult>("workspace/executeCommand", {
      command: VERIFY_FILES_COMMAND,
      arguments: [],
    });
    assert.ok(verified.files > 0, "the examples name files, and the editor read them");
  });

  after(async function () {
    await client?.shutdown();
    rmSync(path.dirname(root), { recursive: true, force: true });
  });

  for (const format of ["markdown", "html", "json", "text"] as const) {
    it(`in ${format}`, async function () {
      const editor = await client.connection.sendRequest(REPORT_REQUEST, { format, folder: pathToFileURL(root).toString() });
      const cli = spawnSync(process.execPath, [CLI, "report", "--format", format], { cwd: root, encoding: "utf8", timeout: 60_000 });
      assert.ok(cli.status === 0 || cli.status === 1, cli.stderr);
      assert.equal(withoutTimes(editor.text), withoutTimes(cli.stdout));
    });
  }
});
