/**
 * Paths filed under keys (documents by their id, referrers by the id they name), in the order they
 * were added. Most keys have one path, kept as the string itself: a Set of one costs about 180
 * bytes, and the index has a key or two per document.
 */
export class PathsByKey {
  private readonly entries = new Map<string, string | Set<string>>();

  add(key: string, path: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) this.entries.set(key, path);
    else if (typeof entry !== "string") entry.add(path);
    else if (entry !== path) this.entries.set(key, new Set([entry, path]));
  }

  delete(key: string, path: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    if (typeof entry === "string") {
      if (entry === path) this.entries.delete(key);
      return;
    }
    entry.delete(path);
    if (entry.size === 1) this.entries.set(key, entry.values().next().value!);
  }

  /** Calls `visit` with each path under `key`, in the order they were added. */
  forEach(key: string, visit: (path: string) => void): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    if (typeof entry === "string") visit(entry);
    else entry.forEach((path) => visit(path));
  }
}
