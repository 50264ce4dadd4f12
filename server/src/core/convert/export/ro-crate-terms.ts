/** The RO-Crate 1.2 specification and the Workflow Run Crate profiles (0.5) an exported crate declares. */
export const RO_CRATE_CONTEXT = "https://w3id.org/ro/crate/1.2/context";
export const RO_CRATE_SPEC = "https://w3id.org/ro/crate/1.2";
export const PROCESS_RUN_CRATE = "https://w3id.org/ro/wfrun/process/0.5";
export const WORKFLOW_RUN_CRATE = "https://w3id.org/ro/wfrun/workflow/0.5";
export const WORKFLOW_RO_CRATE = "https://w3id.org/workflowhub/workflow-ro-crate/1.0";
export const FORMAL_PARAMETER_PROFILE = "https://bioschemas.org/profiles/FormalParameter/1.0-RELEASE";
export const COMPUTATIONAL_WORKFLOW_PROFILE = "https://bioschemas.org/profiles/ComputationalWorkflow/1.0-RELEASE";

/** The profiles' own entities, which a crate that conforms to them must hold. */
export const PROFILE_ENTITIES: Readonly<Record<string, { name: string; version: string }>> = {
  [PROCESS_RUN_CRATE]: { name: "Process Run Crate", version: "0.5" },
  [WORKFLOW_RUN_CRATE]: { name: "Workflow Run Crate", version: "0.5" },
  [WORKFLOW_RO_CRATE]: { name: "Workflow RO-Crate", version: "1.0" },
};

/** Workflow languages by Genesis engine type: WorkflowHub's identifiers where it has one. */
export const ENGINE_LANGUAGES: Readonly<Record<string, { id: string; name: string; url?: string }>> = {
  cwl: { id: "https://w3id.org/workflowhub/workflow-ro-crate#cwl", name: "Common Workflow Language", url: "https://www.commonwl.org/" },
  nextflow: { id: "https://w3id.org/workflowhub/workflow-ro-crate#nextflow", name: "Nextflow", url: "https://www.nextflow.io/" },
  snakemake: {
    id: "https://w3id.org/workflowhub/workflow-ro-crate#snakemake",
    name: "Snakemake",
    url: "https://snakemake.readthedocs.io/",
  },
  dvc: { id: "#language-dvc", name: "DVC pipeline (dvc.yaml)", url: "https://dvc.org/" },
  airflow: { id: "#language-airflow", name: "Apache Airflow DAG", url: "https://airflow.apache.org/" },
  shell: { id: "#language-shell", name: "Shell script" },
};

/** Media types of the Genesis document files themselves. */
export function documentMediaType(path: string): string {
  if (/\.md$/i.test(path)) return "text/markdown";
  if (/\.json$/i.test(path)) return "application/json";
  return "application/yaml";
}
