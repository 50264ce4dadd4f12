import type { Range, TextDocumentPositionParams, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { LineIndex, type DocumentFacts, type Span, type WorkspaceAnalysis } from "../core/index";
import type { Folder } from "./folder";
import type { WorkspaceService } from "./workspace-service";

/** The document and offset of a navigation request. */
export interface Cursor {
  readonly uri: string;
  readonly state: Folder;
  readonly path: string;
  readonly facts: DocumentFacts;
  readonly offset: number;
  /** The questions to ask of the folder's host. */
  readonly analysis: WorkspaceAnalysis;
}

/** Turns spans of held documents into ranges, reusing one line table per document for a request. */
export interface Ranges {
  of(state: Folder, path: string, span: Span): Range;
}

/**
 * What every navigation feature shares: where a request's cursor is, which document it is about,
 * the URI of a held document, and ranges. Open documents use the editor's text for positions,
 * the others the text they were parsed from.
 */
export class NavigationPlaces {
  constructor(
    private readonly workspace: WorkspaceService,
    private readonly documents: TextDocuments<TextDocument>,
  ) {}

  /** Undefined when the document is not an indexed Genesis document. */
  documentAt(uri: string): Omit<Cursor, "offset"> | undefined {
    const place = this.workspace.placeOf(uri, this.documents.get(uri)?.languageId);
    const facts = place.state.host.factsOf(place.path);
    return facts && { uri, state: place.state, path: place.path, facts, analysis: place.state.host.analysis() };
  }

  /** Undefined when the request's document is not an indexed Genesis document. */
  cursor(params: TextDocumentPositionParams): Cursor | undefined {
    const document = this.documentAt(params.textDocument.uri);
    if (!document) return undefined;
    const open = document.state.host.isOpen(document.path) ? this.documents.get(document.uri) : undefined;
    const positions = open ?? new LineIndex(document.facts.text);
    return { ...document, offset: positions.offsetAt(params.position) };
  }

  /** Every folder, `first` first. */
  statesFrom(first: Folder): Folder[] {
    return [first, ...[...this.workspace.allStates()].filter((state) => state !== first)];
  }

  uriOf(state: Folder, path: string): string {
    if (state.root) return this.workspace.uriOf(state, path);
    // Documents outside every folder without a file (untitled): find the open one with that name.
    const open = this.documents.all().find((document) => {
      const place = this.workspace.placeOf(document.uri, document.languageId);
      return place.state === state && place.path === path;
    });
    return open?.uri ?? path;
  }

  ranges(): Ranges {
    const tables = new Map<string, Pick<TextDocument, "positionAt">>();
    const positionsOf = (state: Folder, path: string) => {
      const uri = this.uriOf(state, path);
      let table = tables.get(uri);
      if (!table) {
        const open = state.host.isOpen(path) ? this.documents.get(uri) : undefined;
        table = open ?? new LineIndex(state.host.textOf(path) ?? state.host.factsOf(path)?.text ?? "");
        tables.set(uri, table);
      }
      return table;
    };
    return {
      of(state, path, span) {
        const positions = positionsOf(state, path);
        return { start: positions.positionAt(span.start), end: positions.positionAt(span.end) };
      },
    };
  }
}
