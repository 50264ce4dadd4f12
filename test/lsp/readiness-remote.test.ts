import * as assert from "node:assert/strict";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { WorkspaceHost } from "../../server/src/core/index";
import { Folder } from "../../server/src/lsp/folder";
import { nodeReadinessWorker } from "../../server/src/lsp/node-readiness-worker";
import { ReadinessRemote } from "../../server/src/lsp/readiness-remote";
import { EVENT_LOOP_CLOCK, WorkScheduler, type WorkClock } from "../../server/src/lsp/scheduler";
import { engine } from "../unit/harness";
import { CLEAN, CLEANING, MODEL, RAW } from "../unit/readiness/harness";

const WORKER = path.resolve(__dirname, "../../dist/readiness-worker.js");

function folderOf(documents: number): Folder {
  const host = new WorkspaceHost(engine);
  host.update("data/raw.dataset.yaml", RAW);
  host.update("data/clean.dataset.yaml", CLEAN);
  host.update("pipelines/cleaning.pipeline.yaml", CLEANING);
  for (let i = 0; i < documents; i++) host.update(`models/m${i}.model.yaml`, MODEL.replace("id: m\n", `id: m${i}\n`));
  host.finishLoading();
  return new Folder("", host);
}

const FILES = ["data/raw.dataset.yaml", "data/clean.dataset.yaml", "pipelines/cleaning.pipeline.yaml", "lock.txt"];

describe("ReadinessRemote (the checklist off the editor's thread)", () => {
  it("computes in the worker thread the checklist the host computes, before and after an edit", async function () {
    if (!existsSync(WORKER)) this.skip(); // needs `npm run build`, as the other server tests do
    const folder = folderOf(3);
    const remote = new ReadinessRemote(nodeReadinessWorker(WORKER));
    try {
      folder.host.setFiles(FILES);
      assert.deepEqual(await remote.compute(folder, FILES), folder.host.readiness());
      folder.host.update("models/m1.model.yaml", MODEL.replace("id: m\n", "id: m1\n").replace("level: internal", "level: secret"));
      assert.deepEqual(await remote.compute(folder, FILES), folder.host.readiness());
    } finally {
      remote.dispose();
    }
  });

  it("a rescanned folder (a new folder object for the same root) is computed afresh", async () => {
    const remote = new ReadinessRemote(undefined);
    const first = folderOf(2);
    await remote.compute(first, FILES);
    const second = folderOf(0);
    second.host.setFiles(FILES);
    assert.deepEqual(await remote.compute(second, FILES), second.host.readiness());
  });

  it("serves an edit that arrives while the checklist is being synced before the checklist is done", async () => {
    // A clock on which every document uses up the slice: the sync gives the event loop a turn each time.
    let time = 0;
    const clock: WorkClock = { now: () => (time += 20), yield: EVENT_LOOP_CLOCK.yield };
    const remote = new ReadinessRemote(undefined, clock);
    const folder = folderOf(20);
    const order: string[] = [];
    const scheduler = new WorkScheduler((error) => assert.fail(String(error)));
    const computed = remote.compute(folder, FILES).then(() => order.push("checklist"));
    scheduler.edit("file:///edited.dataset.yaml", () => void order.push("edit"));
    await computed;
    assert.deepEqual(order, ["edit", "checklist"]);
  });
});
