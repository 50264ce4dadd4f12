import { maxDocumentBytes, preAnalyse, type Engine, type GenesisConfig, type PreAnalysed } from "../core/index";
import { describeError, readTextFileSync, type FileText } from "../node/workspace-files";

/**
 * What `check` learns from one file of the workspace before the host takes it, as plain data that
 * a worker thread can post to the main thread (structured clone): never a parse tree. The same
 * function runs on the main thread (`--jobs 1`, small trees) and in the workers, so both paths
 * report the same; it only reads the file and runs the core's per-file step (preAnalyse).
 */

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

export type FileOutcome =
  /** The file system refused it (`message` as describeError words it). */
  | { readonly kind: "unreadable"; readonly message: string }
  | { readonly kind: "not-genesis" }
  /** `type` diagnostics and evidence requests only for a reported file. */
  | { readonly kind: "document"; readonly analysed: PreAnalysed }
  /** The engine threw on this file (a bug in this tool): the file is named, the others are checked. */
  | { readonly kind: "failed"; readonly message: string };

/**
 * Reads one file (above the configuration's size limit, only its head) and pre-analyses it. Never
 * throws. The file is read synchronously: the thread running this has nothing else to do
 * meanwhile, and small files read ten times faster so (see readTextFileSync).
 */
export function analyseFile(file: CandidateFile, engine: Engine, settings: AnalysisSettings): FileOutcome {
  let content: FileText;
  try {
    content = readTextFileSync(file.absolute, maxDocumentBytes(settings.config));
  } catch (error) {
    return { kind: "unreadable", message: describeError(error) };
  }
  try {
    const source = content.kind === "text" ? content.text : { head: content.head, bytes: content.bytes };
    const analysed = preAnalyse(engine, file.path, source, settings.config, {
      diagnostics: file.reported,
      evidence: file.reported && settings.io,
    });
    return analysed ? { kind: "document", analysed } : { kind: "not-genesis" };
  } catch (error) {
    return { kind: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}
