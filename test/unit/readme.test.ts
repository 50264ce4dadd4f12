import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { readmeWithTable } from "../../scripts/rules-table";

describe("README", function () {
  const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

  it("lists exactly the rules of the catalog (run `npm run docs:rules` after changing it)", function () {
    assert.equal(readme, readmeWithTable(readme));
  });

  it("starts with a Quick start", function () {
    assert.match(readme.split("\n## ")[1] ?? "", /^Quick start/);
  });
});
