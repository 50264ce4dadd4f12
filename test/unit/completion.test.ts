import * as assert from "node:assert/strict";
import { complete, documentBeingTyped, type CompletionItem } from "../../server/src/core/completion/complete";
import { Engine } from "../../server/src/core/engine";
import { parseGenesisDocument } from "../../server/src/core/parse/document";
import { valueAt } from "../../server/src/core/pointer";
import { RULES } from "../../server/src/core/rules/catalog";
import { expandSnippet } from "../../server/src/core/templates/snippet-syntax";
import type { WorkspaceIndex } from "../../server/src/core/workspace/workspace-index";
import { yamlCursorAt } from "../../server/src/core/completion/yaml-cursor";
import { applyEdit, atCursor } from "./cursor-marker";
import { dataset, modelCard, pipeline, workspaceOf } from "./workspace/harness";

const DATASET = "apiVersion: genesis/v1\nkind: DatasetManifest\n";
const PIPELINE = "apiVersion: genesis/v1\nkind: PipelineConfig\n";
const CARD = "apiVersion: genesis/v1\nkind: ModelCard\n";

function completeAt(path: string, marked: string, index?: WorkspaceIndex): CompletionItem[] {
  const { document, offset } = atCursor(path, marked);
  return complete(document, offset, { index });
}

const labels = (items: readonly CompletionItem[]) => items.map((item) => item.label);
const find = (items: readonly CompletionItem[], label: string) => {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no "${label}" among ${labels(items).join(", ")}`);
  return item;
};
/** Labels in the order a client shows them (by sortText). */
const sorted = (items: readonly CompletionItem[]) =>
  labels([...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)));

/** The text after accepting `item` at the marked cursor (snippet placeholders at their defaults). */
function accept(marked: string, item: CompletionItem): string {
  const offset = marked.indexOf("|");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const inserted = item.isSnippet ? expandSnippet(item.insertText) : item.insertText;
  return applyEdit(text, item.replace ?? { start: offset, end: offset }, inserted);
}

describe("completion", function () {
  describe("property names", function () {
    it("offers the top-level properties not yet present, required ones first, with their descriptions", function () {
      const items = completeAt("a.dataset.yaml", `${DATASET}id: x\n|`);
      const names = sorted(items);
      assert.ok(!names.includes("apiVersion") && !names.includes("kind") && !names.includes("id"), "present keys are left out");
      assert.deepEqual(names.slice(0, 3), ["version", "name", "description"]);
      const firstOptional = names.indexOf("publisher");
      assert.ok(
        firstOptional > names.indexOf("distribution") && firstOptional > names.indexOf("classification"),
        `required first: ${names.join(", ")}`,
      );
      assert.ok(!names.includes("$schema"), "$schema is for JSON documents");
      const license = find(items, "license");
      assert.match(license.documentation ?? "", /SPDX expression/);
      assert.match(license.detail ?? "", /required/);
      assert.equal(license.kind, "property");
      assert.equal(find(items, "publisher").detail, "string");
    });

    it("opens the value the property needs: a nested line for objects, a dash for lists, the constant for the header", function () {
      const items = completeAt("a.dataset.yaml", `${DATASET}id: x\n|`);
      assert.equal(find(items, "classification").insertText, "classification:\n  ");
      assert.equal(find(items, "distribution").insertText, "distribution:\n  - ");
      assert.equal(find(items, "license").insertText, "license: ");
      const empty = completeAt("a.dataset.yaml", "|");
      assert.deepEqual(sorted(empty).slice(0, 2), ["apiVersion", "kind"]);
      assert.equal(find(empty, "apiVersion").insertText, "apiVersion: genesis/v1");
      assert.equal(find(empty, "kind").insertText, "kind: DatasetManifest");
    });

    it("replaces the part of the key already typed, and writes only the name when the key has its colon", function () {
      const marked = `${DATASET}id: x\nlic|\n`;
      const license = find(completeAt("a.dataset.yaml", marked), "license");
      assert.equal(accept(marked, license), `${DATASET}id: x\nlicense: \n`);
      const renamed = `${DATASET}lic|ense: MIT\n`;
      assert.equal(accept(renamed, find(completeAt("a.dataset.yaml", renamed), "license")), `${DATASET}license: MIT\n`);
    });

    it("completes the keys of a nested mapping, indented from its own column", function () {
      const items = completeAt("a.dataset.yaml", `${DATASET}classification:\n  level: cui\n  |\nid: x\n`);
      assert.deepEqual(sorted(items), ["categories", "dissemination", "exportControl"]);
      assert.equal(find(items, "exportControl").insertText, "exportControl:\n    ");
      assert.equal(find(items, "categories").insertText, "categories:\n    - ");
      const deeper = completeAt("a.dataset.yaml", `${DATASET}classification:\n  exportControl:\n    |\n`);
      assert.deepEqual(sorted(deeper), ["regime", "eccn", "usmlCategory"]);
    });

    it("completes the keys of a list item after `- ` and on the item's next lines", function () {
      const first = completeAt("a.dataset.yaml", `${DATASET}distribution:\n  - |`);
      assert.deepEqual(
        first.filter((i) => i.kind === "property").map((i) => i.label),
        ["id", "path", "format", "sha256", "md5", "bytes"],
      );
      const next = completeAt("a.dataset.yaml", `${DATASET}distribution:\n  - id: a\n    path: a.csv\n    |\n  - id: b\n    format: csv\n`);
      assert.deepEqual(sorted(next), ["format", "sha256", "md5", "bytes"], "keys of this item only");
      const second = completeAt("a.dataset.yaml", `${DATASET}distribution:\n  - id: a\n    format: csv\n  - id: b\n    |\n`);
      assert.deepEqual(sorted(second), ["path", "format", "sha256", "md5", "bytes"]);
    });

    it("follows lists written at their key's indentation", function () {
      const items = completeAt("a.dataset.yaml", `${DATASET}recordSets:\n- id: r\n  source: d\n  fields:\n  - name: a\n    |\n`);
      assert.deepEqual(sorted(items), ["type", "unit", "description", "constraints"]);
      const root = completeAt("a.dataset.yaml", `${DATASET}distribution:\n- id: a\n|\nlicense: MIT\n`);
      assert.ok(
        labels(root).includes("name") && !labels(root).includes("distribution") && !labels(root).includes("license"),
        labels(root).join(", "),
      );
    });

    it("renames the first key of an item without touching its value", function () {
      const marked = `${DATASET}distribution:\n  - for|m: csv\n`;
      assert.equal(accept(marked, find(completeAt("a.dataset.yaml", marked), "format")), `${DATASET}distribution:\n  - format: csv\n`);
    });

    it("reads CRLF line breaks like LF", function () {
      const items = completeAt(
        "a.dataset.yaml",
        `${DATASET}classification:\r\n  level: cui\r\n  |\r\nid: x\r\n`.replace(/\n/g, "\r\n").replace(/\r\r/g, "\r"),
      );
      assert.deepEqual(sorted(items), ["categories", "dissemination", "exportControl"]);
    });

    it("adds the blank after a dash typed just now", function () {
      const marked = `${DATASET}distribution:\n  -|`;
      const id = find(completeAt("a.dataset.yaml", marked), "id");
      assert.equal(accept(marked, id), `${DATASET}distribution:\n  - id: `);
    });

    it("completes keys inside a flow mapping", function () {
      const items = completeAt("a.dataset.yaml", `${DATASET}classification: { level: cui, | }\n`);
      assert.deepEqual(sorted(items), ["categories", "dissemination", "exportControl"]);
      assert.equal(find(items, "categories").insertText, "categories: ");
    });

    it("offers nothing inside a block scalar or at a badly indented line", function () {
      assert.deepEqual(completeAt("a.dataset.yaml", `${DATASET}description: >-\n  Some text |\n`), []);
      assert.deepEqual(completeAt("a.dataset.yaml", `${DATASET}license: MIT\n  |\n`), []);
    });
  });

  describe("values", function () {
    it("offers an enum's values with the schema's description", function () {
      const items = completeAt("a.dataset.yaml", `${DATASET}distribution:\n  - id: a\n    format: |\n`);
      assert.deepEqual(labels(items), ["csv", "parquet", "hdf5", "json", "jsonl", "netcdf", "zarr", "tiff", "other"]);
      assert.ok(items.every((i) => i.kind === "value"));
      assert.match(items[0].documentation ?? "", /The file format/);
    });

    it("puts the values nearest to what is typed first and replaces the typed part", function () {
      const marked = `${DATASET}distribution:\n  - id: a\n    format: parq|\n`;
      const items = completeAt("a.dataset.yaml", marked);
      assert.equal(sorted(items)[0], "parquet");
      assert.equal(accept(marked, items[0]), `${DATASET}distribution:\n  - id: a\n    format: parquet\n`);
      const misspelt = completeAt("a.pipeline.yaml", `${PIPELINE}scheduler:\n  type: slrm|\n`);
      assert.equal(sorted(misspelt)[0], "slurm");
    });

    it("writes the blank after a colon typed just now, and stays inside an opened quote", function () {
      const bare = `${DATASET}classification:\n  level:|\n`;
      assert.equal(accept(bare, find(completeAt("a.dataset.yaml", bare), "cui")), `${DATASET}classification:\n  level: cui\n`);
      const quoted = `${DATASET}classification:\n  level: "cu|"\n`;
      assert.equal(
        accept(quoted, find(completeAt("a.dataset.yaml", quoted), "cui-specified")),
        `${DATASET}classification:\n  level: "cui-specified"\n`,
      );
    });

    it("completes values in flow collections and in lists of values", function () {
      assert.deepEqual(labels(completeAt("a.dataset.yaml", `${DATASET}classification: { level: | }\n`)), [
        "public",
        "internal",
        "cui",
        "cui-specified",
        "ouo",
      ]);
      const risks = completeAt("m.model.yaml", `${CARD}risk:\n  generative:\n    - |\n`);
      assert.ok(labels(risks).includes("confabulation") && risks.every((i) => i.kind === "value"));
      const flowRisks = completeAt("m.model.yaml", `${CARD}risk: { generative: [confabulation, data-|] }\n`);
      assert.equal(sorted(flowRisks)[0], "data-privacy");
    });

    it("offers true and false for booleans, and nothing for free text", function () {
      assert.deepEqual(labels(completeAt("a.dataset.yaml", `${DATASET}live: |\n`)), ["true", "false"]);
      assert.deepEqual(completeAt("a.dataset.yaml", `${DATASET}name: |\n`), []);
    });

    it("retriggers completion after a property whose value can be completed", function () {
      const items = completeAt("a.dataset.yaml", "|");
      assert.equal(find(items, "live").retrigger, true);
      assert.equal(find(items, "name").retrigger, undefined);
      assert.equal(find(items, "kind").retrigger, undefined, "the constant is written already");
    });
  });

  describe("references", function () {
    const index = workspaceOf({
      "data/raw-old.dataset.yaml": dataset("raw", "0.9.0"),
      "data/raw.dataset.yaml": dataset("raw", "1.2.0"),
      "data/raw-1.dataset.yaml": dataset("raw", "1.0.0"),
      "data/clean.dataset.yaml": dataset("clean", "1.0.0"),
      "pipelines/p.pipeline.yaml": pipeline("prep", "2.0.0", ["raw@1.2.0"], ["clean@1.0.0"]),
      "models/m.model.yaml": modelCard("m", "1.0.0", ["clean@1.0.0"]),
    });

    it("offers id@version of the documents of the expected kind, by id, newest version first", function () {
      const items = completeAt("data/clean.dataset.yaml", `${DATASET}id: clean\nlineage:\n  derivedFrom:\n    - |\n`, index);
      assert.deepEqual(sorted(items), ["raw@1.2.0", "raw@1.0.0", "raw@0.9.0"], "the document itself and other kinds are left out");
      const raw = find(items, "raw@1.2.0");
      assert.equal(raw.kind, "reference");
      assert.equal(raw.detail, "Dataset raw · data/raw.dataset.yaml");
    });

    it("offers pipelines where a pipeline is expected", function () {
      assert.deepEqual(labels(completeAt("data/x.dataset.yaml", `${DATASET}lineage:\n  generatedBy:\n    pipeline: |\n`, index)), [
        "prep@2.0.0",
      ]);
    });

    it("completes after the @ and inside flow lists", function () {
      const marked = `${PIPELINE}inputs:\n  - name: a\n    ref: raw@|\n`;
      const items = completeAt("pipelines/new.pipeline.yaml", marked, index);
      assert.equal(accept(marked, find(items, "raw@1.0.0")), `${PIPELINE}inputs:\n  - name: a\n    ref: raw@1.0.0\n`);
      const flow = completeAt("models/new.model.yaml", `${CARD}training:\n  datasets: [clean@1.0.0, |]\n`, index);
      assert.deepEqual(sorted(flow), ["clean@1.0.0", "raw@1.2.0", "raw@1.0.0", "raw@0.9.0"]);
      const inFlowMapping = completeAt("pipelines/new.pipeline.yaml", `${PIPELINE}outputs:\n  - { name: out, ref: cl| }\n`, index);
      assert.ok(labels(inFlowMapping).includes("clean@1.0.0"));
    });

    it("offers datasets and model cards at a pipeline output (docs/formats/pipeline-config.md), datasets only at an input", function () {
      const outputs = completeAt("pipelines/new.pipeline.yaml", `${PIPELINE}outputs:\n  - name: model\n    ref: |\n`, index);
      assert.ok(labels(outputs).includes("m@1.0.0") && labels(outputs).includes("clean@1.0.0"), labels(outputs).join(", "));
      assert.ok(!labels(outputs).includes("prep@2.0.0"), "a pipeline is no output");
      const inputs = completeAt("pipelines/new.pipeline.yaml", `${PIPELINE}inputs:\n  - name: data\n    ref: |\n`, index);
      assert.ok(!labels(inputs).includes("m@1.0.0"));
    });

    it("offers no references without a workspace index", function () {
      assert.deepEqual(completeAt("data/clean.dataset.yaml", `${DATASET}lineage:\n  derivedFrom:\n    - |\n`), []);
    });
  });

  describe("rule ids in genesis-ignore comments", function () {
    it("offers every rule id with its summary", function () {
      const items = completeAt("a.dataset.yaml", `${DATASET}# genesis-ignore |\nid: x\n`);
      assert.equal(items.length, RULES.length);
      const rule = find(items, "container/unpinned");
      assert.equal(rule.kind, "rule");
      assert.equal(rule.detail, RULES.find((r) => r.id === "container/unpinned")!.summary);
    });

    it("leaves out the rules already named and replaces the id being typed", function () {
      const marked = `${DATASET}license: MIT # genesis-ignore schema/enum, license/sp|\n`;
      const items = completeAt("a.dataset.yaml", marked);
      assert.ok(!labels(items).includes("schema/enum"));
      assert.equal(accept(marked, find(items, "license/spdx")), `${DATASET}license: MIT # genesis-ignore schema/enum, license/spdx\n`);
    });

    it("offers nothing in the reason or in other comments", function () {
      assert.deepEqual(completeAt("a.dataset.yaml", `${DATASET}# genesis-ignore license/spdx: because |\n`), []);
      assert.deepEqual(completeAt("a.dataset.yaml", `${DATASET}# a note |\n`), []);
    });

    it("completes in the HTML comments of a Markdown body", function () {
      const items = completeAt("m.modelcard.md", `---\n${CARD}---\n# Card\n<!-- genesis-ignore modelcard/sec| -->\n`);
      assert.equal(sorted(items.filter((i) => i.label.startsWith("modelcard/sec")))[0], "modelcard/section-missing");
      assert.deepEqual(completeAt("m.modelcard.md", `---\n${CARD}---\n# Card\nSome text |\n`), []);
    });
  });

  describe("the expiry of a waiver", function () {
    const TODAY = "2026-06-15";
    const at = (path: string, marked: string) => {
      const { document, offset } = atCursor(path, marked);
      return complete(document, offset, { today: TODAY });
    };

    it("offers (until <90 days ahead>) on a word that begins it after a reason, as a snippet", function () {
      for (const typed of ["(", "(un", "unt", "(UNTIL"]) {
        const line = `${DATASET}license: MIT # genesis-ignore license/spdx: vendor wording, LIC-2 `;
        const marked = `${line}${typed}|\n`;
        const items = at("a.dataset.yaml", marked);
        assert.deepEqual(labels(items), ["(until 2026-09-13)"], typed);
        assert.equal(items[0].isSnippet, true);
        assert.equal(items[0].insertText, "(until ${1:2026-09-13})");
        assert.equal(accept(marked, items[0]), `${line}(until 2026-09-13)\n`);
      }
    });

    it("the date it proposes makes a waiver that applies today", function () {
      const marked = `${DATASET}# genesis-ignore license/spdx: vendor wording (|\nlicense: Apache 2\n`;
      const accepted = accept(marked, at("a.dataset.yaml", marked)[0]);
      const engine = new Engine({ today: () => TODAY });
      const diagnostics = engine.analyze({ path: "a.dataset.yaml", text: accepted }).diagnostics;
      assert.deepEqual(
        diagnostics.filter((d) => d.rule === "license/spdx" || d.rule.startsWith("suppress/")),
        [],
      );
    });

    it("in a Markdown body's HTML comment too, replacing the word up to the comment's end", function () {
      const head = `---\n${CARD}---\n# Card\n<!-- genesis-ignore modelcard/section-missing: draft `;
      const marked = `${head}(un|t -->\n`;
      const [item] = at("m.modelcard.md", marked);
      assert.equal(accept(marked, item), `${head}(until 2026-09-13) -->\n`);
    });

    it("without a today it offers the form itself", function () {
      const items = completeAt("a.dataset.yaml", `${DATASET}# genesis-ignore license/spdx: vendor wording (|\n`);
      assert.deepEqual(labels(items), ["(until YYYY-MM-DD)"]);
    });

    it("offers nothing without a reason, on another word, or when the comment has an expiry", function () {
      assert.deepEqual(at("a.dataset.yaml", `${DATASET}# genesis-ignore license/spdx: (|\n`), []);
      assert.deepEqual(at("a.dataset.yaml", `${DATASET}# genesis-ignore license/spdx: vendor wo|\n`), []);
      assert.deepEqual(at("a.dataset.yaml", `${DATASET}# genesis-ignore license/spdx: vendor (until 2027-01-01) (|\n`), []);
      assert.deepEqual(at("a.dataset.yaml", `${DATASET}# genesis-ignore license/spdx: vendor (| (until 2027-01-01)\n`), []);
      assert.deepEqual(at("a.dataset.yaml", `${DATASET}# a note (|\n`), []);
    });
  });

  describe("whole list items", function () {
    const cases = [
      {
        name: "a distribution entry",
        path: "a.dataset.yaml",
        marked: `${DATASET}distribution:\n  - |`,
        list: "/distribution/0",
        keys: ["id", "path", "format", "sha256", "bytes"],
      },
      {
        name: "a record set field",
        path: "a.dataset.yaml",
        marked: `${DATASET}recordSets:\n  - id: r\n    fields:\n      - name: a\n        type: string\n      - |`,
        list: "/recordSets/0/fields/1",
        keys: ["name", "type", "unit", "description"],
      },
      {
        name: "a pipeline step",
        path: "a.pipeline.yaml",
        marked: `${PIPELINE}steps:\n- |`,
        list: "/steps/0",
        keys: ["id", "needs", "run", "container", "resources", "network"],
      },
      {
        name: "an artifact",
        path: "m.model.yaml",
        marked: `${CARD}artifacts:\n    - |`,
        list: "/artifacts/0",
        keys: ["format", "path", "sha256", "signature"],
      },
    ];
    for (const c of cases) {
      it(`inserts ${c.name} on a new dash of its list, indented to the dash`, function () {
        const snippets = completeAt(c.path, c.marked).filter((i) => i.kind === "snippet");
        assert.equal(snippets.length, 1);
        assert.equal(snippets[0].isSnippet, true);
        const parsed = parseGenesisDocument({ path: c.path, text: accept(c.marked, snippets[0]) })!;
        assert.deepEqual(parsed.tree.problems, []);
        assert.deepEqual(Object.keys(valueAt(parsed.tree.value, c.list) as object), c.keys);
      });
    }

    it("offers no item where its list is not, nor after something typed", function () {
      assert.deepEqual(
        completeAt("a.dataset.yaml", `${DATASET}creators:\n  - |`).filter((i) => i.kind === "snippet"),
        [],
      );
      assert.deepEqual(
        completeAt("a.pipeline.yaml", `${PIPELINE}distribution:\n  - |`).filter((i) => i.kind === "snippet"),
        [],
      );
      assert.deepEqual(
        completeAt("a.dataset.yaml", `${DATASET}distribution:\n  - i|`).filter((i) => i.kind === "snippet"),
        [],
      );
    });
  });

  describe("JSON and Markdown front matter", function () {
    it("completes JSON property names as snippets that open the value", function () {
      const marked = '{ "apiVersion": "genesis/v1", "kind": "DatasetManifest", "cla|" }';
      const items = completeAt("a.dataset.json", marked);
      assert.ok(!labels(items).includes("kind"));
      assert.ok(labels(items).includes("$schema"));
      const classification = find(items, "classification");
      assert.equal(classification.isSnippet, true);
      assert.equal(accept(marked, classification), '{ "apiVersion": "genesis/v1", "kind": "DatasetManifest", "classification": {} }');
      const between = '{ "apiVersion": "genesis/v1", |\n  "kind": "DatasetManifest" }';
      assert.equal(
        accept(between, find(completeAt("a.dataset.json", between), "live")),
        '{ "apiVersion": "genesis/v1", "live": ,\n  "kind": "DatasetManifest" }',
        "a comma before the next property",
      );
    });

    it("completes JSON enum values and references as JSON strings", function () {
      const marked = '{ "kind": "DatasetManifest", "classification": { "level": "c|" } }';
      const items = completeAt("a.dataset.json", marked);
      assert.equal(accept(marked, find(items, "cui")), '{ "kind": "DatasetManifest", "classification": { "level": "cui" } }');
      const index = workspaceOf({ "raw.dataset.yaml": dataset("raw", "1.0.0") });
      const refs = completeAt("p.pipeline.json", '{ "kind": "PipelineConfig", "inputs": [ { "name": "a", "ref":| } ] }', index);
      assert.deepEqual(
        refs.map((i) => i.insertText),
        [' "raw@1.0.0"'],
      );
    });

    it("completes in a Markdown card's front matter and not in its body", function () {
      const items = completeAt("m.modelcard.md", `---\n${CARD}risk:\n  residual: |\n---\n# Card\n`);
      assert.deepEqual(labels(items), ["low", "medium", "high"]);
      const keys = completeAt("m.modelcard.md", `---\n${CARD}|\n---\n# Card\n`);
      assert.deepEqual(sorted(keys).slice(0, 3), ["id", "version", "license"]);
      assert.deepEqual(completeAt("m.modelcard.md", `---\n${CARD}---\n# Card\nrisk: |\n`), []);
    });
  });

  describe("the structure of YAML being typed", function () {
    /** What the cursor reader says at the marker: the kind of position and its pointer. */
    function read(marked: string): string | undefined {
      const offset = marked.indexOf("|");
      const text = marked.slice(0, offset) + marked.slice(offset + 1);
      const cursor = yamlCursorAt(text, { start: 0, end: text.length }, offset);
      if (!cursor) return undefined;
      if (cursor.kind === "key") return `key ${cursor.mapping} [${[...cursor.present].sort().join(",")}]`;
      if (cursor.kind === "item") return `item ${cursor.item}`;
      if (cursor.kind === "value") return `value ${cursor.pointer}`;
      if (cursor.kind === "expiry") return `expiry ${cursor.typed}`;
      return `rule [${cursor.listed.join(",")}]`;
    }

    it("finds the pointer of items by counting the dashes above them", function () {
      assert.equal(read("a:\n  - x\n  - y\n  - |"), "item /a/2");
      assert.equal(read("a:\n- x\n- y: 1\n  z: 2\n- |"), "item /a/2");
      assert.equal(read("a:\n  - b:\n      - 1\n      - 2\n  - c:\n      - |"), "item /a/1/c/0");
      assert.equal(read("a:\n  - - x\n    - |"), "item /a/0/1");
    });

    it("finds the mapping of a key and the keys it has, above and below", function () {
      assert.equal(read("a:\n  b: 1\n  |\n  c: 2\nd: 3\n"), "key /a [b,c]");
      assert.equal(read("a:\n  - b: 1\n    |\n    c: 2\n  - d: 3\n"), "key /a/0 [b,c]");
      assert.equal(read("a: 1\nb:\n- x\n|\nc: 2\n"), "key  [a,b,c]");
      assert.equal(read('a: ~/x\n"b c": 2 # note\n|'), "key  [a,b c]");
    });

    it("finds values after a key, in flow collections and in list items", function () {
      assert.equal(read("a:\n  b: |"), "value /a/b");
      assert.equal(read("a: [x, { y: [1, |"), "value /a/1/y/1");
      assert.equal(read("a:\n  - { b: 1, c: |"), "value /a/0/c");
      assert.equal(read('a:\n  - "x|'), "value /a/0");
      assert.equal(read("a: { b: 1, | }"), "key /a [b]");
      assert.equal(read("# genesis-ignore a/b c/|"), "rule [a/b]");
    });

    it("gives up where the text does not say", function () {
      assert.equal(read("a: >-\n  text\n  |"), undefined);
      assert.equal(read("a: [x] |"), undefined);
      assert.equal(read("a: 1\n  - x\n- |"), undefined);
      assert.equal(read("a: 1\n---\n|"), "key  []");
    });
  });

  describe("documents being typed", function () {
    it("keeps the kind of a document recognised by content while its kind line is broken", function () {
      const text = "apiVersion: genesis/v1\nkind: DatasetMan\nlicense: MIT\n";
      assert.equal(parseGenesisDocument({ path: "data/x.yaml", text }), undefined);
      const document = documentBeingTyped({ path: "data/x.yaml", text: `${text}\n` }, "DatasetManifest")!;
      assert.equal(document.kind, "DatasetManifest");
      assert.ok(labels(complete(document, text.length + 1)).includes("distribution"));
      assert.equal(documentBeingTyped({ path: "data/x.yaml", text }), undefined, "without a known kind it is not a Genesis document");
    });

    it("never throws, whatever the offset, on odd or broken text", function () {
      const texts = [
        `${DATASET}distribution:\n  - - - x\n    : y\n\t- z\n---\n- [a, {b: [c, d: e`,
        `${DATASET}"quoted key": { a: [1, 2], b: "x #y" } # genesis-ignore\n? complex\n: value\n|\n`,
        `---\n${CARD}artifacts: [ { format: onnx, path: "a\\"b", signature: { inputs: [ { name: x`,
        '{ "kind": "DatasetManifest", "distribution": [ { "id": 1, "format": [null, {}] }, ',
      ];
      for (const text of texts) {
        const path = text.startsWith("{") ? "a.dataset.json" : text.startsWith("---") ? "m.modelcard.md" : "a.dataset.yaml";
        const document = parseGenesisDocument({ path, text })!;
        for (let offset = 0; offset <= text.length; offset++) complete(document, offset, { index: workspaceOf({}) });
      }
    });
  });
});
