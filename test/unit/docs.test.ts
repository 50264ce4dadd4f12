import * as assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { READINESS_CHECKS } from "../../server/src/core/readiness/compute";
import { GROUP_ORDER } from "../../server/src/core/readiness/model";
import { READINESS_ITEM_IDS, RULES } from "../../server/src/core/rules/catalog";
import { generatedPagesOnDisk, stalePages } from "../../scripts/docs";
import { DOCS_DIR, generateDocs } from "../../scripts/docs/generate";
import { anchorOf } from "../../scripts/docs/markdown";
import { checkNotes } from "../../scripts/docs/notes";
import { fieldRows } from "../../scripts/docs/schema-fields";
import { engine } from "./harness";

const ROOT = path.resolve(__dirname, "../..");

function page(name: string): string {
  return readFileSync(path.join(DOCS_DIR, name), "utf8");
}

/** The anchors a page offers: explicit `<a id>` tags, and the ones GitHub derives from headings. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, id] of text.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(id);
  for (const [, heading] of text.matchAll(/^#{1,6} (.+)$/gm)) {
    anchors.add(
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .trim()
        .replace(/\s/g, "-"),
    );
  }
  return anchors;
}

/** Relative Markdown links of a file outside code, as [target file, anchor]. */
function linksOf(text: string): [string, string | undefined][] {
  const prose = text.replace(/^(`{3,}).*\n[\s\S]*?^\1\s*$/gm, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map(([, target]) => target)
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => {
      const [file, anchor] = target.split("#");
      return [file, anchor];
    });
}

describe("docs/", function () {
  this.timeout(60000);
  const pages = generateDocs();

  it("holds exactly what `npm run docs` writes from the schemas, the catalog and the checklist", function () {
    assert.deepEqual(stalePages(pages), [], "run `npm run docs` and commit docs/");
    assert.deepEqual(generatedPagesOnDisk().sort(), [...pages.keys()].sort());
  });

  it("has an entry for every rule of the catalog and every readiness item", function () {
    const rules = page("rules.md");
    for (const { id } of RULES) {
      assert.ok(rules.includes(`<a id="${anchorOf(id)}"></a>\n\n### \`${id}\``), `docs/rules.md has no section for ${id}`);
      assert.ok(rules.includes(`| [\`${id}\`](rules/${id}.md) |`), `docs/rules.md's catalog has no row for ${id}, linked to its page`);
    }
    const checklist = page("checklist.md");
    const itemIds = GROUP_ORDER.flatMap((group) => READINESS_CHECKS[group].map((check) => check.id));
    assert.deepEqual(itemIds, [...READINESS_ITEM_IDS]);
    for (const id of itemIds) {
      assert.ok(checklist.includes(`<a id="${anchorOf(id)}"></a>\n\n### \`${id}\`:`), `docs/checklist.md has no section for ${id}`);
    }
  });

  it("lists every top-level property of each schema on its page", function () {
    const pagesOf: Record<string, string> = {
      "dataset-manifest": "formats/dataset-manifest.md",
      "pipeline-config": "formats/pipeline-config.md",
      "model-card": "formats/model-card.md",
      "genesis-config": "formats/genesis-config.md",
    };
    for (const [schemaName, file] of Object.entries(pagesOf)) {
      const schema = JSON.parse(readFileSync(path.join(ROOT, "schemas", `${schemaName}.schema.json`), "utf8")) as { properties: object };
      const text = page(file);
      for (const key of Object.keys(schema.properties)) {
        assert.ok(text.includes(`| \`${key}\` |`) || text.includes(`| [\`${key}\`](#`), `${file} lacks ${key}`);
      }
    }
  });

  it("links only to pages and anchors that exist", function () {
    const files = [...[...pages.keys()].map((name) => path.join(DOCS_DIR, name)), path.join(ROOT, "README.md")];
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const [target, anchor] of linksOf(text)) {
        const linked = target ? path.resolve(path.dirname(file), target) : file;
        if (!existsSync(linked)) broken.push(`${path.relative(ROOT, file)} -> ${target}`);
        else if (anchor && linked.endsWith(".md") && !anchorsOf(readFileSync(linked, "utf8")).has(anchor)) {
          broken.push(`${path.relative(ROOT, file)} -> ${target}#${anchor}`);
        }
      }
    }
    assert.deepEqual(broken, []);
  });

  it("shows an example genesis.config.yaml that the config's own checks accept", function () {
    const examples = [...page("configuration.md").matchAll(/```yaml\n(# genesis\.config\.yaml\n[\s\S]*?)```/g)].map(([, text]) => text);
    assert.ok(examples.length > 0, "configuration.md has an example marked `# genesis.config.yaml`");
    for (const text of examples) assert.deepEqual(engine.readConfig({ path: "genesis.config.yaml", text }).diagnostics, []);
  });

  it("the generator stops on what it cannot document, instead of leaving it out", function () {
    const context = { root: {}, commonLink: (name: string) => name, localDefs: "inline" as const };
    const evenSize = { description: "A size.", type: "integer", multipleOf: 2 };
    assert.throws(() => fieldRows({ properties: { size: evenSize } }, context), /multipleOf/);
    assert.throws(() => fieldRows({ properties: { size: { type: "integer" } } }, context), /no description/);
    assert.throws(() => checkNotes("rules.md", new Map([["a/b", "A note."]]), ["a/b", "c/d"]), /no note for c\/d/);
    assert.throws(
      () =>
        checkNotes(
          "rules.md",
          new Map([
            ["a/b", "A note."],
            ["x/y", "Stale."],
          ]),
          ["a/b"],
        ),
      /unknown ids x\/y/,
    );
  });
});
