import type { GenesisDocument } from "../document";
import type { Diagnostic } from "../types";
import type { DocumentFacts } from "../workspace/facts";

/**
 * One Genesis document as the host holds it: parsed once per text version. Its parse tree is read
 * through its facts (which may rebuild it from their text when the document is not open).
 */
export class HeldDocument {
  constructor(
    readonly facts: DocumentFacts,
    /** The text the diagnostics were computed from (of a document above the size limit, more than the facts' head). */
    readonly text: string,
    /**
     * Diagnostics of the `type` rules for this text and configuration, waived ones included;
     * undefined until asked for (the CLI indexes documents it does not report on).
     */
    readonly typeDiagnostics: readonly Diagnostic[] | undefined,
    /** True while the editor has the file open: its text then wins over the disk. */
    readonly open: boolean,
  ) {}

  /**
   * The parsed document. For a document that is not open it may be parsed again from its text on
   * each read, so callers that need only the text read `text`.
   */
  get document(): GenesisDocument {
    return this.facts.document;
  }

  /** The same document with its `type` diagnostics to be worked out again (a new configuration). */
  unchecked(): HeldDocument {
    return new HeldDocument(this.facts, this.text, undefined, this.open);
  }

  with(changes: { typeDiagnostics?: readonly Diagnostic[]; open?: boolean }): HeldDocument {
    return new HeldDocument(this.facts, this.text, changes.typeDiagnostics ?? this.typeDiagnostics, changes.open ?? this.open);
  }
}
