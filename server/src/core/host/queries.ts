import { complete, documentBeingTyped, type CompletionItem } from "../completion/complete";
import type { GenesisDocument } from "../document";
import { fixAll, fixesFor, type Fix, type FixableDiagnostic, type FixEdit } from "../fixes/fix-providers";
import { schemaHover, type HoverInfo } from "../hover";
import { documentSymbols, type OutlineSymbol } from "../symbols";
import type { Diagnostic, Span } from "../types";
import { extractFacts, label, type DocumentFacts } from "../workspace/facts";
import {
  compareSymbols,
  definitionOf,
  hoverFor,
  idOwnerOf,
  idPartOf,
  isOnOwnId,
  referenceAt,
  referencesTo,
  renameEdits,
  workspaceSymbols,
  type RenameResult,
  type WorkspaceSymbolMatch,
} from "../workspace/navigation";
import type { WorkspaceHost } from "./workspace-host";

/**
 * The host's questions about places in documents: navigation, hover, completion, the outline and
 * fixes. Offsets in, offsets out; the front ends turn them into ranges. Each is a thin reading of
 * the host's documents and index, so that no front end reaches into the core's parts itself.
 */

/** A place in a document of some host. */
export interface Place {
  readonly path: string;
  readonly span: Span;
}

export interface Definition {
  /** The reference the cursor is on. */
  readonly origin: Span;
  /** The document it names, at its `id`. */
  readonly target: DocumentFacts;
}

/** What a rename at a cursor renames: a document's id, written at `span` (`idSpan`: the id part of it). */
export interface RenameSubject {
  readonly target: DocumentFacts;
  readonly id: string;
  readonly span: Span;
  readonly idSpan: Span;
}

export interface DocumentLinkTarget {
  readonly span: Span;
  readonly target: DocumentFacts;
  readonly tooltip: string;
}

/** A document as it is now, with its diagnostics for that text: what fixes are computed from. */
export interface CurrentDocument {
  readonly document: GenesisDocument;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The questions one may ask of a host (rust-analyzer's `Analysis` to its `AnalysisHost`): read
 * only, answered from the host's state at the time of asking.
 */
export class WorkspaceAnalysis {
  constructor(private readonly host: WorkspaceHost) {}

  definition(path: string, offset: number): Definition | undefined {
    const facts = this.host.factsOf(path);
    const site = facts && referenceAt(facts, offset);
    const target = site && definitionOf(this.host.workspaceIndex, site);
    return site && target ? { origin: site.span, target } : undefined;
  }

  /** The document the cursor is about: its own when on its `id`, else the one its reference names. */
  targetAt(path: string, offset: number): DocumentFacts | undefined {
    const facts = this.host.factsOf(path);
    if (!facts) return undefined;
    if (isOnOwnId(facts, offset)) return facts;
    const site = referenceAt(facts, offset);
    return site && definitionOf(this.host.workspaceIndex, site);
  }

  /** Every reference in this host's documents to `target` (which may be another host's document). */
  referencesTo(target: DocumentFacts): Place[] {
    return referencesTo(this.host.workspaceIndex, target).map(({ facts, site }) => ({ path: facts.path, span: site.span }));
  }

  renameSubject(path: string, offset: number): RenameSubject | undefined {
    const facts = this.host.factsOf(path);
    if (!facts) return undefined;
    if (isOnOwnId(facts, offset) && facts.id !== undefined) return subject(facts, facts.id, facts.idSpan, facts.text);
    const site = referenceAt(facts, offset);
    const target = site && idOwnerOf(this.host.workspaceIndex, site);
    return site && target ? subject(target, site.id, site.span, facts.text) : undefined;
  }

  /** The edits that rename `target`'s id in this host's documents. */
  renameEdits(target: DocumentFacts, newId: string): RenameResult {
    return renameEdits(this.host.workspaceIndex, target, newId);
  }

  links(path: string): DocumentLinkTarget[] {
    const facts = this.host.factsOf(path);
    if (!facts) return [];
    const links: DocumentLinkTarget[] = [];
    for (const site of facts.references) {
      const target = definitionOf(this.host.workspaceIndex, site);
      if (target) links.push({ span: site.span, target, tooltip: `Open ${label(target)} (${target.path})` });
    }
    return links;
  }

  /** On a reference: what it names; anywhere else: what the schema says of the key or value. */
  hover(path: string, offset: number): HoverInfo | undefined {
    const facts = this.host.factsOf(path);
    if (!facts) return undefined;
    const site = referenceAt(facts, offset);
    if (site) return { markdown: hoverFor(this.host.workspaceIndex, site), span: site.span };
    return schemaHover(facts.document, offset);
  }

  workspaceSymbols(query: string): WorkspaceSymbolMatch[] {
    return workspaceSymbols(this.host.workspaceIndex, query);
  }

  /**
   * The document an authoring feature works on: the held parse when `text` is what was checked,
   * else `text` parsed now, keeping the held kind while the text alone no longer says it.
   */
  authoringDocument(path: string, text: string | undefined): GenesisDocument | undefined {
    const held = this.host.documentOf(path);
    const current = text ?? held?.text;
    if (current === undefined) return undefined;
    return held && held.text === current ? held : documentBeingTyped({ path, text: current }, held?.kind);
  }

  /** Undefined when the text is not a Genesis document. `today` (YYYY-MM-DD) dates a proposed waiver expiry. */
  completion(path: string, text: string | undefined, offset: number, today?: string): CompletionItem[] | undefined {
    const document = this.authoringDocument(path, text);
    return document && complete(document, offset, { index: this.host.workspaceIndex, today });
  }

  documentSymbols(path: string, text: string | undefined): OutlineSymbol[] | undefined {
    const document = this.authoringDocument(path, text);
    return document && documentSymbols(document);
  }

  /**
   * A document's text now (the editor may be ahead of the last check), parsed, with every
   * diagnostic of that text: the held ones when it is the checked text, else checked now with the
   * evidence last read for it.
   */
  current(path: string, text: string | undefined): CurrentDocument | undefined {
    const heldText = this.host.textOf(path);
    const current = text ?? heldText;
    if (current === undefined) return undefined;
    if (heldText === current) {
      const document = this.host.documentOf(path);
      if (document) return { document, diagnostics: this.host.diagnostics(path) };
    }
    const { engine, configuration: config } = this.host;
    const analysis = engine.analyze({ path, text: current }, config);
    if (!analysis.document) return undefined;
    return { document: analysis.document, diagnostics: this.recheck(analysis.document, analysis.diagnostics, true) };
  }

  /** `today` (YYYY-MM-DD) dates the expiry of the waiver the suppress fix writes; without it, none. */
  fixes(current: CurrentDocument, diagnostic: FixableDiagnostic, snippets: boolean, today?: string): Fix[] {
    const path = current.document.path;
    return fixesFor(current.document, diagnostic, {
      config: this.host.configuration,
      index: this.host.workspaceIndex,
      evidence: this.host.evidenceOf(path),
      snippets,
      today,
    });
  }

  /**
   * Every preferred fix of the document at once, re-checked until nothing determinate is left.
   * With `rules`, only the diagnostics of those rule ids are fixed, in every round.
   */
  fixAll(current: CurrentDocument, rules?: ReadonlySet<string>): FixEdit[] {
    const path = current.document.path;
    const context = { config: this.host.configuration, index: this.host.workspaceIndex, evidence: this.host.evidenceOf(path) };
    const chosen = (diagnostics: readonly Diagnostic[]) => (rules ? diagnostics.filter((d) => rules.has(d.rule)) : diagnostics);
    return fixAll(current.document, chosen(current.diagnostics), {
      ...context,
      recheck: (document) => chosen(this.recheck(document, this.host.engine.check(document, this.host.configuration), false)),
    });
  }

  /**
   * The workspace diagnostics (and with `io` those of the evidence last read for the document, which
   * still holds for its paths until the next save) of a text that is not the held one, after its own.
   */
  private recheck(document: GenesisDocument, own: readonly Diagnostic[], io: boolean): Diagnostic[] {
    const evidence = io ? this.host.evidenceOf(document.path) : undefined;
    return this.host.combined(() => document, own, extractFacts(document), evidence);
  }
}

export { compareSymbols };

function subject(target: DocumentFacts, id: string, span: Span, text: string): RenameSubject {
  return { target, id, span, idSpan: idPartOf(text, span, id) ?? span };
}
