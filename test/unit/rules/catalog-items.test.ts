import * as assert from "node:assert/strict";
import { READINESS_CHECKS } from "../../../server/src/core/readiness/compute";
import { READINESS_ITEM_IDS, RULES, rulesOfItem } from "../../../server/src/core/rules/catalog";

/** The checklist items in order, as the readiness model lists them. */
const CHECKLIST_ITEMS = Object.values(READINESS_CHECKS).flatMap((checks) => checks.map((check) => check.id));

describe("rule catalog: every rule belongs to exactly one readiness item", function () {
  it("the catalog's items are the checklist's 21 items, in its order", function () {
    assert.deepEqual([...READINESS_ITEM_IDS], CHECKLIST_ITEMS);
    assert.equal(CHECKLIST_ITEMS.length, 21);
  });

  it("each rule names one item of the checklist", function () {
    const without = RULES.filter((rule) => !CHECKLIST_ITEMS.includes(rule.item)).map((rule) => rule.id);
    assert.deepEqual(without, []);
  });

  it("the items' rule lists partition the catalog: no rule in two items, none left out", function () {
    const listed = READINESS_ITEM_IDS.flatMap((item) => rulesOfItem(item));
    assert.equal(new Set(listed).size, listed.length, "a rule listed under two items");
    assert.deepEqual([...listed].sort(), RULES.map((rule) => rule.id).sort());
  });

  it("rule ids are unique", function () {
    const ids = RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
  });
});
