import type { TextDocumentIdentifier, TextDocuments } from "vscode-languageserver/node";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { documentBeingTyped } from "../core/completion/index";
import type { GenesisDocument } from "../core/document";
import { LineIndex } from "../core/text";
import type { FolderState } from "./folder-state";
import type { WorkspaceService } from "./workspace-service";

/** A document as the authoring features see it: its text now, and how offsets map to positions. */
export interface AuthoringDocument {
  readonly document: GenesisDocument;
  readonly state: FolderState;
  readonly positions: Pick<TextDocument, "offsetAt" | "positionAt">;
}

/**
 * The current version of a document for completion and the outline. The server re-checks a
 * document a moment after each keystroke, so what it holds may lag behind the editor: the held
 * parse is used when its text is the editor's, otherwise the editor's text is parsed now (cheap),
 * keeping the held document's kind if the text alone no longer says it.
 */
export class AuthoringDocuments {
  constructor(
    private readonly workspace: WorkspaceService,
    private readonly documents: TextDocuments<TextDocument>,
  ) {}

  get(identifier: TextDocumentIdentifier): AuthoringDocument | undefined {
    const open = this.documents.get(identifier.uri);
    const place = this.workspace.placeOf(identifier.uri, open?.languageId);
    const held = place.state.get(place.path)?.document;
    const text = open?.getText() ?? held?.text;
    if (text === undefined) return undefined;
    const document = held && held.text === text ? held : documentBeingTyped({ path: place.path, text }, held?.kind);
    if (!document) return undefined;
    return { document, state: place.state, positions: open ?? new LineIndex(text) };
  }
}
