import { SIGNATURE_DTYPES } from "../evidence/onnx-types";

/** List items the user adds to an existing document, as snippets (issue: authoring). */
export interface PartialTemplate {
  readonly id: string;
  readonly prefix: string;
  readonly description: string;
  /** Snippet syntax, starting with the item's "- ". */
  readonly body: string;
}

/** The dtypes a signature may declare, as the choices of a snippet placeholder. */
const DTYPE_CHOICES = SIGNATURE_DTYPES.join(",");

export const PARTIAL_TEMPLATES: readonly PartialTemplate[] = [
  {
    id: "distribution",
    prefix: "genesis-distribution",
    description: "A dataset manifest distribution entry (a file of the dataset)",
    body: `- id: \${1:records}
  path: \${2:files/records.csv}
  format: \${3|csv,parquet,hdf5,json,jsonl,netcdf,zarr,tiff,other|}
  sha256: \${4:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
  bytes: \${5:0}
$0`,
  },
  {
    id: "field",
    prefix: "genesis-field",
    description: "A record set field: a column of a table or a dataset of an HDF5 file",
    body: `- name: \${1:column}
  type: \${2|string,integer,number,boolean,date,datetime,array|}
  unit: \${3:1}
  description: \${4:What this column holds.}
$0`,
  },
  {
    id: "step",
    prefix: "genesis-step",
    description: "A pipeline step in a digest-pinned container",
    body: `- id: \${1:step}
  needs: [\${2:previous-step}]
  run: \${3:python step.py}
  container:
    image: \${4:registry.example.gov/group/tool:1.0.0@sha256:0000000000000000000000000000000000000000000000000000000000000000}
  resources: { cpus: \${5:4}, memory: \${6:16Gi}, walltime: "\${7:01:00:00}" }
  network: \${8|none,internal,egress|}
$0`,
  },
  {
    id: "artifact",
    prefix: "genesis-artifact",
    description: "A model card artifact with its integrity and signature",
    body: `- format: \${1|onnx,safetensors,torchscript,gguf,oci-image|}
  path: \${2:artifacts/model.onnx}
  sha256: \${3:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}
  signature:
    inputs:
      - { name: \${4:input}, dtype: \${5|${DTYPE_CHOICES}|}, shape: [batch, \${6:8}] }
    outputs:
      - { name: \${7:output}, dtype: \${8|${DTYPE_CHOICES}|}, shape: [batch, \${9:1}] }
$0`,
  },
];
