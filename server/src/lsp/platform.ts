import type { Connection } from "vscode-languageserver";
import type { WorkspaceFileAccess } from "./file-access";
import type { VerifyFilesResult } from "../protocol";
import type { ImportFromFile } from "./import-action";
import type { AnalyserFor } from "./parse-pool";
import type { WorkspaceService } from "./workspace-service";
import type { ScanProgress } from "./workspace-scan";

/**
 * Runs the `io` rules (evidence.ts under Node): reads the files documents name, off the keystroke
 * path, and publishes the documents again.
 */
export interface EvidenceRunner {
  /** A document was opened or saved. */
  verify(uri: string): Promise<void>;
  /** `Genesis: Verify Files`. */
  /** "Verify Files": what was read and found; null where nothing is read. */
  verifyAll(): Promise<VerifyFilesResult | null>;
  /** A file changed on disk. */
  fileChanged(uri: string): Promise<void>;
  dispose(): void;
}

/**
 * What differs between the Node server and the browser (Web Worker) server; start.ts wires the
 * rest the same way for both.
 */
export interface ServerPlatform {
  readonly files: WorkspaceFileAccess;
  /** The io rules, where data files can be read; absent in the browser. */
  createEvidence?(connection: Connection, workspace: WorkspaceService, progress: () => Promise<ScanProgress>): EvidenceRunner;
  /**
   * Set where the contents of data files are never read, to say where (`in the browser`): the
   * readiness items that need them say "not verified in the browser".
   */
  readonly dataFilesUnread?: string;
  /** A short fingerprint of a text (a readiness model's JSON, up to megabytes), to tell whether it changed. */
  fingerprint(text: string): string;
  /** Makes a Genesis document from a file of the field's formats (import-action.ts); absent in the browser. */
  readonly importFromFile?: ImportFromFile;
  /** Serves `genesis/bundle` (node-bundle.ts), where files can be copied and hashed; absent in the browser. */
  registerBundles?(connection: Connection, workspace: WorkspaceService): void;
  /** Parses a large folder's files in worker threads when scanning (node-parse-pool.ts); absent, on the server's thread. */
  readonly analyserFor?: AnalyserFor;
  /** Where the server runs, for the start-up log line (`node v20.19.0`). */
  readonly runtime: string;
}
