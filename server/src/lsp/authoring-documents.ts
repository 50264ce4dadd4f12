import type { TextDocumentIdentifier, TextDocuments } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { LineIndex, type WorkspaceAnalysis } from "../core/index";
import type { WorkspaceService } from "./workspace-service";

/** A document as the authoring features see it: where it is, its text now, and how offsets map to positions. */
export interface AuthoringDocument {
  readonly path: string;
  /** The editor's text, when the editor has the document open. */
  readonly text: string | undefined;
  readonly analysis: WorkspaceAnalysis;
  readonly positions: Pick<TextDocument, "offsetAt" | "positionAt">;
}

/**
 * The current version of a document for completion and the outline. The server re-checks a
 * document a moment after each keystroke, so what it holds may lag behind the editor: the host
 * parses the editor's text when it differs from the held one (WorkspaceAnalysis.authoringDocument).
 */
export class AuthoringDocuments {
  constructor(
    private readonly workspace: WorkspaceService,
    private readonly documents: TextDocuments<TextDocument>,
  ) {}

  get(identifier: TextDocumentIdentifier): AuthoringDocument | undefined {
    const open = this.documents.get(identifier.uri);
    const place = this.workspace.placeOf(identifier.uri, open?.languageId);
    const text = open?.getText() ?? place.state.host.textOf(place.path);
    if (text === undefined) return undefined;
    return { path: place.path, text, analysis: place.state.host.analysis(), positions: open ?? new LineIndex(text) };
  }
}
