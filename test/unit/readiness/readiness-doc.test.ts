import * as assert from "node:assert/strict";
import { parseGenesisDocument } from "../../../server/src/core/parse/document";
import { ReadinessDoc } from "../../../server/src/core/readiness/readiness-doc";
import type { Diagnostic } from "../../../server/src/core/types";
import { extractFacts } from "../../../server/src/core/workspace/facts";
import { RAW, hostOf, readinessOf, GOOD } from "./harness";

function factsOf(text: string) {
  return extractFacts(parseGenesisDocument({ path: "data/raw.dataset.yaml", text })!);
}

const ERROR: Diagnostic = {
  rule: "schema/type",
  severity: "error",
  message: "wrong",
  span: { start: 0, end: 1 },
  pointer: "/distribution/0",
};

describe("ReadinessDoc: what reading a document keeps between checklists", () => {
  it("keeps its answers while the facts and the diagnostics are the same objects", () => {
    const facts = factsOf(RAW);
    const diagnostics: Diagnostic[] = [];
    const first = new ReadinessDoc(facts, diagnostics, false);
    const second = new ReadinessDoc(facts, diagnostics, false);
    assert.ok(first.select("/distribution/*").length > 0);
    assert.equal(second.select("/distribution/*"), first.select("/distribution/*"), "the same answer, not worked out again");
    assert.equal(second.errors(), first.errors());
  });

  it("works its answers out again for other diagnostics, or for new facts of the same text", () => {
    const facts = factsOf(RAW);
    const clean = new ReadinessDoc(facts, [], false);
    assert.deepEqual(clean.errors(), []);
    const broken = new ReadinessDoc(facts, [ERROR], false);
    assert.deepEqual(broken.errors(), [ERROR]);
    assert.deepEqual(broken.errorsAtOrBelow("/distribution"), [ERROR]);
    // Back to a clean list: the errors of the broken one are not kept for it.
    assert.deepEqual(new ReadinessDoc(facts, [], false).errors(), []);
    const changed = factsOf(RAW);
    assert.notEqual(new ReadinessDoc(changed, [], false).select("/distribution/*"), clean.select("/distribution/*"));
  });

  it("the host's checklist is the same computed twice, and the same as a fresh host's", () => {
    const host = hostOf(GOOD);
    const first = host.readiness();
    assert.deepEqual(host.readiness(), first);
    assert.deepEqual(readinessOf(GOOD), first);
  });
});
