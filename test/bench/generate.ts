/**
 * Generated dataset manifests of a given size, for benchmarks: a realistic header, then
 * distribution entries and record set fields until the line count is reached. With `mistakeRate`,
 * that share of entries carries a schema mistake (an enum typo).
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
      `    sha256: ${(i.toString(16).padStart(8, "0") + "ab".repeat(28)).slice(0, 64)}`,
      `    bytes: ${1000 + i}`,
      `    # entry ${i}`,
    );
  }
  out.push("recordSets:", "  - id: parts", "    source: part-0", "    fields:", "      - name: time", "        type: datetime", "      - name: value", "        type: number");
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
