import * as assert from "node:assert/strict";
import { parseGenesisDocument } from "../../server/src/core/parse/document";
import { RecentParses } from "../../server/src/core/parse/recent-parses";
import type { GenesisDocument } from "../../server/src/core/document";

const manifest = (id: string) => `apiVersion: genesis/v1\nkind: DatasetManifest\nid: ${id}\nversion: 1.0.0\n`;
const parsed = (id: string) => parseGenesisDocument({ path: `${id}.dataset.yaml`, text: manifest(id) })!;

/** A tree kept under its own text, and the way the host reads it back (as stored facts do). */
function holder(cache: RecentParses, tree: GenesisDocument): () => GenesisDocument {
  const source = { path: tree.path, text: tree.text };
  cache.keep(source, tree);
  return () => cache.treeOf(source);
}

describe("RecentParses (parse trees of documents that are not open)", () => {
  it("keeps the most recently used trees and gives back the same object while kept", () => {
    const cache = new RecentParses(2);
    const first = parsed("a");
    const a = holder(cache, first);
    assert.equal(a(), first);
    assert.equal(a(), a());
  });

  it("drops the least recently used beyond its capacity and parses it again, equal to the first parse", () => {
    const cache = new RecentParses(2);
    const firstA = parsed("a");
    const a = holder(cache, firstA);
    const b = holder(cache, parsed("b"));
    a(); // a is now more recent than b
    const c = holder(cache, parsed("c")); // b is dropped
    const bAgain = b();
    assert.notEqual(bAgain, undefined);
    assert.equal(bAgain.text, manifest("b"));
    assert.deepEqual(bAgain.tree.value, parsed("b").tree.value);
    // a was used after b, so it was kept until b came back: now c and b are the two most recent.
    assert.equal(c().text, manifest("c"));
    assert.notEqual(a(), firstA, "a was dropped when b and c were used after it");
    assert.deepEqual(a().tree.locations, firstA.tree.locations);
  });

  it("never holds more trees than its capacity", () => {
    const cache = new RecentParses(3);
    const holders = Array.from({ length: 10 }, (_, i) => holder(cache, parsed(`d${i}`)));
    const firsts = holders.map((h) => h());
    // Only the last three are the same objects; every earlier one is parsed again.
    const kept = holders.filter((h, i) => h() === firsts[i]).length;
    assert.ok(kept <= 3, `kept ${kept} trees`);
  });
});
