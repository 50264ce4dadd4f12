import { NotificationType, RequestType } from "vscode-languageserver-protocol";
import type { ReadinessModel, ReadinessScore, ReportFormat } from "./core/client-api";

/**
 * Messages between the extension client and the language server beyond standard LSP. This file is
 * bundled into both sides, so names and shapes cannot drift apart: each message is a typed
 * `RequestType`/`NotificationType`, and a call site that sends or handles it gets its parameter and
 * result types from here. The types come from vscode-languageserver-protocol, the very copy that
 * vscode-languageclient and vscode-languageserver use (a message object from another copy of
 * vscode-jsonrpc would not be recognised by their connections).
 */

/** Settings under `genesis.*`, per resource: the server asks the client for them with `workspace/configuration`. */
export interface GenesisSettings {
  /** Master switch: when false the server publishes nothing for the resource. */
  readonly enable: boolean;
  /** Publish diagnostics for Genesis documents that are not open in the editor too. */
  readonly validateWorkspace: boolean;
}

export const DEFAULT_SETTINGS: GenesisSettings = { enable: true, validateWorkspace: true };

/**
 * client -> server, in `initialize`: whether VS Code trusts the workspace. In an untrusted one the
 * server reads no file but the open documents: no workspace scan, no genesis.config.yaml from disk,
 * no workspace rules; only the rules that read nothing but the open text.
 */
export interface InitializationOptions {
  readonly trusted: boolean;
}

/**
 * Files the client watches for the server: all of them, since besides the Genesis documents the
 * data files and artifacts they name feed the io rules. The server filters.
 */
export const WATCHED_FILES_GLOB = "**/*";

/**
 * `workspace/executeCommand`, client -> server: `Genesis: Verify Files`, which re-reads every file
 * that the workspace's documents name (checksums, data schemas, signatures). The server announces
 * it in `executeCommandProvider`, and vscode-languageclient registers it as a VS Code command.
 */
export const VERIFY_FILES_COMMAND = "genesis.verifyFiles";

/**
 * What `genesis.verifyFiles` answers once every file is read, for the client's notification ("12
 * files verified, 1 checksum mismatch"); null in an untrusted workspace, where nothing is read.
 */
export interface VerifyFilesResult {
  /** Distinct files (and folders) the documents name that were found and read. */
  readonly files: number;
  /** `integrity/checksum-mismatch` findings after reading: the rule decides what a mismatch is. */
  readonly mismatches: number;
  /** Named files that do not exist. */
  readonly missing: number;
  /** Named files that exist but could not be read, or that a link leads out of the workspace. */
  readonly unreadable: number;
}

export interface IndexedParams {
  /** The folder's URI. */
  readonly folder: string;
  readonly documents: number;
  readonly milliseconds: number;
}

/**
 * server -> client notification, after each scan of a workspace folder: how many Genesis documents
 * it holds and how long the scan took. The extension does not use it; the LSP tests wait for it to
 * know that the folder's index is complete.
 */
export const INDEXED_NOTIFICATION = new NotificationType<IndexedParams>("genesis/indexed");

export interface ReadinessParams {
  /** A workspace folder's URI; absent, every folder merged. */
  readonly folder?: string;
}

export type ReadinessResult = ReadinessModel;

/**
 * client -> server request: the readiness checklist (docs/checklist.md) of one workspace folder, or of every
 * folder merged. The client asks when it attaches and after each `genesis/readinessChanged`.
 * Answered from what the server holds (recomputed only when diagnostics or files changed); the
 * sidebar and the status bar render the result as it is, with the `uri` of every piece of
 * evidence filled in.
 */
export const READINESS_REQUEST = new RequestType<ReadinessParams, ReadinessResult, void>("genesis/readiness");

export interface ReadinessChangedParams {
  /** URIs of the folders whose model changed. */
  readonly folders: readonly string[];
  /** The score of every folder merged, for a status bar that needs nothing more. */
  readonly score: ReadinessScore;
}

/**
 * server -> client notification: the readiness model of some folders changed, so that the client
 * need not poll. Sent once diagnostics have been quiet for `READINESS_DEBOUNCE_MS` (lsp/readiness.ts),
 * and only when a model differs from the one last announced; the client then asks for the model
 * again (`genesis/readiness`).
 */
export const READINESS_CHANGED_NOTIFICATION = new NotificationType<ReadinessChangedParams>("genesis/readinessChanged");

export interface ReportParams {
  readonly format: ReportFormat;
  /** A workspace folder's URI; absent, every folder merged. */
  readonly folder?: string;
}

export interface ReportResult {
  readonly text: string;
  /** A file name to suggest in the save dialog (`genesis-readiness-examples.html`). */
  readonly fileName: string;
}

/**
 * client -> server request, for `Genesis: Export Readiness Report`: the readiness report of one
 * folder or of all, as the text of a file in `format`, written by the same formatters as the CLI's
 * `report`; the client saves it where the user says.
 */
export const REPORT_REQUEST = new RequestType<ReportParams, ReportResult, void>("genesis/report");
