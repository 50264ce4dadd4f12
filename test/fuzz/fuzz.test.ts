import { engine } from "../unit/harness";
import { anyDocument, checkEverything, fc, generatedDocument, mutatedExample, randomBytes, runs } from "./properties";

// A bounded number of cases in the test suite; `npm run fuzz` sets FUZZ_RUNS for a long campaign.
describe("fuzzing the core with fast-check", function () {
  this.timeout(600_000);

  it("mutated examples: nothing throws, every range is inside, every call is bounded", function () {
    fc.assert(
      fc.property(mutatedExample, (file) => checkEverything(engine, file)),
      { numRuns: runs(150) },
    );
  });

  it("random data behind a Genesis header", function () {
    fc.assert(
      fc.property(generatedDocument, (file) => checkEverything(engine, file)),
      { numRuns: runs(150) },
    );
  });

  it("random bytes", function () {
    fc.assert(
      fc.property(randomBytes, (file) => checkEverything(engine, file)),
      { numRuns: runs(100) },
    );
  });

  it("any of them", function () {
    fc.assert(
      fc.property(anyDocument, (file) => checkEverything(engine, file)),
      { numRuns: runs(100) },
    );
  });
});
