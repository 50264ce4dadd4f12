import * as assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextEdit } from "vscode-languageserver-protocol";
import { RULES, type ReadinessItem } from "../../server/src/core/index";
import { LineIndex } from "../../server/src/core/text";
import { READINESS_REQUEST, type ReadinessResult } from "../../server/src/protocol";
import { LspTestClient } from "../support/lsp-client";
import { WEB_SERVER_BUNDLE } from "./support/page";
import { CHROMIUM, testConfiguration, WorkerClient } from "./support/worker-client";

/** The rules that read other files than the documents: never run in the browser. */
const IO_RULES = new Set(RULES.filter((rule) => rule.when === "io").map((rule) => rule.id));
const withoutIo = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => !IO_RULES.has(String(d.code)));

const BROKEN = `# A manifest with mistakes that quick fixes correct.
apiVersion: genesis/v1
kind: DatasetManifest
id: broken
version: "1.2"
name: A broken manifest
description: A manifest with a short version and a spelled-out license, to be fixed.
license: Apache 2
creators: [{ name: Test Author }]
datePublished: 2026-01-15
classification:
  level: public
distribution:
  - { id: table, path: data/table.csv, format: csv, sha256: ${"a".repeat(64)} }
lineage:
  derivedFrom: [upstream]
`;

const UPSTREAM = `apiVersion: genesis/v1
kind: DatasetManifest
id: upstream
version: 1.1.0
name: Upstream
description: The dataset the broken one derives from, here so that the workspace rules have a neighbour.
license: CC-BY-4.0
creators: [{ name: Test Author }]
datePublished: 2026-01-10
classification:
  level: public
distribution:
  - { id: raw, path: data/raw.csv, format: csv, sha256: ${"b".repeat(64)} }
`;

/** A small workspace: two manifests, their data, a policy file and a CI workflow. */
const SMALL: Record<string, string> = {
  "broken.dataset.yaml": BROKEN,
  "upstream.dataset.yaml": UPSTREAM,
  "data/table.csv": "sample,value\na,1\n",
  "data/raw.csv": "sample,value\nb,2\n",
  "governance/access-policy.md": "# Access policy\n",
  ".github/workflows/genesis.yml": "on: push\n",
};

/** The language VS Code gives a file, by extension, for the text files the examples hold. */
const LANGUAGES: Record<string, string> = { ".yaml": "yaml", ".yml": "yaml", ".json": "json", ".md": "markdown", ".cwl": "yaml" };

/** Every file under `root`, by workspace path; binary files as Latin-1 text (only their names matter then). */
function readTree(root: string, prefix = ""): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(path.join(root, prefix)).sort()) {
    const relative = prefix ? `${prefix}/${name}` : name;
    const full = path.join(root, relative);
    if (statSync(full).isDirectory()) readTree(root, relative).forEach((text, p) => files.set(p, text));
    else {
      const bytes = readFileSync(full);
      files.set(relative, bytes.includes(0) ? bytes.toString("latin1") : bytes.toString("utf8"));
    }
  }
  return files;
}

function apply(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  return edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((current, e) => current.slice(0, e.start) + e.text + current.slice(e.end), text);
}

/** Both servers on one workspace: the Node server on the disk, the worker on the same files in memory, under the same URIs. */
async function startBoth(root: string, files: ReadonlyMap<string, string>): Promise<{ node: LspTestClient; worker: WorkerClient }> {
  const rootUri = pathToFileURL(root).toString();
  const node = new LspTestClient(rootUri, { configuration: testConfiguration });
  const worker = await WorkerClient.launch();
  try {
    await worker.setFiles(new Map([...files].map(([relative, text]) => [`${rootUri}/${relative}`, text])));
    const indexed = [node.indexed(), worker.indexed()];
    await Promise.all([node.initialize({ trusted: true }), worker.initialize(rootUri)]);
    await Promise.all(indexed);
  } catch (error) {
    await Promise.all([node.shutdown(), worker.close()]);
    throw error;
  }
  return { node, worker };
}

/** Published diagnostics by URI, with no empty lists (a cleared file and a never-published one are alike). */
function published(latest: ReadonlyMap<string, PublishDiagnosticsParams>): Map<string, Diagnostic[]> {
  return new Map(
    [...latest]
      .filter(([, params]) => params.diagnostics.length > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([uri, params]) => [uri, params.diagnostics]),
  );
}

describe("the browser language server in a Web Worker of Chromium", function () {
  this.timeout(30_000);

  before(function () {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is needed (apt-get install chromium)`);
    assert.ok(existsSync(WEB_SERVER_BUNDLE), "dist/web/server.js is missing: run `npm run build` first");
  });

  describe("a small workspace", function () {
    let root: string;
    let node: LspTestClient;
    let worker: WorkerClient;
    const uriOf = (relative: string) => `${pathToFileURL(root).toString()}/${relative}`;

    before(async function () {
      root = mkdtempSync(path.join(tmpdir(), "genesis-browser-"));
      for (const [relative, text] of Object.entries(SMALL)) {
        mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
        writeFileSync(path.join(root, relative), text);
      }
      ({ node, worker } = await startBoth(root, new Map(Object.entries(SMALL))));
    });

    after(async function () {
      await Promise.all([node?.shutdown(), worker?.close()]);
      rmSync(root, { recursive: true, force: true });
    });

    it("publishes for an opened broken manifest the Node server's diagnostics, and its quick fix repairs it", async function () {
      const uri = uriOf("broken.dataset.yaml");
      const text = BROKEN.replace('version: "1.2"', 'version: "1.3"');
      const fromNode = node.diagnosticsFor(uri, (p) => p.version === 2);
      const fromWorker = worker.diagnosticsFor(uri, (p) => p.version === 2);
      await Promise.all([node.open(uri, "yaml", text, 2), worker.open(uri, "yaml", text, 2)]);
      const [nodeDiagnostics, workerDiagnostics] = (await Promise.all([fromNode, fromWorker])).map((p) => p.diagnostics);
      assert.ok(workerDiagnostics.length >= 2, `the broken manifest has findings: ${JSON.stringify(workerDiagnostics)}`);
      assert.deepEqual(withoutIo(workerDiagnostics), workerDiagnostics, "no io rule runs in the browser");
      assert.deepEqual(workerDiagnostics, withoutIo(nodeDiagnostics));

      const version = workerDiagnostics.find((d) => d.code === "version/semver");
      assert.ok(version, `a version finding: ${JSON.stringify(workerDiagnostics.map((d) => d.code))}`);
      const actions = await worker.connection.sendRequest<CodeAction[]>("textDocument/codeAction", {
        textDocument: { uri },
        range: version.range,
        context: { diagnostics: [version], only: ["quickfix"] },
      });
      const fix = actions.find((action) => action.edit?.changes?.[uri]);
      assert.ok(fix, `a quick fix with an edit: ${JSON.stringify(actions)}`);
      const fixed = apply(text, fix.edit!.changes![uri]);
      assert.match(fixed, /version: "1\.3\.0"/);
      const afterFix = [worker.diagnosticsFor(uri, (p) => p.version === 3), node.diagnosticsFor(uri, (p) => p.version === 3)];
      await Promise.all([worker.changeFull(uri, 3, fixed), node.changeFull(uri, 3, fixed)]);
      const [workerFixed, nodeFixed] = (await Promise.all(afterFix)).map((p) => p.diagnostics);
      const codes = workerFixed.map((d) => d.code);
      assert.ok(!codes.includes("version/semver"), `the fix removed the finding: ${JSON.stringify(codes)}`);
      assert.deepEqual(workerFixed, withoutIo(nodeFixed));
    });

    it("computes the readiness model of the in-memory workspace, with checksums 'not verified in the browser'", async function () {
      const [fromNode, fromWorker] = await Promise.all([
        node.connection.sendRequest(READINESS_REQUEST, {}) as Promise<ReadinessResult>,
        worker.connection.sendRequest(READINESS_REQUEST, {}),
      ]);
      const itemsOf = (model: ReadinessResult) => new Map(model.groups.flatMap((group) => group.items.map((item) => [item.id, item])));
      const nodeItems = itemsOf(fromNode);
      const workerItems = itemsOf(fromWorker);
      assert.equal(workerItems.size, 21);
      const integrity = workerItems.get("data.integrity")!;
      assert.equal(integrity.status, "n/a");
      assert.match(integrity.reason, /^not verified in the browser: data files are not read/);
      assert.notEqual(nodeItems.get("data.integrity")!.status, "n/a", "the Node server judges checksums");
      // An item that counts every error of a document (data.metadata) lists the Node server's io findings
      // once its evidence has arrived; the browser has none, and otherwise judges alike.
      const withoutIoEvidence = (item: ReadinessItem) => ({
        ...item,
        evidence: item.evidence.filter((evidence) => !("rule" in evidence) || !IO_RULES.has(String(evidence.rule))),
      });
      for (const [id, item] of workerItems) {
        if (id !== "data.integrity") assert.deepEqual(withoutIoEvidence(item), withoutIoEvidence(nodeItems.get(id)!), id);
      }
      assert.equal(workerItems.get("gov.access")?.status === "n/a", nodeItems.get("gov.access")?.status === "n/a");
    });
  });

  it("publishes the Node server's diagnostics for every file under examples/, scanned and opened, but the io rules'", async function () {
    const examples = path.resolve(__dirname, "../../examples");
    const tree = readTree(examples);
    const { node, worker } = await startBoth(examples, tree);
    try {
      const fromNode = published(node.latest);
      const fromWorker = published(worker.latest);
      assert.ok(fromNode.size >= 3, `the examples have findings: ${[...fromNode.keys()].join(", ")}`);
      for (const diagnostics of fromNode.values()) assert.deepEqual(withoutIo(diagnostics), diagnostics, "a scan runs no io rule");
      assert.deepEqual([...fromWorker.keys()], [...fromNode.keys()]);
      for (const [uri, diagnostics] of fromNode) assert.deepEqual(fromWorker.get(uri), diagnostics, uri);

      // Each text file opened in the editor: its diagnostics once the change after it (a sentinel's) is published.
      const rootUri = pathToFileURL(examples).toString();
      // A document of its own, in no file: a change of it is handled after the file opened before it.
      const sentinel = `${rootUri}/zz-sentinel.dataset.yaml`;
      await Promise.all([
        node.open(sentinel, "yaml", "kind: DatasetManifest\n", 1),
        worker.open(sentinel, "yaml", "kind: DatasetManifest\n", 1),
      ]);
      let version = 1;
      let opened = 0;
      let withIoFindings = 0;
      for (const [relative, text] of tree) {
        const languageId = LANGUAGES[path.extname(relative)];
        if (!languageId) continue;
        const uri = `${rootUri}/${relative}`;
        version++;
        const settled = [node, worker].map((client) => client.diagnosticsFor(sentinel, (p) => p.version === version));
        for (const client of [node, worker]) {
          await client.open(uri, languageId, text, 1);
          await client.changeFull(sentinel, version, `kind: DatasetManifest\nid: s${version}\n`);
        }
        await Promise.all(settled);
        const nodeDiagnostics = node.latest.get(uri)?.diagnostics ?? [];
        const workerDiagnostics = worker.latest.get(uri)?.diagnostics ?? [];
        if (withoutIo(nodeDiagnostics).length !== nodeDiagnostics.length) withIoFindings++;
        assert.deepEqual(workerDiagnostics, withoutIo(nodeDiagnostics), relative);
        opened++;
      }
      assert.ok(opened >= 20, `${opened} example files opened`);
      console.log(
        `      (${fromNode.size} files with findings after the scan; ${opened} opened, ` +
          `${withIoFindings} of them with io findings under Node)`,
      );
    } finally {
      await Promise.all([node.shutdown(), worker.close()]);
    }
  });
});
