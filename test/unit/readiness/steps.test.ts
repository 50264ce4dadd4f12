import * as assert from "node:assert/strict";
import { WorkspaceHost, finishInSlices } from "../../../server/src/core/index";
import { READINESS_CHECKS } from "../../../server/src/core/readiness/compute";
import { ReadinessContext } from "../../../server/src/core/readiness/context";
import { finish, type Steps } from "../../../server/src/core/readiness/steps";
import { engine } from "../harness";
import { dataset, modelCard, pipeline } from "../workspace/harness";
import { GOOD, hostOf, variant } from "./harness";

/**
 * The checklist in steps (core/readiness/steps.ts), as the language server judges a large
 * workspace on its own thread: the same model as at once, a pause point every few documents in
 * every item, and a host that changes between steps never breaks it.
 */

/** `per` documents of each kind, some with problems, referring to each other. */
function labHost(per: number): WorkspaceHost {
  const host = new WorkspaceHost(engine);
  const files: string[] = [];
  for (let i = 0; i < per; i++) {
    const level = i % 7 === 0 ? "internal" : "public";
    const lineage = i > 0 ? `lineage:\n  derivedFrom: [d${i - 1}@1.0.0]\n` : "";
    files.push(`data/d${i}.dataset.yaml`, `pipelines/p${i}.pipeline.yaml`, `models/m${i}.model.yaml`);
    host.update(`data/d${i}.dataset.yaml`, dataset(`d${i}`, i % 5 === 0 ? "1.0" : "1.0.0", lineage, level));
    host.update(`pipelines/p${i}.pipeline.yaml`, pipeline(`p${i}`, "1.0.0", [`d${i}@1.0.0`], [`d${(i + 1) % per}@1.0.0`], level));
    host.update(`models/m${i}.model.yaml`, modelCard(`m${i}`, "1.0.0", [i % 3 === 0 ? `d${i}` : `d${i}@1.0.0`], level));
  }
  host.setFiles([...files, "lock.txt"]);
  host.finishLoading();
  return host;
}

/** How many pause points the steps reach before their end. */
function pausePoints<T>(steps: Steps<T>): number {
  let count = 0;
  while (!steps.next().done) count++;
  return count;
}

describe("readiness in steps", () => {
  it("gives the model computed at once, whether it pauses at every step or never", async () => {
    const hosts = [hostOf(GOOD), hostOf(variant({ trusted: false })), labHost(40)];
    for (const host of hosts) {
      const atOnce = host.readiness();
      let pauses = 0;
      const sliced = await finishInSlices(host.readinessSteps(), () => {
        pauses++;
        return Promise.resolve();
      });
      assert.deepEqual(sliced, atOnce);
      assert.deepEqual(finish(host.readinessSteps()), atOnce);
      // A handful of documents is judged in one step; 120 are not.
      if (host.size > 100) assert.ok(pauses > 0);
    }
  });

  it("every item reaches a pause point at least once per 16 documents it judges", () => {
    const per = 160;
    const context = finish(ReadinessContext.of(labHost(per).readinessInput()));
    for (const check of Object.values(READINESS_CHECKS).flat()) {
      context.cited.clear();
      const pauses = pausePoints(check.evaluate(context));
      // Every item walks at least one kind's documents (160 each).
      assert.ok(pauses >= per / 16, `${check.id} paused ${pauses} times over ${per} documents of a kind`);
    }
  });

  it("the pause points grow with the workspace, so that no step grows with it", () => {
    const small = pausePoints(labHost(32).readinessSteps());
    const large = pausePoints(labHost(320).readinessSteps());
    assert.ok(large >= 9 * small, `${small} pause points at 96 documents, ${large} at 960`);
  });

  it("a host that changes between steps gives a whole model, and the next one is the host's", async () => {
    const host = labHost(40);
    let step = 0;
    const model = await finishInSlices(host.readinessSteps(), () => {
      step++;
      if (step === 3) host.remove("data/d7.dataset.yaml");
      if (step === 20) host.update("models/m2.model.yaml", modelCard("m2", "2.0.0", ["nowhere@1.0.0"], "cui"));
      if (step === 40) host.update("data/new.dataset.yaml", dataset("new", "1.0.0"));
      return undefined;
    });
    assert.equal(model.groups.flatMap((g) => g.items).length, 21);
    assert.deepEqual(finish(host.readinessSteps()), host.readiness());
    assert.ok(
      host
        .readiness()
        .groups.flatMap((g) => g.items)
        .some((item) => item.reason.includes("m2")),
    );
  });
});
