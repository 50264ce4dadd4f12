import * as assert from "node:assert/strict";
import { random } from "../support/random";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { findFrontMatter } from "../../server/src/core/parse/markdown";
import type { ParsedTree } from "../../server/src/core/parse/tree";
import { parseYaml } from "../../server/src/core/parse/yaml";
import { parseYamlFast } from "../../server/src/core/parse/yaml-fast";
import type { YamlVersion } from "../../server/src/core/parse/yaml-scalars";
import type { Span } from "../../server/src/core/types";
import { generateManifest } from "../bench/generate";

const EXAMPLES = path.resolve(__dirname, "../../examples");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** YAML texts (and front matter regions) of the examples. */
function exampleRegions(): { name: string; text: string; region: Span }[] {
  const out: { name: string; text: string; region: Span }[] = [];
  for (const file of files(EXAMPLES)) {
    const text = readFileSync(file, "utf8");
    if (/\.ya?ml$/.test(file)) out.push({ name: path.relative(EXAMPLES, file), text, region: { start: 0, end: text.length } });
    if (/\.md$/.test(file)) {
      const front = findFrontMatter(text);
      if (front?.closed) out.push({ name: path.relative(EXAMPLES, file), text, region: front.content });
    }
  }
  return out;
}

function comparable(tree: ParsedTree) {
  return {
    value: JSON.stringify(tree.value, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? `number:${v}` : v)),
    locations: JSON.parse(JSON.stringify([...tree.locations.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
    comments: tree.comments,
  };
}

/** The fast parser either declines or agrees with the full parser exactly. */
function assertAgrees(text: string, region: Span, label: string, version: YamlVersion = "1.2"): boolean {
  const fast = parseYamlFast(text, region, version);
  if (!fast) return false;
  const full = parseYaml(text, region, version);
  assert.equal(
    full.problems.length,
    0,
    `${label}: the fast parser accepted a text the full parser reports problems in: ${full.problems.map((p) => p.message).join("; ")}\n` +
      `${text.slice(region.start, region.end)}`,
  );
  assert.deepEqual(comparable(fast), comparable(full), `${label}:\n${text.slice(region.start, region.end)}`);
  return true;
}

const EDIT_ALPHABET = [
  "a",
  "Z",
  "0",
  "7",
  ".",
  " ",
  "  ",
  ":",
  ": ",
  "-",
  "- ",
  "#",
  " #",
  "'",
  '"',
  "[",
  "]",
  "{",
  "}",
  ",",
  "\n",
  "\n  ",
  "|",
  ">",
  "&",
  "*",
  "!",
  "\t",
  "~",
  "\\",
  "\r\n",
  "@",
  "%",
  "?",
];

describe("fast YAML parser", function () {
  it("takes every example document (so the fast path is the common path) and agrees with the full parser", function () {
    const regions = exampleRegions();
    assert.ok(regions.length >= 12, `found ${regions.length} example YAML regions`);
    const declined = regions.filter((r) => !assertAgrees(r.text, r.region, r.name)).map((r) => r.name);
    assert.deepEqual(declined, []);
  });

  it("agrees on generated manifests, with CRLF and a BOM", function () {
    for (const lines of [20, 400]) {
      const text = generateManifest(lines, 0.05);
      assert.ok(assertAgrees(text, { start: 0, end: text.length }, `generated ${lines}`));
      const crlf = text.replace(/\n/g, "\r\n");
      assert.ok(assertAgrees(crlf, { start: 0, end: crlf.length }, `generated ${lines} CRLF`));
      const bom = `\uFEFF${text}`;
      assert.ok(assertAgrees(bom, { start: 0, end: bom.length }, `generated ${lines} BOM`));
    }
  });

  it("agrees on hand-written edge cases, or declines them, in YAML 1.2 and in YAML 1.1 (card front matter)", function () {
    const cases = [
      "lr: 1e-4\nb: 1.0e-4\nc: yes\nd: off\ne: 1:30\nf: 0o17\ng: 017\nh: 1_000\ni: 0b101\nj: y\nk: 2023-01-01\nl: .5e+3\n",
      "on: 1\nno: 2\n1e-4: x\nm: [1e-4, 1.5, ON, 0x1f, -1:00, 1_0.5, .inf, .NaN, 09]\n<<: merged\n",
      'a: 1\nb:\nc:   # c\n  d: x y   # hi\n  e:\n  - 1\n  -   "q"  \nf: >-\n  folded\n  text\n\ng: [a, {b: c}]\nh: |\n  lit\n',
      "k: 'it''s'\nq: \"tab\\there \\u00e9\"\nn: ~\nt: True\nf: FALSE\ni: 0x1F\n" +
        "o: 0o17\ne: 1e3\nd: .5\ninf: -.inf\nnan: .NaN\nplus: +12\nzero: 007\n",
      "- a: 1\n  b: 2\n-   c: 3\n- - x\n  - y\n-\n- ~\n",
      "null: 1\n1.0: x\ntrue: y\n\"quoted key\": z\n'single': w\n",
      "url: https://example.gov/a#frag\ntime: 12:30:00\ncolon: a:b\nhash: a#b\ndash: -x\n",
      "a:\n  - x\n  - y\nb: [ ]\nc: { }\nd: [a, [b, [c]], {x: y, z: [1, 2]},]\ne: {k: , m: 1}\n",
      "folded: >\n  one\n  two\n\n  three\n\n\n  four\nliteral: |\n  l1\n\n  l2\nafter: x\n",
      "seq:\n- |\n  text\n- >-\n  more\n  text\nend: 1\n",
      "# leading comment\n---\na: 1 # trailing\n# between\nb: 2\n",
      "key: value\n  continued\n",
      "a: &x 1\nb: *x\n",
      "a: !tag x\n",
      "a: 1\n---\nb: 2\n",
      'a: "multi\n  line"\n',
      "a: [1,\n  2]\n",
      "  indented: root\n",
      "a: 1\na: 2\n",
      "a:\tb\n",
      "\ta: 1\n",
      "? complex\n: key\n",
      "a: b: c\n",
      "- a\nb: 1\n",
      "a: |+\n  keep\n\n",
      "a: |2\n   x\n",
      "a: >\n  x\n    more indented\n  y\n",
      "a: 'x' y\n",
      "plain scalar at root\n",
      "",
      "# only a comment\n",
    ];
    for (const version of ["1.2", "1.1"] as const) {
      let taken = 0;
      cases.forEach((text, index) => {
        if (assertAgrees(text, { start: 0, end: text.length }, `case ${index} (YAML ${version})`, version)) taken++;
      });
      assert.ok(taken >= 11, `the fast path took only ${taken} cases in YAML ${version}`);
    }
  });

  for (const [version, rounds, seed] of [
    ["1.2", 3000, 20261126],
    ["1.1", 1000, 20261207],
  ] as const)
    it(`agrees with the full parser after thousands of random edits of the examples (YAML ${version})`, function () {
      this.timeout(120_000);
      randomEdits(version, rounds, seed);
    });
});

function randomEdits(version: YamlVersion, rounds: number, seed: number): void {
  {
    const next = random(seed);
    const regions = exampleRegions();
    let compared = 0;
    let declined = 0;
    for (let round = 0; round < rounds; round++) {
      const { text, region, name } = regions[Math.floor(next() * regions.length)];
      let body = text.slice(region.start, region.end);
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * (body.length + 1));
        if (next() < 0.3 && body.length > 0) body = body.slice(0, at) + body.slice(at + 1 + Math.floor(next() * 3));
        else body = body.slice(0, at) + EDIT_ALPHABET[Math.floor(next() * EDIT_ALPHABET.length)] + body.slice(at);
      }
      // Keep the region inside a larger text, as front matter is, so offsets are exercised.
      const wrapped = `---\n${body}---\n# body\n`;
      if (assertAgrees(wrapped, { start: 4, end: 4 + body.length }, `${name}, round ${round}`, version)) compared++;
      else declined++;
    }
    assert.ok(compared > rounds / 2, `the fast path took only ${compared} of ${compared + declined} edited documents`);
  }
}
