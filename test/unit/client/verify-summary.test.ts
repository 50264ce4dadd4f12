import * as assert from "node:assert/strict";
import { verifySummary } from "../../../client/src/verify-summary";

describe('"Verify Files" notification (client/src/verify-summary.ts)', function () {
  it("says how many files were verified and what was wrong", function () {
    assert.deepEqual(verifySummary({ files: 12, mismatches: 1, missing: 0, unreadable: 0 }), {
      text: "Genesis: 12 files verified, 1 checksum mismatch.",
      warn: true,
    });
    assert.deepEqual(verifySummary({ files: 1, mismatches: 2, missing: 3, unreadable: 1 }), {
      text: "Genesis: 1 file verified, 2 checksum mismatches, 3 missing, 1 unreadable.",
      warn: true,
    });
    assert.deepEqual(verifySummary({ files: 4, mismatches: 0, missing: 0, unreadable: 0 }), {
      text: "Genesis: 4 files verified, all as declared.",
      warn: false,
    });
  });

  it("says when there was nothing to read, or nothing could be", function () {
    assert.equal(
      verifySummary({ files: 0, mismatches: 0, missing: 0, unreadable: 0 }).text,
      "Genesis: the documents name no files to verify.",
    );
    assert.match(verifySummary(null).text, /trusted workspace/);
    assert.match(verifySummary(undefined).text, /could not be verified/);
  });
});
