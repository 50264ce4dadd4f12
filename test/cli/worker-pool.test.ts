import * as assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { analyseInProcess } from "../../server/src/cli/analyse-in-process";
import { analyseFile, type AnalysisSettings, type CandidateFile, type FileOutcome } from "../../server/src/cli/file-outcome";
import { runCheck } from "../../server/src/cli/run";
import { analyseInWorkers } from "../../server/src/cli/worker-pool";
import { DEFAULT_CONFIG, type GenesisConfig } from "../../server/src/core/config";
import { Engine, type Analysis } from "../../server/src/core/engine";
import type { SourceFile } from "../../server/src/core/document";
import { dataset, modelCard, pipeline } from "../unit/workspace/harness";
import { assertCliBuilt, REPOSITORY, Workspaces, writeIn } from "./cli-harness";

/**
 * The analysis shared out to worker threads (server/src/cli/worker-pool.ts) gives the outcomes the
 * main thread alone gives, in the same order, whatever happens to the workers.
 */

const BUILT_WORKER = path.join(REPOSITORY, "dist/check-worker.js");
const SETTINGS: AnalysisSettings = { config: DEFAULT_CONFIG, io: true };
const workspaces = new Workspaces();

/** Files of every outcome: documents of each kind (some reported), a broken one, a missing one, one not a document. */
function candidates(root: string, count: number): CandidateFile[] {
  const files: CandidateFile[] = [];
  const add = (relative: string, text: string | undefined, reported = true) => {
    const absolute = text === undefined ? path.join(root, relative) : writeIn(root, relative, text);
    files.push({ absolute, path: relative, reported });
  };
  for (let i = 0; i < count; i++) {
    if (i % 3 === 0) add(`data/d${i}.dataset.yaml`, dataset(`d${i}`, "1.0.0"), i % 2 === 0);
    else if (i % 3 === 1) add(`pipelines/p${i}.pipeline.yaml`, pipeline(`p${i}`, "1.0", [`d${i - 1}@1.0.0`], []));
    else add(`models/m${i}.model.yaml`, modelCard(`m${i}`, "1.0.0", [`d${i - 2}`]));
    if (i === 7) add("broken/poison.dataset.yaml", "apiVersion: genesis/v1\nkind: DatasetManifest\nid: [\n");
    if (i === 11) add("gone/missing.dataset.yaml", undefined);
    if (i === 13) add("notes/settings.yaml", "editor: { tabs: 2 }\n");
  }
  return files;
}

async function collect(outcomes: AsyncIterable<FileOutcome>): Promise<FileOutcome[]> {
  const all: FileOutcome[] = [];
  for await (const outcome of outcomes) all.push(outcome);
  return all;
}

const HOLDS_POISON = 'batch.files.some((f) => f.path.includes("poison"))';

/**
 * A worker that runs the real one, except that it fails as `failure` says on a batch for which
 * `when` holds, after writing `failed` beside itself.
 */
function fragileWorker(failure: string, when = HOLDS_POISON): { file: string; failed: string } {
  const folder = workspaces.make();
  const file = path.join(folder, "fragile-worker.js");
  const failed = path.join(folder, "failed");
  writeFileSync(
    file,
    `const { parentPort } = require("node:worker_threads");
parentPort.on("message", (batch) => { if (${when}) { require("node:fs").writeFileSync(${JSON.stringify(failed)}, ""); ${failure}; } });
require(${JSON.stringify(BUILT_WORKER)});
`,
  );
  return { file, failed };
}

/** An engine that fails on the files whose path says so, as a bug in a rule could. */
class ThrowingEngine extends Engine {
  override analyze(file: SourceFile, config?: GenesisConfig): Analysis {
    if (file.path.includes("throws")) throw new RangeError("Maximum call stack size exceeded");
    return super.analyze(file, config);
  }
}

describe("analysis in worker threads", function () {
  this.timeout(60_000);
  before(assertCliBuilt);
  after(() => workspaces.removeAll());

  it("gives the main thread's outcomes, in the files' order, whatever the number of workers", async function () {
    const files = candidates(workspaces.make(), 120);
    const alone = [...analyseInProcess(files, new Engine(), SETTINGS)];
    assert.deepEqual(new Set(alone.map((o) => o.kind)), new Set(["document", "unreadable", "not-genesis"]));
    for (const workers of [1, 3]) {
      assert.deepEqual(
        await collect(analyseInWorkers(files, SETTINGS, { workers, workerFile: BUILT_WORKER, engine: new Engine() })),
        alone,
        `${workers} workers`,
      );
    }
  });

  it("leaves a document with a __proto__ key to the main thread, where its value is what the parser made", async function () {
    const root = workspaces.make();
    const files = candidates(root, 4);
    files.splice(2, 0, {
      absolute: writeIn(root, "odd/proto.dataset.yaml", dataset("proto", "1.0.0", "__proto__:\n  id: impostor\n")),
      path: "odd/proto.dataset.yaml",
      reported: true,
    });
    const outcomes = await collect(analyseInWorkers(files, SETTINGS, { workers: 2, workerFile: BUILT_WORKER, engine: new Engine() }));
    const proto = outcomes[2];
    assert.ok(proto.kind === "document");
    // Cloned across threads, the mapping would have lost the prototype the key gave it.
    assert.equal((proto.analysed.facts.value as { id?: string }).id, "proto");
    assert.equal((Object.getPrototypeOf(proto.analysed.facts.value) as { id?: string }).id, "impostor");
    assert.deepEqual(outcomes.slice(3), [...analyseInProcess(files.slice(3), new Engine(), SETTINGS)]);
  });

  it("sends no parse tree back: facts, diagnostics and evidence requests are plain data", async function () {
    const files = candidates(workspaces.make(), 6);
    const outcomes = await collect(analyseInWorkers(files, SETTINGS, { workers: 2, workerFile: BUILT_WORKER, engine: new Engine() }));
    const documents = outcomes.filter((o) => o.kind === "document");
    assert.ok(documents.length > 3);
    for (const outcome of documents) {
      assert.ok(!("document" in outcome.analysed.facts), "facts without their tree");
      assert.equal(typeof outcome.analysed.facts.text, "string");
    }
    const reported = files.findIndex((f) => f.reported && f.path.startsWith("pipelines/"));
    const pipelineOutcome = outcomes[reported];
    assert.ok(pipelineOutcome.kind === "document" && pipelineOutcome.analysed.typeDiagnostics?.some((d) => d.rule === "version/semver"));
    assert.ok(pipelineOutcome.kind === "document" && Array.isArray(pipelineOutcome.analysed.evidenceRequests));
  });

  for (const [how, failure] of [
    ["throws", 'throw new Error("the worker fell over")'],
    ["exits", "process.exit(3)"],
  ]) {
    it(`loses nothing when a worker ${how} on a batch: that batch is analysed on the main thread`, async function () {
      const files = candidates(workspaces.make(), 60);
      const alone = [...analyseInProcess(files, new Engine(), SETTINGS)];
      const worker = fragileWorker(failure);
      const shared = await collect(analyseInWorkers(files, SETTINGS, { workers: 2, workerFile: worker.file, engine: new Engine() }));
      assert.ok(existsSync(worker.failed), "a worker met the poison file");
      assert.deepEqual(shared, alone);
    });
  }

  it("loses nothing when every worker fails", async function () {
    const files = candidates(workspaces.make(), 30);
    const alone = [...analyseInProcess(files, new Engine(), SETTINGS)];
    const worker = fragileWorker("process.exit(1)", "true");
    const shared = await collect(analyseInWorkers(files, SETTINGS, { workers: 2, workerFile: worker.file, engine: new Engine() }));
    assert.ok(existsSync(worker.failed));
    assert.deepEqual(shared, alone);
    const none = await collect(
      analyseInWorkers(files, SETTINGS, {
        workers: 2,
        workerFile: path.join(workspaces.make(), "no-such-worker.js"),
        engine: new Engine(),
      }),
    );
    assert.deepEqual(none, alone);
  });

  it("stops its workers when the reader stops early", async function () {
    const files = candidates(workspaces.make(), 90);
    let read = 0;
    for await (const _outcome of analyseInWorkers(files, SETTINGS, { workers: 2, workerFile: BUILT_WORKER, engine: new Engine() })) {
      if (++read === 5) break;
    }
    assert.equal(read, 5);
    // A worker left running would keep mocha from exiting: the run would not finish.
  });
});

describe("a file the engine fails on", function () {
  after(() => workspaces.removeAll());

  it("is a failed outcome, not an exception, so the other files are still checked", function () {
    const root = workspaces.make();
    const file = { absolute: writeIn(root, "throws.dataset.yaml", dataset("t", "1.0.0")), path: "throws.dataset.yaml", reported: true };
    assert.deepEqual(analyseFile(file, new ThrowingEngine(), SETTINGS), { kind: "failed", message: "Maximum call stack size exceeded" });
  });

  it("is named as a problem (exit 2) while the other documents are reported", async function () {
    const root = workspaces.make();
    writeIn(root, "a/throws.dataset.yaml", dataset("t", "1.0.0"));
    writeIn(root, "a/fine.dataset.yaml", dataset("f", "1.0"));
    const run = await runCheck({ paths: ["."], noIo: true, jobs: 1 }, root, new ThrowingEngine());
    assert.deepEqual(
      run.problems.map((p) => ({ file: path.relative(root, p.absolute), failedCheck: p.failedCheck })),
      [{ file: path.join("a", "throws.dataset.yaml"), failedCheck: true }],
    );
    assert.match(run.problems[0].message, /^the check failed on it \(Maximum call stack size exceeded\); please report this$/);
    assert.deepEqual(
      run.report.documents.map((d) => [d.path, d.diagnostics.map((x) => x.rule)]),
      [["a/fine.dataset.yaml", ["version/semver"]]],
    );
    assert.equal(run.report.filesScanned, 2);
  });
});
