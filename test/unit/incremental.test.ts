import * as assert from "node:assert/strict";
import { random } from "../support/random";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import type { GenesisDocument } from "../../server/src/core/document";
import { diffTexts, reparseEdit } from "../../server/src/core/parse/incremental";
import { parseGenesisDocument } from "../../server/src/core/parse/document";
import { generateManifest } from "../bench/generate";
import { engine } from "./harness";

/** Everything a rule can see of a document, in a comparable form. */
function comparable(document: GenesisDocument) {
  const json = (value: unknown) =>
    JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? `number:${v}` : v)));
  return {
    text: document.text,
    kind: document.kind,
    value: json(document.tree.value),
    locations: json([...document.tree.locations.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    comments: json(document.tree.comments),
    region: document.tree.region,
    problems: document.tree.problems.length,
    markdown: json(document.markdown ?? null),
  };
}

const SOURCES: [string, string][] = [
  ["data/beamline-raw.dataset.yaml", readFileSync(path.resolve(__dirname, "../../examples/data/beamline-raw.dataset.yaml"), "utf8")],
  [
    "pipelines/cathode-surrogate.pipeline.yaml",
    readFileSync(path.resolve(__dirname, "../../examples/pipelines/cathode-surrogate.pipeline.yaml"), "utf8"),
  ],
  [
    "models/cathode-strain-surrogate.model.yaml",
    readFileSync(path.resolve(__dirname, "../../examples/models/cathode-strain-surrogate.model.yaml"), "utf8"),
  ],
  [
    "models/card.modelcard.md",
    readFileSync(path.resolve(__dirname, "../../examples/models/cathode-lattice-surrogate.modelcard.md"), "utf8"),
  ],
  ["generated.dataset.yaml", generateManifest(300, 0.02)],
];

const ALPHABET = [
  "a",
  "7",
  ".",
  " ",
  "-",
  ":",
  ": ",
  " #",
  "#",
  "'",
  '"',
  "@",
  "[",
  "{",
  ",",
  "&",
  "*",
  "!",
  "|",
  ">",
  "~",
  "\\",
  "é",
  "🌊",
];

describe("incremental re-parse", function () {
  it("finds the one edit between two texts", function () {
    assert.deepEqual(diffTexts("bytes: 100\n", "bytes: 1007\n"), { start: 10, end: 10, text: "7" });
    assert.deepEqual(diffTexts("name: abc\n", "name: axc\n"), { start: 7, end: 8, text: "x" });
    assert.deepEqual(diffTexts("aaa", "aa"), { start: 2, end: 3, text: "" });
    assert.deepEqual(diffTexts("same", "same"), { start: 4, end: 4, text: "" });
  });

  it("re-parses a keystroke inside a value and equals a full parse", function () {
    const text = "apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean # the id\nversion: 1.0.0\nkeywords: [a, b]\n";
    const previous = parseGenesisDocument({ path: "a.dataset.yaml", text })!;
    const after = text.replace("ocean #", "oceans #");
    const patched = reparseEdit(previous, after, diffTexts(text, after));
    assert.ok(patched, "a keystroke inside a plain scalar is handled incrementally");
    assert.deepEqual(comparable(patched), comparable(parseGenesisDocument({ path: "a.dataset.yaml", text: after })!));
  });

  it("declines edits that can change the structure", function () {
    const text = "apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\nkeywords: [a, b]\n";
    const previous = parseGenesisDocument({ path: "a.dataset.yaml", text })!;
    for (const after of [
      text.replace("id: ocean", "id: ocean\nname: x"),
      text.replace("id:", "idx:"),
      text.replace("[a, b]", "[a, bc]"),
      text.replace("ocean", "a: b"),
      text.replace("ocean", "- x"),
      text.replace("ocean", ""),
    ]) {
      assert.equal(reparseEdit(previous, after, diffTexts(text, after)), undefined, after);
    }
  });

  /** One random edit: mostly inside a scalar value, sometimes anywhere. */
  function randomEdit(document: GenesisDocument, next: () => number, alphabet: readonly string[], typingOnly = false): string {
    const spans = [...document.tree.locations.values()]
      .map((l) => l.value)
      .filter((s) => s.end > s.start && !document.text.slice(s.start, s.end).includes("\n"));
    const span = spans[Math.floor(next() * spans.length)];
    const at =
      typingOnly || (next() < 0.85 && span)
        ? span.start + Math.floor(next() * (span.end - span.start + 1))
        : Math.floor(next() * document.text.length);
    const removing = !typingOnly && next() < 0.3 ? 1 + Math.floor(next() * 2) : 0;
    const inserted = removing && next() < 0.5 ? "" : alphabet[Math.floor(next() * alphabet.length)];
    return document.text.slice(0, at) + inserted + document.text.slice(Math.min(document.text.length, at + removing));
  }

  function assertEqualsFullParse(
    document: GenesisDocument,
    after: string,
    label: string,
    compareDiagnostics: boolean,
  ): GenesisDocument | undefined {
    const full = parseGenesisDocument({ path: document.path, text: after });
    const patched = reparseEdit(document, after, diffTexts(document.text, after));
    if (!patched) return undefined;
    assert.ok(full, `${label}: the full parse no longer recognises the document`);
    assert.deepEqual(comparable(patched), comparable(full), label);
    if (compareDiagnostics) assert.deepEqual(engine.check(patched), engine.check(full), `${label}: diagnostics differ`);
    return patched;
  }

  it("equals a full parse after over a thousand random edits (one to three from each source)", function () {
    this.timeout(120_000);
    const next = random(8);
    let incremental = 0;
    let total = 0;
    for (const [file, source] of SOURCES) {
      for (let round = 0; round < 120; round++) {
        let document = parseGenesisDocument({ path: file, text: source })!;
        const edits = 1 + Math.floor(next() * 3);
        for (let e = 0; e < edits; e++) {
          const after = randomEdit(document, next, ALPHABET);
          total++;
          const patched = assertEqualsFullParse(document, after, `${file}, round ${round}, edit ${e}`, round % 10 === 0);
          if (patched) incremental++;
          const nextDocument = patched ?? parseGenesisDocument({ path: file, text: after });
          if (!nextDocument) break;
          document = nextDocument;
        }
      }
    }
    assert.ok(incremental > total * 0.3, `only ${incremental} of ${total} edits were re-parsed incrementally`);
  });

  it("stays equal over a long run of keystrokes in values (shifts stacked and flattened)", function () {
    this.timeout(60_000);
    const next = random(99);
    let document = parseGenesisDocument({ path: "generated.dataset.yaml", text: generateManifest(200) })!;
    let incremental = 0;
    for (let keystroke = 0; keystroke < 120; keystroke++) {
      const after = randomEdit(document, next, ["a", "7", "-", "."], true);
      const patched = assertEqualsFullParse(document, after, `keystroke ${keystroke}`, keystroke % 20 === 0);
      if (patched) incremental++;
      document = patched ?? parseGenesisDocument({ path: document.path, text: after })!;
    }
    assert.ok(incremental > 60, `only ${incremental} of 120 keystrokes were re-parsed incrementally`);
  });
});
