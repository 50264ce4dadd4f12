import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { DEFAULT_CONFIG } from "../../server/src/core/config";
import { applyEdits } from "../../server/src/core/fixes/apply";
import { fixesFor } from "../../server/src/core/fixes/fix-providers";
import { findFrontMatter } from "../../server/src/core/parse/markdown";
import { engine } from "./harness";

/** js-yaml, the reader on the Hub's web side. */
const jsYaml = createRequire(__filename)("js-yaml") as { load(text: string): unknown };

const CARDS = path.resolve(__dirname, "../fixtures/hf-cards");

function frontMatterOf(text: string): Record<string, unknown> {
  const front = findFrontMatter(text);
  assert.ok(front?.closed, "closed front matter");
  return jsYaml.load(text.slice(front.content.start, front.content.end)) as Record<string, unknown>;
}

/**
 * The vendored public cards as a user meets them (issue 15, proof): a plain Hugging Face card gets
 * one diagnostic, and its one fix makes a Genesis card that the Hub's reader still reads, with every
 * Hugging Face key as it was and no required Genesis field missing.
 */
describe("public Hugging Face cards: one diagnostic, one conversion", function () {
  const cards = readdirSync(CARDS).filter((name) => name.endsWith(".md") && name !== "SOURCES.md");

  it("every recognised plain card gets exactly one diagnostic, modelcard/not-genesis", function () {
    let recognised = 0;
    for (const name of cards) {
      const text = readFileSync(path.join(CARDS, name), "utf8");
      const analysis = engine.analyze({ path: "README.md", text }, DEFAULT_CONFIG);
      if (!analysis.document) continue;
      recognised++;
      assert.deepEqual(
        analysis.diagnostics.map((d) => d.rule),
        ["modelcard/not-genesis"],
        name,
      );
    }
    assert.ok(recognised >= 8, `only ${recognised} cards recognised`);
  });

  it("Convert to a Genesis card keeps every Hugging Face key, parses with js-yaml, and leaves no required field missing", function () {
    for (const name of cards) {
      const text = readFileSync(path.join(CARDS, name), "utf8");
      const analysis = engine.analyze({ path: "README.md", text }, DEFAULT_CONFIG);
      if (!analysis.document) continue;
      const [notGenesis] = analysis.diagnostics;
      const convert = fixesFor(analysis.document, notGenesis, { config: DEFAULT_CONFIG }).find((fix) => /Convert/.test(fix.title));
      assert.ok(convert, `${name}: a Convert fix`);
      const converted = applyEdits(text, convert.edits);
      const before = frontMatterOf(text);
      const after = frontMatterOf(converted);
      for (const [key, value] of Object.entries(before)) assert.deepEqual(after[key], value, `${name}: ${key} kept`);
      assert.equal(after.kind, "ModelCard", `${name}: now a Genesis card`);
      const left = engine.analyze({ path: "README.md", text: converted }, DEFAULT_CONFIG).diagnostics;
      assert.deepEqual(
        left.filter((d) => d.rule === "schema/required" || d.rule.startsWith("syntax/")).map((d) => d.message),
        [],
        name,
      );
    }
  });
});
