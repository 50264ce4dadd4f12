import { nearest } from "../nearest";
import { isRecord, joinPointer } from "../pointer";
import type { Report } from "../rules/context";
import { holdsCell, holdsRecorded, isFieldType, sniffedType, type FieldType, type ValueClass } from "./field-types";
import type { FileTarget } from "./targets";
import type { ColumnEvidence, EvidenceMap, EvidenceRequest } from "./types";

/** How many names a message lists before "and N more". */
const LISTED = 12;

interface Described {
  readonly target: FileTarget;
  readonly columns: readonly ComparedColumn[];
  /** "column" for tables, "dataset" for HDF5. */
  readonly noun: "column" | "dataset";
  readonly sampledRows?: number;
}

interface ComparedColumn extends ColumnEvidence {
  readonly rank?: number;
}

/**
 * `data/schema-drift`: each record set's fields against the columns (CSV header, Parquet schema)
 * or datasets (HDF5) of its source distribution. Names are compared exactly (an HDF5 path with or
 * without its leading "/"); types where the format records them, and for CSV only where the
 * declared type cannot hold a sampled cell (see field-types.ts). Columns that no record set of that
 * source declares are reported once, on the first such record set.
 */
export function checkSchemaDrift(
  root: Readonly<Record<string, unknown>>,
  targets: readonly FileTarget[],
  requests: ReadonlyMap<string, EvidenceRequest>,
  evidence: EvidenceMap,
  report: (r: Report) => void,
): void {
  if (!Array.isArray(root.recordSets)) return;
  const distributions = new Map<string, FileTarget>();
  for (const target of targets) {
    const id = target.item?.value.id;
    if (target.pointer.startsWith("/distribution/") && typeof id === "string" && !distributions.has(id)) distributions.set(id, target);
  }
  const described = new Map<string, Described | undefined>();
  const undeclaredReported = new Set<string>();
  root.recordSets.forEach((recordSet, index) => {
    if (!isRecord(recordSet) || typeof recordSet.source !== "string" || !Array.isArray(recordSet.fields)) return;
    const target = distributions.get(recordSet.source);
    if (!target) return;
    if (!described.has(target.path)) described.set(target.path, describe(target, requests, evidence, report));
    const file = described.get(target.path);
    if (!file) return;
    const pointer = joinPointer(joinPointer("/recordSets", index), "fields");
    const suggested = compareFields(file, recordSet.fields, pointer, report);
    if (undeclaredReported.has(target.path)) return;
    undeclaredReported.add(target.path);
    const accounted = declaredNames(root.recordSets as unknown[], recordSet.source, file.noun);
    for (const name of suggested) accounted.add(name);
    reportUndeclared(file, accounted, recordSet, pointer, report);
  });
}

/** The file's columns, or undefined after reporting why they could not be read. */
function describe(
  target: FileTarget,
  requests: ReadonlyMap<string, EvidenceRequest>,
  evidence: EvidenceMap,
  report: (r: Report) => void,
): Described | undefined {
  const request = requests.get(target.path);
  const found = evidence.get(target.path);
  if (!request || !found || (!request.table && !request.hdf5)) return undefined;
  const format = request.table ?? "hdf5";
  const label = FORMAT_LABELS[format];
  const unreadable = (message: string, severity?: "warning") =>
    report({ rule: "data/schema-drift", pointer: target.pointer, severity, message });
  if (found.status === "unreadable") {
    // With a declared sha256 the checksum rule already says the file could not be read.
    if (!request.sha256)
      unreadable(`The schema of "${target.declared}" could not be compared with its record sets: ${found.reason}.`, "warning");
    return undefined;
  }
  if (found.status !== "ok") return undefined;
  if (found.kind === "folder") {
    unreadable(
      `"${target.declared}" is a folder, not a ${label} file; name the ${label} file, ` +
        "or set the distribution's format to what the folder holds (zarr, other).",
    );
    return undefined;
  }
  const failure = found.failures?.[request.table ? "table" : "hdf5"];
  if (failure) {
    const what =
      failure.kind === "malformed" ? `is not a readable ${label} file (${failure.reason})` : `could not be inspected (${failure.reason})`;
    unreadable(
      `"${target.declared}" ${what}, so its schema was not compared with its record sets.` +
        `${failure.kind === "malformed" ? ` Check the file, or the distribution's format ("${format}").` : ""}`,
      failure.kind === "malformed" ? undefined : "warning",
    );
    return undefined;
  }
  if (request.table && found.table) {
    return { target, columns: found.table.columns, noun: "column", sampledRows: found.table.sampledRows };
  }
  if (request.hdf5 && found.hdf5) return { target, columns: found.hdf5.datasets, noun: "dataset" };
  return undefined;
}

const FORMAT_LABELS = { csv: "CSV", parquet: "Parquet", hdf5: "HDF5" } as const;

/** Compares the fields; returns the columns suggested for misspelt fields (a rename is one problem). */
function compareFields(file: Described, fields: readonly unknown[], fieldsPointer: string, report: (r: Report) => void): Set<string> {
  const byName = new Map(file.columns.map((c) => [c.name, c]));
  const suggested = new Set<string>();
  fields.forEach((field, index) => {
    if (!isRecord(field) || typeof field.name !== "string" || field.name === "") return;
    const pointer = joinPointer(fieldsPointer, index);
    const name = canonicalName(field.name, file.noun);
    const column = byName.get(name);
    if (!column) {
      const suggestion = nearest(name, byName.keys());
      if (suggestion !== undefined) suggested.add(suggestion);
      const shown =
        suggestion === undefined ? undefined : file.noun === "dataset" && !field.name.startsWith("/") ? suggestion.slice(1) : suggestion;
      report({
        rule: "data/schema-drift",
        pointer: joinPointer(pointer, "name"),
        message:
          `Field "${field.name}" is not a ${file.noun} of "${file.target.declared}".` +
          `${shown !== undefined ? ` Did you mean "${shown}"?` : ""} Its ${file.noun}s are: ${listNames(file.columns.map((c) => c.name))}.`,
        data: shown !== undefined ? { nearest: shown, replacement: shown } : undefined,
      });
      return;
    }
    if (isFieldType(field.type)) compareType(file, field.name, field.type, column, joinPointer(pointer, "type"), report);
  });
  return suggested;
}

function compareType(
  file: Described,
  name: string,
  declared: FieldType,
  column: ComparedColumn,
  pointer: string,
  report: (r: Report) => void,
): void {
  if (column.sampled) {
    const offending = (Object.entries(column.sampled) as [ValueClass, string][]).find(([cell]) => !holdsCell(declared, cell));
    if (!offending) return;
    const replacement = sniffedType(Object.keys(column.sampled) as ValueClass[]) ?? "string";
    const rows = file.sampledRows !== undefined ? ` (${file.sampledRows} rows sampled)` : "";
    report({
      rule: "data/schema-drift",
      pointer,
      message:
        `Field "${name}" is declared ${declared}, but "${file.target.declared}" has the value ${JSON.stringify(offending[1])} ` +
        `in that column${rows}; declare "${replacement}", or fix the data.`,
      data: { replacement },
    });
    return;
  }
  if (column.type === undefined || holdsRecorded(declared, column.type, column.rank)) return;
  const recorded = column.recorded ? `${column.recorded} (${column.type})` : column.type;
  report({
    rule: "data/schema-drift",
    pointer,
    message:
      `Field "${name}" is declared ${declared}, but "${file.target.declared}" stores ${recorded} in that ${file.noun}; ` +
      `declare "${column.type}", or rewrite the ${file.noun}.`,
    data: { replacement: column.type },
  });
}

function reportUndeclared(
  file: Described,
  declared: ReadonlySet<string>,
  recordSet: Record<string, unknown>,
  fieldsPointer: string,
  report: (r: Report) => void,
): void {
  const undeclared = file.columns.filter((c) => !declared.has(c.name));
  if (undeclared.length === 0) return;
  const setName = typeof recordSet.id === "string" ? `record set "${recordSet.id}"` : "this record set";
  const many = undeclared.length > 1;
  report({
    rule: "data/schema-drift",
    pointer: fieldsPointer,
    part: "key",
    message:
      `"${file.target.declared}" has ${many ? `${file.noun}s` : `a ${file.noun}`} that no field declares: ` +
      `${listNames(undeclared.map((c) => (c.type ? `${c.name} (${c.type})` : c.name)))}. ` +
      `Add ${many ? "a field for each" : "a field for it"} to ${setName} (name and type), or remove ${many ? "them" : "it"} from the file.`,
    data: { undeclared: undeclared.map((c) => ({ name: c.name, ...(c.type ? { type: c.type } : {}) })) },
  });
}

/** Field names declared by every record set of one source, in the file's spelling. */
function declaredNames(recordSets: readonly unknown[], source: string, noun: Described["noun"]): Set<string> {
  const names = new Set<string>();
  for (const recordSet of recordSets) {
    if (!isRecord(recordSet) || recordSet.source !== source || !Array.isArray(recordSet.fields)) continue;
    for (const field of recordSet.fields) if (isRecord(field) && typeof field.name === "string") names.add(canonicalName(field.name, noun));
  }
  return names;
}

/** HDF5 dataset paths are absolute; a field may leave out the leading "/". */
function canonicalName(name: string, noun: Described["noun"]): string {
  return noun === "dataset" && !name.startsWith("/") ? `/${name}` : name;
}

function listNames(names: readonly string[]): string {
  if (names.length === 0) return "(none)";
  const shown = names.slice(0, LISTED).join(", ");
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}
