import type { FileHandle } from "node:fs/promises";
import type { onnx as OnnxProto } from "onnx-proto";
import type { OnnxDimension, OnnxEvidence, OnnxValueEvidence } from "../../core/evidence-api";
import { readSlice } from "../file-slices";
import { FormatError } from "../read-failure";
import { WindowReader, wireFields } from "./protobuf-wire";

/** Field numbers of onnx.proto that the signature needs; every other field is stepped over. */
const MODEL_GRAPH = 7;
const GRAPH_INITIALIZER = 5;
const GRAPH_INPUT = 11;
const GRAPH_OUTPUT = 12;
const TENSOR_NAME = 8;

/** A graph input or output description is bytes; more than this is not a ValueInfoProto. */
const MAX_VALUE_INFO_BYTES = 1024 * 1024;
const MAX_NAME_BYTES = 64 * 1024;

/**
 * The inputs and outputs of an ONNX model's graph, read without loading its weights: the file's
 * ModelProto is walked field by field (protobuf-wire.ts), the graph's input (11) and output (12)
 * ValueInfoProtos are read and decoded with onnx-proto, and of each initializer (5) only the name
 * is read, because models of IR version 3 and older also list their weights among the inputs.
 */
export async function readOnnxSignature(handle: FileHandle, size: number): Promise<OnnxEvidence> {
  if (size === 0) throw new FormatError("malformed", "the file is empty");
  const reader = new WindowReader(handle, size);
  const graphs: { start: number; end: number }[] = [];
  for await (const field of wireFields(reader, 0, size)) {
    if (field.number === MODEL_GRAPH && field.wireType === 2) graphs.push(field);
  }
  if (graphs.length === 0) throw new FormatError("malformed", "it holds no graph: not an ONNX model");

  const onnx = await onnxProto();
  const inputs: OnnxValueEvidence[] = [];
  const outputs: OnnxValueEvidence[] = [];
  const initializers = new Set<string>();
  // Protobuf merges repeated occurrences of a message field; so do we.
  for (const graph of graphs) {
    for await (const field of wireFields(reader, graph.start, graph.end)) {
      if (field.wireType !== 2) continue;
      if (field.number === GRAPH_INPUT || field.number === GRAPH_OUTPUT) {
        if (field.end - field.start > MAX_VALUE_INFO_BYTES)
          throw new FormatError(
            "malformed",
            `a graph ${field.number === GRAPH_INPUT ? "input" : "output"} description is ${field.end - field.start} bytes long`,
          );
        const value = describeValue(onnx.ValueInfoProto.decode(await readSlice(handle, field.start, field.end)));
        (field.number === GRAPH_INPUT ? inputs : outputs).push(value);
      } else if (field.number === GRAPH_INITIALIZER) {
        const name = await initializerName(reader, handle, field.start, field.end);
        if (name !== undefined) initializers.add(name);
      }
    }
  }
  return { inputs: inputs.filter((v) => !initializers.has(v.name)), outputs };
}

/**
 * onnx-proto is CommonJS (`module.exports = $root`): bundled, its namespace is a named export;
 * imported by Node from the sources, it is the default export's property.
 */
async function onnxProto(): Promise<typeof OnnxProto> {
  const module = (await import("onnx-proto")) as { onnx?: typeof OnnxProto; default?: { onnx?: typeof OnnxProto } };
  const onnx = module.onnx ?? module.default?.onnx;
  if (!onnx) throw new Error("onnx-proto did not load");
  return onnx;
}

async function initializerName(reader: WindowReader, handle: FileHandle, start: number, end: number): Promise<string | undefined> {
  let name: string | undefined;
  for await (const field of wireFields(reader, start, end)) {
    if (field.number !== TENSOR_NAME || field.wireType !== 2 || field.end - field.start > MAX_NAME_BYTES) continue;
    name = (await readSlice(handle, field.start, field.end)).toString("utf8");
  }
  return name;
}

function describeValue(info: OnnxProto.ValueInfoProto): OnnxValueEvidence {
  const type = info.type as OnnxProto.TypeProto | null | undefined;
  const tensor = type?.value === "tensorType" ? type.tensorType : type?.value === "sparseTensorType" ? type.sparseTensorType : undefined;
  if (!tensor) return { name: info.name };
  const elemType = tensor.elemType ? tensor.elemType : undefined;
  const shape = tensor.shape ? (tensor.shape.dim ?? []).map(dimension) : undefined;
  return { name: info.name, elemType, shape };
}

function dimension(dim: OnnxProto.TensorShapeProto.IDimension & { value?: string }): OnnxDimension {
  if (dim.value === "dimValue" && dim.dimValue !== null && dim.dimValue !== undefined) return Number(dim.dimValue.toString());
  if (dim.value === "dimParam" && typeof dim.dimParam === "string" && dim.dimParam !== "") return dim.dimParam;
  return null;
}
