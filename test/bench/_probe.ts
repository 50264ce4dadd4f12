import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { WorkspaceHost, Engine } from "../../server/src/core/index";
import { writeLabTree } from "./scale-tree";

const N = Number(process.env.N ?? 10000);
const root = mkdtempSync(path.join(tmpdir(), "probe-"));
const tree = writeLabTree(root, N);
const texts = tree.files.map((f) => [f, readFileSync(path.join(root, f), "utf8")] as const);
const host = new WorkspaceHost(new Engine());
let t = performance.now();
const lap = (label: string) => { const now = performance.now(); console.log(label, (now - t).toFixed(1), "ms"); t = now; };
for (const [f, text] of texts) host.update(f, text);
lap("load (update all)");
host.finishLoading();
for (const f of tree.files) host.diagnostics(f);
lap("diagnostics all");
console.log("rss MiB", (process.memoryUsage().rss / 2 ** 20).toFixed(0), "heap", (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0));
const hubText = texts[0][1];
host.update(tree.hub, hubText, true);
lap("open hub");
for (let i = 0; i < 4; i++) {
  const affected = host.update(tree.hub, hubText.replace("level: public", i % 2 ? "level: public" : "level: internal"), true)!;
  lap(`hub edit (affected ${affected.size})`);
  host.diagnostics(tree.hub);
  lap("hub diagnostics");
  let worst = 0;
  for (const p of affected) { const s = performance.now(); host.diagnostics(p); worst = Math.max(worst, performance.now() - s); }
  lap(`dependents diagnostics (worst ${worst.toFixed(2)})`);
}
host.readiness();
lap("readiness");
host.readiness();
lap("readiness again");
import { computeReadinessInSteps } from "../../server/src/core/readiness/compute";
(async () => {
  const input = host.readinessInput();
  lap("readiness input");
  let last = performance.now();
  const steps: string[] = [];
  await computeReadinessInSteps(input, async () => { const now = performance.now(); steps.push((now - last).toFixed(0)); last = performance.now(); });
  console.log("item times", steps.join(" "));
  lap("in steps");
})();
