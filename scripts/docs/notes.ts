import { readFileSync } from "node:fs";

/**
 * Hand-written notes keyed by id (a rule id, a readiness item id), kept in one Markdown file per
 * kind of id: each note starts with a `## <id>` line and runs to the next. Text before the first
 * such line (a comment for whoever edits the file) is not a note.
 */
export function readNotes(file: string): Map<string, string> {
  const notes = new Map<string, string>();
  let id: string | undefined;
  let lines: string[] = [];
  const flush = (): void => {
    if (id === undefined) return;
    if (notes.has(id)) throw new Error(`${file}: two notes for ${id}`);
    notes.set(id, lines.join("\n").trim());
  };
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const heading = /^## (\S+)\s*$/.exec(line);
    if (heading) {
      flush();
      id = heading[1];
      lines = [];
    } else if (id !== undefined) {
      lines.push(line);
    }
  }
  flush();
  return notes;
}

/** Every id has a non-empty note and every note belongs to an id; else an error naming both lists. */
export function checkNotes(file: string, notes: ReadonlyMap<string, string>, ids: readonly string[]): void {
  const missing = ids.filter((id) => !notes.get(id));
  const extra = [...notes.keys()].filter((id) => !ids.includes(id));
  if (missing.length || extra.length) {
    const parts: string[] = [];
    if (missing.length) parts.push(`no note for ${missing.join(", ")}`);
    if (extra.length) parts.push(`notes for unknown ids ${extra.join(", ")}`);
    throw new Error(`${file}: ${parts.join("; ")}`);
  }
}
