import picomatch from "picomatch";
import { CONFIG_FILE_NAME, ignoreMatcher, maxDocumentBytes, syntaxOf, type GenesisConfig } from "../core/index";
import type { WorkspaceFileAccess } from "./file-access";
import type { Folder } from "./folder";

/** How a scan reports what it is doing (VS Code's work-done progress, or nothing). */
export interface ScanProgress {
  begin(title: string): void;
  report(percentage: number, message: string): void;
  done(): void;
}

export const SILENT_PROGRESS: ScanProgress = { begin() {}, report() {}, done() {} };

const BATCH = 25;

/**
 * Finds and parses every Genesis document of a folder into its host (whose open documents keep
 * their editor text). Skips node_modules, .git, the config's ignore globs and the
 * editor's files.exclude; never follows a link out of the folder. Works in batches and yields in
 * between, so that the editor's requests are answered while a large workspace is scanned.
 */
export async function scanFolder(
  state: Folder,
  files: WorkspaceFileAccess,
  config: GenesisConfig,
  excludeGlobs: readonly string[],
  progress: ScanProgress,
): Promise<void> {
  const ignored = ignoreMatcher(config);
  const excluded = excludeGlobs.length ? picomatch(excludeGlobs as string[], { dot: true }) : () => false;
  const accept = (relative: string) =>
    relative !== CONFIG_FILE_NAME && syntaxOf(relative) !== undefined && !ignored(relative) && !excluded(relative);
  progress.begin(`Indexing Genesis documents in ${files.folderName(state.root)}`);
  try {
    const paths = await files.list(state.root, accept);
    const limit = maxDocumentBytes(config);
    for (let i = 0; i < paths.length; i++) {
      const file = paths[i];
      if (!state.host.isOpen(file)) {
        try {
          state.host.update(file, await files.read(state.root, file, limit));
        } catch {
          // A file that vanished or cannot be read is simply not indexed.
        }
      }
      if (i % BATCH === BATCH - 1) {
        progress.report(Math.round((100 * (i + 1)) / paths.length), `${i + 1} of ${paths.length} files`);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    progress.done();
  }
}
