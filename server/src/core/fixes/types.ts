import type { GenesisConfig } from "../config";
import type { GenesisDocument } from "../document";
import type { EvidenceMap } from "../evidence/types";
import type { Finding } from "../types";
import type { WorkspaceIndex } from "../workspace/workspace-index";

/** One replacement of the document text: `[start, end)` are UTF-16 offsets into `document.text`. */
export interface FixEdit {
  readonly start: number;
  readonly end: number;
  /** Snippet syntax (`${1:default}`) when the fix is a snippet, else the literal text. */
  readonly newText: string;
}

/** A quick fix for one diagnostic. */
export interface Fix {
  readonly title: string;
  readonly kind: "quickfix";
  /**
   * The one fix that certainly does what the diagnostic asks (no guess among several, no
   * placeholder to fill in): the editor's auto-fix picks it, and `fixAll` applies only these.
   */
  readonly isPreferred?: boolean;
  readonly edits: readonly FixEdit[];
  /** The edits' text is snippet syntax, with tab stops for the placeholders. */
  readonly snippet?: boolean;
}

/**
 * What a fix needs beside the document: the workspace (for references), the facts read from the
 * files it names (for fixes from evidence), how to write placeholders and today's date.
 */
export interface FixContext {
  readonly config: GenesisConfig;
  /** The workspace index, when there is one (an editor, `check` over a folder). */
  readonly index?: WorkspaceIndex;
  /** The evidence of the document's files (workspace-relative path → facts), when they were read. */
  readonly evidence?: EvidenceMap;
  /** Write placeholders as snippet tab stops; otherwise as plain text. */
  readonly snippets?: boolean;
  /**
   * Today's date, `YYYY-MM-DD`, from the front end's clock (the core reads none): a waiver the
   * suppress fix writes expires a set time after it. Without it the waiver gets no expiry.
   */
  readonly today?: string;
}

/** A diagnostic as a fix reads it: only the facts the engine computed, never its message. */
export type FixableDiagnostic = Pick<Finding, "rule" | "pointer" | "span"> & { readonly data?: Readonly<Record<string, unknown>> };

/** The fixes of one rule for one of its diagnostics; [] when none is determinate. */
export type FixProvider = (document: GenesisDocument, diagnostic: FixableDiagnostic, context: FixContext) => Fix[];
