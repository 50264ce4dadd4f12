import type { FileHandle } from "node:fs/promises";
import { sampledColumn, type TableEvidence } from "../../core/evidence-api";
import { readSlice } from "../file-slices";
import { FormatError } from "../read-failure";

/** Only the start of a CSV file is read: the header and a sample of rows within it. */
export const CSV_HEAD_BYTES = 64 * 1024;
export const CSV_SAMPLE_ROWS = 200;

/**
 * The header of a CSV file and the classes of the cells of its first rows (at most
 * CSV_SAMPLE_ROWS, within the first CSV_HEAD_BYTES). A row cut by the byte limit is dropped.
 */
export async function readCsvTable(handle: FileHandle, size: number): Promise<TableEvidence> {
  if (size === 0) throw new FormatError("malformed", "the file is empty; a CSV file starts with a header row");
  const head = await readSlice(handle, 0, Math.min(size, CSV_HEAD_BYTES));
  let text = new TextDecoder("utf-8").decode(head);
  const partial = size > CSV_HEAD_BYTES;
  if (partial) {
    const lastLine = text.lastIndexOf("\n");
    if (lastLine < 0)
      throw new FormatError("too-large", `its first line is longer than ${CSV_HEAD_BYTES / 1024} KB, so the header was not read`);
    text = text.slice(0, lastLine + 1);
  }
  const records = await parseRecords(text, partial);
  const [header, ...rows] = records;
  if (!header || header.every((name) => name.trim() === "")) throw new FormatError("malformed", "it has no header row");
  const columns = header.map((name, index) =>
    sampledColumn(
      name,
      rows.map((row) => row[index]),
    ),
  );
  return { format: "csv", columns, sampledRows: rows.length };
}

/**
 * Up to CSV_SAMPLE_ROWS + 1 records. A parse error after the header keeps the records before it
 * (a quoted cell cut by the byte limit, or a bad row further down: the header is what matters);
 * an error before any record is a malformed file.
 */
async function parseRecords(text: string, partial: boolean): Promise<string[][]> {
  const { parse } = await import("csv-parse");
  return new Promise((resolve, reject) => {
    const records: string[][] = [];
    const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, to: CSV_SAMPLE_ROWS + 1 });
    parser.on("readable", () => {
      for (let record = parser.read() as string[] | null; record !== null; record = parser.read() as string[] | null) records.push(record);
    });
    parser.on("error", (error: Error) => {
      if (records.length > 0 || partial) resolve(records);
      else reject(new FormatError("malformed", `not CSV: ${error.message}`));
    });
    parser.on("end", () => resolve(records));
    parser.write(text);
    parser.end();
  });
}
