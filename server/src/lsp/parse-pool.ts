import { preAnalyse, type DocumentSource, type Engine, type GenesisConfig, type PreAnalysed } from "../core/index";

/**
 * The per-file step of a scan (the core's preAnalyse: recognise, parse, facts, `type` rules) for
 * batches of texts, in worker threads when the folder is large enough to pay for them, else on
 * this thread in short slices. Either way the results are plain data the host adopts without a
 * parse tree (WorkspaceHost.adopt).
 */

export interface ParseItem {
  readonly path: string;
  readonly source: DocumentSource;
}

/** Pre-analysed; undefined: not a Genesis document; "here": to be analysed on the server's thread. */
export type ParseOutcome = PreAnalysed | undefined | "here";

export interface ParseBatch {
  readonly id: number;
  readonly config: GenesisConfig;
  readonly items: readonly ParseItem[];
}

export interface ParseBatchResult {
  readonly id: number;
  readonly outcomes: readonly ParseOutcome[];
}

export interface DocumentAnalyser {
  analyse(config: GenesisConfig, items: readonly ParseItem[]): Promise<readonly ParseOutcome[]>;
  dispose(): void;
}

/**
 * Folders with fewer candidate files are parsed on the server's thread: a worker's start-up and
 * its own heap would cost more than it saves. (The CLI's threshold, cli/jobs.ts, is higher: its
 * main thread analyses files too, where the server's keeps itself free for the editor.)
 */
export const MIN_FILES_FOR_WORKERS = 2000;

/** The analyser for a scan of `files` candidate files (node-parse-pool.ts gives worker threads to a large folder). */
export type AnalyserFor = (files: number) => DocumentAnalyser;

/** Where there are no worker threads (the browser, the sources under tsx): every file on the server's thread. */
export const IN_THREAD: AnalyserFor = () => new InThreadAnalyser();

/**
 * One text's outcome, as a worker computes it. A text with a `__proto__` key would not cross
 * threads as the same value, and a text the engine throws on is reported by the host: both are
 * left to the server's thread.
 */
export function analyseHere(engine: Engine, item: ParseItem, config: GenesisConfig): ParseOutcome {
  const text = typeof item.source === "string" ? item.source : item.source.head;
  if (text.includes("__proto__")) return "here";
  try {
    return preAnalyse(engine, item.path, item.source, config, { diagnostics: true, evidence: false });
  } catch {
    return "here";
  }
}

/**
 * On this thread: every text is left to the host (`here`), which analyses it in `update`; the scan
 * yields between slices, so this only says so.
 */
export class InThreadAnalyser implements DocumentAnalyser {
  analyse(_config: GenesisConfig, items: readonly ParseItem[]): Promise<readonly ParseOutcome[]> {
    return Promise.resolve(items.map(() => "here" as const));
  }

  dispose(): void {}
}
