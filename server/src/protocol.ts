import type { ReadinessModel, ReadinessScore, ReportFormat } from "./core/client-api";

/**
 * Messages between the extension client and the language server beyond standard LSP. This file is
 * bundled into both sides, so names and shapes cannot drift apart.
 */

/** Settings under `genesis.*` that the server reads per resource (client -> server, on request). */
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

/** The name of the configuration file at a workspace folder's root (docs/configuration.md). */
export const CONFIG_FILE_GLOB = "**/genesis.config.yaml";

/**
 * Files the client watches for the server: all of them, since besides the Genesis documents the
 * data files and artifacts they name feed the io rules. The server filters.
 */
export const WATCHED_FILES_GLOB = "**/*";

/**
 * server -> client, after each scan of a workspace folder: how many Genesis documents it holds.
 * The client may show it; tests wait for it to know the index is complete.
 */
export const INDEXED_NOTIFICATION = "genesis/indexed";

export interface IndexedParams {
  /** The folder's URI. */
  readonly folder: string;
  readonly documents: number;
  readonly milliseconds: number;
}

/**
 * client -> server request: the readiness checklist (docs/checklist.md) of one workspace folder (`folder`, its
 * URI), or of every folder merged when `folder` is absent. Answered from what the server holds
 * (recomputed only when diagnostics or files changed); the sidebar and the status bar render the
 * result as it is, with the `uri` of every piece of evidence filled in.
 */
export const READINESS_REQUEST = "genesis/readiness";

export interface ReadinessParams {
  readonly folder?: string;
}

export type ReadinessResult = ReadinessModel;

/**
 * server -> client notification: the readiness model of some folders changed. Sent about 300 ms
 * after diagnostics stop changing, and only when a model differs from the one last announced; the
 * client then asks for the model again (`genesis/readiness`).
 */
export const READINESS_CHANGED_NOTIFICATION = "genesis/readinessChanged";

export interface ReadinessChangedParams {
  /** URIs of the folders whose model changed. */
  readonly folders: readonly string[];
  /** The score of every folder merged, for a status bar that needs nothing more. */
  readonly score: ReadinessScore;
}

/**
 * client -> server request: the readiness report (`Genesis: Export Readiness Report`) of one
 * folder or of all, as the text of a file in `format`; the client saves it where the user says.
 * The same formatters as the CLI's `report` write it.
 */
export const REPORT_REQUEST = "genesis/report";

export interface ReportParams {
  readonly format: ReportFormat;
  readonly folder?: string;
}

export interface ReportResult {
  readonly text: string;
  /** A file name to suggest in the save dialog (`genesis-readiness-examples.html`). */
  readonly fileName: string;
}
