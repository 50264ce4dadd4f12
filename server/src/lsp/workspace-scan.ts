import picomatch from "picomatch";
import * as path from "node:path";
import { CONFIG_FILE_NAME, ignoreMatcher, maxDocumentBytes, syntaxOf, type GenesisConfig } from "../core/index";
import { listWorkspaceFiles, readTextFile } from "../node/workspace-files";
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
  config: GenesisConfig,
  excludeGlobs: readonly string[],
  progress: ScanProgress,
): Promise<void> {
  const ignored = ignoreMatcher(config);
  const excluded = excludeGlobs.length ? picomatch(excludeGlobs as string[], { dot: true }) : () => false;
  const accept = (relative: string) =>
    relative !== CONFIG_FILE_NAME && syntaxOf(relative) !== undefined && !ignored(relative) && !excluded(relative);
  progress.begin(`Indexing Genesis documents in ${path.basename(state.root)}`);
  try {
    const { files } = await listWorkspaceFiles(state.root, [state.root], { accept });
    const limit = maxDocumentBytes(config);
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      if (!state.host.isOpen(file.path)) {
        try {
          const content = await readTextFile(file.absolute, limit);
          state.host.update(file.path, content.kind === "text" ? content.text : { head: content.head, bytes: content.bytes });
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
