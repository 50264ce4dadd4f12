import * as assert from "node:assert/strict";
import * as vscode from "vscode";

/** The scenarios of test/e2e/, through the VS Code API, on the copy of examples/ that run.ts opens. */

const DIAGNOSTIC_TIMEOUT = 30_000;

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === "object" ? code.value : code);
}

function summary(diagnostics: readonly vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `  ${d.range.start.line + 1} ${codeOf(d)}`).join("\n") || "  nothing";
}

const has = (diagnostics: readonly vscode.Diagnostic[], code: string, line?: number) =>
  diagnostics.some((d) => codeOf(d) === code && (line === undefined || d.range.start.line + 1 === line));

/** Resolves with the diagnostics of `uri` once they satisfy `accept`: now, or on a later change. */
function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === "genesis");
    const settle = (diagnostics: vscode.Diagnostic[]) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostics);
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = current();
      if (accept(diagnostics)) settle(diagnostics);
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`waited ${DIAGNOSTIC_TIMEOUT / 1000} s for ${what} in ${uri.path}; there are:\n${summary(current())}`));
    }, DIAGNOSTIC_TIMEOUT);
    const now = current();
    if (accept(now)) settle(now);
  });
}

function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "run.ts opens a copy of examples/ as the workspace");
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** The range of `text` on a 1-based line of the document. */
function rangeOf(document: vscode.TextDocument, line: number, text: string): vscode.Range {
  const start = document.lineAt(line - 1).text.indexOf(text);
  assert.ok(start >= 0, `line ${line} holds "${text}"`);
  return new vscode.Range(line - 1, start, line - 1, start + text.length);
}

describe("Genesis Readiness through the VS Code API", function () {
  const manifest = () => workspaceUri("data/beamline-xrd.dataset.yaml");

  it("reports the manifest's mistakes with their rule ids", async function () {
    const uri = manifest();
    const expected = [
      "version/semver",
      "license/spdx",
      "schema/unknown-property",
      "integrity/checksum-format",
      "suppress/no-reason",
      "schema/enum",
      "ref/unversioned",
    ];
    const reported = waitForDiagnostics(uri, (ds) => expected.every((code) => has(ds, code)), expected.join(", "));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await reported;
    assert.ok(has(diagnostics, "version/semver", 4));
    assert.ok(has(diagnostics, "license/spdx", 11));
    assert.ok(has(diagnostics, "schema/enum", 41));
    assert.ok(!has(diagnostics, "integrity/checksum-missing"), "suppressed by the genesis-ignore comment");
  });

  it("clears a diagnostic when an edit fixes it, and reports a mistake an edit makes", async function () {
    const uri = manifest();
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);

    const fix = new vscode.WorkspaceEdit();
    fix.replace(uri, rangeOf(document, 11, "Apache 2"), "Apache-2.0");
    assert.ok(await vscode.workspace.applyEdit(fix));
    await waitForDiagnostics(uri, (ds) => !has(ds, "license/spdx") && has(ds, "version/semver"), "license/spdx to go");

    const mistake = new vscode.WorkspaceEdit();
    mistake.replace(uri, rangeOf(document, 35, "csv"), "csvv");
    assert.ok(await vscode.workspace.applyEdit(mistake));
    await waitForDiagnostics(uri, (ds) => has(ds, "schema/enum", 35), "schema/enum on line 35");

    await vscode.commands.executeCommand("workbench.action.files.revert");
  });

  it("reports the model card's front matter and its missing sections", async function () {
    const uri = workspaceUri("models/cathode-lattice-surrogate.modelcard.md");
    const expected = ["risk/rmf-id", "repro/run", "container/latest", "modelcard/section-missing"];
    const reported = waitForDiagnostics(uri, (ds) => expected.every((code) => has(ds, code)), expected.join(", "));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await reported;
    assert.ok(has(diagnostics, "risk/rmf-id", 56));
    assert.ok(has(diagnostics, "repro/run", 25));
    assert.ok(has(diagnostics, "modelcard/section-missing", 64));
  });
});
