/** Small Markdown builders for the generated docs: tables, code spans and explicit anchors. */

/** Text made safe for one cell of a GitHub table: no line breaks, and `|` escaped (also inside code). */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${headers.join(" | ")} |`, `|${headers.map(() => "---").join("|")}|`];
  for (const row of rows) {
    if (row.length !== headers.length) throw new Error(`A table row has ${row.length} cells, not ${headers.length}: ${row.join(" | ")}`);
    lines.push(`| ${row.map(cell).join(" | ")} |`);
  }
  return lines.join("\n");
}

/** A code span that holds any text, backticks included. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The anchor the docs use for a rule or item id: `container/unpinned` -> `container-unpinned`,
 * `data.schemas` -> `data-schemas`. Written explicitly (`<a id>`), so links do not depend on how a
 * Markdown renderer turns headings into anchors.
 */
export function anchorOf(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}

export function anchorTag(id: string): string {
  return `<a id="${anchorOf(id)}"></a>`;
}

/** A fenced code block; the fence is longer than any run of backticks in the text. */
export function fence(language: string, text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const marks = "`".repeat(longest + 1);
  return `${marks}${language}\n${text.replace(/\n+$/, "")}\n${marks}`;
}
