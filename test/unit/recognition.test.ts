import * as assert from "node:assert/strict";
import { parseGenesisDocument } from "../../server/src/core/parse/document";

function kindOf(path: string, text: string): string | undefined {
  const document = parseGenesisDocument({ path, text });
  return document ? `${document.kind}/${document.recognisedBy}` : undefined;
}

describe("recognition (docs/formats/README.md#recognition)", function () {
  it("by file name, whatever the content", function () {
    for (const name of ["a.dataset.yaml", "a.dataset.yml", "a.dataset.json", "dataset.genesis.yaml", "deep/dir/x.dataset.yaml"]) {
      assert.equal(kindOf(name, "foo: bar\n"), "DatasetManifest/file-name", name);
    }
    for (const name of ["m.modelcard.md", "MODEL_CARD.md", "model_card.md", "m.model.yaml", "m.model.yml", "m.model.json"]) {
      assert.equal(kindOf(name, "foo: bar\n"), "ModelCard/file-name", name);
    }
    for (const name of ["p.pipeline.yaml", "p.pipeline.yml", "p.pipeline.json"]) {
      assert.equal(kindOf(name, "foo: bar\n"), "PipelineConfig/file-name", name);
    }
  });

  it("by top-level kind in YAML and JSON", function () {
    assert.equal(kindOf("catalog/ocean.yaml", "apiVersion: genesis/v1\nkind: DatasetManifest\n"), "DatasetManifest/content");
    assert.equal(kindOf("train.yml", "kind: PipelineConfig\n"), "PipelineConfig/content");
    assert.equal(kindOf("card.json", '{"apiVersion": "genesis/v1", "kind": "ModelCard"}'), "ModelCard/content");
    assert.equal(kindOf("nested.yaml", "spec:\n  kind: DatasetManifest\n"), undefined, "only the top level counts");
  });

  it("Markdown whose front matter says kind: ModelCard", function () {
    assert.equal(kindOf("docs/surrogate.md", "---\napiVersion: genesis/v1\nkind: ModelCard\n---\n# Card\n"), "ModelCard/content");
    assert.equal(kindOf("docs/notes.md", "# kind: ModelCard\n"), undefined, "body text is not front matter");
  });

  it("Hugging Face README.md model cards without the Genesis header", function () {
    const card = "---\nlicense: apache-2.0\nlibrary_name: transformers\npipeline_tag: text-classification\n---\n# Model\n";
    assert.equal(kindOf("models/bert/README.md", card), "ModelCard/hugging-face");
    assert.equal(kindOf("README.md", "---\nbase_model: meta-llama/Llama-3.1-8B\n---\n"), "ModelCard/hugging-face");
    assert.equal(kindOf("README.md", "---\ntitle: My project\n---\n# Hello\n"), undefined, "front matter without card keys");
    assert.equal(kindOf("notes.md", card), undefined, "only a README.md counts as a Hugging Face card by its keys");
  });

  it("leaves other YAML and JSON alone", function () {
    const others: [string, string][] = [
      ["dvc.yaml", "stages:\n  train:\n    cmd: python train.py\n    deps: [data.csv]\n    outs: [model.pt]\n"],
      ["workflow.cwl", "cwlVersion: v1.2\nclass: Workflow\n"],
      ["tools/align.yaml", "cwlVersion: v1.2\nclass: CommandLineTool\nbaseCommand: echo\n"],
      ["croissant.json", '{"@context": {"@vocab": "https://schema.org/"}, "@type": "sc:Dataset", "name": "x"}'],
      ["datapackage.json", '{"name": "x", "resources": [{"path": "a.csv"}]}'],
      [".github/workflows/ci.yml", "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"],
      ["k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n"],
      ["README.md", "# Project\n\nkind: DatasetManifest is mentioned in prose.\n"],
      ["data.csv", "kind: DatasetManifest\n"],
    ];
    for (const [path, text] of others) assert.equal(kindOf(path, text), undefined, path);
  });
});
