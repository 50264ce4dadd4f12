import { existsSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";

/** Every `.md` file under `dir`, as a path relative to it with `/` separators, in sorted order, folders walked. */
export function markdownFilesUnder(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const relative = prefix ? `${prefix}/${name}` : name;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return markdownFilesUnder(full, relative);
      return name.endsWith(".md") ? [relative] : [];
    });
}
