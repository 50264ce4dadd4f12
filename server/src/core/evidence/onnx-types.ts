/**
 * ONNX `TensorProto.DataType` codes and the `dtype` names of docs/formats/model-card.md. The codes outside that list
 * keep ONNX's own lower-case name, so a message can say what the model uses even when a signature
 * cannot declare it.
 */
const ONNX_DTYPES: Readonly<Record<number, string>> = {
  1: "float32",
  2: "uint8",
  3: "int8",
  4: "uint16",
  5: "int16",
  6: "int32",
  7: "int64",
  8: "string",
  9: "bool",
  10: "float16",
  11: "float64",
  12: "uint32",
  13: "uint64",
  14: "complex64",
  15: "complex128",
  16: "bfloat16",
  17: "float8e4m3fn",
  18: "float8e4m3fnuz",
  19: "float8e5m2",
  20: "float8e5m2fnuz",
  21: "uint4",
  22: "int4",
  23: "float4e2m1",
};

/** The dtypes a signature may declare (docs/formats/model-card.md). */
export const SIGNATURE_DTYPES: readonly string[] = [
  "float32",
  "float16",
  "bfloat16",
  "float64",
  "int8",
  "int16",
  "int32",
  "int64",
  "uint8",
  "bool",
  "string",
];

/** `float32` for 1; `elem_type 99` for a code this version does not know. */
export function onnxDtypeName(elemType: number): string {
  return ONNX_DTYPES[elemType] ?? `elem_type ${elemType}`;
}
