import * as assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { importDocument } from "../../../server/src/core/convert/import/import-source";
import type { ImportContext } from "../../../server/src/core/convert/import/types";
import { engine } from "../harness";

const FIXTURES = path.resolve(__dirname, "../../fixtures/import");
const GOLDEN = path.join(FIXTURES, "golden");
const HF_CARDS = path.resolve(__dirname, "../../fixtures/hf-cards");

/** Every vendored source, by its path in the fixtures (which is also its workspace path in these tests). */
function vendoredSources(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(FIXTURES, folder), { withFileTypes: true })) {
      const relative = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory() && relative !== "golden") walk(relative);
      else if (entry.isFile() && entry.name !== "SOURCES.md") found.push(relative);
    }
  };
  walk("");
  return found.sort();
}

const CONTEXT: ImportContext = { localFile: async () => undefined, declaredPaths: new Map(), today: "2026-01-15" };

/**
 * The importer on the vendored public files (issue 16, import): a golden file pins each result
 * (UPDATE_GOLDENS=1 rewrites them), and each result is a Genesis document that parses and gets no
 * error but `placeholder/value`'s (which lists what the user has left to fill in).
 */
describe("import: the vendored files of the field's formats", function () {
  const sources = vendoredSources();

  it("vendors at least 5 Croissant files, 3 data packages, 3 dvc.yaml and 3 CWL workflows", function () {
    const count = (prefix: string) => sources.filter((source) => source.startsWith(prefix)).length;
    assert.ok(count("croissant/") >= 5);
    assert.ok(count("datapackage/") >= 3);
    assert.ok(count("dvc/") >= 3);
    assert.ok(count("cwl/") >= 3);
  });

  for (const source of sources) {
    it(`${source}: matches its golden file, and the engine finds nothing but placeholders`, async function () {
      const result = await importDocument({ path: source, text: readFileSync(path.join(FIXTURES, source), "utf8") }, CONTEXT, engine);
      const golden = path.join(GOLDEN, `${source.replace(/\//g, "__")}.${result.fileName}`);
      if (process.env.UPDATE_GOLDENS === "1") {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(golden, result.text);
      }
      assert.ok(existsSync(golden), `${path.basename(golden)} is missing (UPDATE_GOLDENS=1 writes it)`);
      assert.equal(
        result.text,
        readFileSync(golden, "utf8"),
        `${source} drifted from ${path.basename(golden)} (UPDATE_GOLDENS=1 rewrites it)`,
      );
      assertOnlyPlaceholders(path.posix.join(path.posix.dirname(source), result.fileName), result.text);
    });
  }

  it("a Hugging Face card becomes the card the Convert fix makes, which checks clean but for placeholders and sections", async function () {
    const cards = readdirSync(HF_CARDS).filter((name) => name.endsWith(".md") && name !== "SOURCES.md");
    let converted = 0;
    for (const name of cards) {
      const text = readFileSync(path.join(HF_CARDS, name), "utf8");
      if (!engine.analyze({ path: "README.md", text }, DEFAULT_CONFIG).diagnostics.some((d) => d.rule === "modelcard/not-genesis"))
        continue;
      const result = await importDocument({ path: "models/bert/README.md", text }, CONTEXT, engine);
      assert.equal(result.kind, "ModelCard");
      assert.equal(result.fileName, "bert.modelcard.md");
      const errors = engine
        .analyze({ path: `models/bert/${result.fileName}`, text: result.text }, DEFAULT_CONFIG)
        .diagnostics.filter((d) => d.severity === "error" && (d.rule.startsWith("schema/") || d.rule.startsWith("syntax/")));
      assert.deepEqual(
        errors.map((d) => `${d.rule}: ${d.message}`),
        [],
        name,
      );
      converted++;
    }
    assert.ok(converted >= 5, `only ${converted} cards converted`);
  });
});

export function assertOnlyPlaceholders(documentPath: string, text: string): void {
  const analysis = engine.analyze({ path: documentPath, text }, DEFAULT_CONFIG);
  assert.ok(analysis.document, `${documentPath} is recognised as a Genesis document`);
  const errors = analysis.diagnostics.filter((d) => d.severity === "error" && d.rule !== "placeholder/value");
  assert.deepEqual(
    errors.map((d) => `${d.rule}: ${d.message}`),
    [],
    `${documentPath} gets errors other than placeholder/value`,
  );
  assert.ok(
    analysis.diagnostics.some((d) => d.rule === "placeholder/value"),
    `${documentPath}: the fields left to fill in are reported`,
  );
}
