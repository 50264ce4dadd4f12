import * as assert from "node:assert/strict";
import { WorkScheduler, type WorkClock } from "../../server/src/lsp/scheduler";

/**
 * A clock that moves only when work says it took time, and that records each yield to the event
 * loop in the log; `atYield` runs what arrives from the connection at the nth yield.
 */
class FakeClock implements WorkClock {
  time = 0;
  yields = 0;
  readonly arrivals = new Map<number, () => void>();
  constructor(private readonly log: string[]) {}
  now(): number {
    return this.time;
  }
  yield(): Promise<void> {
    this.yields++;
    this.log.push("|");
    this.arrivals.get(this.yields)?.();
    return Promise.resolve();
  }
  atYield(n: number, arrive: () => void): void {
    this.arrivals.set(n, arrive);
  }
}

function setUp(sliceMs = 10) {
  const log: string[] = [];
  const errors: unknown[] = [];
  const clock = new FakeClock(log);
  const scheduler = new WorkScheduler((error) => errors.push(error), clock, sliceMs);
  /** Work that takes `ms` on the fake clock and logs its name. */
  const work =
    (name: string, ms = 4) =>
    () => {
      log.push(name);
      clock.time += ms;
    };
  const fanOut = (count: number, prefix = "d") =>
    scheduler.backgroundAll(Array.from({ length: count }, (_, i) => [`${prefix}${i}`, work(`${prefix}${i}`)] as const));
  return { log, errors, clock, scheduler, work, fanOut };
}

describe("WorkScheduler (edits first, background work in slices)", () => {
  it("runs background work in slices no longer than the slice time, yielding after each", async () => {
    const { log, scheduler, fanOut } = setUp(10);
    const done = fanOut(7);
    await done;
    await scheduler.idle();
    // 4 ms each: a slice ends once 10 ms are used, after the third item.
    assert.deepEqual(log, ["|", "d0", "d1", "d2", "|", "d3", "d4", "d5", "|", "d6", "|"]);
  });

  it("serves an edit that arrives during a fan-out at the next yield, before the rest of the fan-out", async () => {
    const { log, clock, scheduler, work, fanOut } = setUp(10);
    // The keystroke is read from the connection at the second yield (after the first slice).
    clock.atYield(2, () => scheduler.edit("leaf", work("edit leaf")));
    await fanOut(9);
    await scheduler.idle();
    assert.deepEqual(log, ["|", "d0", "d1", "d2", "|", "edit leaf", "|", "d3", "d4", "d5", "|", "d6", "d7", "d8", "|"]);
  });

  it("runs the edit's own work before the fan-out it queues", async () => {
    const { log, scheduler, work } = setUp(10);
    scheduler.edit("hub", () => {
      work("edit hub")();
      void scheduler.backgroundAll(["a", "b"].map((k) => [k, work(`dependent ${k}`)] as const));
    });
    await scheduler.editsDone();
    assert.deepEqual(log.slice(0, 2), ["|", "edit hub"], "editsDone does not wait for the fan-out");
    await scheduler.idle();
    assert.deepEqual(log, ["|", "edit hub", "|", "dependent a", "dependent b", "|"]);
  });

  it("a newer edit of a document replaces its pending one", async () => {
    const { log, scheduler, work } = setUp();
    scheduler.edit("doc", work("doc v2"));
    scheduler.edit("other", work("other v2"));
    scheduler.edit("doc", work("doc v3"));
    await scheduler.idle();
    assert.deepEqual(log, ["|", "other v2", "|", "doc v3", "|"]);
  });

  it("an edit of a document drops its queued background work, which resolves once the edit has run", async () => {
    const { log, clock, scheduler, work } = setUp(10);
    const queued = ["d0", "d1", "d2", "d3", "d4", "d5", "d6"].map((key) =>
      scheduler.background(key, work(key)).then(() => key === "d5" && log.push("d5 resolved")),
    );
    clock.atYield(2, () => scheduler.edit("d5", work("edit d5")));
    await Promise.all(queued);
    await scheduler.idle();
    assert.deepEqual(log, ["|", "d0", "d1", "d2", "|", "edit d5", "d5 resolved", "|", "d3", "d4", "d6", "|"]);
  });

  it("background work queued again for a key keeps its place and runs once, the newest", async () => {
    const { log, scheduler, work } = setUp(100);
    const first = scheduler.background("a", work("a old"));
    const other = scheduler.background("b", work("b"));
    const again = scheduler.background("a", work("a new"));
    await Promise.all([first, other, again]);
    await scheduler.idle();
    assert.deepEqual(log, ["|", "a new", "b", "|"]);
  });

  it("cancel drops pending work of a closed document and resolves its waiters", async () => {
    const { log, scheduler, work } = setUp();
    scheduler.edit("closed", work("edit closed"));
    const queued = scheduler.background("gone", work("gone"));
    scheduler.cancel("closed");
    scheduler.cancel("gone");
    await queued;
    await scheduler.idle();
    assert.deepEqual(log, ["|"]);
  });

  it("background work waits while the connection's writer is congested; edits do not", async () => {
    const { log, clock, scheduler, work, fanOut } = setUp(100);
    // The writer has a backlog until the fourth yield; a keystroke arrives at the second.
    scheduler.setBackpressure(() => clock.yields < 4);
    clock.atYield(2, () => scheduler.edit("leaf", work("edit leaf")));
    await fanOut(3);
    await scheduler.idle();
    assert.deepEqual(log, ["|", "|", "edit leaf", "|", "|", "d0", "d1", "d2", "|"]);
  });

  it("a failing piece of work is reported and the queue goes on", async () => {
    const { log, errors, scheduler, work } = setUp();
    scheduler.edit("bad", () => {
      throw new Error("boom");
    });
    scheduler.edit("good", work("good"));
    await scheduler.idle();
    assert.equal(errors.length, 1);
    assert.deepEqual(log, ["|", "|", "good", "|"]);
  });
});
