import * as assert from "node:assert/strict";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { checkJson, Workspaces, writeIn } from "../cli/cli-harness";
import { LspTestClient } from "../support/lsp-client";
import { dataset, pipeline } from "../unit/workspace/harness";

/**
 * The editor and the CLI drive one workspace host each over the same folder: what the server
 * publishes for a document that is not open is what `check` reports for it, a document above the
 * configuration's size limit included (the server once dropped such a file without a word).
 */
/** LSP severities (1 error, 2 warning, 3 information, 4 hint) as the CLI names them. */
const SEVERITY_NAMES: Readonly<Record<number, string>> = { 1: "error", 2: "warning", 3: "info", 4: "hint" };

describe("language server and CLI agree", function () {
  this.timeout(60_000);
  const workspaces = new Workspaces();
  let client: LspTestClient | undefined;

  after(async function () {
    await client?.shutdown();
    workspaces.removeAll();
  });

  it("on every document of a folder, the too-large one included", async function () {
    const root = workspaces.make();
    writeIn(root, "genesis.config.yaml", "limits:\n  maxDocumentMegabytes: 0.002\n");
    writeIn(root, "data/raw.dataset.yaml", dataset("raw", "1.0"));
    writeIn(root, "data/big.dataset.yaml", dataset("big", "1.0.0") + `# ${"padding ".repeat(400)}\n`);
    writeIn(root, "pipes/p.pipeline.yaml", pipeline("p", "1.0.0", ["raw@1.0.0", "ghost@2.0.0"], ["big@1.0.0"]));

    // The server reads the files a document names only on open, save or Verify Files: --no-io here.
    const { report } = checkJson([root, "--no-io"]);
    const fromCli = new Map(report.documents.map((d) => [d.path, d.diagnostics.map((x) => [x.rule, x.severity, x.message, x.range])]));
    assert.ok(
      fromCli
        .get("data/big.dataset.yaml")
        ?.some(([rule, , message]) => rule === "syntax/yaml" && /above the .* limit/.test(String(message))),
    );

    const published = new Map<string, PublishDiagnosticsParams>();
    client = new LspTestClient(pathToFileURL(root).toString());
    client.onDiagnostics((p) => published.set(p.uri, p));
    const indexed = client.indexed();
    await client.initialize();
    await indexed;
    for (const relative of ["data/raw.dataset.yaml", "data/big.dataset.yaml", "pipes/p.pipeline.yaml"]) {
      const uri = pathToFileURL(path.join(root, relative)).toString();
      const seen: PublishDiagnosticsParams = published.get(uri) ?? (await client.diagnosticsFor(uri));
      const fromServer = seen.diagnostics.map((d) => [d.code, SEVERITY_NAMES[d.severity ?? 1], d.message, d.range]);
      assert.deepEqual(fromServer, fromCli.get(relative), relative);
    }
  });
});
