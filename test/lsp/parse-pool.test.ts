import * as assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { DEFAULT_CONFIG, preAnalyse, WorkspaceHost } from "../../server/src/core/index";
import { Folder } from "../../server/src/lsp/folder";
import { WorkerAnalyser } from "../../server/src/lsp/node-parse-pool";
import { NODE_FILE_ACCESS } from "../../server/src/lsp/node-file-access";
import { InThreadAnalyser } from "../../server/src/lsp/parse-pool";
import { scanFolder, SILENT_PROGRESS } from "../../server/src/lsp/workspace-scan";
import { engine } from "../unit/harness";
import { dataset, modelCard } from "../unit/workspace/harness";

const WORKER = path.resolve(__dirname, "../../dist/parse-worker.js");

describe("Scan analysers (the per-file step in worker threads)", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), "genesis-parse-pool-"));
    const write = (name: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    };
    write("data/hub.dataset.yaml", dataset("hub", "1.0.0"));
    for (let i = 0; i < 150; i++) write(`data/d${i}.dataset.yaml`, dataset(`d${i}`, "1.0.0", `lineage:\n  derivedFrom: [hub@1.0.0]\n`));
    for (let i = 0; i < 50; i++) write(`models/m${i}.model.yaml`, modelCard(`m${i}`, "1.0.0", [`d${i}@1.0.0`, "nowhere@1.0.0"]));
    write("data/odd.dataset.yaml", dataset("odd", "1.0.0", "__proto__: { polluted: true }\n"));
    write("notes/readme.yaml", "just: yaml\n");
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("a worker gives what the server's thread would: facts and type diagnostics, and leaves odd texts to it", async function () {
    if (!existsSync(WORKER)) this.skip(); // needs `npm run build`, as the other server tests do
    const analyser = new WorkerAnalyser(WORKER, 1);
    try {
      const items = [
        { path: "a.dataset.yaml", source: dataset("a", "1.0.0", "x-unknown: 1\n") },
        { path: "b.yaml", source: "not: genesis\n" },
        { path: "c.dataset.yaml", source: dataset("c", "1.0.0", "__proto__: 1\n") },
      ];
      const outcomes = await analyser.analyse(DEFAULT_CONFIG, items);
      const expected = preAnalyse(engine, items[0].path, items[0].source, DEFAULT_CONFIG, { diagnostics: true, evidence: false });
      assert.deepEqual(outcomes[0], expected);
      assert.equal(outcomes[1], undefined);
      assert.equal(outcomes[2], "here");
    } finally {
      analyser.dispose();
    }
  });

  it("a scan with worker threads holds the same documents and diagnostics as one on the server's thread", async function () {
    if (!existsSync(WORKER)) this.skip();
    const scan = async (workers: boolean) => {
      const host = new WorkspaceHost(engine);
      const folder = new Folder(root, host);
      host.update("models/m3.model.yaml", modelCard("m3", "1.0.0", ["hub@1.0.0"]) + "x-open: true\n", true);
      await scanFolder(folder, NODE_FILE_ACCESS, DEFAULT_CONFIG, [], SILENT_PROGRESS, () =>
        workers ? new WorkerAnalyser(WORKER, 2) : new InThreadAnalyser(),
      );
      host.finishLoading();
      return host;
    };
    const [threaded, inThread] = [await scan(true), await scan(false)];
    assert.deepEqual([...threaded.paths()], [...inThread.paths()], "the same documents, adopted in the files' order");
    assert.equal(threaded.size, 202, "every Genesis document, and only those");
    for (const p of inThread.paths()) assert.deepEqual(threaded.diagnostics(p), inThread.diagnostics(p), p);
    assert.match(threaded.textOf("models/m3.model.yaml")!, /x-open: true/, "the open document keeps its editor text");
  });
});
