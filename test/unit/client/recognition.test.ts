import { UNSYNCED_IMPORT_SOURCES } from "../../../client/src/import-source";
import * as assert from "node:assert/strict";
import picomatch from "picomatch";
import { DOCUMENT_SELECTOR, GENESIS_FILE_GLOB, GENESIS_FILE_NAMES, mayBeGenesis } from "../../../client/src/recognition";
import { isGenesisFileName, NAME_PATTERNS, SOURCE_SYNTAXES, syntaxOf } from "../../../server/src/core/kinds/recognise";
import { parseGenesisDocument } from "../../../server/src/core/parse/document";
import manifest from "../../../package.json";

/** `a.{x,y}` -> `a.x`, `a.y` (the brace lists of VS Code's globs, not nested). */
function expandBraces(glob: string): string[] {
  const match = /\{([^{}]*)\}/.exec(glob);
  if (!match) return [glob];
  const before = glob.slice(0, match.index);
  const after = glob.slice(match.index + match[0].length);
  return match[1].split(",").flatMap((option) => expandBraces(`${before}${option}${after}`));
}

/** A file name that a name pattern stands for: `*.dataset.yaml` -> `ocean.dataset.yaml`. */
const sampleOf = (pattern: string) => pattern.replace(/^\*/, "ocean");

const activationEvents = (prefix: string) =>
  manifest.activationEvents.filter((event) => event.startsWith(prefix)).map((event) => event.slice(prefix.length));

const sorted = (items: Iterable<string>) => [...new Set(items)].sort();

describe("recognition patterns: one table (core/kinds/recognise.ts), and what is derived from it", function () {
  it("package.json's workspaceContains events: the table's names, the configuration file, the import sources not synced", function () {
    const globs = activationEvents("workspaceContains:").flatMap(expandBraces);
    const importSources = UNSYNCED_IMPORT_SOURCES.map((filter) => filter.pattern);
    assert.deepEqual(sorted(globs), sorted([...GENESIS_FILE_NAMES.map((name) => `**/${name}`), ...importSources]));
    assert.ok(GENESIS_FILE_NAMES.includes("genesis.config.yaml"));
    assert.equal(GENESIS_FILE_NAMES.length, NAME_PATTERNS.flatMap((pattern) => pattern.names).length + 1);
  });

  it("package.json's onLanguage activation events and the client's selector cover the languages of every recognised name", function () {
    assert.deepEqual(sorted(activationEvents("onLanguage:")), sorted(SOURCE_SYNTAXES));
    for (const scheme of ["file", "untitled"]) {
      const languages = DOCUMENT_SELECTOR.filter((filter) => filter.scheme === scheme).map((filter) => filter.language);
      assert.deepEqual(sorted(languages), sorted(SOURCE_SYNTAXES), scheme);
    }
    for (const name of GENESIS_FILE_NAMES) {
      const syntax = syntaxOf(sampleOf(name));
      assert.ok(syntax && SOURCE_SYNTAXES.includes(syntax), `${name} is written in a language the server is given`);
    }
  });

  it("the client's glob and name test accept exactly what the server recognises by name", function () {
    const glob = picomatch(GENESIS_FILE_GLOB);
    const recognised = GENESIS_FILE_NAMES.map(sampleOf).flatMap((name) => [name, `deep/dir/${name}`]);
    const others = [
      "ocean.yaml",
      "dataset.yaml",
      "README.md",
      "model.json",
      "genesis.config.yml",
      "ocean.dataset.yaml.bak",
      "Model_Card.md",
    ];
    for (const path of recognised) {
      assert.ok(glob(path), `the glob finds ${path}`);
      assert.ok(isGenesisFileName(path), `the server takes ${path} by its name`);
    }
    for (const path of others) {
      assert.ok(!glob(path), `the glob leaves ${path}`);
      assert.ok(!isGenesisFileName(path), `the server does not take ${path} by its name`);
    }
  });

  it("the client's cheap test never misses a document the server recognises by its content", function () {
    const cases: [language: string, path: string, text: string][] = [
      ["yaml", "catalog/ocean.yaml", "apiVersion: genesis/v1\nkind: DatasetManifest\n"],
      ["yaml", "notes/train.yml", "kind: PipelineConfig\n"],
      ["json", "card.json", '{"apiVersion": "genesis/v1", "kind": "ModelCard"}'],
      ["markdown", "docs/surrogate.md", "---\napiVersion: genesis/v1\nkind: ModelCard\n---\n# Card\n"],
      ["markdown", "models/bert/README.md", "---\nlicense: apache-2.0\nlibrary_name: transformers\n---\n# Model\n"],
    ];
    for (const [language, path, text] of cases) {
      assert.ok(parseGenesisDocument({ path, text }), `the server recognises ${path}`);
      assert.ok(mayBeGenesis(language, path, text), `the client starts the server for ${path}`);
    }
    // An untitled document has no extension; the server names it after its language (Untitled-1.yaml).
    assert.ok(mayBeGenesis("yaml", "Untitled-1", "kind: PipelineConfig\n"));
    assert.ok(!mayBeGenesis("yaml", "k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\n"));
    assert.ok(!mayBeGenesis("plaintext", "ocean.dataset.yaml", "kind: DatasetManifest\n"), "only the languages of the selector");
  });
});
