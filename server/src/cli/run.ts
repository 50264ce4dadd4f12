import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  CONFIG_FILE_NAME,
  DEFAULT_CONFIG,
  DEFAULT_MAX_DOCUMENT_BYTES,
  ignoreMatcher,
  LineIndex,
  syntaxOf,
  WorkspaceHost,
  type Diagnostic,
  type Engine,
  type EvidenceRequest,
  type GenesisConfig,
} from "../core/index";
import {
  describeError,
  errorCode,
  findConfigFolder,
  isInside,
  listWorkspaceFiles,
  readTextFile,
  toWorkspacePath,
  type FileProblem,
} from "../node/workspace-files";
import { analyseInProcess } from "./analyse-in-process";
import type { CheckCommand } from "./args";
import { gatherEvidence } from "./evidence";
import type { AnalysisSettings, CandidateFile, FileOutcome } from "./file-outcome";
import { analysisThreads } from "./jobs";
import type { CheckReport, ReportedDiagnostic, ReportedDocument } from "./report";
import { analyseInWorkers, builtCheckWorker } from "./worker-pool";

/** A command-line path that does not exist, cannot be read or lies outside the root: exit 2. */
export class PathError extends Error {}

/** A file found on the way that could not be read, or (`failedCheck`) that the engine failed on. */
export interface RunProblem extends FileProblem {
  readonly failedCheck?: boolean;
}

export interface CheckRun {
  readonly report: CheckReport;
  /** Files or folders found on the way that could not be read or checked: reported on stderr, exit 2. */
  readonly problems: readonly RunProblem[];
  /** What the readiness checklist (docs/checklist.md) is computed from: the host, and which of its documents were asked for. */
  readonly workspace: CheckedWorkspace;
}

/** The loaded workspace and the documents under the given paths (references resolve across all of them). */
export interface CheckedWorkspace {
  readonly host: WorkspaceHost;
  readonly isReported: (path: string) => boolean;
}

/** What `check` and `report` share: which documents, under which root, with which profile. */
export type WorkspaceSelection = Pick<CheckCommand, "paths" | "profile" | "noIo" | "root" | "jobs"> & {
  /** False: load the documents without judging them (`export` reads values, not diagnostics); the report lists none. */
  readonly diagnose?: boolean;
};

/**
 * Runs `check`: finds the root and the files, loads every document into a workspace host (read and
 * pre-analysed in worker threads for a large workspace, see jobs.ts), hands it the facts read from
 * the files the reported documents name, and asks it for their diagnostics. Only texts, facts and
 * diagnostics are held for every document; parse trees are rebuilt from the text when a rule
 * reports something, and only the most recent few are kept.
 */
export async function runCheck(command: WorkspaceSelection, cwd: string, engine: Engine): Promise<CheckRun> {
  const targets = await Promise.all(command.paths.map((given) => realTarget(given, cwd)));
  const root = await chooseRoot(command, targets, cwd);
  for (const target of targets) {
    if (!isInside(root, target.real))
      throw new PathError(`${target.given}: outside the workspace root ${root}; pass --root to check another workspace.`);
  }

  const problems: RunProblem[] = [];
  const documents: ReportedDocument[] = [];
  const settings = await readSettings(engine, root, problems);
  if (settings.document) documents.push(settings.document);
  const config = command.profile ? { ...settings.config, profile: command.profile } : settings.config;
  const host = new WorkspaceHost(engine);
  host.configure(config, settings.file);

  // Every document under the root is loaded, so that references resolve across the workspace;
  // only those under the given paths are reported.
  const ignored = ignoreMatcher(config);
  const listing = await listWorkspaceFiles(root, [root], { accept: (relative) => !ignored(relative) });
  problems.push(...listing.problems);
  host.setFiles(listing.files.map((file) => file.path));
  const reportedStarts = targets.map((target) => toWorkspacePath(root, target.real));
  const isReported = (relative: string) =>
    reportedStarts.some((start) => start === "" || relative === start || relative.startsWith(`${start}/`));
  const candidates: CandidateFile[] = listing.files
    .filter((file) => file.path !== CONFIG_FILE_NAME && syntaxOf(file.path) !== undefined)
    .map((file) => ({ absolute: file.absolute, path: file.path, reported: isReported(file.path) }));

  // The outcomes come in the files' order whichever thread analysed them, so the host is loaded and
  // the problems are listed in the same order on every run.
  const reported: string[] = [];
  const requests = new Map<string, readonly EvidenceRequest[]>();
  let filesScanned = settings.document ? 1 : 0;
  let at = 0;
  const take = (outcome: FileOutcome) => {
    const file = candidates[at++];
    if (outcome.kind === "unreadable") {
      if (file.reported) problems.push({ absolute: file.absolute, message: outcome.message });
      return;
    }
    if (file.reported) filesScanned++;
    if (outcome.kind === "failed") {
      // A bug in this tool: named whether reported or not, since references may resolve to the file.
      problems.push({
        absolute: file.absolute,
        message: `the check failed on it (${outcome.message}); please report this`,
        failedCheck: true,
      });
    } else if (outcome.kind === "document") {
      host.adopt(file.path, outcome.analysed);
      if (file.reported) {
        reported.push(file.path);
        requests.set(file.path, outcome.analysed.evidenceRequests ?? []);
      }
    }
  };
  const outcomes = analyse(candidates, { config, io: !command.noIo }, engine, command.jobs);
  // Taken without an await per file when they are computed on this thread.
  if (Symbol.asyncIterator in outcomes) for await (const outcome of outcomes) take(outcome);
  else for (const outcome of outcomes) take(outcome);
  host.finishLoading();

  // The io rules read the data files, models and policies the reported documents name.
  if (!command.noIo) {
    const evidence = await gatherEvidence(root, requests);
    for (const path of reported) host.setEvidence(path, evidence.get(path) ?? new Map());
  }
  for (const path of command.diagnose === false ? [] : reported) {
    const kind = host.factsOf(path)?.kind;
    const text = host.textOf(path);
    if (!kind || text === undefined) continue;
    const waived = host.waived(path);
    documents.push({
      path,
      kind,
      diagnostics: locate(text, host.diagnostics(path)),
      ...(waived.length ? { waived: locate(text, waived) } : {}),
    });
  }

  documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { report: { root, documents, filesScanned }, problems, workspace: { host, isReported } };
}

/** The outcome of every candidate, in order: in worker threads when they pay off (or are asked for), else here. */
function analyse(
  candidates: readonly CandidateFile[],
  settings: AnalysisSettings,
  engine: Engine,
  jobs: number | undefined,
): Iterable<FileOutcome> | AsyncIterable<FileOutcome> {
  const workers = analysisThreads(candidates.length, jobs) - 1;
  const workerFile = builtCheckWorker();
  if (workers === 0 || workerFile === undefined) return analyseInProcess(candidates, engine, settings);
  return analyseInWorkers(candidates, settings, { workers, workerFile, engine });
}

interface Target {
  readonly given: string;
  /** Absolute, as given (links not followed). */
  readonly resolved: string;
  /** With every link followed: what is checked against the root. */
  readonly real: string;
  readonly isFolder: boolean;
}

async function realTarget(given: string, cwd: string): Promise<Target> {
  const resolved = path.resolve(cwd, given);
  try {
    const real = await fs.realpath(resolved);
    return { given, resolved, real, isFolder: (await fs.stat(real)).isDirectory() };
  } catch (error) {
    throw new PathError(`${given}: ${describeError(error)}.`);
  }
}

/**
 * `--root`; else the nearest folder holding genesis.config.yaml at or above the first path as
 * given (so a link out of the workspace is refused, not taken as a new root); else the folder
 * holding every path (the first path's folder when there is one path), so that a list of files
 * from several folders (a pre-commit hook's) is one workspace. Always a real path.
 */
async function chooseRoot(command: WorkspaceSelection, targets: readonly Target[], cwd: string): Promise<string> {
  if (command.root !== undefined) {
    const root = await realTarget(command.root, cwd);
    if (!root.isFolder) throw new PathError(`--root ${command.root}: not a folder.`);
    return root.real;
  }
  const folders = targets.map((target) => (target.isFolder ? target.resolved : path.dirname(target.resolved)));
  const configFolder = await findConfigFolder(folders[0]);
  return fs.realpath(configFolder ?? folders.reduce(commonFolder));
}

/** The deepest folder holding both (absolute paths). */
function commonFolder(a: string, b: string): string {
  let folder = a;
  while (!isInside(folder, b) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
}

/**
 * genesis.config.yaml of the root, if any, with its own diagnostics as a document. It is read under
 * the default size limit, since the limit it may set is not known before it is read.
 */
async function readSettings(
  engine: Engine,
  root: string,
  problems: RunProblem[],
): Promise<{ config: GenesisConfig; document?: ReportedDocument; file?: { text: string; diagnostics: readonly Diagnostic[] } }> {
  const absolute = path.join(root, CONFIG_FILE_NAME);
  let content;
  try {
    content = await readTextFile(absolute, DEFAULT_MAX_DOCUMENT_BYTES);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") problems.push({ absolute, message: describeError(error) });
    return { config: DEFAULT_CONFIG };
  }
  const text = content.kind === "text" ? content.text : content.head;
  const { config, diagnostics } =
    content.kind === "text" ? engine.readConfig({ path: CONFIG_FILE_NAME, text }) : engine.readConfigTooLarge(content.head, content.bytes);
  return {
    config,
    document: { path: CONFIG_FILE_NAME, kind: "GenesisConfig", diagnostics: locate(text, diagnostics) },
    file: { text, diagnostics },
  };
}

/** Offsets to 0-based positions, in position order. */
function locate(text: string, diagnostics: readonly Diagnostic[]): ReportedDiagnostic[] {
  const lines = new LineIndex(text);
  return diagnostics
    .map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      start: lines.positionAt(d.span.start),
      end: lines.positionAt(d.span.end),
      pointer: d.pointer,
      ...(d.waiver ? { waiver: { reason: d.waiver.reason, ...(d.waiver.until ? { until: d.waiver.until } : {}) } } : {}),
    }))
    .sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
}
