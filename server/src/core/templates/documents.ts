import type { DocumentKind } from "../types";

/** A whole new document: what the snippets, the "New ..." commands and `init` create. */
export interface DocumentTemplate {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly language: "yaml" | "json" | "markdown";
  /** The snippet prefix the user types. */
  readonly prefix: string;
  readonly description: string;
  /** The file name for a new document of this kind, from its id. */
  fileName(id: string): string;
  /** Snippet syntax; tab stop 1 is always the document id. */
  readonly body: string;
}

const DATASET_YAML = `apiVersion: genesis/v1
kind: DatasetManifest
id: \${1:my-dataset}
version: \${2:1.0.0}
name: \${3:A descriptive title for the dataset}
description: >-
  \${4:What the data are, how they were produced and what they are for (at least 40 characters).}
license: \${5|CC-BY-4.0,CC0-1.0,CC-BY-SA-4.0,ODbL-1.0,LicenseRef-lab-internal|}
creators:
  - name: \${6:Full Name}
    email: \${7:name@lab.example.gov}
    affiliation: \${8:Laboratory, Division}
publisher: \${9:Laboratory}
datePublished: \${10:2026-01-15}
keywords: [\${11:keyword}]
classification:
  level: \${12|public,internal,cui,cui-specified|}
access:
  policy: \${13:governance/access-policy.md}
distribution:
  - id: \${14:records}
    path: \${15:files/records.csv}
    format: \${16|csv,parquet,hdf5,json,jsonl,netcdf,zarr,tiff,other|}
    sha256: \${17:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
    bytes: \${18:0}
recordSets:
  - id: \${19:records}
    source: \${14}
    fields:
      - name: \${20:column}
        type: \${21|string,integer,number,boolean,date,datetime,array|}
        description: \${22:What this column holds.}
datasheet:
  motivation: \${23:Why the dataset was created.}
  composition: \${24:What the records are and how many there are.}
  collection: \${25:How the data were acquired or simulated.}
  preprocessing: \${26:Cleaning and transformation applied.}
  uses: \${27:Tasks the data are suited for.}
  limitations: \${28:Known gaps and caveats.}
  biases: \${29:Sampling or measurement biases.}
  personalInformation: \${30:None.}
  maintenance: \${31:Who maintains the data and how updates are versioned.}
$0`;

const PIPELINE_YAML = `apiVersion: genesis/v1
kind: PipelineConfig
id: \${1:my-pipeline}
version: \${2:1.0.0}
description: \${3:What the pipeline computes, from which inputs, for which outputs.}
owner:
  name: \${4:Full Name}
  email: \${5:name@lab.example.gov}
classification:
  level: \${6|public,internal,cui,cui-specified|}
engine:
  type: \${7|cwl,nextflow,snakemake,dvc,airflow,shell|}
  entrypoint: \${8:workflow/main.cwl}
inputs:
  - name: \${9:raw}
    ref: \${10:raw-dataset@1.0.0}
outputs:
  - name: \${11:derived}
    ref: \${12:derived-dataset@1.0.0}
steps:
  - id: \${13:prepare}
    run: \${14:python prepare.py}
    container:
      image: \${15:registry.example.gov/group/tool:1.0.0@sha256:0000000000000000000000000000000000000000000000000000000000000000}
    resources: { cpus: \${16:4}, memory: \${17:16Gi}, walltime: "\${18:01:00:00}" }
    network: \${19|none,internal,egress|}
scheduler:
  type: \${20|slurm,pbs,lsf,flux,kubernetes,local|}
  partition: \${21:cpu}
environment:
  site: \${22:site-name}
  maxClassification: \${23|public,internal,cui,cui-specified|}
reproducibility:
  seed: \${24:42}
  lockfile: \${25:conda-lock.yml}
ci:
  provider: \${26|github-actions,gitlab-ci,jenkins,other|}
  workflow: \${27:.github/workflows/genesis.yml}
provenance:
  emit: \${28|ro-crate,prov-json,none|}
audit:
  log: \${29:logs/audit.jsonl}
  retentionDays: \${30:365}
docs:
  dataFlowDiagram: \${31:docs/data-flow.md}
  architectureDiagram: \${32:docs/architecture.md}
$0`;

/** The model card object, shared by the YAML form and the Markdown form's front matter. */
const MODEL_CARD_FIELDS = `apiVersion: genesis/v1
kind: ModelCard
id: \${1:my-model}
version: \${2:1.0.0}
license: \${3|apache-2.0,mit,cc-by-4.0,LicenseRef-lab-internal|}
library_name: \${4:onnx}
pipeline_tag: \${5:tabular-regression}
owner:
  name: \${6:Full Name}
  email: \${7:name@lab.example.gov}
contact: \${8:team@lab.example.gov}
classification:
  level: \${9|public,internal,cui,cui-specified|}
training:
  datasets:
    - \${10:training-dataset@1.0.0}
  pipeline: \${11:training-pipeline@1.0.0}
  run:
    tracker: \${12|mlflow,wandb,tensorboard,other|}
    runId: \${13:run-id}
    commit: \${14:da39a3ee5e6b4b0d3255bfef95601890afd80709}
    seed: \${15:42}
  environment:
    lockfile: \${16:conda-lock.yml}
evaluation:
  datasets:
    - \${17:evaluation-dataset@1.0.0}
  results:
    - { metric: \${18:rmse}, value: \${19:0.0}, dataset: \${17}, split: \${20:test} }
artifacts:
  - format: \${21|onnx,safetensors,torchscript,gguf,oci-image|}
    path: \${22:artifacts/model.onnx}
    sha256: \${23:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
intendedUse: \${24:The uses the model was built and evaluated for.}
outOfScopeUse: \${25:Uses the model must not be put to.}
risk:
  rmf: [\${26:GOVERN-1}, \${27:MAP-2.3}, \${28:MEASURE-2}]
  residual: \${29|low,medium,high|}
  reviewDate: \${30:2026-06-30}
governance:
  binder: \${31:governance/binder.md}`;

const MODEL_CARD_MARKDOWN = `---
${MODEL_CARD_FIELDS}
---

# \${32:Model name}

## Model Details

\${33:What the model is: architecture, inputs and outputs, who built it and when.}

## Uses

\${34:The intended uses and users.}

### Out-of-Scope Use

\${35:Uses the model is not suited for, and why.}

## Bias, Risks, and Limitations

\${36:Known failure modes, biases of the training data, and limits of validity.}

## Training Details

\${37:Training data, preprocessing, hyperparameters and the training pipeline.}

## Evaluation

\${38:Evaluation datasets, metrics and results, with their splits.}

## Environmental Impact

\${39:Hardware, compute hours and estimated emissions of training.}

## Technical Specifications

\${40:Model architecture, artifact formats and their signatures, software versions.}

## Reproducibility

\${41:The logged run, code commit, seed and pinned environment needed to retrain.}

## Security and Classification

\${42:Classification level, handling and export-control markings, and who may access the model.}

## Risk Management

\${43:The AI RMF mapping, mitigations, residual risk and the review cadence.}
$0`;

export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = [
  {
    id: "dataset-manifest",
    kind: "DatasetManifest",
    language: "yaml",
    prefix: "genesis-dataset",
    description: "A complete Genesis dataset manifest",
    fileName: (id) => `${id}.dataset.yaml`,
    body: DATASET_YAML,
  },
  {
    id: "pipeline-config",
    kind: "PipelineConfig",
    language: "yaml",
    prefix: "genesis-pipeline",
    description: "A complete Genesis pipeline config",
    fileName: (id) => `${id}.pipeline.yaml`,
    body: PIPELINE_YAML,
  },
  {
    id: "model-card-markdown",
    kind: "ModelCard",
    language: "markdown",
    prefix: "genesis-modelcard",
    description: "A complete Genesis model card: front matter and every section",
    fileName: (id) => `${id}.modelcard.md`,
    body: MODEL_CARD_MARKDOWN,
  },
  {
    id: "model-card-yaml",
    kind: "ModelCard",
    language: "yaml",
    prefix: "genesis-modelcard",
    description: "A complete Genesis model card (YAML form)",
    fileName: (id) => `${id}.model.yaml`,
    body: `${MODEL_CARD_FIELDS}\n$0`,
  },
];
