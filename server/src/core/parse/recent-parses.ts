import type { GenesisDocument, SourceFile } from "../document";
import { parseGenesisDocument } from "./document";

/**
 * Parse trees of documents that are not being edited (closed in the editor, or checked by the
 * CLI), rebuilt from their text on demand and kept for the most recently used few only. A tree is
 * about ten times its text and the bulk of a large workspace's memory, and a fan-out (a dataset
 * thousands of documents depend on changes) needs each dependent's tree for a moment. Weak
 * references held them until the next full collection, which let the heap grow by every tree of
 * the fan-out; a small bounded set lets them die young instead.
 *
 * A tree is kept under the object that asks for it (the document's facts): its path and text say
 * what to parse again, so that a workspace of closed documents needs no getter of its own each.
 */
export class RecentParses {
  /** Insertion order is recency: the first entry is the least recently used. */
  private readonly trees = new Map<SourceFile, GenesisDocument>();

  constructor(private readonly capacity = 256) {}

  /** The tree of `source`'s text, parsed again when it has been dropped. */
  treeOf(source: SourceFile): GenesisDocument {
    const known = this.trees.get(source);
    if (known) {
      this.trees.delete(source);
      this.trees.set(source, known);
      return known;
    }
    // The text was a Genesis document when it was first parsed, and parsing is deterministic.
    const document = parseGenesisDocument({ path: source.path, text: source.text })!;
    this.keep(source, document);
    return document;
  }

  /** Keeps `parsed`, the tree of `source`'s text, as the most recently used. */
  keep(source: SourceFile, parsed: GenesisDocument): void {
    this.trees.set(source, parsed);
    if (this.trees.size > this.capacity) this.trees.delete(this.trees.keys().next().value!);
  }
}
