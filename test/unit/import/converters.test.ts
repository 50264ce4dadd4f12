import * as assert from "node:assert/strict";
import { parse } from "yaml";
import { placeholderAt, placeholderObject } from "../../../server/src/core/convert/import/template-values";
import { importDocument, importFormatOf } from "../../../server/src/core/convert/import/import-source";
import { ImportError, type ImportContext } from "../../../server/src/core/convert/import/types";
import { placeholderProblem } from "../../../server/src/core/rules/placeholder-text";
import { assertOnlyPlaceholders } from "./golden.test";

const DIGEST = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const OTHER = "c617db2c7470716250f6f001be51304c76bcc8815527ab8bae734bdca0735737";

function context(overrides: Partial<ImportContext> = {}): ImportContext {
  return { localFile: async () => undefined, declaredPaths: new Map(), today: "2026-01-15", ...overrides };
}

async function imported(path: string, text: string, options: Partial<ImportContext> = {}) {
  const result = await importDocument({ path, text }, context(options));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed YAML is read by path in the assertions
  return { ...result, value: parse(result.text) as Record<string, any> };
}

const CROISSANT = JSON.stringify({
  "@context": { "@vocab": "https://schema.org/", cr: "http://mlcommons.org/croissant/", rai: "http://mlcommons.org/croissant/RAI/" },
  "@type": "sc:Dataset",
  conformsTo: "http://mlcommons.org/croissant/1.1",
  name: "Ocean Temps",
  description: "Sea-surface temperatures from moored buoys, hourly, 2025.",
  version: "1.2",
  license: "https://creativecommons.org/licenses/by/4.0/",
  datePublished: "2025-06-01",
  citeAs: "@misc{temps, doi = {10.5281/zenodo.123456}}",
  keywords: ["ocean", "temperature"],
  creator: [{ "@type": "sc:Person", name: "Ada Lovelace", email: "ada@lab.example.gov", url: "https://orcid.org/0000-0002-1825-0097" }],
  "rai:dataCollection": "Moored buoys, one reading an hour.",
  "rai:dataLimitations": ["Station 17 offline in March.", "No winter data at 3 stations."],
  "rai:personalSensitiveInformation": "None: instrument readings only.",
  distribution: [
    {
      "@type": "cr:FileObject",
      "@id": "temps.csv",
      name: "temps.csv",
      contentUrl: "files/temps.csv",
      encodingFormat: "text/csv",
      md5: "d41d8cd98f00b204e9800998ecf8427e",
    },
    {
      "@type": "cr:FileObject",
      "@id": "remote",
      name: "remote.parquet",
      contentUrl: "https://data.example.org/r.parquet",
      encodingFormat: "application/x-parquet",
      sha256: OTHER,
    },
  ],
  recordSet: [
    {
      "@type": "cr:RecordSet",
      "@id": "readings",
      key: { "@id": "readings/station" },
      field: [
        {
          "@type": "cr:Field",
          "@id": "readings/station",
          name: "readings/station",
          dataType: "sc:Text",
          source: { fileObject: { "@id": "temps.csv" }, extract: { column: "station_id" } },
        },
        {
          "@type": "cr:Field",
          "@id": "readings/temp",
          name: "readings/temp",
          dataType: ["sc:Float"],
          description: "Temperature",
          source: { fileObject: { "@id": "temps.csv" }, extract: { column: "temp_c" } },
        },
      ],
    },
  ],
});

describe("import: converters", function () {
  it("every placeholder an import writes is one placeholder/value reports", function () {
    const pointers: ["dataset-manifest" | "pipeline-config", string, boolean?][] = [
      ["dataset-manifest", "/id"],
      ["dataset-manifest", "/name"],
      ["dataset-manifest", "/description"],
      ["dataset-manifest", "/version"],
      ["dataset-manifest", "/datePublished"],
      ["dataset-manifest", "/classification/level"],
      ["dataset-manifest", "/distribution/0/sha256"],
      ["dataset-manifest", "/distribution/0/path", true],
      ["dataset-manifest", "/recordSets/0/fields/0/description"],
      ...[
        "motivation",
        "composition",
        "collection",
        "preprocessing",
        "uses",
        "limitations",
        "biases",
        "personalInformation",
        "maintenance",
      ].map((topic) => ["dataset-manifest", `/datasheet/${topic}`] as ["dataset-manifest", string]),
      ["pipeline-config", "/id"],
      ["pipeline-config", "/description"],
      ["pipeline-config", "/steps/0/run"],
      ["pipeline-config", "/steps/0/container/image"],
      ["pipeline-config", "/environment/site"],
      ["pipeline-config", "/environment/maxClassification"],
    ];
    for (const [template, pointer, dataPath] of pointers) {
      const text = placeholderAt(template, pointer, dataPath);
      assert.ok(placeholderProblem(text, { dataPath: dataPath ?? false }), `${template} ${pointer}: "${text}" is reported`);
    }
    for (const value of [
      ...Object.values(placeholderObject("dataset-manifest", "/creators/0")),
      ...Object.values(placeholderObject("pipeline-config", "/owner")),
    ])
      assert.ok(placeholderProblem(value), `"${value}" is reported`);
    // The template's own choices and typed values would pass for real ones: never written.
    assert.equal(placeholderAt("dataset-manifest", "/classification/level"), "TODO");
    assert.equal(placeholderAt("dataset-manifest", "/version"), "TODO");
  });

  it("Croissant: creators, licence URL, DOI, keywords, RAI fields, md5 beside the placeholder sha256, key, field types", async function () {
    const { value, fileName } = await imported("data/ocean/metadata.json", CROISSANT);
    assert.equal(fileName, "ocean-temps.dataset.yaml");
    assert.equal(value.id, "ocean-temps");
    assert.equal(value.version, "1.2.0");
    assert.equal(value.license, "CC-BY-4.0");
    assert.equal(value.doi, "10.5281/zenodo.123456");
    assert.deepEqual(value.keywords, ["ocean", "temperature"]);
    assert.deepEqual(value.creators, [{ name: "Ada Lovelace", email: "ada@lab.example.gov", orcid: "0000-0002-1825-0097" }]);
    assert.equal(value.datasheet.collection, "Moored buoys, one reading an hour.");
    assert.equal(value.datasheet.limitations, "Station 17 offline in March.\n\nNo winter data at 3 stations.");
    assert.equal(value.datasheet.personalInformation, "None: instrument readings only.");
    const [local, remote] = value.distribution;
    assert.equal(local.md5, "d41d8cd98f00b204e9800998ecf8427e");
    assert.ok(placeholderProblem(local.sha256), "no sha256 in the source: the template's placeholder, md5 kept beside it");
    assert.deepEqual(remote, { id: "remote.parquet", path: "https://data.example.org/r.parquet", format: "parquet", sha256: OTHER });
    assert.deepEqual(value.recordSets, [
      {
        id: "readings",
        source: "temps.csv",
        primaryKey: ["station_id"],
        fields: [
          { name: "station_id", type: "string", description: "What this column holds." },
          { name: "temp_c", type: "number", description: "Temperature" },
        ],
      },
    ]);
  });

  it("a local file the source names gets its real sha256 and size, and a declared digest that differs is noted", async function () {
    const asked: string[] = [];
    const localFile = async (path: string) => (
      asked.push(path),
      path === "data/ocean/files/temps.csv" ? { sha256: DIGEST, bytes: 42 } : undefined
    );
    const withDeclared = CROISSANT.replace('"md5":"d41d8cd98f00b204e9800998ecf8427e"', `"sha256":"${OTHER}"`);
    const { value, notes } = await imported("data/ocean/metadata.json", withDeclared, { localFile });
    assert.deepEqual(asked, ["data/ocean/files/temps.csv"], "URLs are never looked up");
    assert.equal(value.distribution[0].sha256, DIGEST);
    assert.equal(value.distribution[0].bytes, 42);
    assert.equal(notes.length, 1);
    assert.match(notes[0], /files\/temps\.csv: the source declares sha256 c617.*the file's is 9f86/);
  });

  it("paths are rebased onto the output folder", async function () {
    const { value } = await imported("data/ocean/metadata.json", CROISSANT, { outputFolder: "manifests" });
    assert.equal(value.distribution[0].path, "../data/ocean/files/temps.csv");
    assert.equal(value.distribution[1].path, "https://data.example.org/r.parquet");
  });

  it("dvc.yaml: a dependency a manifest declares becomes its reference, a folder of it too; code is no input", async function () {
    const dvc =
      "stages:\n  clean:\n    cmd: python clean.py raw out\n    deps: [raw/a.csv, clean.py]\n    outs: [out]\n" +
      "  train:\n    cmd: [python train.py, echo done]\n    deps: [out]\n    outs: [model.onnx]\n";
    const declaredPaths = new Map([
      ["proj/raw/a.csv", "raw-data@1.0.0"],
      ["proj/out/clean.parquet", "clean-data@2.0.0"],
    ]);
    const { value } = await imported("proj/dvc.yaml", dvc, { declaredPaths });
    assert.deepEqual(value.inputs, [{ name: "raw/a.csv", ref: "raw-data@1.0.0" }]);
    assert.deepEqual(value.outputs, [
      { name: "out", ref: "clean-data@2.0.0" },
      { name: "model.onnx", ref: "model-id@1.0.0" },
    ]);
    assert.deepEqual(
      value.steps.map((step: Record<string, unknown>) => [step.id, step.needs, step.run]),
      [
        ["clean", undefined, "python clean.py raw out"],
        ["train", ["clean"], "python train.py && echo done"],
      ],
    );
    assert.deepEqual(value.engine, { type: "dvc", entrypoint: "dvc.yaml" });
  });

  it("CWL: DockerRequirement (inherited by the steps) is the image, ResourceRequirement the resources", async function () {
    const cwl = [
      "cwlVersion: v1.2",
      "class: Workflow",
      "doc: Aligns reads and counts them.",
      "requirements:",
      "  - class: DockerRequirement",
      "    dockerPull: quay.io/biocontainers/bwa:0.7.17--h5bf99c6_8",
      "inputs: { reads: File, threads: int }",
      "outputs: { counts: { type: File, outputSource: count/out } }",
      "steps:",
      "  align: { run: align.cwl, in: { r: reads }, out: [bam], requirements: { ResourceRequirement: { coresMin: 4, ramMin: 8192 } } }",
      "  count: { run: count.cwl, in: { b: align/bam }, out: [out] }",
    ].join("\n");
    const { value } = await imported("wf/main.cwl", cwl);
    assert.equal(value.description, "Aligns reads and counts them.");
    assert.deepEqual(value.engine, { type: "cwl", entrypoint: "main.cwl", version: "v1.2" });
    assert.deepEqual(value.inputs, [{ name: "reads", ref: "dataset-id@1.0.0" }]);
    assert.deepEqual(value.steps[0].resources, { cpus: 4, memory: "8192Mi" });
    assert.equal(value.steps[1].container.image, "quay.io/biocontainers/bwa:0.7.17--h5bf99c6_8");
    assert.deepEqual(value.steps[1].needs, ["align"]);
  });

  it("recognises each format by its name and text, and says what it reads otherwise", async function () {
    assert.equal(importFormatOf("a/datapackage.json", "{}"), "datapackage");
    assert.equal(importFormatOf("a/dvc.yaml", ""), "dvc");
    assert.equal(importFormatOf("a/x.cwl", ""), "cwl");
    assert.equal(importFormatOf("a/metadata.json", CROISSANT), "croissant");
    assert.equal(importFormatOf("a/other.json", "{}"), undefined);
    assert.equal(importFormatOf("a/README.md", "---\nlibrary_name: onnx\n---\n"), "hugging-face");
    await assert.rejects(() => importDocument({ path: "a/other.json", text: "{}" }, context()), ImportError);
    await assert.rejects(() => importDocument({ path: "a/dvc.yaml", text: "stages: [" }, context()), /not valid YAML/);
    await assert.rejects(() => importDocument({ path: "a/x.cwl", text: "class: ExpressionTool" }, context()), /not a CWL Workflow/);
  });

  it("each inline case checks clean but for placeholders", async function () {
    const { text, fileName } = await imported("data/ocean/metadata.json", CROISSANT);
    assertOnlyPlaceholders(`data/ocean/${fileName}`, text);
  });
});
