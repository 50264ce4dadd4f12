import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { Engine } from "../../../server/src/core/engine";
import { applyEdits } from "../../../server/src/core/fixes/apply";
import { fixesFor, type Fix } from "../../../server/src/core/fixes/fix-providers";
import { isPlainSafe, writtenScalar } from "../../../server/src/core/fixes/scalar-text";
import { expandSnippet } from "../../../server/src/core/templates/snippet-syntax";
import { dataset, modelCard, pipeline } from "../workspace/harness";
import { diagnosticsOf, workspaceOf } from "./support";
import { fixtureDigest } from "../fixture-digest";

/** The fixes of the first diagnostic of `rule` in a text. */
function fixesOf(
  file: string,
  text: string,
  rule: string,
  options: { snippets?: boolean; files?: Record<string, string>; today?: string } = {},
): { fixes: Fix[]; text: string } {
  const index = options.files ? workspaceOf({ ...options.files, [file]: text }) : undefined;
  const { document, diagnostics } = diagnosticsOf(file, text, index);
  const diagnostic = diagnostics.find((d) => d.rule === rule);
  assert.ok(diagnostic, `no ${rule} in:\n${diagnostics.map((d) => `  ${d.rule}: ${d.message}`).join("\n")}`);
  return {
    fixes: fixesFor(document, diagnostic, { config: DEFAULT_CONFIG, index, snippets: options.snippets, today: options.today }),
    text,
  };
}

function applied(fix: Fix | undefined, text: string): string {
  assert.ok(fix, "no such fix");
  return applyEdits(text, fix.edits);
}

describe("quick fixes", function () {
  describe("writing values", function () {
    it("quotes a value that some YAML reader would take for another type, and nothing else", function () {
      for (const text of ["yes", "No", "on", "null", "~", "1.0", "10", "1e3", "0x1F", "04:00:00", ".inf", "-x", "a: b", "a #b", "", " x"]) {
        assert.equal(isPlainSafe(text, false), false, text);
      }
      for (const text of [
        "1.2.0",
        "2.0.0-rc.1",
        "Apache-2.0",
        "MIT OR Apache-2.0",
        "genesis/v1",
        "upstream@1.1.0",
        "2-00:00:00",
        "cui-specified",
        "a:b",
        "2026-01-15",
      ]) {
        assert.equal(isPlainSafe(text, false), true, text);
      }
      assert.equal(isPlainSafe("a,b", true), false, "a comma ends a plain scalar in a flow collection");
      assert.equal(isPlainSafe("a,b", false), true);
    });

    it("keeps the quote style of the value it replaces", function () {
      assert.equal(writtenScalar("yaml", "1.2.0", '"1.2"'), '"1.2.0"');
      assert.equal(writtenScalar("yaml", "it's", "'x'"), "'it''s'");
      assert.equal(writtenScalar("yaml", "1.2.0", "1.2"), "1.2.0");
      assert.equal(writtenScalar("yaml", "yes", "no"), '"yes"');
      assert.equal(writtenScalar("yaml", 42, '"42"'), "42");
      assert.equal(writtenScalar("json", "x", '"y"'), '"x"');
    });

    it("gives an empty value a blank after its colon", function () {
      const text = dataset("a", "1.0.0").replace("version: 1.0.0", "version:");
      const { fixes } = fixesOf("a.dataset.yaml", `${text}`.replace("apiVersion: genesis/v1", "apiVersion:"), "schema/header");
      assert.match(applied(fixes[0], text.replace("apiVersion: genesis/v1", "apiVersion:")), /^apiVersion: genesis\/v1\n/);
    });
  });

  describe("missing required properties", function () {
    it("offers one property, and all missing ones, with typed placeholders", function () {
      const text = dataset("a", "1.0.0").replace("name: Dataset a\n", "").replace("datePublished: 2026-01-15\n", "");
      const { fixes } = fixesOf("a.dataset.yaml", text, "schema/required");
      assert.deepEqual(
        fixes.map((f) => [f.title, f.isPreferred === true]),
        [
          ['Add the required property "name"', false],
          ["Add all missing required properties (name, datePublished)", false],
          ["Suppress schema/required on this line, with a reason", false],
        ],
      );
      assert.match(applied(fixes[1], text), /\ndistribution:\n  - \{[^\n]*\}\nname: TODO\ndatePublished: 2026-01-15\n$/);
    });

    it("takes a missing id from the file name, and a version of 1.0.0", function () {
      const text = dataset("a", "1.0.0").replace("id: a\n", "").replace("version: 1.0.0\n", "");
      const { fixes } = fixesOf("data/ocean-temps.dataset.yaml", text, "schema/required");
      assert.match(
        applied(
          fixes.find((f) => f.title.startsWith("Add all")),
          text,
        ),
        /\nid: ocean-temps\nversion: 1\.0\.0\n$/,
      );
    });

    it("writes tab stops when the client takes snippets, a choice for an enum", function () {
      const text = dataset("a", "1.0.0").replace("classification:\n  level: public\n", "");
      const { fixes } = fixesOf("a.dataset.yaml", text, "schema/required", { snippets: true });
      assert.equal(fixes[0].snippet, true);
      assert.deepEqual(
        fixes[0].edits.map((e) => e.newText),
        ["classification:\n  level: ${1|public,internal,cui,cui-specified|}\n"],
      );
      assert.equal(expandSnippet(fixes[0].edits[0].newText), "classification:\n  level: public\n");
    });

    it("fills an item's required entries at the list's indentation", function () {
      const text = modelCard("m", "1.0.0", ["d@1.0.0"]).replace(
        "  - { format: onnx, path: model.onnx, sha256: " + fixtureDigest("d") + " }\n",
        "  - sha256: " + "d".repeat(64) + "\n",
      );
      const { fixes } = fixesOf("m.model.yaml", text, "schema/required");
      assert.match(
        applied(
          fixes.find((f) => f.title.startsWith("Add all")),
          text,
        ),
        /\nartifacts:\n  - sha256: d+\n    format: onnx\n    path: TODO\n/,
      );
    });

    it("uses the document's line breaks", function () {
      const text = dataset("a", "1.0.0").replace("name: Dataset a\n", "").replace(/\n/g, "\r\n");
      const { fixes } = fixesOf("a.dataset.yaml", text, "schema/required");
      assert.ok(applied(fixes[0], text).endsWith("\r\nname: TODO\r\n"));
    });
  });

  describe("renames and references", function () {
    it("does not rename a key to one that is already there", function () {
      const text = dataset("a", "1.0.0").replace("license:", "publisher: Lab\npublsher: Lab\nlicense:");
      const { fixes } = fixesOf("a.dataset.yaml", text, "schema/unknown-property");
      assert.deepEqual(
        fixes.map((f) => f.title),
        ["Suppress schema/unknown-property on this line, with a reason"],
      );
    });

    it("offers every existing version for a version mismatch, newest first, none preferred", function () {
      const files = {
        "u1.dataset.yaml": dataset("u", "1.1.0"),
        "u2.dataset.yaml": dataset("u", "1.10.0"),
        "u3.dataset.yaml": dataset("u", "1.9.0"),
      };
      const text = dataset("d", "1.0.0", 'lineage:\n  derivedFrom: [u@1.0.0]\n  generatedBy: { pipeline: "doi:10.1/x" }\n');
      const { fixes } = fixesOf("d.dataset.yaml", text, "ref/version-mismatch", { files });
      assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred === true]).slice(0, 3), [
        ['Change to "u@1.10.0"', false],
        ['Change to "u@1.9.0"', false],
        ['Change to "u@1.1.0"', false],
      ]);
    });

    it("pins an unversioned reference only when the workspace knows a version; with several, none is preferred", function () {
      const text = dataset("d", "1.0.0", 'lineage:\n  derivedFrom: [u]\n  generatedBy: { pipeline: "doi:10.1/x" }\n');
      assert.deepEqual(
        fixesOf("d.dataset.yaml", text, "ref/unversioned").fixes.map((f) => f.title),
        ["Suppress ref/unversioned on this line, with a reason"],
      );
      const files = { "u1.dataset.yaml": dataset("u", "1.0.0"), "u2.dataset.yaml": dataset("u", "2.0.0") };
      const { fixes } = fixesOf("d.dataset.yaml", text, "ref/unversioned", { files });
      assert.deepEqual(
        fixes.slice(0, 2).map((f) => [f.title, f.isPreferred === true]),
        [
          ['Pin to "u@2.0.0"', false],
          ['Pin to "u@1.0.0"', false],
        ],
      );
    });
  });

  describe("choices the user makes", function () {
    it("offers each allowed network for a step with egress, none preferred", function () {
      const text = pipeline("p", "1.0.0", [], ["o@1.0.0"], "internal").replace(
        "    run: ./run.sh\n",
        "    run: ./run.sh\n    network: egress\n",
      );
      const { fixes } = fixesOf("p.pipeline.yaml", text, "classification/egress");
      assert.deepEqual(fixes.map((f) => [f.title, f.isPreferred === true]).slice(0, 2), [
        ['Set network to "none"', false],
        ['Set network to "internal"', false],
      ]);
      assert.match(applied(fixes[1], text), /\n    network: internal\n/);
    });

    it("changes an unknown partition to the site's nearest one", function () {
      const config = { ...DEFAULT_CONFIG, site: { registries: [], partitions: { gpu: { gpus: true }, cpu: {} } } };
      const text = pipeline("p", "1.0.0", [], ["o@1.0.0"], "public", "scheduler: { type: slurm, partition: gpux }\n");
      const { document, diagnostics } = diagnosticsOf("p.pipeline.yaml", text, undefined, config);
      const partition = diagnostics.find((d) => d.rule === "scheduler/partition");
      assert.ok(partition);
      const [fix] = fixesFor(document, partition, { config });
      assert.deepEqual([fix.title, fix.isPreferred], ['Change the partition to "gpu"', true]);
      assert.match(applyEdits(text, fix.edits), /partition: gpu \}/);
    });
  });

  describe("suppress with a reason", function () {
    it("inserts a YAML comment above the line, at its indentation; a snippet asks for the reason", function () {
      const text = dataset("a", "1.0.0").replace("format: json", "format: jsn");
      const plain = fixesOf("a.dataset.yaml", text, "schema/enum").fixes.find((f) => f.title.startsWith("Suppress"));
      const fixed = applied(plain, text);
      assert.match(fixed, /\ndistribution:\n  # genesis-ignore schema\/enum:\n  - \{ id: data/);
      const after = diagnosticsOf("a.dataset.yaml", fixed).diagnostics.map((d) => d.rule);
      assert.deepEqual(after, ["suppress/no-reason"], "silenced; the empty reason is asked for");
      const snippet = fixesOf("a.dataset.yaml", text, "schema/enum", { snippets: true }).fixes.find((f) => f.title.startsWith("Suppress"));
      assert.equal(snippet?.edits[0].newText, "  # genesis-ignore schema/enum: ${1:reason}\n");
      assert.deepEqual(
        diagnosticsOf("a.dataset.yaml", applyEdits(text, [{ ...snippet!.edits[0], newText: expandSnippet(snippet!.edits[0].newText) }]))
          .diagnostics,
        [],
      );
    });

    it("uses an HTML comment in a Markdown body and a YAML comment in front matter", function () {
      const front = `---\n${modelCard("m", "1.0.0", ["d@1.0.0"]).replace("version: 1.0.0", 'version: "1.0"')}---\n\n# M\n`;
      const fm = fixesOf("m.modelcard.md", front, "version/semver").fixes.find((f) => f.title.startsWith("Suppress"));
      assert.match(applied(fm, front), /\n# genesis-ignore version\/semver:\nversion: "1\.0"\n/);
      const body = fixesOf("m.modelcard.md", front, "modelcard/section-missing").fixes.find((f) => f.title.startsWith("Suppress"));
      const silenced = applied(body, front);
      assert.match(silenced, /\n<!-- genesis-ignore modelcard\/section-missing: -->\n# M\n/);
      assert.ok(!diagnosticsOf("m.modelcard.md", silenced).diagnostics.some((d) => d.rule === "modelcard/section-missing"));
    });

    describe("with today's date: a waiver that expires after WAIVER_DAYS", function () {
      const TODAY = "2026-06-01";
      const UNTIL = "2026-08-30"; // 90 days on
      const text = dataset("a", "1.0.0").replace("format: json", "format: jsn");
      const suppression = (options: { snippets?: boolean; today?: string }) =>
        fixesOf("a.dataset.yaml", text, "schema/enum", options).fixes.find((f) => f.title.startsWith("Suppress"));
      /** The rules shown for a text on a given day: the engine gets today's date as a front end gives it. */
      const rulesOn = (day: string, fixed: string) =>
        new Engine({ today: () => day }).analyze({ path: "a.dataset.yaml", text: fixed }, DEFAULT_CONFIG).diagnostics.map((d) => d.rule);

      it("writes (until <today + 90 days>) after the empty reason, and says so in the title", function () {
        const plain = suppression({ today: TODAY });
        assert.equal(plain?.title, "Suppress schema/enum on this line for 90 days, with a reason");
        assert.equal(plain?.snippet, undefined);
        assert.deepEqual(
          plain?.edits.map((e) => e.newText),
          [`  # genesis-ignore schema/enum: (until ${UNTIL})\n`],
        );
        // A well-formed expiry (no malformed suppress/expired); only the empty reason is asked for.
        assert.deepEqual(rulesOn(TODAY, applied(plain, text)), ["suppress/no-reason"]);
      });

      it("makes the date a tab stop of its own after the reason in a snippet", function () {
        const snippet = suppression({ today: TODAY, snippets: true });
        assert.equal(snippet?.snippet, true);
        assert.equal(snippet?.edits[0].newText, `  # genesis-ignore schema/enum: \${1:reason} (until \${2:${UNTIL}})\n`);
      });

      it("with a reason filled in, suppresses the finding through its last day and is suppress/expired after it", function () {
        const snippet = suppression({ today: TODAY, snippets: true });
        const fixed = applyEdits(text, [{ ...snippet!.edits[0], newText: expandSnippet(snippet!.edits[0].newText) }]);
        assert.match(fixed, /\n {2}# genesis-ignore schema\/enum: reason \(until 2026-08-30\)\n {2}- \{ id: data/);
        assert.deepEqual(rulesOn(TODAY, fixed), []);
        assert.deepEqual(rulesOn(UNTIL, fixed), [], "still applies on its last day");
        assert.deepEqual(rulesOn("2026-08-31", fixed).sort(), ["schema/enum", "suppress/expired"]);
      });

      it("dates an HTML comment in a Markdown body too", function () {
        const front = `---\n${modelCard("m", "1.0.0", ["d@1.0.0"])}---\n\n# M\n`;
        const body = fixesOf("m.modelcard.md", front, "modelcard/section-missing", { today: TODAY }).fixes.find((f) =>
          f.title.startsWith("Suppress"),
        );
        assert.match(
          applied(body, front),
          new RegExp(`\\n<!-- genesis-ignore modelcard/section-missing: \\(until ${UNTIL}\\) -->\\n# M\\n`),
        );
      });

      it("writes no expiry without a today (a caller with no clock), nor for a today that is no date", function () {
        for (const today of [undefined, "2026-02-30", "today"]) {
          const plain = suppression({ today });
          assert.equal(plain?.title, "Suppress schema/enum on this line, with a reason", String(today));
          assert.deepEqual(
            plain?.edits.map((e) => e.newText),
            ["  # genesis-ignore schema/enum:\n"],
            String(today),
          );
        }
      });
    });

    it("is not offered in JSON, nor for syntax errors", function () {
      const json = JSON.stringify({ apiVersion: "genesis/v1", kind: "DatasetManifest", id: "a", version: "1.0" }, null, 2);
      assert.deepEqual(
        fixesOf("a.dataset.json", json, "version/semver").fixes.map((f) => f.title),
        ['Change the version to "1.0.0"'],
      );
      assert.deepEqual(fixesOf("a.dataset.yaml", "apiVersion: genesis/v1\nkind: DatasetManifest\nid: [\n", "syntax/yaml").fixes, []);
    });
  });

  it("never throws on odd values, and every fix it offers applies to a text that still parses", function () {
    const odd = [
      "apiVersion: 3\nkind: [DatasetManifest]\nid: ~\nversion: {a: 1}\nlicense: [MIT]\nclassification: 7\ndistribution: [1, null, [2]]\n",
      "apiVersion: genesis/v1\nkind: DatasetManifest\nclassification: { level: }\ndistribution:\n  - id:\n    sha256: 12\n",
      "apiVersion: genesis/v1\nkind: PipelineConfig\nsteps: [{ id: a, needs: [b, 3, null] }, 5]\nscheduler: { walltime: [] }\n",
    ];
    const files = ["a.dataset.yaml", "a.dataset.yaml", "p.pipeline.yaml"];
    odd.forEach((text, i) => {
      const { document, diagnostics } = diagnosticsOf(files[i], text);
      for (const diagnostic of diagnostics) {
        for (const fix of fixesFor(document, diagnostic, { config: DEFAULT_CONFIG })) {
          const fixed = applyEdits(text, fix.edits);
          const broken = diagnosticsOf(files[i], fixed).diagnostics.filter(
            (d) => d.rule.startsWith("syntax/") || d.rule === "internal/rule-error",
          );
          assert.deepEqual(
            broken.map((d) => d.message),
            [],
            `${fix.title} on ${JSON.stringify(text)}`,
          );
        }
      }
    });
  });
});
