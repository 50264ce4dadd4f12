import type { GenesisConfig } from "../core/config";
import type { Engine } from "../core/engine";
import { evidenceRequests } from "../core/evidence/requests";
import type { EvidenceRequest } from "../core/evidence/types";
import { parseGenesisDocument } from "../core/parse/document";
import type { Diagnostic, DocumentKind } from "../core/types";
import { extractFacts, type DocumentFacts } from "../core/workspace/facts";
import { describeError, readTextFileSync, type FileText } from "../node/workspace-files";

/**
 * What `check` learns from one file of the workspace, as plain data that a worker thread can post
 * to the main thread (structured clone): never a parse tree. The same function produces it on the
 * main thread (`--jobs 1`, small trees) and in the workers, so both paths report the same.
 */

/** Files above this size are not read whole; they get one warning instead of a check. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A candidate file (a Genesis file name or extension) of the workspace. */
export interface CandidateFile {
  /** Real path. */
  readonly absolute: string;
  /** Relative to the root, with `/` separators. */
  readonly path: string;
  /** Under the paths given on the command line: its diagnostics are reported. */
  readonly reported: boolean;
}

/** What every file is analysed with; plain data, posted to each worker once. */
export interface AnalysisSettings {
  readonly config: GenesisConfig;
  /** The io rules run: the files a reported document names are worked out for them. */
  readonly io: boolean;
}

/** A document's facts without the parse tree; the main thread rebuilds the tree from `text` on demand. */
export type PortableFacts = Omit<DocumentFacts, "document">;

export type FileOutcome =
  /** The file system refused it (`message` as describeError words it). */
  | { readonly kind: "unreadable"; readonly message: string }
  /** Above MAX_FILE_BYTES: `documentKind` from its head, worked out only for a reported file. */
  | { readonly kind: "too-large"; readonly bytes: number; readonly documentKind?: DocumentKind }
  | { readonly kind: "not-genesis" }
  | {
      readonly kind: "document";
      readonly facts: PortableFacts;
      /** The `type` rules' diagnostics: only for a reported file. */
      readonly diagnostics?: readonly Diagnostic[];
      /** What the io rules need read: only for a reported file, with the io rules on. */
      readonly evidenceRequests?: readonly EvidenceRequest[];
      /**
       * The whole text of a reported file whose head only was checked (above
       * limits.maxDocumentMegabytes; `facts.text` is then that head): positions are counted in it.
       */
      readonly wholeText?: string;
    }
  /** The engine threw on this file (a bug in this tool): the file is named, the others are checked. */
  | { readonly kind: "failed"; readonly message: string };

/**
 * Reads, recognises, parses and checks one file with the `type` rules. Never throws. The file is
 * read synchronously: the thread running this has nothing else to do meanwhile, and small files
 * read ten times faster so (see readTextFileSync).
 */
export function analyseFile(file: CandidateFile, engine: Engine, settings: AnalysisSettings): FileOutcome {
  let content: FileText;
  try {
    content = readTextFileSync(file.absolute, MAX_FILE_BYTES);
  } catch (error) {
    return { kind: "unreadable", message: describeError(error) };
  }
  try {
    if (content.kind === "too-large") {
      const documentKind = file.reported ? parseGenesisDocument({ path: file.path, text: content.head })?.kind : undefined;
      return { kind: "too-large", bytes: content.bytes, documentKind };
    }
    const analysis = engine.analyze({ path: file.path, text: content.text }, settings.config, { includeWaived: true });
    if (!analysis.document) return { kind: "not-genesis" };
    const { document: _tree, ...facts } = extractFacts(analysis.document);
    if (!file.reported) return { kind: "document", facts };
    const requests = settings.io ? evidenceRequests(analysis.document) : undefined;
    const wholeText = facts.text === content.text ? undefined : content.text;
    return { kind: "document", facts, diagnostics: analysis.diagnostics, evidenceRequests: requests, wholeText };
  } catch (error) {
    return { kind: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}
