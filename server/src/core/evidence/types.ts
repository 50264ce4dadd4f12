import type { FieldType, ValueClass } from "./field-types";

/**
 * Facts read from the files a document names, for the `io` rules of docs/rules.md. The core never reads a
 * file: the Node side (server/src/io) reads what `evidenceRequests` asks for and hands the facts
 * back as plain data, keyed by the workspace-relative POSIX path that `resolveWorkspacePath` gave.
 */

/** What to read of one file. Several positions naming one file are merged into one request. */
export interface EvidenceRequest {
  /** Workspace-relative POSIX path, normalised (no `.`/`..`); "" is the workspace root. */
  readonly path: string;
  /**
   * Its SHA-256: when a well-formed digest is declared to compare it with, or for the checksum fix
   * on an explicit "Verify Files" (see `RequestOptions.hashUndeclared`).
   */
  readonly sha256: boolean;
  /** Its column names and types: CSV header and sampled rows, or the Parquet schema. */
  readonly table?: "csv" | "parquet";
  /** Its HDF5 dataset paths and element types. */
  readonly hdf5: boolean;
  /** Its ONNX graph inputs and outputs. */
  readonly onnx: boolean;
}

/**
 * One column of a table, or one HDF5 dataset, as the file records it. `type` is the field type of docs/formats/dataset-manifest.md
 * the format's own type maps to (see field-types.ts), absent when it has none (a Parquet struct, an
 * HDF5 compound, a CSV column whose sampled cells are all empty).
 */
export interface ColumnEvidence {
  readonly name: string;
  readonly type?: FieldType;
  /** The format's own words for the type, for messages: `DOUBLE`, `INT64 (TIMESTAMP)`, `float32`. */
  readonly recorded?: string;
  /**
   * CSV only: the classes of the sampled non-empty cells, each with the first cell seen of that
   * class. Present when the type was sniffed from a sample rather than recorded by the format.
   */
  readonly sampled?: Readonly<Partial<Record<ValueClass, string>>>;
}

export interface TableEvidence {
  readonly format: "csv" | "parquet";
  readonly columns: readonly ColumnEvidence[];
  /** CSV: how many data rows were sampled (at most 200, within the first 64 KB). */
  readonly sampledRows?: number;
}

export interface Hdf5DatasetEvidence extends ColumnEvidence {
  /** Number of dimensions of the dataset (0 for a scalar). */
  readonly rank: number;
}

export interface Hdf5Evidence {
  /** Absolute dataset paths (`/grid/temperature`), in file order. */
  readonly datasets: readonly Hdf5DatasetEvidence[];
}

/** One dimension of an ONNX tensor: a fixed size, a symbolic name, or unknown (neither). */
export type OnnxDimension = number | string | null;

export interface OnnxValueEvidence {
  readonly name: string;
  /** `TensorProto.DataType` of a tensor value; absent for sequences, maps and optionals. */
  readonly elemType?: number;
  /** Absent when the model records no shape (any rank). */
  readonly shape?: readonly OnnxDimension[];
}

export interface OnnxEvidence {
  /** Graph inputs that are not initializers (weights), in graph order. */
  readonly inputs: readonly OnnxValueEvidence[];
  readonly outputs: readonly OnnxValueEvidence[];
}

/**
 * Why one part of a readable file could not be read: `malformed` (not the format it claims, or
 * truncated), `unreadable` (the system refused), `too-large` (above a bound the reader keeps).
 */
export interface ReadFailure {
  readonly kind: "malformed" | "unreadable" | "too-large";
  readonly reason: string;
}

export type EvidencePart = "sha256" | "table" | "hdf5" | "onnx";

export type FileEvidence =
  | {
      readonly status: "ok";
      /** A folder exists but has no digest nor schema (a Zarr store, a binder folder). */
      readonly kind: "file" | "folder";
      readonly size: number;
      /** Lower-case hex, when requested and read. */
      readonly sha256?: string;
      readonly table?: TableEvidence;
      readonly hdf5?: Hdf5Evidence;
      readonly onnx?: OnnxEvidence;
      /** The requested parts that could not be read, and why. */
      readonly failures?: Readonly<Partial<Record<EvidencePart, ReadFailure>>>;
    }
  | {
      readonly status: "missing";
      /** Names in the file's folder, when that folder exists: for "did you mean" (bounded list). */
      readonly nearby?: readonly string[];
    }
  /** The path is inside the workspace but a symbolic link on it leads out: never read. */
  | { readonly status: "outside-workspace"; readonly reason: string }
  /** It exists but cannot be opened or is not a regular file (a device, a socket). */
  | { readonly status: "unreadable"; readonly reason: string };

export type EvidenceMap = ReadonlyMap<string, FileEvidence>;
