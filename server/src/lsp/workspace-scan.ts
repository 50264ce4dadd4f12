import picomatch from "picomatch";
import { CONFIG_FILE_NAME, ignoreMatcher, maxDocumentBytes, syntaxOf, type GenesisConfig } from "../core/index";
import type { WorkspaceFileAccess } from "./file-access";
import type { Folder } from "./folder";
import { IN_THREAD, type AnalyserFor, type ParseItem, type ParseOutcome } from "./parse-pool";
import { timeSlicer } from "./scheduler";

/** How a scan reports what it is doing (VS Code's work-done progress, or nothing). */
export interface ScanProgress {
  begin(title: string): void;
  report(percentage: number, message: string): void;
  done(): void;
}

export const SILENT_PROGRESS: ScanProgress = { begin() {}, report() {}, done() {} };

/** Files read and sent for analysis together. */
const BATCH = 64;
/** Batches read ahead of the one being adopted, so that the analysers never wait for the disk. */
const BATCHES_IN_FLIGHT = 4;

/**
 * Finds and parses every Genesis document of a folder into its host (whose open documents keep
 * their editor text). Skips node_modules, .git, the config's ignore globs and the
 * editor's files.exclude; never follows a link out of the folder. Files are read in batches and
 * analysed by `analyserOf` (worker threads for a large folder under Node, node-parse-pool.ts); this thread only
 * adopts the results, in the files' order, yielding every few milliseconds, so that the editor's
 * requests and the document being edited are served while a large workspace is scanned.
 */
export async function scanFolder(
  state: Folder,
  files: WorkspaceFileAccess,
  config: GenesisConfig,
  excludeGlobs: readonly string[],
  progress: ScanProgress,
  analyserOf: AnalyserFor = IN_THREAD,
): Promise<void> {
  const ignored = ignoreMatcher(config);
  const excluded = excludeGlobs.length ? picomatch(excludeGlobs as string[], { dot: true }) : () => false;
  const accept = (relative: string) =>
    relative !== CONFIG_FILE_NAME && syntaxOf(relative) !== undefined && !ignored(relative) && !excluded(relative);
  progress.begin(`Indexing Genesis documents in ${files.folderName(state.root)}`);
  try {
    const paths = await files.list(state.root, accept);
    const limit = maxDocumentBytes(config);
    const analyser = analyserOf(paths.length);
    const slice = timeSlicer();
    const inFlight: { readonly items: readonly ParseItem[]; readonly outcomes: Promise<readonly ParseOutcome[]> }[] = [];
    let adopted = 0;
    const adoptNext = async () => {
      const { items, outcomes } = inFlight.shift()!;
      const results = await outcomes;
      for (let i = 0; i < items.length; i++) {
        const pause = slice();
        if (pause) await pause;
        const { path: relative, source } = items[i];
        // Opened in the editor meanwhile: its text wins.
        if (state.host.isOpen(relative)) continue;
        const outcome = results[i];
        try {
          if (outcome === "here") state.host.update(relative, source);
          else if (outcome) state.host.adopt(relative, outcome);
        } catch {
          // A document the engine cannot take is not indexed (the engine reports its own failures).
        }
      }
      adopted += items.length;
      progress.report(Math.round((100 * adopted) / Math.max(1, paths.length)), `${adopted} of ${paths.length} files`);
    };
    try {
      for (let first = 0; first < paths.length; first += BATCH) {
        const items = await readBatch(state, files, paths.slice(first, first + BATCH), limit);
        inFlight.push({ items, outcomes: analyser.analyse(config, items) });
        if (inFlight.length >= BATCHES_IN_FLIGHT) await adoptNext();
      }
      while (inFlight.length > 0) await adoptNext();
    } finally {
      analyser.dispose();
    }
  } finally {
    progress.done();
  }
}

/** The texts of a batch of files (above the size limit, their head and size); a file that vanished or cannot be read is left out. */
async function readBatch(state: Folder, files: WorkspaceFileAccess, paths: readonly string[], limit: number): Promise<ParseItem[]> {
  const read = await Promise.all(
    paths.map(async (relative): Promise<ParseItem | undefined> => {
      if (state.host.isOpen(relative)) return undefined;
      try {
        return { path: relative, source: await files.read(state.root, relative, limit) };
      } catch {
        return undefined;
      }
    }),
  );
  return read.filter((item): item is ParseItem => item !== undefined);
}
