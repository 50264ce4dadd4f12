import * as assert from "node:assert/strict";
import { parseGenesisDocument } from "../../server/src/core/parse/document";
import { documentSymbols, type OutlineSymbol } from "../../server/src/core/symbols";

/** The outline as indented lines `kind name — detail «revealed text»`. */
function outline(path: string, text: string): string[] {
  const document = parseGenesisDocument({ path, text });
  if (!document) throw new Error(`${path} is not a Genesis document`);
  const lines: string[] = [];
  const walk = (symbols: readonly OutlineSymbol[], depth: number, parent?: OutlineSymbol) => {
    for (const symbol of symbols) {
      assert.ok(
        symbol.span.start <= symbol.selectionSpan.start && symbol.selectionSpan.end <= symbol.span.end,
        `${symbol.name}: selection inside the symbol`,
      );
      if (parent)
        assert.ok(parent.span.start <= symbol.span.start && symbol.span.end <= parent.span.end, `${symbol.name}: inside ${parent.name}`);
      lines.push(
        `${"  ".repeat(depth)}${symbol.kind} ${symbol.name}${symbol.detail ? ` — ${symbol.detail}` : ""} ` +
          `«${text.slice(symbol.selectionSpan.start, symbol.selectionSpan.end)}»`,
      );
      walk(symbol.children, depth + 1, symbol);
    }
  };
  walk(documentSymbols(document), 0);
  return lines;
}

describe("document symbols", function () {
  it("outlines a dataset manifest: header, distributions, record sets with their fields, lineage", function () {
    const text = `apiVersion: genesis/v1
kind: DatasetManifest
id: ocean
version: 1.2.0
license: MIT
distribution:
  - id: temps
    path: data/temps.csv
    format: csv
  - { id: notes, format: json, path: notes.json }
recordSets:
  - id: readings
    source: temps
    fields:
      - { name: temp_c, type: number, unit: Cel }
      - name: station
        type: string
lineage:
  derivedFrom: [raw@1.0.0]
  generatedBy: { pipeline: qc@1.0.0 }
`;
    assert.deepEqual(outline("a.dataset.yaml", text), [
      "key id — ocean «id»",
      "key version — 1.2.0 «version»",
      "array distribution — 2 items «distribution»",
      "  file temps — csv · data/temps.csv «temps»",
      "  file notes — json · notes.json «notes»",
      "array recordSets — 1 item «recordSets»",
      "  object readings — source: temps «readings»",
      "    field temp_c — number (Cel) «temp_c»",
      "    field station — string «station»",
      "object lineage «lineage»",
      "  array derivedFrom — 1 reference «derivedFrom»",
      "    key raw@1.0.0 «raw@1.0.0»",
      "  object generatedBy — qc@1.0.0 «generatedBy»",
    ]);
  });

  it("outlines a pipeline: inputs, outputs, steps with their needs, scheduler, environment", function () {
    const text = `apiVersion: genesis/v1
kind: PipelineConfig
id: qc
version: 1.0.0
inputs:
  - { name: raw, ref: raw@1.0.0 }
outputs:
  - name: clean
    ref: clean@1.0.0
steps:
  - id: fetch
    run: ./fetch.sh
  - id: clean
    needs: [fetch]
    run: ./clean.sh
scheduler: { type: slurm, partition: gpu }
environment:
  site: hpc
  maxClassification: cui
`;
    assert.deepEqual(outline("a.pipeline.yaml", text), [
      "key id — qc «id»",
      "key version — 1.0.0 «version»",
      "array inputs — 1 item «inputs»",
      "  object raw — raw@1.0.0 «raw»",
      "array outputs — 1 item «outputs»",
      "  object clean — clean@1.0.0 «clean»",
      "array steps — 2 items «steps»",
      "  module fetch «fetch»",
      "  module clean — needs: fetch «clean»",
      "object scheduler — slurm · gpu «scheduler»",
      "object environment — hpc · cui «environment»",
    ]);
  });

  it("outlines a model card: training, evaluation results, artifacts, risk", function () {
    const text = `apiVersion: genesis/v1
kind: ModelCard
id: m
version: 0.3.0
training:
  datasets: [clean@1.0.0]
  pipeline: qc@1.0.0
  run: { tracker: mlflow }
evaluation:
  results:
    - { metric: rmse, value: 0.4, dataset: clean@1.0.0 }
artifacts:
  - format: onnx
    path: models/m.onnx
risk: { rmf: [MAP-2.3], residual: low }
`;
    assert.deepEqual(outline("m.model.yaml", text), [
      "key id — m «id»",
      "key version — 0.3.0 «version»",
      "object training «training»",
      "  array datasets — 1 reference «datasets»",
      "    key clean@1.0.0 «clean@1.0.0»",
      "  key pipeline — qc@1.0.0 «pipeline»",
      "  object run — mlflow «run»",
      "object evaluation «evaluation»",
      "  array results — 1 item «results»",
      "    field rmse — 0.4 · clean@1.0.0 «rmse»",
      "array artifacts — 1 item «artifacts»",
      "  file models/m.onnx — onnx «models/m.onnx»",
      "object risk — residual: low «risk»",
    ]);
  });

  it("outlines a Markdown card: its front matter, then its level-2 sections with their subsections", function () {
    const text = `---
apiVersion: genesis/v1
kind: ModelCard
id: m
---

# Model m

## Uses

Forecasts.

### Out-of-Scope Use

Navigation.

\`\`\`
## not a heading
\`\`\`

## Evaluation

Good.
`;
    assert.deepEqual(outline("m.modelcard.md", text), [
      "object front matter «---»",
      "  key id — m «id»",
      "module Uses «## Uses»",
      "  module Out-of-Scope Use «### Out-of-Scope Use»",
      "module Evaluation «## Evaluation»",
    ]);
  });

  it("outlines JSON documents the same way", function () {
    const text = '{ "apiVersion": "genesis/v1", "kind": "DatasetManifest", "id": "d", "distribution": [ { "id": "a", "format": "csv" } ] }';
    assert.deepEqual(outline("a.dataset.json", text), [
      'key id — d «"id"»',
      'array distribution — 1 item «"distribution"»',
      '  file a — csv «"a"»',
    ]);
  });

  it("leaves out what is missing or of another shape, and names items without an id by their place", function () {
    const text = `apiVersion: genesis/v1
kind: PipelineConfig
id: [1]
steps:
  - run: ./a.sh
  - just text
  - { id: 3, needs: build }
scheduler: slurm
`;
    assert.deepEqual(outline("a.pipeline.yaml", text), [
      "key id «id»",
      "array steps — 3 items «steps»",
      "  module #1 «run: ./a.sh»",
      "  module 3 «3»",
    ]);
  });
});
