import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG } from "../../server/src/core/config";
import { Engine } from "../../server/src/core/engine";
import type { DocumentCheck } from "../../server/src/core/rules/context";
import { DOCUMENT_CHECKS } from "../../server/src/core/rules/document-checks";
import { engine } from "./harness";

const HEADER = "apiVersion: genesis/v1\nkind: DatasetManifest\n";

function rulesOf(path: string, text: string): string[] {
  return engine.analyze({ path, text }).diagnostics.map((d) => d.rule);
}

describe("bad input gets a diagnostic, never a crash or a hang", function () {
  it("an empty file and a file of only comments: one header diagnostic", function () {
    assert.deepEqual(rulesOf("a.dataset.yaml", ""), ["schema/header"]);
    assert.deepEqual(rulesOf("a.dataset.yaml", "# nothing yet\n# still nothing\n"), ["schema/header"]);
    assert.deepEqual(rulesOf("a.dataset.json", ""), ["schema/header"]);
    assert.deepEqual(
      rulesOf("m.modelcard.md", "").filter((r) => !r.startsWith("modelcard/")),
      ["schema/header"],
    );
  });

  it("several YAML documents in one stream", function () {
    const diagnostics = engine.analyze({ path: "a.dataset.yaml", text: `${HEADER}id: a\n---\n${HEADER}id: b\n` }).diagnostics;
    const multi = diagnostics.find((d) => d.rule === "syntax/yaml" && /2 YAML documents/.test(d.message));
    assert.ok(multi, "the second document is reported");
  });

  it("tabs used for indentation", function () {
    const diagnostics = engine.analyze({ path: "a.dataset.yaml", text: `${HEADER}classification:\n\tlevel: public\n` }).diagnostics;
    assert.ok(
      diagnostics.some((d) => d.rule === "syntax/yaml"),
      JSON.stringify(diagnostics),
    );
  });

  it("a 5 MB document is checked", function () {
    const lines = [HEADER, "id: big\nversion: 1.0.0\ndistribution:\n"];
    let size = lines.join("").length;
    for (let i = 0; size < 5_000_000; i++) {
      const item = `  - id: part-${i}\n    path: data/part-${i}.csv\n    format: csv\n    sha256: ${"0".repeat(64)}\n    bytes: ${i}\n`;
      lines.push(item);
      size += item.length;
    }
    const diagnostics = engine.analyze({ path: "big.dataset.yaml", text: lines.join("") }).diagnostics;
    assert.ok(
      diagnostics.some((d) => d.rule === "schema/required"),
      "it is validated like any other manifest",
    );
  });

  it("binary bytes and invalid UTF-8", function () {
    assert.deepEqual(rulesOf("a.dataset.yaml", "\u0000\u0001PK\u0003\u0004binary"), ["syntax/yaml"]);
    assert.deepEqual(rulesOf("a.dataset.json", "\u0000\u0000\u0000"), ["syntax/json"]);
    assert.deepEqual(rulesOf("a.dataset.yaml", `${HEADER}name: ${"\uFFFD".repeat(40)}\n`), ["syntax/yaml"]);
    assert.deepEqual(rulesOf("notes.yaml", "\u0000\u0001binary"), [], "an unnamed binary file is not a Genesis document");
  });

  it("an alias bomb is bounded", function () {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]`);
    }
    const text = `${HEADER}keywords: [x]\ndatasheet:\n${levels.map((l) => `  ${l}`).join("\n")}\n`;
    const diagnostics = engine.analyze({ path: "bomb.dataset.yaml", text }).diagnostics;
    assert.ok(
      diagnostics.some((d) => d.rule === "syntax/yaml" && /alias/.test(d.message)),
      JSON.stringify(diagnostics.map((d) => d.message)),
    );
  });

  it("10,000 levels of nesting in YAML flow, YAML block and JSON", function () {
    const flow = `${HEADER}datasheet: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`;
    assert.ok(rulesOf("deep.dataset.yaml", flow).includes("syntax/yaml"));
    let block = HEADER + "datasheet:\n";
    for (let i = 1; i < 10_000; i++) block += `${" ".repeat(i)}k:\n`;
    assert.ok(rulesOf("deep.dataset.yaml", block).includes("syntax/yaml"));
    const json = `{"apiVersion": "genesis/v1", "kind": "DatasetManifest", "datasheet": ${"[".repeat(10_000)}${"]".repeat(10_000)}}`;
    assert.ok(rulesOf("deep.dataset.json", json).includes("syntax/json"));
  });

  it("a document that is a list or a scalar", function () {
    assert.deepEqual(rulesOf("a.dataset.yaml", "- a\n- b\n"), ["schema/type"]);
    assert.deepEqual(rulesOf("a.dataset.json", "42"), ["schema/type"]);
  });

  it("a Markdown card without front matter, and with unclosed front matter", function () {
    assert.deepEqual(
      rulesOf("m.modelcard.md", "# Card\n\nText.\n").filter((r) => r.startsWith("schema")),
      ["schema/header"],
    );
    assert.ok(rulesOf("m.modelcard.md", "---\napiVersion: genesis/v1\nkind: ModelCard\n").includes("syntax/yaml"));
  });

  it("a rule that throws becomes one diagnostic on its document; the other rules still run", function () {
    const broken: DocumentCheck = {
      name: "broken",
      reports: [],
      check() {
        throw new Error("boom");
      },
    };
    const guarded = new Engine({}, [broken, ...DOCUMENT_CHECKS]);
    const diagnostics = guarded.analyze({ path: "a.dataset.yaml", text: `${HEADER}version: 1.0\n` }).diagnostics;
    const failures = diagnostics.filter((d) => d.rule === "internal/rule-error");
    assert.equal(failures.length, 1);
    assert.match(failures[0].message, /"broken" check failed.*boom/);
    assert.ok(
      diagnostics.some((d) => d.rule === "schema/required"),
      "schema validation still ran",
    );
  });

  it("caps the number of diagnostics per document", function () {
    const capped = new Engine({ maxDiagnostics: 5 });
    const text = `${HEADER}${Array.from({ length: 30 }, (_, i) => `unknown${i}: x`).join("\n")}\n`;
    const diagnostics = capped.analyze({ path: "a.dataset.yaml", text }).diagnostics;
    assert.equal(diagnostics.length, 6);
    assert.match(diagnostics[5].message, /more diagnostics are not shown/);
  });

  it("a document above the size limit gets one diagnostic instead of a full check", function () {
    const limited = { ...DEFAULT_CONFIG, maxDocumentBytes: 1000 };
    const diagnostics = engine.analyze({ path: "a.dataset.yaml", text: HEADER + "x: y\n".repeat(500) }, limited).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => d.rule),
      ["syntax/yaml"],
    );
    assert.match(diagnostics[0].message, /above the .* limit/);
  });
});

describe("resource limits", function () {
  it("genesis.config.yaml sets the size above which only the header is checked", function () {
    const { config } = engine.readConfig({ path: "genesis.config.yaml", text: "limits:\n  maxDocumentMegabytes: 0.001\n" });
    const diagnostics = engine.analyze({ path: "a.dataset.yaml", text: HEADER + "x: y\n".repeat(400) }, config).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => d.rule),
      ["syntax/yaml"],
    );
    assert.match(diagnostics[0].message, /0\.0 MB limit for checking \(limits\.maxDocumentMegabytes/);
  });

  it("a 50 MB file gets its diagnostic at once", function () {
    const text = HEADER + "x".repeat(50_000_000);
    const started = Date.now();
    const diagnostics = engine.analyze({ path: "huge.dataset.yaml", text }).diagnostics;
    assert.deepEqual(
      diagnostics.map((d) => d.rule),
      ["syntax/yaml"],
    );
    assert.ok(Date.now() - started < 1000, "within a second");
  });

  it("names a check that takes longer than its budget", function () {
    let now = 0;
    const slow = new Engine({ clock: () => (now += 600), checkBudgetMs: 500 }, [{ name: "slowpoke", reports: [], check() {} }]);
    const diagnostics = slow.analyze({ path: "a.dataset.yaml", text: HEADER }).diagnostics.filter((d) => d.rule === "internal/rule-error");
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, "info");
    assert.match(diagnostics[0].message, /"slowpoke" check took 600 ms/);
  });

  it("regular expressions in documents are never run against long input (known ReDoS patterns)", function () {
    const evil = ["(a+)+$", "(a|aa)+$", "([a-zA-Z]+)*$", "(.*a){20}", "^(a?){30}a{30}$"];
    const long = `${"a".repeat(30_000)}!`;
    const fields = evil
      .map(
        (pattern, i) =>
          `      - name: f${i}\n        type: string\n        description: ${long}\n` +
          `        constraints: { pattern: "${pattern.replace(/\\/g, "\\\\")}" }\n`,
      )
      .join("");
    const text =
      `${HEADER}id: ${long}\nname: ${long}\nlicense: ${long}\nversion: ${long}\n` +
      `recordSets:\n  - id: r\n    source: d\n    fields:\n${fields}`;
    const started = Date.now();
    engine.analyze({ path: "evil.dataset.yaml", text });
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
});
