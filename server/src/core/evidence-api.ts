/**
 * The core's entry point for the file readers (io/, node/): what a document asks to be read, and
 * the plain facts the readers return. Small on purpose: the hashing and reading workers bundle it,
 * and must not carry the engine.
 */
export * from "./evidence/types";
export { evidenceRequests, mergeRequests, type RequestOptions } from "./evidence/requests";
export { classifyCell, hdf5FieldType, parquetFieldType, sampledColumn, sniffedType, type ValueClass } from "./evidence/field-types";
export { CONFIG_FILE_NAME } from "./kinds/recognise";
export type { GenesisDocument } from "./document";
