import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import {
  BUNDLE_PREDICATE_TYPE,
  DSSE_PAYLOAD_TYPE,
  METADATA_FILE,
  REPORT_HTML_FILE,
  REPORT_JSON_FILE,
  RO_CRATE_CONTEXT,
  STATEMENT_FILE,
  STATEMENT_TYPE,
  WAIVERS_FILE,
} from "../../../server/src/core/index";

/** docs/bundles.md is hand-written: it must name the layout and the formats the code writes. */
describe("docs/bundles.md", function () {
  const page = readFileSync(path.resolve(__dirname, "../../../docs/bundles.md"), "utf8");

  it("names every path of the layout, the context, the statement type, the payload type and the predicate type", function () {
    for (const text of [
      METADATA_FILE,
      REPORT_HTML_FILE,
      REPORT_JSON_FILE,
      WAIVERS_FILE,
      STATEMENT_FILE,
      RO_CRATE_CONTEXT,
      STATEMENT_TYPE,
      DSSE_PAYLOAD_TYPE,
      BUNDLE_PREDICATE_TYPE,
    ])
      assert.ok(page.includes(text), text);
  });

  it("has the heading the predicate type's URL points at", function () {
    assert.equal(BUNDLE_PREDICATE_TYPE.split("#")[1], "predicate-v1");
    assert.match(page, /^### Predicate v1$/m);
  });
});
