import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { evidenceRequests } from "../../../server/src/core/evidence/requests";
import { DOCUMENT_TEMPLATES, expandSnippet } from "../../../server/src/core/index";
import { EMPTY_FILE_SHA256 } from "../../../server/src/core/rules/placeholder-text";
import { PARTIAL_TEMPLATES } from "../../../server/src/core/templates/partials";
import { diagnoseIo, MISSING } from "../evidence/harness";
import { fixtureDigest } from "../fixture-digest";
import { configWith, diagnose, engine, expectWants } from "../harness";
import { dataset, pipeline, workspaceOf, wsDiagnose } from "../workspace/harness";

const RULES = ["placeholder/value"];
const MANIFEST = "data/a.dataset.yaml";
const PIPELINE = "pipes/p.pipeline.yaml";
const ZEROS = "0".repeat(64);

/** A manifest whose one distribution is `item` (flow mapping entries) and whose top level ends with `extra`. */
function manifest(item: string, extra = ""): string {
  return `${dataset("a", "1.0.0").replace(/ {2}- \{ id: data,[^\n]*\n/, `  - { id: data, ${item} }\n`)}${extra}`;
}

function placeholders(path: string, text: string): { covered: string; message: string; severity: string }[] {
  return diagnose(path, text)
    .filter((d) => d.rule === "placeholder/value")
    .map(({ covered, message, severity }) => ({ covered, message, severity }));
}

describe("placeholder/value", function () {
  it("accepts a manifest of real values, its digest included", function () {
    expectWants(MANIFEST, manifest(`path: data.json, format: json, sha256: ${fixtureDigest("a")}`), { rules: RULES });
  });

  it("reports an all-zero digest as written, though YAML reads it as the number 0, and quoted", function () {
    expectWants(MANIFEST, manifest(`path: data.json, format: json, sha256: ${ZEROS} } # want: placeholder/value\n  - { id: b`), {
      rules: RULES,
    });
    const [quoted] = placeholders(MANIFEST, manifest(`path: data.json, format: json, sha256: "${ZEROS}"`));
    assert.equal(quoted.covered, `"${ZEROS}"`);
    assert.match(quoted.message, /"0" repeated, a placeholder; write the file's SHA-256/);
    assert.equal(quoted.severity, "warning");
  });

  it("reports any one digit repeated, and the SHA-256 of the empty file, naming it", function () {
    assert.equal(placeholders(MANIFEST, manifest(`path: data.json, format: json, sha256: ${"f".repeat(64)}`)).length, 1);
    assert.equal(placeholders(MANIFEST, manifest(`path: data.json, format: json, sha256: ${"7".repeat(64)}`)).length, 1);
    const commit = placeholders(
      MANIFEST,
      manifest(`path: data.json, format: json, sha256: ${fixtureDigest("a")}`, `notes: { commit: "${"c".repeat(40)}" }\n`),
    );
    assert.match(commit[0]?.message ?? "", /"c" repeated, a placeholder; write the full commit/);
    const [empty] = placeholders(MANIFEST, manifest(`path: data.json, format: json, sha256: ${EMPTY_FILE_SHA256}`));
    assert.match(empty.message, /the SHA-256 of an empty file/);
  });

  it("reports a repeated image digest, and accepts a real one", function () {
    const step = (digest: string) => pipeline("p", "1.0.0", [], [], "public", "").replace(/sha256:[0-9a-f]{64}/, `sha256:${digest}`);
    const [image] = placeholders(PIPELINE, step(ZEROS));
    assert.match(image.covered, /@sha256:0{64}/);
    assert.match(image.message, /The image digest is "0" repeated/);
    assert.deepEqual(placeholders(PIPELINE, step(fixtureDigest("b"))), []);
  });

  it("reports TODO, TBD and FIXME as the whole value in any case, and as a word in upper case", function () {
    const extra = "keywords: [TODO] # want: placeholder/value\npublisher: tbd # want: placeholder/value\nnotes: x\n";
    const withMarkers = manifest("path: data.json, format: json, sha256: " + fixtureDigest("a"), "")
      .replace(/keywords: \[[^\]]*\]\n/, "")
      .concat(extra)
      .replace("notes: x\n", "");
    expectWants(MANIFEST, withMarkers, { rules: RULES });
    const [word] = placeholders(
      MANIFEST,
      withMarkers.replace(/description: [^\n]*/, "description: Ocean temperatures, FIXME add the depth range"),
    );
    assert.match(word.message, /still holds "FIXME"/);
    assert.deepEqual(placeholders(MANIFEST, withMarkers.replace(/description: [^\n]*/, "description: A todo list of mastodons")).length, 2);
  });

  it("reports <...> placeholders, but not an address in angle brackets, an HTML tag, a comparison or a pattern of ids", function () {
    const described = (description: string) =>
      manifest(`path: data.json, format: json, sha256: ${fixtureDigest("a")}`).replace(
        /description: [^\n]*/,
        `description: "${description}"`,
      );
    const [angle] = placeholders(MANIFEST, described("Temperatures measured at <site name> over a whole year of cruises."));
    assert.match(angle.message, /"<site name>" is a placeholder/);
    for (const real of [
      "Curated by Ann Lee <ann@lab.example.gov> from a whole year of cruises.",
      "Temperatures<br>measured over a whole year of ocean cruises and moorings.",
      "Depths where 0 < z and z > 10 m over a whole year of ocean cruises.",
      "Scan ids are xrd-<proposal>-<sequence>, one per exposure, over a whole year of cruises.",
      "Calculation ids read dft-<composition>-li<Li fraction x 100> for every relaxed structure.",
    ]) {
      assert.deepEqual(placeholders(MANIFEST, described(real)), [], real);
    }
  });

  it("reports what the templates and fixes insert, not the typed values or the words a project keeps", function () {
    const creators = (name: string, email: string) =>
      manifest(`path: data.json, format: json, sha256: ${fixtureDigest("a")}`).replace(
        /creators:[^\n]*\n/,
        `creators: [{ name: "${name}", email: "${email}" }]\n`,
      );
    assert.deepEqual(
      placeholders(MANIFEST, creators("Full Name", "name@lab.example.gov")).map((d) => d.covered),
      ['"Full Name"', '"name@lab.example.gov"'],
    );
    assert.deepEqual(placeholders(MANIFEST, creators("Ann Lee", "ann@lab.example.gov")), []);
    // What a fix writes: a typed reference placeholder, and the example address of the email format.
    assert.equal(placeholders(MANIFEST, creators("Ann Lee", "name@example.org")).length, 1);
    // Typed values and single words the templates also show are real values: version 1.0.0, id records, format csv.
    const typed = manifest(`id: records, path: data.json, format: csv, sha256: ${fixtureDigest("a")}`);
    assert.deepEqual(placeholders(MANIFEST, typed), []);
  });

  it("counts a template's data path only where it names data", function () {
    const atData = placeholders(MANIFEST, manifest(`path: files/records.csv, format: csv, sha256: ${fixtureDigest("a")}`));
    assert.deepEqual(
      atData.map((d) => d.covered),
      ["files/records.csv"],
    );
    const policy = manifest(
      `path: data.json, format: json, sha256: ${fixtureDigest("a")}`,
      "access: { policy: governance/access-policy.md }\n",
    );
    assert.deepEqual(placeholders(MANIFEST, policy), [], "a governance path of the template is a layout a project keeps");
  });

  it("is raised to an error by the release profile", function () {
    const text = manifest(`path: data.json, format: json, sha256: ${ZEROS}`);
    const release = engine.analyze({ path: MANIFEST, text }, configWith({ profile: "release" })).diagnostics;
    assert.deepEqual(
      release.filter((d) => d.rule === "placeholder/value").map((d) => d.severity),
      ["error"],
    );
  });

  it("is not looked up as a reference or a file", function () {
    const files = {
      [PIPELINE]: pipeline("p", "1.0.0", ["raw-dataset@1.0.0", "nowhere@1.0.0"], [], "public", ""),
    };
    const unresolved = wsDiagnose(workspaceOf(files), PIPELINE).filter((d) => d.rule === "ref/unresolved");
    assert.deepEqual(
      unresolved.map((d) => d.covered),
      ["nowhere@1.0.0"],
      "the template's reference is placeholder/value's; a real one that names nothing is still reported",
    );
    const text = manifest(`path: files/records.csv, format: csv, sha256: ${EMPTY_FILE_SHA256}`);
    const requested = evidenceRequests(engine.analyze({ path: MANIFEST, text }).document!).map((r) => r.path);
    assert.ok(!requested.includes("data/files/records.csv"), requested.join(", "));
    const missing = manifest(`path: files/record.csv, format: csv, sha256: ${EMPTY_FILE_SHA256}`);
    const io = diagnoseIo(MANIFEST, missing, { "data/files/record.csv": MISSING }).map((d) => d.rule);
    assert.deepEqual(io, ["integrity/file-missing"], "a path that is not the template's is still looked for");
  });

  describe("a document fresh from a template, as init writes it", function () {
    for (const template of DOCUMENT_TEMPLATES) {
      it(`${template.id}: placeholder findings, and no ref/unresolved or file-missing`, function () {
        const path = `new/${template.fileName("ocean-temps")}`;
        const text = expandSnippet(template.body, { 1: "ocean-temps" });
        const analysis = engine.analyze({ path, text }, DEFAULT_CONFIG);
        const found = analysis.diagnostics.filter((d) => d.rule === "placeholder/value");
        assert.ok(found.length >= 5, `${found.length} placeholder findings`);
        assert.deepEqual(
          analysis.diagnostics.filter((d) => d.severity === "error").map((d) => d.rule),
          [],
        );
        const index = workspaceOf({ [path]: text });
        assert.deepEqual(
          wsDiagnose(index, path).filter((d) => d.rule.startsWith("ref/")),
          [],
        );
        const evidence = Object.fromEntries(evidenceRequests(analysis.document!).map((r) => [r.path, MISSING]));
        const io = diagnoseIo(path, text, evidence).filter((d) => d.rule === "integrity/file-missing");
        assert.deepEqual(io, []);
      });
    }

    it("each digest a list-item snippet inserts is a placeholder finding", function () {
      const steps = PARTIAL_TEMPLATES.find((t) => t.id === "step")!;
      const text = `${pipeline("p", "1.0.0", [], [], "public", "").replace(/steps:\n[\s\S]*?(?=\n[a-z])/, "steps:")}`;
      const withStep = text.replace("steps:", `steps:\n${expandSnippet(steps.body).replace(/^/gm, "  ").trimEnd()}`);
      const found = placeholders(PIPELINE, withStep).map((d) => d.message);
      assert.ok(
        found.some((m) => /image digest is "0" repeated/.test(m)),
        found.join("\n"),
      );
    });
  });
});
