import * as assert from "node:assert/strict";
import { WorkspaceHost, finishInSlices } from "../../server/src/core/index";
import { EVENT_LOOP_CLOCK, WorkScheduler, timeSlicer, type WorkClock } from "../../server/src/lsp/scheduler";
import { engine } from "../unit/harness";
import { CLEAN, CLEANING, MODEL, RAW } from "../unit/readiness/harness";

function hostOf(cards: number): WorkspaceHost {
  const host = new WorkspaceHost(engine);
  host.update("data/raw.dataset.yaml", RAW);
  host.update("data/clean.dataset.yaml", CLEAN);
  host.update("pipelines/cleaning.pipeline.yaml", CLEANING);
  for (let i = 0; i < cards; i++) host.update(`models/m${i}.model.yaml`, MODEL.replace("id: m\n", `id: m${i}\n`));
  host.finishLoading();
  return host;
}

describe("the checklist in slices on the server's thread (lsp/readiness.ts)", () => {
  it("serves an edit that arrives while the checklist is judged before the checklist is done", async () => {
    // A clock on which every step uses up the slice: the computation gives the event loop a turn each time.
    let time = 0;
    const clock: WorkClock = { now: () => (time += 20), yield: EVENT_LOOP_CLOCK.yield };
    const host = hostOf(64);
    const order: string[] = [];
    const scheduler = new WorkScheduler((error) => assert.fail(String(error)));
    const computed = finishInSlices(host.readinessSteps(), timeSlicer(clock)).then((model) => {
      order.push("checklist");
      return model;
    });
    scheduler.edit("file:///edited.dataset.yaml", () => void order.push("edit"));
    const model = await computed;
    assert.deepEqual(order, ["edit", "checklist"]);
    assert.deepEqual(model, host.readiness());
  });

  it("does not give way while its slice lasts", async () => {
    const clock: WorkClock = { now: () => 0, yield: () => assert.fail("yielded within the slice") };
    const host = hostOf(64);
    assert.deepEqual(await finishInSlices(host.readinessSteps(), timeSlicer(clock)), host.readiness());
  });

  it("the scheduler's slicer gives way to an edit before its slice is over, and goes on once the edit is done", async () => {
    // A clock that never moves: only an edit makes the slicer give way.
    const clock: WorkClock = { now: () => 0, yield: EVENT_LOOP_CLOCK.yield };
    const scheduler = new WorkScheduler((error) => assert.fail(String(error)), clock);
    const slice = scheduler.slicer();
    assert.equal(slice(), undefined);
    const order: string[] = [];
    scheduler.edit("file:///a.dataset.yaml", async () => {
      order.push("edit started");
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push("edit done");
    });
    const pause = slice();
    assert.ok(pause, "no pause while an edit waits");
    await pause;
    order.push("checklist goes on");
    assert.deepEqual(order, ["edit started", "edit done", "checklist goes on"]);
    assert.equal(slice(), undefined);
  });

  it("a checklist judged in the scheduler's slices serves an edit that arrives meanwhile first", async () => {
    const scheduler = new WorkScheduler((error) => assert.fail(String(error)));
    const host = hostOf(400);
    const order: string[] = [];
    const computed = finishInSlices(host.readinessSteps(), scheduler.slicer()).then(() => order.push("checklist"));
    // After the computation's first slice has begun.
    await new Promise((resolve) => setImmediate(resolve));
    scheduler.edit("file:///edited.dataset.yaml", () => void order.push("edit"));
    await computed;
    assert.deepEqual(order, ["edit", "checklist"]);
  });
});
