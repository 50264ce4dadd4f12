import { parse as parseYaml } from "yaml";
import { CONFIG_FILE_NAME } from "../../server/src/core/kinds/recognise";
import { Engine, WorkspaceHost, type Diagnostic } from "../../server/src/core/index";
import { EvidenceService } from "../../server/src/io/evidence-service";
import type { ExampleFile } from "../../scripts/docs/rule-sources";
import { onnxModel, TempWorkspace, type TensorSpec } from "../io/workspace";

/**
 * Runs a rule page's example (its files, rule-sources.ts) as a workspace, the way the editor and
 * the CLI do: every file held by a WorkspaceHost, `genesis.config.yaml` as its configuration, and
 * for the `io` rules the files written to a temporary folder and read by the real EvidenceService.
 *
 * A block in the `onnx` language stands for an ONNX model: its text is YAML (`inputs:`/`outputs:`,
 * each `name: [elemType, [dims...]]`, elemType 1 being float32), encoded here into real ONNX bytes.
 */

/** The date the examples are judged on, so that a date in them stays past or future. */
export const EXAMPLES_TODAY = "2026-06-01";

const engine = new Engine({ today: () => EXAMPLES_TODAY });

export interface ExampleFinding {
  readonly path: string;
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
}

export async function runExample(files: readonly ExampleFile[], readFiles: boolean): Promise<ExampleFinding[]> {
  const host = new WorkspaceHost(engine);
  const config = files.find((file) => file.path === CONFIG_FILE_NAME);
  const findings: ExampleFinding[] = [];
  if (config) {
    const read = engine.readConfig({ path: CONFIG_FILE_NAME, text: config.text });
    host.configure(read.config, { text: config.text, diagnostics: read.diagnostics });
    findings.push(...read.diagnostics.map((d) => finding(CONFIG_FILE_NAME, d)));
  }
  for (const file of files) if (file.language !== "onnx" && file !== config) host.update(file.path, file.text);
  host.setFiles(files.map((file) => file.path));
  host.finishLoading();
  if (readFiles) await readEvidence(host, files);
  for (const path of host.paths()) findings.push(...host.diagnostics(path).map((d) => finding(path, d)));
  return findings;
}

function finding(path: string, diagnostic: Diagnostic): ExampleFinding {
  return { path, rule: diagnostic.rule, severity: diagnostic.severity, message: diagnostic.message };
}

async function readEvidence(host: WorkspaceHost, files: readonly ExampleFile[]): Promise<void> {
  const workspace = new TempWorkspace();
  const service = new EvidenceService();
  try {
    for (const file of files) workspace.write(file.path, file.language === "onnx" ? onnxBytes(file.text) : file.text);
    const requests = new Map([...host.paths()].map((path) => [path, host.evidenceRequests(path)]));
    const evidence = await service.gatherRequested(workspace.root, requests);
    for (const [path, map] of evidence) host.setEvidence(path, map);
  } finally {
    service.dispose();
    workspace.remove();
  }
}

type TensorList = Record<string, [number, (number | string)[]]>;

function onnxBytes(text: string): Uint8Array {
  const spec = parseYaml(text) as { inputs: TensorList; outputs: TensorList };
  const tensors = (list: TensorList): TensorSpec[] => Object.entries(list).map(([name, [elemType, dims]]) => ({ name, elemType, dims }));
  return onnxModel({ inputs: tensors(spec.inputs), outputs: tensors(spec.outputs) });
}
