import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { onnx } from "onnx-proto";
import type { Diagnostic } from "../../server/src/core/types";
import { EvidenceService } from "../../server/src/io/evidence-service";
import { engine } from "../unit/harness";

/** A throw-away workspace folder with real files, for the readers. */
export class TempWorkspace {
  readonly root: string;

  constructor() {
    this.root = realpathSync(mkdtempSync(path.join(tmpdir(), "genesis-io-")));
  }

  write(relative: string, content: string | Uint8Array): string {
    const absolute = this.path(relative);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
    return absolute;
  }

  path(relative: string): string {
    return path.join(this.root, ...relative.split("/"));
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export function sha256(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/** Gathers the evidence of one document of the workspace and checks it: the io pass end to end. */
export async function checkIo(
  service: EvidenceService,
  workspace: TempWorkspace,
  relative: string,
  text: string,
  signal?: AbortSignal,
): Promise<Diagnostic[]> {
  const document = engine.analyze({ path: relative, text }).document;
  if (!document) throw new Error(`${relative} is not a Genesis document`);
  const evidence = await service.gather(workspace.root, document, signal);
  return engine.checkEvidence(document, evidence);
}

/** `rule: message` lines, for assertions that show what came out. */
export function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.rule}: ${d.message}`);
}

export interface TensorSpec {
  readonly name: string;
  readonly elemType: number;
  readonly dims: readonly (number | string)[];
}

/** An ONNX model encoded with onnx-proto: an Identity-like graph with the given I/O and weights. */
export function onnxModel(spec: {
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  weights?: { name: string; floats: number }[];
  irVersion?: number;
}): Uint8Array {
  const valueInfo = (t: TensorSpec) => ({
    name: t.name,
    type: {
      tensorType: { elemType: t.elemType, shape: { dim: t.dims.map((d) => (typeof d === "number" ? { dimValue: d } : { dimParam: d })) } },
    },
  });
  const weights = (spec.weights ?? []).map((w) => ({ name: w.name, dims: [w.floats], dataType: 1, rawData: new Uint8Array(w.floats * 4) }));
  return onnx.ModelProto.encode({
    irVersion: spec.irVersion ?? 8,
    producerName: "genesis-readiness tests",
    opsetImport: [{ domain: "", version: 17 }],
    graph: {
      name: "g",
      node: [{ opType: "Identity", input: [spec.inputs[0]?.name ?? "x"], output: [spec.outputs[0]?.name ?? "y"] }],
      initializer: weights,
      input: spec.inputs.map(valueInfo),
      output: spec.outputs.map(valueInfo),
    },
  }).finish();
}

/** Bytes this process has read so far (Linux); undefined elsewhere. */
export function bytesReadSoFar(): number | undefined {
  try {
    const io = readFileSync("/proc/self/io", "utf8");
    const match = /^rchar: (\d+)$/m.exec(io);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}
