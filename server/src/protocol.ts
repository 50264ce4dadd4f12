import { NotificationType, RequestType } from "vscode-languageserver-protocol";
import type { ClassifiedDocument, ExportTarget, ReadinessModel, ReadinessScore, ReportFormat } from "./core/client-api";

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
 * `workspace/executeCommand`, client -> server, with the source's URI as its one argument: the code
 * action "Create Genesis ... from this file" on a Croissant file, a datapackage.json, a dvc.yaml, a
 * CWL workflow or a Hugging Face card. The server converts it (hashing the local files it names)
 * and asks the client to create the new document beside it (`workspace/applyEdit`, a CreateFile
 * that never overwrites). Run on request, not on every cursor move that lists code actions.
 */
export const IMPORT_FROM_FILE_COMMAND = "genesis.importFromFile";

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

export interface ListFilesParams {
  /** The workspace folder's URI. */
  readonly folder: string;
}

export interface ListFilesResult {
  /** The URI of every file under the folder, outside node_modules and .git. */
  readonly uris: readonly string[];
}

/**
 * server -> client request, from the browser server only (it has no file system): every file of a
 * workspace folder, which the client lists with `workspace.findFiles` (a virtual file system on
 * github.dev). The server filters what it indexes, as the Node server does on the disk.
 */
export const LIST_FILES_REQUEST = new RequestType<ListFilesParams, ListFilesResult, void>("genesis/listFiles");

export interface ReadFileParams {
  readonly uri: string;
  /** Above this size the client sends only the file's head and size. */
  readonly maxBytes: number;
}

/** At most this many bytes of a file too large to read whole are decoded and sent as its head. */
export const READ_FILE_HEAD_BYTES = 4096;

export type ReadFileResult =
  | { readonly kind: "text"; readonly text: string }
  /** Larger than `maxBytes`: `head` is the decoded start of the file (READ_FILE_HEAD_BYTES), enough to recognise it. */
  | { readonly kind: "too-large"; readonly bytes: number; readonly head: string }
  /** No such file, or it cannot be read. */
  | { readonly kind: "missing" };

/**
 * server -> client request, from the browser server only: one file of the workspace as text,
 * read with `workspace.fs` and decoded as the Node server decodes (UTF-8, or UTF-16 by its byte
 * order mark). The client answers only for files inside a workspace folder.
 */
export const READ_FILE_REQUEST = new RequestType<ReadFileParams, ReadFileResult, void>("genesis/readFile");

export interface ExportParams {
  readonly target: ExportTarget;
  /** One document's URI (a dataset manifest, for Croissant); absent, every document of `folder`. */
  readonly document?: string;
  /** A workspace folder's URI; absent, the first folder. */
  readonly folder?: string;
  /** The user's answer to the modal question: documents above `public` may go into a public format. */
  readonly allowClassified: boolean;
}

export type ExportResponse =
  | { readonly kind: "written"; readonly text: string; readonly fileName: string }
  /** A public format and documents above `public`: the client asks, and sends the request again with `allowClassified`. */
  | { readonly kind: "classified"; readonly documents: readonly ClassifiedDocument[]; readonly message: string }
  | { readonly kind: "refused"; readonly message: string };

/**
 * client -> server request, for `Genesis: Export As…`: the documents in a format of the field
 * (docs/formats-export.md), written by the same exporters as the CLI's `export`; the client saves
 * the text where the user says.
 */
export const EXPORT_REQUEST = new RequestType<ExportParams, ExportResponse, void>("genesis/export");

export interface BundleParams {
  /** The workspace folder's URI; absent, the first folder. */
  readonly folder?: string;
  /** File-system path of the bundle to create: a folder, or a file ending in `.zip`. Never replaced. */
  readonly out: string;
  /** File-system path of a PEM private key (Ed25519 or ECDSA P-256) to sign the statement with. */
  readonly key?: string;
}

export interface BundleResult {
  readonly out: string;
  readonly files: number;
  readonly bytes: number;
  /** The signing key's id when signed. */
  readonly keyid?: string;
}

/**
 * client -> server request, for `Genesis: Create Submission Bundle`: writes the bundle of every
 * document of a folder (docs/bundles.md) with the same code as the CLI's `bundle`, from the files on
 * disk. Fails with the CLI's message (a missing file, a digest mismatch, an existing output);
 * cancelling it stops the hashing and leaves nothing behind. Refused in an untrusted workspace.
 */
export const BUNDLE_REQUEST = new RequestType<BundleParams, BundleResult, void>("genesis/bundle");

/** Hashing progress of the bundle under way: what the client's progress notification shows. */
export interface BundleProgressParams {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

/** server -> client notification while a `genesis/bundle` request runs, at most a few times a second. */
export const BUNDLE_PROGRESS_NOTIFICATION = new NotificationType<BundleProgressParams>("genesis/bundleProgress");
