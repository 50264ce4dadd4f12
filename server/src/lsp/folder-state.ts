import type { GenesisConfig } from "../core/config";
import type { GenesisDocument } from "../core/document";
import type { Engine } from "../core/engine";
import type { Diagnostic } from "../core/types";
import { extractFacts } from "../core/workspace/facts";
import { WorkspaceIndex } from "../core/workspace/index";

/** One Genesis document as the server holds it: parsed once per text version. */
export interface HeldDocument {
  readonly document: GenesisDocument;
  /** Diagnostics of the `type` rules, for this text and configuration. */
  readonly typeDiagnostics: readonly Diagnostic[];
  /** True while the editor has the file open: its text then wins over the disk. */
  readonly open: boolean;
}

/**
 * The documents of one workspace folder and their index. Paths are relative to the folder. The
 * open text of a document replaces the disk's until it is closed.
 */
export class FolderState {
  readonly index = new WorkspaceIndex();
  private readonly held = new Map<string, HeldDocument>();
  /** False until the first scan of the folder has finished: references cannot be judged before. */
  scanned = false;

  constructor(
    readonly root: string,
    private readonly engine: Engine,
  ) {}

  get(path: string): HeldDocument | undefined {
    return this.held.get(path);
  }

  paths(): IterableIterator<string> {
    return this.held.keys();
  }

  isOpen(path: string): boolean {
    return this.held.get(path)?.open === true;
  }

  /**
   * Takes a new text of a file; returns the paths whose workspace diagnostics may change, or
   * undefined when the file is not a Genesis document (and removes it if it was one).
   */
  update(path: string, text: string, open: boolean, config: GenesisConfig, bulk = false): Set<string> | undefined {
    const analysis = this.engine.analyze({ path, text }, config);
    if (!analysis.document) return this.remove(path);
    this.held.set(path, { document: analysis.document, typeDiagnostics: analysis.diagnostics, open });
    const facts = extractFacts(analysis.document);
    if (bulk) {
      this.index.load(facts);
      return new Set([path]);
    }
    return this.index.set(facts);
  }

  /** Marks a document closed without changing its text (the caller re-reads the disk). */
  markClosed(path: string): void {
    const held = this.held.get(path);
    if (held) this.held.set(path, { ...held, open: false });
  }

  remove(path: string): Set<string> | undefined {
    if (!this.held.delete(path)) return undefined;
    return this.index.delete(path);
  }

  /** Re-applies a changed configuration to every held document, without parsing again. */
  reconfigure(config: GenesisConfig): void {
    for (const [path, held] of this.held) this.held.set(path, { ...held, typeDiagnostics: this.engine.check(held.document, config) });
  }

  /** Every diagnostic of a document: its own text's, then the workspace's. */
  diagnostics(path: string, config: GenesisConfig): Diagnostic[] {
    const held = this.held.get(path);
    if (!held) return [];
    const facts = this.index.get(path);
    if (!this.scanned || !facts) return [...held.typeDiagnostics];
    return [...held.typeDiagnostics, ...this.engine.checkWorkspace(facts, this.index, config)];
  }
}
