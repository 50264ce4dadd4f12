/** The `io` rules' pure half: which files to read, and the findings from what was read. */
export { checkEvidence, EVIDENCE_RULES } from "./check";
export { evidenceRequests, mergeRequests, type RequestOptions } from "./requests";
export * from "./types";
export { classifyCell, hdf5FieldType, parquetFieldType, sniffedType, type FieldType, type Hdf5ElementType, type ParquetColumnType, type ValueClass } from "./field-types";
export { onnxDtypeName } from "./onnx-types";
