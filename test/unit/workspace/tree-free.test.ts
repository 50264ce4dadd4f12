import { strict as assert } from "node:assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { spanOf, type GenesisDocument } from "../../../server/src/core/document";
import { parseGenesisDocument } from "../../../server/src/core/parse/document";
import { LineIndex, lineAt } from "../../../server/src/core/text";
import { whereIs } from "../../../server/src/core/workspace/context";
import { extractFacts, spanInFacts, type DocumentFacts } from "../../../server/src/core/workspace/facts";
import { WorkspaceIndex } from "../../../server/src/core/workspace/workspace-index";
import { engine } from "../harness";
import { dataset, pipeline } from "./harness";

/**
 * The ws rules' reports and `path:line` citations come from the facts (landmarks and reference
 * sites) where they can, so that a workspace check rebuilds no parse tree: these tests hold the
 * fast paths equal to the tree's answers, and hold the tree unread where it is not needed.
 */

function exampleDocuments(): GenesisDocument[] {
  const root = path.resolve(__dirname, "../../../examples");
  const found: GenesisDocument[] = [];
  const visit = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) visit(file);
      else {
        const document = parseGenesisDocument({ path: path.relative(root, file), text: readFileSync(file, "utf8") });
        if (document) found.push(document);
      }
    }
  };
  visit(root);
  return found;
}

/** Facts whose tree can be read only through `document`, counting the reads. */
function countingTreeReads(facts: DocumentFacts): { facts: DocumentFacts; reads: () => number } {
  let reads = 0;
  const tree = facts.document;
  const counted = Object.defineProperty({ ...facts }, "document", {
    get: () => {
      reads++;
      return tree;
    },
  }) as DocumentFacts;
  return { facts: counted, reads: () => reads };
}

describe("workspace checks without parse trees", () => {
  it("lineAt counts lines as LineIndex does, with LF, CRLF and lone CR", () => {
    const pieces = ["a", "bc", "\n", "\r\n", "\r", " ", "\n\r"];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      let text = "";
      for (let i = 0; i < 12; i++) text += pieces[Math.floor(random() * pieces.length)];
      const lines = new LineIndex(text);
      for (let offset = -1; offset <= text.length + 1; offset++) {
        assert.equal(lineAt(text, offset), lines.positionAt(offset).line, `${JSON.stringify(text)} at ${offset}`);
      }
    }
  });

  it("spanInFacts equals spanOf for every node of the examples, keys and values", () => {
    const documents = exampleDocuments();
    assert.ok(documents.length >= 8, `only ${documents.length} example documents`);
    let compared = 0;
    for (const document of documents) {
      const facts = extractFacts(document);
      for (const pointer of [...document.tree.locations.keys(), "/lineage/derivedFrom/9", "/no/such/node"]) {
        for (const part of ["key", "value"] as const) {
          assert.deepEqual(spanInFacts(facts, pointer, part), spanOf(document, pointer, part), `${document.path} ${pointer} ${part}`);
          compared++;
        }
      }
    }
    assert.ok(compared > 1000, `${compared} spans compared`);
  });

  it("whereIs cites the same line as the tree for landmarks and for other nodes", () => {
    for (const document of exampleDocuments()) {
      const facts = extractFacts(document);
      const lines = new LineIndex(document.text);
      for (const [pointer, location] of document.tree.locations) {
        if (pointer === "") continue;
        const line = lines.positionAt((location.key ?? location.value).start).line + 1;
        assert.equal(whereIs(facts, pointer), `${facts.path}:${line}`, `${document.path} ${pointer}`);
      }
      assert.equal(whereIs(facts, "/outputs/99"), facts.path);
    }
  });

  it("reports lineage findings, citing another document, without reading either parse tree", () => {
    const index = new WorkspaceIndex();
    const load = (file: string, text: string) => {
      const { facts, reads } = countingTreeReads(extractFacts(parseGenesisDocument({ path: file, text })!));
      index.load(facts);
      return reads;
    };
    load("hub.dataset.yaml", dataset("hub", "1.0.0"));
    const pipelineReads = load("p.pipeline.yaml", pipeline("p", "1.0.0", ["hub@1.0.0"], ["other@1.0.0"]));
    const datasetReads = load(
      "d.dataset.yaml",
      dataset("d", "1.0.0", "lineage:\n  derivedFrom: [hub@1.0.0, extra@1.0.0]\n  generatedBy: { pipeline: p@1.0.0 }\n"),
    );
    const diagnostics = engine.checkWorkspace(index.get("d.dataset.yaml")!, index);
    const rules = diagnostics.map((d) => d.rule);
    assert.ok(rules.filter((rule) => rule === "lineage/inconsistent").length === 2, rules.join(", "));
    assert.ok(
      diagnostics.some((d) => /p\.pipeline\.yaml:\d+/.test(d.message)),
      "cites the pipeline's line",
    );
    assert.equal(datasetReads(), 0, "the dataset's tree was read");
    assert.equal(pipelineReads(), 0, "the pipeline's tree was read");
  });

  it("still reads the tree for a document that mentions genesis-ignore, and honours the suppression", () => {
    const index = new WorkspaceIndex();
    const text = dataset("d", "1.0.0", "lineage:\n  derivedFrom: [hub@1.0.0]  # genesis-ignore ref/unresolved: on its way\n");
    const { facts, reads } = countingTreeReads(extractFacts(parseGenesisDocument({ path: "d.dataset.yaml", text })!));
    index.load(facts);
    assert.deepEqual(
      engine.checkWorkspace(facts, index).map((d) => d.rule),
      [],
    );
    assert.ok(reads() > 0);
  });
});
