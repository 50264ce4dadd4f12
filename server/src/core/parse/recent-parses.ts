import type { GenesisDocument, SourceFile } from "../document";
import { parseGenesisDocument } from "./document";

/**
 * Parse trees of documents that are not being edited (closed in the editor, or checked by the
 * CLI), rebuilt from their text on demand and kept for the most recently used few only. A tree is
 * about ten times its text and the bulk of a large workspace's memory, and a fan-out (a dataset
 * thousands of documents depend on changes) needs each dependent's tree for a moment. Weak
 * references held them until the next full collection, which let the heap grow by every tree of
 * the fan-out; a small bounded set lets them die young instead.
 */
export class RecentParses {
  /** Insertion order is recency: the first entry is the least recently used. */
  private readonly trees = new Map<object, GenesisDocument>();

  constructor(private readonly capacity = 256) {}

  /** A getter for the parsed document of `parsed`'s text, parsed again when it has been dropped. */
  holder(parsed: GenesisDocument): () => GenesisDocument {
    const key = {};
    this.remember(key, parsed);
    return this.getter(key, parsed);
  }

  /** The same for a text known to be a Genesis document, not parsed until first asked for. */
  reparsing(source: SourceFile): () => GenesisDocument {
    return this.getter({}, source);
  }

  private getter(key: object, { path, text }: SourceFile): () => GenesisDocument {
    return () => {
      const known = this.trees.get(key);
      if (known) {
        this.trees.delete(key);
        this.trees.set(key, known);
        return known;
      }
      // The text was a Genesis document when it was first parsed, and parsing is deterministic.
      const document = parseGenesisDocument({ path, text })!;
      this.remember(key, document);
      return document;
    };
  }

  private remember(key: object, document: GenesisDocument): void {
    this.trees.set(key, document);
    if (this.trees.size > this.capacity) this.trees.delete(this.trees.keys().next().value!);
  }
}
