import picomatch from "picomatch";
import * as path from "node:path";
import type { GenesisConfig } from "../core/config";
import { ignoreMatcher } from "../core/config";
import { CONFIG_FILE_NAME, syntaxOf } from "../core/kinds/recognise";
import { listWorkspaceFiles, readTextFile } from "../node/workspace-files";
import type { FolderState } from "./folder-state";

/** How a scan reports what it is doing (VS Code's work-done progress, or nothing). */
export interface ScanProgress {
  begin(title: string): void;
  report(percentage: number, message: string): void;
  done(): void;
}

export const SILENT_PROGRESS: ScanProgress = { begin() {}, report() {}, done() {} };

const BATCH = 25;
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/**
 * Finds and parses every Genesis document of a folder into `state` (its open documents excepted:
 * their editor text is already there). Skips node_modules, .git, the config's ignore globs and the
 * editor's files.exclude; never follows a link out of the folder. Works in batches and yields in
 * between, so that the editor's requests are answered while a large workspace is scanned.
 */
export async function scanFolder(state: FolderState, config: GenesisConfig, excludeGlobs: readonly string[], progress: ScanProgress, isOpen: (path: string) => boolean): Promise<void> {
  const ignored = ignoreMatcher(config);
  const excluded = excludeGlobs.length ? picomatch(excludeGlobs as string[], { dot: true }) : () => false;
  const accept = (relative: string) => relative !== CONFIG_FILE_NAME && syntaxOf(relative) !== undefined && !ignored(relative) && !excluded(relative);
  progress.begin(`Indexing Genesis documents in ${path.basename(state.root)}`);
  try {
    const { files } = await listWorkspaceFiles(state.root, [state.root], { accept });
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      if (!isOpen(file.path)) {
        try {
          const content = await readTextFile(file.absolute, MAX_FILE_BYTES);
          if (content.kind === "text") state.update(file.path, content.text, false, config, true);
        } catch {
          // A file that vanished or cannot be read is simply not indexed.
        }
      }
      if (i % BATCH === BATCH - 1) {
        progress.report(Math.round((100 * (i + 1)) / files.length), `${i + 1} of ${files.length} files`);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
  } finally {
    progress.done();
  }
}
