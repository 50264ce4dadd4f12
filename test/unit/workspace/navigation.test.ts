import * as assert from "node:assert/strict";
import type { DocumentFacts, ReferenceSite } from "../../../server/src/core/workspace/facts";
import type { WorkspaceIndex } from "../../../server/src/core/workspace/workspace-index";
import {
  definitionOf,
  hoverFor,
  idOwnerOf,
  isOnOwnId,
  referenceAt,
  referencesTo,
  renameEdits,
  workspaceSymbols,
  type NavigationEdit,
} from "../../../server/src/core/workspace/navigation";
import { dataset, modelCard, pipeline, workspaceOf, wsDiagnose } from "./harness";

/**
 * raw exists in two versions; clean references raw@1.0.0 quoted and raw bare; the pipeline, a JSON
 * dataset and a Markdown model card reference raw@1.0.0; the YAML model card references raw@2.0.0,
 * and (as its training pipeline, another kind) raw@1.0.0.
 */
const files = (): Record<string, string> => ({
  "data/raw.dataset.yaml": dataset("raw", "1.0.0"),
  "data/raw-v2.dataset.yaml": dataset("raw", "2.0.0", "", "cui-specified", {
    classification: ["categories: [PRVCY, PROPIN]", "dissemination: [NOFORN]"],
  }),
  "data/clean.dataset.yaml": dataset(
    "clean",
    "1.0.0",
    `lineage:\n  derivedFrom: ['raw@1.0.0', "raw"]\n  generatedBy: { pipeline: cleaning@1.0.0 }\n`,
  ),
  "data/copy.dataset.json": JSON.stringify(
    { apiVersion: "genesis/v1", kind: "DatasetManifest", id: "copy", version: "1.0.0", lineage: { derivedFrom: ["raw@1.0.0"] } },
    null,
    2,
  ),
  "pipelines/cleaning.pipeline.yaml": pipeline("cleaning", "1.0.0", ["raw@1.0.0"], ["clean@1.0.0"]),
  "models/m.model.yaml": modelCard("m", "1.0.0", ["clean@1.0.0", "raw@2.0.0"]).replace("training:\n", "training:\n  pipeline: raw@1.0.0\n"),
  "models/card.modelcard.md": "---\nkind: ModelCard\nid: card\nversion: 1.0.0\ntraining:\n  datasets: [raw@1.0.0]\n---\n# Card\n",
});

function facts(index: WorkspaceIndex, path: string): DocumentFacts {
  const found = index.get(path);
  if (!found) throw new Error(`${path} is not in the workspace`);
  return found;
}

/** The offset of the `nth` occurrence of `needle` in a document of the index, plus `shift`. */
function offsetOf(index: WorkspaceIndex, path: string, needle: string, shift = 0, nth = 0): number {
  const text = facts(index, path).document.text;
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) is not in ${path}`);
  }
  return at + shift;
}

function siteAt(index: WorkspaceIndex, path: string, needle: string, nth = 0): ReferenceSite {
  const site = referenceAt(facts(index, path), offsetOf(index, path, needle, 1, nth));
  if (!site) throw new Error(`no reference at "${needle}" in ${path}`);
  return site;
}

/** The texts after applying edits, only for the files they change. */
function applied(source: Record<string, string>, edits: readonly NavigationEdit[]): Record<string, string> {
  const changed: Record<string, string> = {};
  const byPath = new Map<string, NavigationEdit[]>();
  for (const edit of edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
  for (const [path, list] of byPath) {
    let text = source[path];
    for (const edit of [...list].sort((a, b) => b.span.start - a.span.start))
      text = text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
    changed[path] = text;
  }
  return changed;
}

const covered = (hit: { facts: DocumentFacts; site: ReferenceSite }) =>
  `${hit.facts.path}: ${hit.facts.document.text.slice(hit.site.span.start, hit.site.span.end)}`;

describe("workspace: navigation", function () {
  describe("referenceAt and isOnOwnId", function () {
    const index = workspaceOf(files());
    const clean = facts(index, "data/clean.dataset.yaml");
    const quoted = offsetOf(index, "data/clean.dataset.yaml", "'raw@1.0.0'");

    it("finds the reference under the cursor, from its first character to just after its last", function () {
      assert.equal(referenceAt(clean, quoted)?.text, "raw@1.0.0");
      assert.equal(referenceAt(clean, quoted + 5)?.text, "raw@1.0.0");
      assert.equal(referenceAt(clean, quoted + "'raw@1.0.0'".length)?.text, "raw@1.0.0", "the end is inclusive");
      assert.equal(referenceAt(clean, offsetOf(index, "data/clean.dataset.yaml", "cleaning@1.0.0", 3))?.role, "generatedBy");
    });

    it("finds nothing off a reference: on its key, on other values", function () {
      assert.equal(referenceAt(clean, quoted - 2), undefined);
      assert.equal(referenceAt(clean, offsetOf(index, "data/clean.dataset.yaml", "derivedFrom")), undefined);
      assert.equal(referenceAt(clean, offsetOf(index, "data/clean.dataset.yaml", "CC-BY-4.0")), undefined);
    });

    it("tells whether the cursor is on the document's own id value", function () {
      const idValue = offsetOf(index, "data/clean.dataset.yaml", "id: clean", 4);
      assert.equal(isOnOwnId(clean, idValue), true);
      assert.equal(isOnOwnId(clean, idValue + "clean".length), true, "just after the id");
      assert.equal(isOnOwnId(clean, idValue - 4), false, "on the key");
      assert.equal(isOnOwnId(clean, quoted), false);
      const noId = workspaceOf({ "x.dataset.yaml": "kind: DatasetManifest\nid: 12\nversion: 1.0.0\n" });
      assert.equal(isOnOwnId(facts(noId, "x.dataset.yaml"), offsetOf(noId, "x.dataset.yaml", "12")), false, "a number is not an id");
    });
  });

  describe("definitionOf", function () {
    const index = workspaceOf(files());

    it("resolves id@version exactly, in the kind the position names", function () {
      assert.equal(definitionOf(index, siteAt(index, "data/clean.dataset.yaml", "'raw@1.0.0'"))?.path, "data/raw.dataset.yaml");
      assert.equal(definitionOf(index, siteAt(index, "models/m.model.yaml", "raw@2.0.0"))?.path, "data/raw-v2.dataset.yaml");
      assert.equal(
        definitionOf(index, siteAt(index, "data/clean.dataset.yaml", "cleaning@1.0.0"))?.path,
        "pipelines/cleaning.pipeline.yaml",
      );
      assert.equal(definitionOf(index, siteAt(index, "data/copy.dataset.json", '"raw@1.0.0"'))?.path, "data/raw.dataset.yaml");
      assert.equal(definitionOf(index, siteAt(index, "models/card.modelcard.md", "raw@1.0.0"))?.path, "data/raw.dataset.yaml");
    });

    it("has no definition for a missing document, a missing version or another kind's id", function () {
      const broken = workspaceOf({
        ...files(),
        "models/m.model.yaml": modelCard("m", "1.0.0", ["gone@1.0.0", "raw@3.0.0"]).replace(
          "training:\n",
          "training:\n  pipeline: raw@1.0.0\n",
        ),
      });
      assert.equal(definitionOf(broken, siteAt(broken, "models/m.model.yaml", "gone@1.0.0")), undefined);
      assert.equal(definitionOf(broken, siteAt(broken, "models/m.model.yaml", "raw@3.0.0")), undefined);
      assert.equal(definitionOf(broken, siteAt(broken, "models/m.model.yaml", "raw@1.0.0")), undefined, "raw is a dataset, not a pipeline");
    });

    it("takes a bare id to its only document, and to none when several versions exist", function () {
      assert.equal(definitionOf(index, siteAt(index, "data/clean.dataset.yaml", '"raw"')), undefined, "raw has two versions");
      const single = workspaceOf({
        "data/a.dataset.yaml": dataset("a", "1.0.0"),
        "data/b.dataset.yaml": dataset("b", "1.0.0", "lineage:\n  derivedFrom: [a]\n"),
      });
      assert.equal(definitionOf(single, siteAt(single, "data/b.dataset.yaml", "[a]"))?.path, "data/a.dataset.yaml");
    });

    it("idOwnerOf finds a document with the id even when the version does not match", function () {
      const broken = workspaceOf({ ...files(), "models/m.model.yaml": modelCard("m", "1.0.0", ["raw@3.0.0"]) });
      assert.equal(idOwnerOf(broken, siteAt(broken, "models/m.model.yaml", "raw@3.0.0"))?.id, "raw");
    });
  });

  describe("referencesTo", function () {
    const index = workspaceOf(files());

    it("lists exact id@version references and bare ids of the same id and kind, and nothing else", function () {
      const hits = referencesTo(index, facts(index, "data/raw.dataset.yaml"));
      assert.deepEqual(
        hits.map((hit) => covered(hit)),
        [
          `data/clean.dataset.yaml: 'raw@1.0.0'`,
          `data/clean.dataset.yaml: "raw"`,
          `data/copy.dataset.json: "raw@1.0.0"`,
          "models/card.modelcard.md: raw@1.0.0",
          "pipelines/cleaning.pipeline.yaml: raw@1.0.0",
        ],
        "not raw@2.0.0, not the model card's training pipeline raw@1.0.0 (a pipeline reference)",
      );
    });

    it("another version's references are its own", function () {
      const hits = referencesTo(index, facts(index, "data/raw-v2.dataset.yaml"));
      assert.deepEqual(
        hits.map((hit) => covered(hit)),
        [`data/clean.dataset.yaml: "raw"`, "models/m.model.yaml: raw@2.0.0"],
      );
    });

    it("a document nobody references has none", function () {
      assert.deepEqual(referencesTo(index, facts(index, "models/m.model.yaml")), []);
    });

    it("in another folder's index, counts references only where that folder has no document of that id", function () {
      const target = facts(index, "data/raw.dataset.yaml");
      const plain = workspaceOf({ "models/x.model.yaml": modelCard("x", "1.0.0", ["raw@1.0.0"]) });
      assert.equal(referencesTo(plain, target).length, 3, "training dataset, evaluation dataset and result");
      const own = workspaceOf({
        "raw.dataset.yaml": dataset("raw", "1.0.0"),
        "models/x.model.yaml": modelCard("x", "1.0.0", ["raw@1.0.0"]),
      });
      assert.deepEqual(referencesTo(own, target), []);
      assert.equal(referencesTo(own, facts(own, "raw.dataset.yaml")).length, 3, "its own document still has them");
    });
  });

  describe("renameEdits", function () {
    it("renames the id of every version and every reference to it, keeping versions and quotes", function () {
      const source = files();
      const index = workspaceOf(source);
      const result = renameEdits(index, facts(index, "data/raw.dataset.yaml"), "raw-data");
      assert.ok("edits" in result, JSON.stringify(result));
      for (const edit of result.edits)
        assert.equal(source[edit.path].slice(edit.span.start, edit.span.end), "raw", `${edit.path} replaces the id only`);
      const after = applied(source, result.edits);
      assert.deepEqual(Object.keys(after).sort(), [
        "data/clean.dataset.yaml",
        "data/copy.dataset.json",
        "data/raw-v2.dataset.yaml",
        "data/raw.dataset.yaml",
        "models/card.modelcard.md",
        "models/m.model.yaml",
        "pipelines/cleaning.pipeline.yaml",
      ]);
      assert.match(after["data/raw.dataset.yaml"], /^id: raw-data$/m);
      assert.match(after["data/raw-v2.dataset.yaml"], /^id: raw-data$/m);
      assert.match(after["data/clean.dataset.yaml"], /derivedFrom: \['raw-data@1\.0\.0', "raw-data"\]/);
      assert.match(after["data/copy.dataset.json"], /"derivedFrom": \[\n\s+"raw-data@1\.0\.0"\n/);
      assert.match(after["pipelines/cleaning.pipeline.yaml"], /ref: raw-data@1\.0\.0 \}/);
      assert.match(after["models/m.model.yaml"], /datasets: \[clean@1\.0\.0, raw-data@2\.0\.0\]/);
      assert.match(after["models/m.model.yaml"], /pipeline: raw@1\.0\.0/, "a pipeline reference to another kind's id stays");
      assert.match(after["models/card.modelcard.md"], /datasets: \[raw-data@1\.0\.0\]/);

      const renamed = workspaceOf({ ...source, ...after });
      for (const path of ["data/clean.dataset.yaml", "pipelines/cleaning.pipeline.yaml", "models/card.modelcard.md"]) {
        assert.deepEqual(
          wsDiagnose(renamed, path).filter((d) => d.rule.startsWith("ref/") && d.rule !== "ref/unversioned"),
          [],
          path,
        );
      }
      assert.equal(definitionOf(renamed, siteAt(renamed, "models/m.model.yaml", "raw-data@2.0.0"))?.path, "data/raw-v2.dataset.yaml");
    });

    it("renames a quoted own id inside its quotes, and rewrites a scalar that spells the id with escapes", function () {
      const source = {
        "a.dataset.yaml": dataset("a", "1.0.0").replace("id: a", 'id: "a"'),
        "b.dataset.json":
          '{ "kind": "DatasetManifest", "id": "b", "version": "1.0.0", "lineage": { "derivedFrom": ["\\u0061@1.0.0", " a@1.0.0 "] } }',
      };
      const index = workspaceOf(source);
      const result = renameEdits(index, facts(index, "a.dataset.yaml"), "alpha");
      assert.ok("edits" in result, JSON.stringify(result));
      const after = applied(source, result.edits);
      assert.match(after["a.dataset.yaml"], /^id: "alpha"$/m);
      assert.match(after["b.dataset.json"], /"derivedFrom": \["alpha@1\.0\.0", " alpha@1\.0\.0 "\]/);
    });

    it("refuses an id that is not a slug, with the reason", function () {
      const index = workspaceOf(files());
      const raw = facts(index, "data/raw.dataset.yaml");
      for (const bad of ["Raw", "", "-raw", "raw data", "raw@2", "a".repeat(129)]) {
        const result = renameEdits(index, raw, bad);
        assert.ok("error" in result, bad);
        assert.match(result.error, /is not a valid id: use lower-case letters, digits/);
      }
      assert.ok("edits" in renameEdits(index, raw, "a".repeat(128)), "128 characters are allowed");
    });

    it("refuses an id another document of the kind has, and allows one of another kind", function () {
      const index = workspaceOf(files());
      const raw = facts(index, "data/raw.dataset.yaml");
      const taken = renameEdits(index, raw, "clean");
      assert.ok("error" in taken);
      assert.match(taken.error, /clean@1\.0\.0 in data\/clean\.dataset\.yaml already has the id "clean"/);
      assert.ok("edits" in renameEdits(index, raw, "cleaning"), "cleaning is a pipeline's id");
    });

    it("renaming to the same id changes nothing", function () {
      const index = workspaceOf(files());
      assert.deepEqual(renameEdits(index, facts(index, "data/raw.dataset.yaml"), "raw"), { edits: [] });
    });

    it("in another folder, renames its references unless it has its own document of that id", function () {
      const target = facts(workspaceOf(files()), "data/raw.dataset.yaml");
      const plainSource = { "models/x.model.yaml": modelCard("x", "1.0.0", ["raw@1.0.0"]) };
      const plain = renameEdits(workspaceOf(plainSource), target, "raw-data");
      assert.ok("edits" in plain);
      assert.equal(plain.edits.length, 3);
      assert.equal(Object.values(applied(plainSource, plain.edits))[0].includes("raw@"), false);
      const own = workspaceOf({ "raw.dataset.yaml": dataset("raw", "1.0.0"), ...plainSource });
      assert.deepEqual(renameEdits(own, target, "raw-data"), { edits: [] });
    });
  });

  describe("hoverFor", function () {
    const index = workspaceOf(files());

    it("describes the document a reference names: name, id@version, kind, classification, path", function () {
      const text = hoverFor(index, siteAt(index, "data/clean.dataset.yaml", "'raw@1.0.0'"));
      assert.equal(text, "**Dataset raw** · `raw@1.0.0`\n\nDataset manifest · classification **public**\n\n`data/raw.dataset.yaml`");
    });

    it("adds categories and dissemination when the document has them", function () {
      const text = hoverFor(index, siteAt(index, "models/m.model.yaml", "raw@2.0.0"));
      assert.match(text, /classification \*\*cui-specified\*\* \(categories PRVCY, PROPIN; dissemination NOFORN\)/);
      assert.match(text, /`data\/raw-v2\.dataset\.yaml`/);
    });

    it("shows a version YAML read as a number as written, never as no version", function () {
      const numbered = workspaceOf({
        ...files(),
        "data/raw-v2.dataset.yaml": files()["data/raw-v2.dataset.yaml"].replace("version: 2.0.0", "version: 1.2"),
      });
      const text = hoverFor(numbered, siteAt(numbered, "models/m.model.yaml", "raw@2.0.0"));
      assert.match(text, /1\.2 \(YAML reads it as a number: quote it, or write "1\.2\.0"\) \(`data\/raw-v2\.dataset\.yaml`\)/);
      assert.doesNotMatch(text, /no version/);
    });

    it("says what is missing and which versions exist", function () {
      const broken = workspaceOf({
        ...files(),
        "models/m.model.yaml": modelCard("m", "1.0.0", ["gone@1.0.0", "raw@3.0.0", "cleaning@1.0.0"]),
      });
      assert.equal(
        hoverFor(broken, siteAt(broken, "models/m.model.yaml", "raw@3.0.0")),
        "**No dataset manifest `raw@3.0.0` in the workspace.** The dataset manifest `raw` " +
          "exists in 1.0.0 (`data/raw.dataset.yaml`), 2.0.0 (`data/raw-v2.dataset.yaml`).",
      );
      assert.equal(
        hoverFor(broken, siteAt(broken, "models/m.model.yaml", "gone@1.0.0")),
        "**No dataset manifest in the workspace has the id `gone`**, in any version.",
      );
      assert.match(
        hoverFor(broken, siteAt(broken, "models/m.model.yaml", "cleaning@1.0.0")),
        new RegExp(
          /id `cleaning`\*\*, in any version\. `cleaning` is a pipeline config /.source +
            /\(`pipelines\/cleaning\.pipeline\.yaml`\), not a dataset manifest\./.source,
        ),
      );
    });

    it("for a bare id, lists the versions to pin, or describes the only one", function () {
      assert.match(
        hoverFor(index, siteAt(index, "data/clean.dataset.yaml", '"raw"')),
        /has no version\*\*: the workspace has 2 dataset manifests with this id, 1\.0\.0 \(`data\/raw\.dataset\.yaml`\), 2\.0\.0/,
      );
      const single = workspaceOf({
        "data/a.dataset.yaml": dataset("a", "1.0.0"),
        "data/b.dataset.yaml": dataset("b", "1.0.0", "lineage:\n  derivedFrom: [a]\n"),
      });
      const text = hoverFor(single, siteAt(single, "data/b.dataset.yaml", "[a]"));
      assert.match(text, /^\*\*Dataset a\*\* · `a@1\.0\.0`/);
      assert.match(text, /This reference has no version; pin it as `a@1\.0\.0`\.$/);
    });

    it("escapes Markdown in a document's name", function () {
      const odd = workspaceOf({
        ...files(),
        "data/raw.dataset.yaml": dataset("raw", "1.0.0").replace("name: Dataset raw", "name: '*raw* [v1] <b>'"),
      });
      assert.match(hoverFor(odd, siteAt(odd, "data/clean.dataset.yaml", "'raw@1.0.0'")), /^\*\*\\\*raw\\\* \\\[v1\\\] \\<b\\>\*\*/);
    });
  });

  describe("workspaceSymbols", function () {
    const index = workspaceOf({
      "data/raw.dataset.yaml": dataset("raw", "1.0.0"),
      "data/ocean-raw.dataset.yaml": dataset("ocean-raw", "1.0.0"),
      "data/surveys.dataset.yaml": dataset("surveys", "1.0.0").replace("name: Dataset surveys", "name: Raw surveys"),
      "data/other.dataset.yaml": dataset("other", "1.0.0"),
      "pipelines/rawify.pipeline.yaml": pipeline("rawify", "2.0.0", [], ["raw@1.0.0"]),
    });

    it("ranks id prefixes first, then name prefixes, then ids and names containing the query", function () {
      const matches = workspaceSymbols(index, "RAW");
      assert.deepEqual(
        matches.map((m) => [m.label, m.kind, m.rank]),
        [
          ["raw@1.0.0", "DatasetManifest", 0],
          ["rawify@2.0.0", "PipelineConfig", 0],
          ["surveys@1.0.0", "DatasetManifest", 1],
          ["ocean-raw@1.0.0", "DatasetManifest", 2],
        ],
      );
      assert.ok(!matches.some((m) => m.path === "data/other.dataset.yaml"), "its name 'Dataset other' does not contain raw");
    });

    it("gives each match its path and the span of its id", function () {
      const [match] = workspaceSymbols(index, "ocean");
      assert.equal(match.path, "data/ocean-raw.dataset.yaml");
      assert.equal(facts(index, match.path).document.text.slice(match.span.start, match.span.end), "ocean-raw");
    });

    it("an empty query lists every document; a query nothing contains lists none", function () {
      assert.equal(workspaceSymbols(index, "").length, 5);
      assert.deepEqual(workspaceSymbols(index, "zzz"), []);
    });
  });
});

describe("workspace: navigation from a pipeline output to a model card (docs/formats/pipeline-config.md)", function () {
  /** `m` is both a dataset (1.0.0) and a card (1.0.0 and 2.0.0): the first output means the dataset, the second the card. */
  const source = (): Record<string, string> => ({
    "data/train.dataset.yaml": dataset("train", "1.0.0"),
    "data/m.dataset.yaml": dataset("m", "1.0.0"),
    "models/m.model.yaml": modelCard("m", "2.0.0", ["train@1.0.0"]),
    "models/card.model.yaml": modelCard("card", "1.0.0", ["train@1.0.0"]),
    "pipelines/training.pipeline.yaml": pipeline("training", "1.0.0", ["train@1.0.0"], ["m@1.0.0", "m@2.0.0", "card@1.0.0"]),
  });
  const index = workspaceOf(source());
  const pipelinePath = "pipelines/training.pipeline.yaml";

  it("go to definition follows an output ref to the card it names", function () {
    assert.equal(definitionOf(index, siteAt(index, pipelinePath, "card@1.0.0"))?.path, "models/card.model.yaml");
    assert.equal(definitionOf(index, siteAt(index, pipelinePath, "m@2.0.0"))?.path, "models/m.model.yaml");
    assert.equal(
      definitionOf(index, siteAt(index, pipelinePath, "m@1.0.0"))?.path,
      "data/m.dataset.yaml",
      "the dataset, named first, where both kinds have the id@version",
    );
  });

  it("hover describes the card", function () {
    assert.match(
      hoverFor(index, siteAt(index, pipelinePath, "card@1.0.0")),
      /^\*\*`card@1\.0\.0`\*\*\n\nModel card · classification \*\*public\*\*\n\n`models\/card\.model\.yaml`$/,
    );
  });

  it("the card's references include the output that names it, and only where the output means the card", function () {
    assert.deepEqual(referencesTo(index, facts(index, "models/card.model.yaml")).map(covered), [`${pipelinePath}: card@1.0.0`]);
    assert.deepEqual(referencesTo(index, facts(index, "models/m.model.yaml")).map(covered), [`${pipelinePath}: m@2.0.0`]);
    assert.deepEqual(referencesTo(index, facts(index, "data/m.dataset.yaml")).map(covered), [`${pipelinePath}: m@1.0.0`]);
  });

  it("renaming the card renames the output that names it, and not the dataset's", function () {
    const result = renameEdits(index, facts(index, "models/card.model.yaml"), "surrogate");
    assert.ok("edits" in result);
    const changed = applied(source(), result.edits);
    assert.deepEqual(Object.keys(changed).sort(), ["models/card.model.yaml", pipelinePath]);
    assert.match(changed[pipelinePath], /ref: surrogate@1\.0\.0/);
    const again = workspaceOf({ ...source(), ...changed });
    assert.equal(definitionOf(again, siteAt(again, pipelinePath, "surrogate@1.0.0"))?.path, "models/card.model.yaml");
    const shared = renameEdits(index, facts(index, "models/m.model.yaml"), "m2");
    assert.ok("edits" in shared);
    const pipelineAfter = applied(source(), shared.edits)[pipelinePath];
    assert.match(pipelineAfter, /ref: m@1\.0\.0/, "the output that means the dataset m keeps its id");
    assert.match(pipelineAfter, /ref: m2@2\.0\.0/);
  });
});
