import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";

/**
 * Generated dataset manifests of a given size, for benchmarks: a realistic header, then
 * distribution entries and record set fields until the line count is reached. With `mistakeRate`,
 * that share of entries carries a schema mistake (an enum typo). Each entry names a CSV file whose
 * size and sha256 it declares truly (see `writeDistributionFiles`), as a real manifest would.
 */
export function generateManifest(targetLines: number, mistakeRate = 0): string {
  const out: string[] = [
    "apiVersion: genesis/v1",
    "kind: DatasetManifest",
    "id: bench-manifest",
    "version: 1.0.0",
    "name: Generated benchmark manifest",
    "description: A generated dataset manifest used to measure the language server's speed.",
    "license: CC-BY-4.0",
    "creators:",
    "  - name: Bench Mark",
    "    affiliation: Example National Laboratory",
    "datePublished: 2026-01-15",
    "keywords: [benchmark, generated]",
    "classification:",
    "  level: public",
    "distribution:",
  ];
  const entryLines = 6;
  const entries = Math.max(1, Math.floor((targetLines - out.length - 8) / entryLines));
  const every = mistakeRate > 0 ? Math.max(1, Math.round(1 / (mistakeRate * entryLines))) : 0;
  for (let i = 0; i < entries; i++) {
    const format = every && i % every === Math.floor(every / 2) ? "parqet" : "csv";
    out.push(
      `  - id: part-${i}`,
      `    path: files/part-${String(i).padStart(6, "0")}.csv`,
      `    format: ${format}`,
      `    sha256: ${createHash("sha256").update(distributionFile(i)).digest("hex")}`,
      `    bytes: ${Buffer.byteLength(distributionFile(i))}`,
      `    # entry ${i}`,
    );
  }
  out.push(
    "recordSets:",
    "  - id: parts",
    "    source: part-0",
    "    fields:",
    "      - name: time",
    "        type: datetime",
    "      - name: value",
    "        type: number",
  );
  return out.join("\n") + "\n";
}

/** 0-based lines of the `bytes:` values, where benchmark edits type a digit. */
export function editableLines(text: string): number[] {
  const lines: number[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.startsWith("    bytes: ")) lines.push(index);
  });
  return lines;
}

const CSV_HEADER = "time,value\n";
const CSV_ROW = "2026-01-15T00:00:00Z,1\n";

/**
 * The CSV that entry `i` of a generated manifest names: the record set's `time` and `value`
 * columns, exactly 1000 + i bytes (the last row's value is padded to reach the size).
 */
export function distributionFile(i: number): string {
  const size = 1000 + i;
  const fullRows = Math.floor((size - CSV_HEADER.length) / CSV_ROW.length) - 1;
  const rest = size - CSV_HEADER.length - fullRows * CSV_ROW.length;
  const lastRow = `2026-01-15T00:00:00Z,${"1".padEnd(rest - 22, "0")}\n`;
  return CSV_HEADER + CSV_ROW.repeat(fullRows) + lastRow;
}

/** Writes, under `root`, every file a generated manifest names, so that its io rules find them intact. */
export function writeDistributionFiles(root: string, manifest: string): void {
  for (const match of manifest.matchAll(/^ {4}path: files\/part-(\d+)\.csv$/gm)) {
    const file = path.join(root, "files", `part-${match[1]}.csv`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, distributionFile(Number(match[1])));
  }
}
