import { nearest } from "../nearest";
import { isRecord, joinPointer } from "../pointer";
import type { Report } from "../rules/context";
import { onnxDtypeName, SIGNATURE_DTYPES } from "./onnx-types";
import type { FileTarget } from "./targets";
import type { EvidenceMap, EvidenceRequest, OnnxDimension, OnnxValueEvidence } from "./types";

const SIDES = [
  { key: "inputs", noun: "input", evidence: "inputs" },
  { key: "outputs", noun: "output", evidence: "outputs" },
] as const;

/**
 * `model/signature-mismatch`: an ONNX artifact's graph inputs and outputs against
 * `artifacts[].signature` (docs/formats/model-card.md): names exactly, element types (ONNX codes mapped to the card's dtypes),
 * ranks, and each dimension: a fixed size must be equal, a symbolic one (`dim_param`) matches any
 * name, an unknown one matches anything.
 */
export function checkSignatures(
  targets: readonly FileTarget[],
  requests: ReadonlyMap<string, EvidenceRequest>,
  evidence: EvidenceMap,
  report: (r: Report) => void,
): void {
  for (const target of targets) {
    const signature = target.item?.value.signature;
    if (!requests.get(target.path)?.onnx || !isRecord(signature)) continue;
    const found = evidence.get(target.path);
    if (!found) continue;
    if (found.status === "unreadable") {
      if (!requests.get(target.path)?.sha256)
        report({
          rule: "model/signature-mismatch",
          pointer: target.pointer,
          severity: "warning",
          message: `The ONNX graph of "${target.declared}" could not be compared with the signature: ${found.reason}.`,
        });
      continue;
    }
    if (found.status !== "ok") continue;
    const failure = found.failures?.onnx;
    if (found.kind === "folder" || failure) {
      const why =
        found.kind === "folder"
          ? "is a folder, not an ONNX file"
          : failure!.kind === "malformed"
            ? `is not a readable ONNX model (${failure!.reason})`
            : `could not be inspected (${failure!.reason})`;
      report({
        rule: "model/signature-mismatch",
        pointer: target.pointer,
        severity: failure && failure.kind !== "malformed" ? "warning" : undefined,
        message: `"${target.declared}" ${why}, so its inputs and outputs were not compared with the signature.`,
      });
      continue;
    }
    if (!found.onnx) continue;
    const signaturePointer = joinPointer(target.item!.pointer, "signature");
    for (const side of SIDES) {
      const declared = signature[side.key];
      if (!Array.isArray(declared)) continue;
      compareSide(target, side, declared, found.onnx[side.evidence], joinPointer(signaturePointer, side.key), report);
    }
  }
}

function compareSide(
  target: FileTarget,
  side: (typeof SIDES)[number],
  declared: readonly unknown[],
  model: readonly OnnxValueEvidence[],
  sidePointer: string,
  report: (r: Report) => void,
): void {
  const byName = new Map(model.map((v) => [v.name, v]));
  // Names declared, and names suggested for a misspelt one: a rename is one problem, reported once.
  const named = new Set<string>();
  declared.forEach((tensor, index) => {
    if (!isRecord(tensor) || typeof tensor.name !== "string") return;
    named.add(tensor.name);
    const pointer = joinPointer(sidePointer, index);
    const value = byName.get(tensor.name);
    if (!value) {
      const suggestion = nearest(
        tensor.name,
        [...byName.keys()].filter((n) => !declaredNames(declared).has(n)),
      );
      if (suggestion !== undefined) named.add(suggestion);
      report({
        rule: "model/signature-mismatch",
        pointer: joinPointer(pointer, "name"),
        message:
          `${capital(side.noun)} "${tensor.name}" is not an ${side.noun} of "${target.declared}".` +
          `${suggestion !== undefined ? ` Did you mean "${suggestion}"?` : ""} ` +
          `Its ${side.noun}s are: ${model.length ? model.map(describe).join(", ") : "(none)"}.`,
        data: suggestion !== undefined ? { nearest: suggestion, replacement: suggestion } : undefined,
      });
      return;
    }
    compareTensor(target, side.noun, tensor, value, pointer, report);
  });
  const undeclared = model.filter((v) => !named.has(v.name));
  if (undeclared.length === 0) return;
  const many = undeclared.length > 1;
  report({
    rule: "model/signature-mismatch",
    pointer: sidePointer,
    part: "key",
    message:
      `"${target.declared}" has ${many ? `${side.noun}s` : `an ${side.noun}`} that the signature does not declare: ` +
      `${undeclared.map(describe).join(", ")}; add ${undeclared.map(asYaml).join(", ")}.`,
    data: { undeclared: undeclared.map(asDeclaration) },
  });
}

function compareTensor(
  target: FileTarget,
  noun: string,
  tensor: Record<string, unknown>,
  value: OnnxValueEvidence,
  pointer: string,
  report: (r: Report) => void,
): void {
  // Every message names the tensor's dtype and shape on both sides, so what differs is seen at once.
  const both =
    `${capital(noun)} "${value.name}" is ${tensorType(value)} in "${target.declared}", ` +
    `but the signature declares ${declaredType(tensor)}`;
  if (typeof tensor.dtype === "string" && value.elemType !== undefined) {
    const actual = onnxDtypeName(value.elemType);
    if (actual !== tensor.dtype) {
      const declarable = SIGNATURE_DTYPES.includes(actual);
      report({
        rule: "model/signature-mismatch",
        pointer: joinPointer(pointer, "dtype"),
        message: declarable
          ? `${both}: the dtype differs (${actual}, not ${tensor.dtype}); declare dtype: ${actual}.`
          : `${both}: the dtype differs (${actual}, not ${tensor.dtype}), and ` +
            `a signature cannot declare ${actual} (its dtypes are ${SIGNATURE_DTYPES.join(", ")}): export the model with one of them.`,
        data: declarable ? { replacement: actual } : undefined,
      });
    }
  }
  if (!Array.isArray(tensor.shape) || value.shape === undefined) return;
  const declared = tensor.shape as readonly unknown[];
  if (declared.length !== value.shape.length) {
    report({
      rule: "model/signature-mismatch",
      pointer: joinPointer(pointer, "shape"),
      message: `${both}: the rank differs (${value.shape.length}, not ${declared.length}); write shape: ${showShape(value.shape)}.`,
      data: { replacement: value.shape },
    });
    return;
  }
  value.shape.forEach((dimension, axis) => {
    const problem = dimensionProblem(declared[axis], dimension);
    if (!problem) return;
    report({
      rule: "model/signature-mismatch",
      pointer: joinPointer(joinPointer(pointer, "shape"), axis),
      message: `${both}: dimension ${axis} ${problem.found}, not ${JSON.stringify(declared[axis])}; ${problem.fix}.`,
    });
  });
}

/** `float32 [N, 7]`: the tensor's element type and shape in the model, as far as the model says. */
function tensorType(value: OnnxValueEvidence): string {
  const dtype = value.elemType !== undefined ? onnxDtypeName(value.elemType) : "of unknown type";
  return value.shape ? `${dtype} ${showShape(value.shape)}` : `${dtype} of unknown shape`;
}

/** `float16 [batch, 7]`: the dtype and shape as the signature writes them. */
function declaredType(tensor: Record<string, unknown>): string {
  const dtype = typeof tensor.dtype === "string" ? tensor.dtype : "no dtype";
  const shape = Array.isArray(tensor.shape)
    ? `[${tensor.shape.map((d) => (typeof d === "string" || typeof d === "number" ? String(d) : JSON.stringify(d))).join(", ")}]`
    : "no shape";
  return `${dtype} ${shape}`;
}

/** What the model says of a dimension and what to write, when the declared one differs. */
function dimensionProblem(declared: unknown, actual: OnnxDimension): { found: string; fix: string } | undefined {
  if (actual === null) return undefined;
  if (typeof actual === "number") return declared === actual ? undefined : { found: `is fixed to ${actual}`, fix: `write ${actual}` };
  return typeof declared === "string"
    ? undefined
    : { found: `is symbolic ("${actual}": any size)`, fix: `write a name such as "${actual}"` };
}

function declaredNames(declared: readonly unknown[]): Set<string> {
  return new Set(declared.flatMap((t) => (isRecord(t) && typeof t.name === "string" ? [t.name] : [])));
}

function describe(value: OnnxValueEvidence): string {
  const type = value.elemType !== undefined ? ` ${onnxDtypeName(value.elemType)}` : "";
  return `${value.name} (${`${type}${value.shape ? ` ${showShape(value.shape)}` : ""}`.trim() || "not a tensor"})`;
}

function showShape(shape: readonly OnnxDimension[]): string {
  return `[${shape.map((d) => (d === null ? "?" : String(d))).join(", ")}]`;
}

function asDeclaration(value: OnnxValueEvidence): Record<string, unknown> {
  return {
    name: value.name,
    ...(value.elemType !== undefined ? { dtype: onnxDtypeName(value.elemType) } : {}),
    ...(value.shape ? { shape: value.shape.map((d, i) => d ?? `dim${i}`) } : {}),
  };
}

function asYaml(value: OnnxValueEvidence): string {
  const declaration = asDeclaration(value);
  const parts = [`name: ${value.name}`];
  if (declaration.dtype) parts.push(`dtype: ${String(declaration.dtype)}`);
  if (Array.isArray(declaration.shape)) parts.push(`shape: [${declaration.shape.join(", ")}]`);
  return `{ ${parts.join(", ")} }`;
}

function capital(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}
