import * as assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { TOOLS_DIR } from "../../../scripts/code-server.mjs";
import { BUILT_IN, CONTRIBUTED, tokenizer, VENDORED, type Scopes } from "./tokenizer";

/**
 * Our injection grammars on top of VS Code's own YAML and Markdown grammars, tokenized as VS Code
 * does: each character is compared with and without the injection. The injection may only add
 * `*.genesis` scopes, on exactly the characters listed; everything else (the user's YAML colours
 * in a manifest and in a model card's front matter, the whole Markdown body) stays as it was.
 */

const DIGEST = "a7bc7c9d6d331334e1a7dc88ab89126cf553a770a6563aa03d757e76901cd36f";

const MANIFEST = `# genesis-ignore integrity/checksum-missing: published upstream without checksums
apiVersion: genesis/v1
kind: DatasetManifest
id: beamline-xrd
version: 1.2.0
contact: ada@lab.example.gov
derivedFrom: raw-buoys@1.2.0
inputs:
  - cathode-training-set@1.0.0 # genesis-ignore ref/unresolved, ref/version-mismatch: mirrored
  - "quoted-input@2.0.0-rc.1"
  - [flow-a@0.1.0, flow-b@0.2.0]
  - { dataset: flow-map@3.0.0, split: test }
classification:
  level: cui-specified
  access: { level: "internal" }
levels: public
name: public
image: registry.lab.example.gov/x/y:1.0@sha256:${DIGEST}
tag: registry.lab.example.gov/x/y:1.0@2.0.0
`;

/** Every `*.genesis` scope in MANIFEST: "line: text scope" (1-based lines). */
const MANIFEST_MARKS = [
  "1: genesis-ignore keyword.control.directive.genesis",
  "1: integrity/checksum-missing entity.name.tag.rule-id.genesis",
  "1: : punctuation.separator.genesis",
  "1: published upstream without checksums string.unquoted.reason.genesis",
  ...reference(7, "raw-buoys", "1.2.0"),
  ...reference(9, "cathode-training-set", "1.0.0"),
  "9: genesis-ignore keyword.control.directive.genesis",
  "9: ref/unresolved, ref/version-mismatch entity.name.tag.rule-id.genesis",
  "9: : punctuation.separator.genesis",
  "9: mirrored string.unquoted.reason.genesis",
  ...reference(10, "quoted-input", "2.0.0-rc.1"),
  ...reference(11, "flow-a", "0.1.0"),
  ...reference(11, "flow-b", "0.2.0"),
  ...reference(12, "flow-map", "3.0.0"),
  "14: cui-specified constant.language.classification.genesis",
  "15: internal constant.language.classification.genesis",
  ...digest(18),
];

const MODEL_CARD = `---
apiVersion: genesis/v1
kind: ModelCard
id: ocean-temp
version: 0.3.0
base_model: ocean-base@1.0.0
classification:
  level: ouo
training:
  datasets:
    - raw-buoys@1.2.0 # genesis-ignore ref/unresolved: mirrored
    - { dataset: flow-map@3.0.0, split: test }
  image: registry.lab.example.gov/x/y:1.0@sha256:${DIGEST}
contact: ada@lab.example.gov
---

# Ocean temperature surrogate

Trained on raw-buoys@1.2.0, level: cui, with registry.example.gov/x@sha256:${DIGEST}.

<!-- genesis-ignore modelcard/section-missing: evaluation is in the appendix -->

\`\`\`yaml
inputs:
  - raw-buoys@1.2.0 # genesis-ignore ref/unresolved: an example
\`\`\`

<!-- a plain comment naming raw-buoys@1.2.0 -->
`;

/** Every `*.genesis` scope in MODEL_CARD: the front matter (lines 2-14) and one HTML comment. */
const MODEL_CARD_MARKS = [
  ...reference(6, "ocean-base", "1.0.0"),
  "8: ouo constant.language.classification.genesis",
  ...reference(11, "raw-buoys", "1.2.0"),
  "11: genesis-ignore keyword.control.directive.genesis",
  "11: ref/unresolved entity.name.tag.rule-id.genesis",
  "11: : punctuation.separator.genesis",
  "11: mirrored string.unquoted.reason.genesis",
  ...reference(12, "flow-map", "3.0.0"),
  ...digest(13),
  "21: genesis-ignore keyword.control.directive.genesis",
  "21: modelcard/section-missing entity.name.tag.rule-id.genesis",
  "21: : punctuation.separator.genesis",
  "21: evaluation is in the appendix string.unquoted.reason.genesis",
];

function reference(line: number, id: string, version: string): string[] {
  return [
    `${line}: ${id} entity.name.type.reference.genesis`,
    `${line}: @ punctuation.separator.reference.genesis`,
    `${line}: ${version} constant.numeric.version.genesis`,
  ];
}

function digest(line: number): string[] {
  return [
    `${line}: @ punctuation.separator.digest.genesis`,
    `${line}: sha256 support.type.digest-algorithm.genesis`,
    `${line}: : punctuation.separator.genesis`,
    `${line}: ${DIGEST} constant.numeric.digest.genesis`,
  ];
}

const isOurs = (scope: string) => scope.endsWith(".genesis");

/** Runs of characters under the same innermost `*.genesis` scope, as "line: text scope". */
function marks(text: string, scopes: Scopes): string[] {
  const out: string[] = [];
  text.split("\n").forEach((line, l) => {
    let run = "";
    let scope: string | undefined;
    for (let c = 0; c <= line.length; c++) {
      const ours = c < line.length ? scopes[l][c]?.filter(isOurs).at(-1) : undefined;
      if (ours !== scope && scope !== undefined) out.push(`${l + 1}: ${run} ${scope}`);
      if (ours !== scope) run = "";
      scope = ours;
      run += line[c] ?? "";
    }
  });
  return out;
}

/**
 * Where the scopes, less ours, differ from those without the injection: runs of characters with the
 * same difference, as "line:column text: before -> after" (without the root scope, which is the same).
 */
function changed(text: string, before: Scopes, after: Scopes): string[] {
  const out: string[] = [];
  text.split("\n").forEach((line, l) => {
    let run: { column: number; text: string; was: string; now: string } | undefined;
    for (let c = 0; c <= line.length; c++) {
      const was = c < line.length ? (before[l][c] ?? []).slice(1).join(" ") : "";
      const now =
        c < line.length
          ? (after[l][c] ?? [])
              .slice(1)
              .filter((s) => !isOurs(s))
              .join(" ")
          : "";
      if (run && (run.was !== was || run.now !== now)) {
        out.push(`${l + 1}:${run.column} ${JSON.stringify(run.text)}: ${run.was} -> ${run.now}`);
        run = undefined;
      }
      if (was !== now) run = run ?? { column: c + 1, text: "", was, now };
      if (run) run.text += line[c];
    }
  });
  return out;
}

/** Fails with the first differences listed, when the injection changed the user's scopes. */
function assertOnlyAdded(text: string, before: Scopes, after: Scopes): void {
  const differences = changed(text, before, after);
  assert.equal(differences.length, 0, `the injection changed the scopes of the user's grammar:\n${differences.slice(0, 12).join("\n")}`);
}

/** Both tokenizations of `text` under `rootScope`: VS Code's grammars alone, and with ours. */
async function tokenizeBoth(rootScope: string, text: string): Promise<{ plain: Scopes; injected: Scopes }> {
  const plain = (await tokenizer(rootScope))(text);
  const injected = (await tokenizer(rootScope, CONTRIBUTED))(text);
  return { plain, injected };
}

const scopesAt = (scopes: Scopes, text: string, line: number, fragment: string) =>
  scopes[line - 1][text.split("\n")[line - 1].indexOf(fragment)];

describe("highlighting in VS Code's tokenizer (vscode-textmate with VS Code's YAML and Markdown grammars)", function () {
  it("marks references, digests, classification levels and genesis-ignore comments in a YAML manifest", async function () {
    const { injected } = await tokenizeBoth("source.yaml", MANIFEST);
    assert.deepEqual(marks(MANIFEST, injected), MANIFEST_MARKS);
  });

  it("only adds scopes in YAML: every key and value keeps its YAML scopes", async function () {
    const { plain, injected } = await tokenizeBoth("source.yaml", MANIFEST);
    assertOnlyAdded(MANIFEST, plain, injected);
    // The `level` key stays a key, and a reference stays a string under our scope.
    assert.ok(scopesAt(injected, MANIFEST, 14, "level").includes("entity.name.tag.yaml"));
    assert.ok(scopesAt(injected, MANIFEST, 7, "raw-buoys").includes("string.unquoted.plain.out.yaml"));
  });

  it("marks the same in a model card's front matter, and only genesis-ignore comments in its body", async function () {
    const { injected } = await tokenizeBoth("text.html.markdown", MODEL_CARD);
    assert.deepEqual(marks(MODEL_CARD, injected), MODEL_CARD_MARKS);
  });

  it("only adds scopes in Markdown: the front matter keeps VS Code's YAML scopes and the body its Markdown scopes", async function () {
    const { plain, injected } = await tokenizeBoth("text.html.markdown", MODEL_CARD);
    assertOnlyAdded(MODEL_CARD, plain, injected);
    const key = scopesAt(injected, MODEL_CARD, 6, "base_model");
    assert.ok(key.includes("meta.embedded.block.frontmatter") && key.includes("entity.name.tag.yaml"), key.join(" "));
    assert.ok(scopesAt(injected, MODEL_CARD, 6, "ocean-base").includes("string.unquoted.plain.out.yaml"));
  });

  it("matches the grammars of the installed code-server (copy them again when it is updated)", function () {
    const installed = path.join(TOOLS_DIR, "node_modules", "code-server", "lib", "vscode", "extensions");
    if (!existsSync(installed)) {
      // CI installs code-server before the tests (.ci/run), so there this check always runs.
      if (process.env.CI) assert.fail(`code-server is not installed in ${TOOLS_DIR}`);
      this.skip();
    }
    for (const file of Object.values(BUILT_IN)) {
      const from = path.join(installed, file.startsWith("markdown") ? "markdown-basics" : "yaml", "syntaxes", file);
      assert.equal(
        readFileSync(path.join(VENDORED, file), "utf8"),
        readFileSync(from, "utf8"),
        `test/fixtures/grammars/${file} differs from ${from}`,
      );
    }
  });
});
