import type { GenesisDocument } from "../document";
import { FIELD_TYPES } from "../evidence/field-types";
import { fileTargets, type FileTarget } from "../evidence/targets";
import type { ColumnEvidence, FileEvidence } from "../evidence/types";
import { isRecord, joinPointer, parentPointer, pointerSegments, valueAt } from "../pointer";
import { SHA256 } from "../rules/integrity";
import { insertEntries, setValue } from "./document-edits";
import { appendItems, replaceWithList } from "./list-items";
import { makeFix } from "./make-fix";
import type { Fix, FixContext, FixProvider } from "./types";
import type { NewValue } from "./values";

/**
 * Fixes that write what the files themselves say (the evidence the `io` rules read, docs/rules.md): a digest,
 * a size, a record set's fields. None is preferred: a file that differs from its manifest may be
 * the one in the wrong (a corrupted copy), and a CSV column's type is sniffed from a sample, so
 * the user looks before taking the file's word. Without evidence for the file, nothing is offered.
 */

type ReadFile = Extract<FileEvidence, { status: "ok" }>;

/** The evidence of a regular file that was read. */
function readFile(context: FixContext, target: FileTarget): ReadFile | undefined {
  const found = context.evidence?.get(target.path);
  return found?.status === "ok" && found.kind === "file" ? found : undefined;
}

/** The distribution or artifact a checksum diagnostic is about: reported on the item or its `sha256`. */
function checksumTarget(document: GenesisDocument, pointer: string): FileTarget | undefined {
  const item = pointerSegments(pointer).at(-1) === "sha256" ? parentPointer(pointer) : pointer;
  return fileTargets(document).find((target) => target.item?.pointer === item);
}

/**
 * `integrity/checksum-mismatch`, `-missing`, `-format`: "Update checksum from file" writes the
 * file's SHA-256 as the item's `sha256` (replaced, or added as its last key); "Fill bytes from
 * file" writes a distribution's `bytes` when it is missing or differs from the file's size.
 */
export const checksumFromFileFixes: FixProvider = (document, diagnostic, context) => {
  const target = checksumTarget(document, diagnostic.pointer);
  const file = target && readFile(context, target);
  if (!target?.item || !file) return [];
  const fixes: Fix[] = [];
  const { pointer, value } = target.item;
  if (file.sha256 !== undefined && SHA256.test(file.sha256) && value.sha256 !== file.sha256) {
    fixes.push(...makeFix("Update checksum from file", [setValue(document, joinPointer(pointer, "sha256"), file.sha256)], context));
  }
  if (target.pointer.startsWith("/distribution/") && value.bytes !== file.size) {
    fixes.push(...makeFix(`Fill bytes from file (${file.size})`, [setValue(document, joinPointer(pointer, "bytes"), file.size)], context));
  }
  return fixes;
};

/**
 * `placeholder/value` on an item's `sha256` (a template's digest, `000…`, the empty file's): the
 * checksum fixes above, once the file has been read. Any other placeholder has no value to infer.
 */
export const placeholderDigestFixes: FixProvider = (document, diagnostic, context) =>
  pointerSegments(diagnostic.pointer).at(-1) === "sha256" ? checksumFromFileFixes(document, diagnostic, context) : [];

/**
 * "Generate fields from file": a record set's `fields` from its source file's columns (CSV,
 * Parquet) or datasets (HDF5), each with its name and type. For `data/schema-drift`'s "columns
 * that no field declares" (data.undeclared) it adds those columns' fields; for a record set
 * without `fields` (`schema/required`) or with an empty one (`fields:`, `fields: []`: any rule
 * reported on it, `schema/type`, `schema/range`, the drift), it writes them all.
 */
export const fieldsFromFileFixes: FixProvider = (document, diagnostic, context) => {
  const { pointer, data } = diagnostic;
  const recordSet = recordSetPointer(pointer);
  if (recordSet === undefined) return [];
  const fieldsPointer = joinPointer(recordSet, "fields");
  if (data?.property === "fields" && pointer === recordSet) return generateFields(document, recordSet, context, () => true);
  if (pointer === fieldsPointer && isEmpty(valueAt(document.tree.value, fieldsPointer)))
    return generateFields(document, recordSet, context, () => true);
  if (!Array.isArray(data?.undeclared) || pointer !== fieldsPointer) return [];
  const undeclared = new Set(
    data.undeclared.map((c) => (isRecord(c) ? c.name : undefined)).filter((name): name is string => typeof name === "string"),
  );
  return generateFields(document, recordSet, context, (column) => undeclared.has(column.name));
};

function isEmpty(fields: unknown): boolean {
  return fields === null || (Array.isArray(fields) && fields.length === 0);
}

/** `/recordSets/3` for a pointer at or below a record set (`/recordSets/3/fields`). */
function recordSetPointer(pointer: string): string | undefined {
  const [list, index] = pointerSegments(pointer);
  return list === "recordSets" && index !== undefined && /^\d+$/.test(index) ? joinPointer("/recordSets", index) : undefined;
}

function generateFields(
  document: GenesisDocument,
  recordSet: string,
  context: FixContext,
  wanted: (column: ColumnEvidence) => boolean,
): Fix[] {
  const columns = sourceColumns(document, recordSet, context)?.filter(wanted);
  if (!columns || columns.length === 0) return [];
  const items = columns.map(fieldOf);
  const fieldsPointer = joinPointer(recordSet, "fields");
  const fields = valueAt(document.tree.value, fieldsPointer);
  const edit = !document.tree.locations.has(fieldsPointer)
    ? insertEntries(document, recordSet, [{ name: "fields", value: { kind: "array", items } }], { at: "last" })
    : Array.isArray(fields) && fields.length > 0
      ? appendItems(document, fieldsPointer, items)
      : isEmpty(fields)
        ? replaceWithList(document, fieldsPointer, items)
        : undefined;
  return makeFix("Generate fields from file", [edit], context);
}

/** The columns or datasets of the file the record set's `source` distribution names, as read. */
function sourceColumns(document: GenesisDocument, recordSet: string, context: FixContext): readonly ColumnEvidence[] | undefined {
  const value = valueAt(document.tree.value, recordSet);
  if (!isRecord(value) || typeof value.source !== "string") return undefined;
  const target = fileTargets(document).find((t) => t.pointer.startsWith("/distribution/") && t.item?.value.id === value.source);
  const file = target && readFile(context, target);
  return file?.table?.columns ?? file?.hdf5?.datasets;
}

/** `{ name, type }`; a column whose type the file does not record gets a placeholder type to choose. */
function fieldOf(column: ColumnEvidence): NewValue {
  const type: NewValue =
    column.type !== undefined
      ? { kind: "scalar", value: column.type, fixed: true }
      : { kind: "scalar", value: "string", choices: FIELD_TYPES };
  return {
    kind: "object",
    entries: [
      { name: "name", value: { kind: "scalar", value: column.name, fixed: true } },
      { name: "type", value: type },
    ],
  };
}
