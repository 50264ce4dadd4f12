import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import packageJson from "../../package.json";

interface Pattern {
  match: string;
  captures: Record<string, { name: string }>;
}

const grammar = JSON.parse(readFileSync(path.resolve(__dirname, "../../syntaxes/genesis-injection.tmLanguage.json"), "utf8")) as {
  scopeName: string;
  repository: Record<string, Pattern>;
};

/** The captures of a pattern on a line: capture name -> matched text (JS regex semantics, which these patterns keep to). */
function captures(name: string, line: string): Record<string, string> {
  const pattern = grammar.repository[name];
  const match = new RegExp(pattern.match).exec(line);
  if (!match) return {};
  const out: Record<string, string> = {};
  for (const [index, capture] of Object.entries(pattern.captures))
    if (match[Number(index)] !== undefined) out[capture.name] = match[Number(index)];
  return out;
}

describe("highlighting grammar", function () {
  it("is contributed as an injection into YAML and Markdown, with fixed-length lookbehinds only", function () {
    const contributed = packageJson.contributes.grammars.find((g) => g.scopeName === grammar.scopeName);
    assert.ok(contributed);
    // Markdown for its front matter; what that may and may not change: grammar/injection.test.ts.
    assert.deepEqual(contributed.injectTo, ["source.yaml", "text.html.markdown"]);
    for (const [name, pattern] of Object.entries(grammar.repository)) {
      // VS Code's Oniguruma accepts some variable-length lookbehinds, but other TextMate engines
      // (GitHub's, older Oniguruma builds) do not: fixed length keeps the grammar portable.
      for (const lookbehind of pattern.match.match(/\(\?<[=!](?:[^()]|\([^()]*\))*\)/g) ?? [])
        assert.doesNotMatch(lookbehind.slice(4), /[*+?{]/, `${name}: ${lookbehind}`);
    }
  });

  it("marks genesis-ignore comments with their rule ids and reason", function () {
    assert.deepEqual(captures("suppression", "# genesis-ignore container/unpinned: vendor image"), {
      "keyword.control.directive.genesis": "genesis-ignore",
      "entity.name.tag.rule-id.genesis": "container/unpinned",
      "punctuation.separator.genesis": ":",
      "string.unquoted.reason.genesis": "vendor image",
    });
  });

  it("marks id@version references, and not e-mail addresses or image tags", function () {
    assert.deepEqual(captures("reference", "    - raw-buoys@1.2.0"), {
      "entity.name.type.reference.genesis": "raw-buoys",
      "punctuation.separator.reference.genesis": "@",
      "constant.numeric.version.genesis": "1.2.0",
    });
    assert.deepEqual(captures("reference", "email: ada@lab.example.gov"), {});
    assert.deepEqual(captures("reference", "image: registry.gov/a/b:1.0@sha256:abc"), {});
  });

  it("marks image digests and classification levels", function () {
    assert.equal(captures("digest", `image: r.gov/x:1@sha256:${"a".repeat(64)}`)["constant.numeric.digest.genesis"], "a".repeat(64));
    assert.equal(captures("classification", "  level: cui-specified")["constant.language.classification.genesis"], "cui-specified");
    assert.deepEqual(captures("classification", "  name: public"), {});
  });
});
