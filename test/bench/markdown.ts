/** A markdown table: a header row, the separator (numbers right-aligned), then the rows, padded for reading as text too. */
export function markdownTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly boolean[] = [],
): string {
  const widths = headers.map((header, i) => Math.max(header.length, 3, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(" | ")} |`;
  const separator = `|${widths.map((width, i) => (rightAligned[i] ? `${"-".repeat(width + 1)}:` : "-".repeat(width + 2))).join("|")}|`;
  return [line(headers), separator, ...rows.map(line)].join("\n");
}
