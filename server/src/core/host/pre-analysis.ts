import { DEFAULT_CONFIG, type GenesisConfig } from "../config";
import type { Engine } from "../engine";
import { evidenceRequests } from "../evidence/requests";
import type { EvidenceRequest } from "../evidence/types";
import type { Diagnostic } from "../types";
import { extractFacts, type DocumentFacts } from "../workspace/facts";

/**
 * The per-file step of loading a workspace, which a CLI worker thread may run ahead of the host:
 * recognise, parse, extract the facts and run the `type` rules of one text. The result is plain
 * data (structured-clonable: never a parse tree); `WorkspaceHost.adopt` takes it, and everything
 * that combines documents (workspace and io rules, the checklist) happens in the host.
 */

/** A document's facts without the parse tree; the host rebuilds the tree from `text` on demand. */
export type PortableFacts = Omit<DocumentFacts, "document">;

/** A text the editor or the disk gave: the whole text, or (above the size limit) its head and size. */
export type DocumentSource = string | { readonly head: string; readonly bytes: number };

export interface PreAnalysed {
  readonly facts: PortableFacts;
  /** The `type` rules' diagnostics, waived ones included; only when asked for. */
  readonly typeDiagnostics?: readonly Diagnostic[];
  /** What the io rules need read; only when asked for. */
  readonly evidenceRequests?: readonly EvidenceRequest[];
}

export interface PreAnalysisWanted {
  readonly diagnostics: boolean;
  readonly evidence: boolean;
}

/** Undefined when the text is not a Genesis document. */
export function preAnalyse(
  engine: Engine,
  path: string,
  source: DocumentSource,
  config: GenesisConfig = DEFAULT_CONFIG,
  wanted: PreAnalysisWanted,
): PreAnalysed | undefined {
  const analysis =
    typeof source === "string"
      ? engine.analyze({ path, text: source }, config, { includeWaived: true })
      : engine.tooLarge(path, source.head, source.bytes, config);
  if (!analysis.document) return undefined;
  const { document: _tree, ...facts } = extractFacts(analysis.document);
  return {
    facts,
    ...(wanted.diagnostics ? { typeDiagnostics: analysis.diagnostics } : {}),
    ...(wanted.evidence && typeof source === "string" ? { evidenceRequests: evidenceRequests(analysis.document) } : {}),
  };
}
