import { promises as fs } from "node:fs";
import * as path from "node:path";
import { DEFAULT_CONFIG, ignoreMatcher, type GenesisConfig } from "../core/config";
import type { Engine } from "../core/engine";
import type { EvidenceRequest } from "../core/evidence/types";
import type { ReadinessDocument } from "../core/readiness/model";
import type { DocumentFacts } from "../core/workspace/facts";
import { WorkspaceIndex } from "../core/workspace/index";
import { CONFIG_FILE_NAME, syntaxOf } from "../core/kinds/recognise";
import { LineIndex } from "../core/text";
import type { Diagnostic } from "../core/types";
import { describeError, errorCode, findConfigFolder, isInside, listWorkspaceFiles, readTextFile, toWorkspacePath, type FileProblem } from "../node/workspace-files";
import { analyseInProcess } from "./analyse-in-process";
import type { CheckCommand } from "./args";
import { gatherEvidence } from "./evidence";
import { MAX_FILE_BYTES, type AnalysisSettings, type CandidateFile, type FileOutcome, type PortableFacts } from "./file-outcome";
import { analysisThreads } from "./jobs";
import { RecentParses } from "../core/parse/recent-parses";
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
  /** What the readiness checklist (§8) is computed from. */
  readonly workspace: CheckedWorkspace;
}

/** The checked documents as the readiness model takes them, and the workspace around them. */
export interface CheckedWorkspace {
  /** The documents under the given paths, with every diagnostic (offsets, not positions). */
  readonly documents: readonly ReadinessDocument[];
  /** Every document under the root: references resolve against all of them. */
  readonly index: WorkspaceIndex;
  /** Every file under the root (workspace paths), apart from those the configuration ignores. */
  readonly files: readonly string[];
  readonly config: GenesisConfig;
}

/** What `check` and `report` share: which documents, under which root, with which profile. */
export type WorkspaceSelection = Pick<CheckCommand, "paths" | "profile" | "noIo" | "root" | "jobs">;

/** A reported document between its analysis and its workspace and io rules: text and facts, no parse tree. */
interface AnalysedDocument {
  readonly facts: DocumentFacts;
  readonly typeDiagnostics: readonly Diagnostic[];
  readonly evidenceRequests: readonly EvidenceRequest[];
  /** The text positions are counted in. */
  readonly text: string;
}

/**
 * Runs `check`: finds the root and the files, has the engine analyse each one (in worker threads
 * for a large workspace, see jobs.ts), then runs the workspace and io rules over what came back.
 * Only texts, facts and diagnostics are held for every document; parse trees are rebuilt from the
 * text when a rule reports something, and only the most recent few are kept (core/parse/recent-parses.ts).
 */
export async function runCheck(command: WorkspaceSelection, cwd: string, engine: Engine): Promise<CheckRun> {
  const targets = await Promise.all(command.paths.map((given) => realTarget(given, cwd)));
  const root = await chooseRoot(command, targets[0], cwd);
  for (const target of targets) {
    if (!isInside(root, target.real)) throw new PathError(`${target.given}: outside the workspace root ${root}; pass --root to check another workspace.`);
  }

  const problems: RunProblem[] = [];
  const documents: ReportedDocument[] = [];
  const settings = await readSettings(engine, root, problems);
  if (settings.document) documents.push(settings.document);
  const config = command.profile ? { ...settings.config, profile: command.profile } : settings.config;

  // Every document under the root is indexed, so that references resolve across the workspace;
  // only those under the given paths are reported.
  const ignored = ignoreMatcher(config);
  const listing = await listWorkspaceFiles(root, [root], { accept: (relative) => !ignored(relative) });
  problems.push(...listing.problems);
  const reported = targets.map((target) => toWorkspacePath(root, target.real));
  const isReported = (relative: string) => reported.some((start) => start === "" || relative === start || relative.startsWith(`${start}/`));
  const candidates: CandidateFile[] = listing.files
    .filter((file) => file.path !== CONFIG_FILE_NAME && syntaxOf(file.path) !== undefined)
    .map((file) => ({ absolute: file.absolute, path: file.path, reported: isReported(file.path) }));

  // The outcomes come in the files' order whichever thread analysed them, so the index is loaded
  // and the problems are listed in the same order on every run.
  const index = new WorkspaceIndex();
  const trees = new RecentParses();
  const analysed: AnalysedDocument[] = [];
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
      problems.push({ absolute: file.absolute, message: `the check failed on it (${outcome.message}); please report this`, failedCheck: true });
    } else if (outcome.kind === "too-large") {
      if (outcome.documentKind && file.reported) documents.push({ path: file.path, kind: outcome.documentKind, diagnostics: [tooLargeDiagnostic(file.path, outcome.bytes)] });
    } else if (outcome.kind === "document") {
      const facts = withTree(outcome.facts, trees);
      index.load(facts);
      if (file.reported) {
        analysed.push({ facts, typeDiagnostics: outcome.diagnostics ?? [], evidenceRequests: outcome.evidenceRequests ?? [], text: outcome.wholeText ?? facts.text });
      }
    }
  };
  const outcomes = analyse(candidates, { config, io: !command.noIo }, engine, command.jobs);
  // Taken without an await per file when they are computed on this thread.
  if (Symbol.asyncIterator in outcomes) for await (const outcome of outcomes) take(outcome);
  else for (const outcome of outcomes) take(outcome);

  // The io rules read the data files, models and policies the reported documents name.
  const evidence = command.noIo ? undefined : await gatherEvidence(root, new Map(analysed.map((a) => [a.facts.path, a.evidenceRequests])));
  const judged: ReadinessDocument[] = [];
  for (const { facts, typeDiagnostics, text } of analysed) {
    const workspace = engine.checkWorkspace(facts, index, config, { includeWaived: true });
    // A document with no evidence has nothing for the io rules to judge (see core/evidence/check.ts),
    // so its tree is not rebuilt for them.
    const found = evidence?.get(facts.path);
    const io = found && found.size > 0 ? engine.checkEvidence(facts.document, found, config, { includeWaived: true }) : [];
    const all = [...typeDiagnostics, ...workspace, ...io];
    const diagnostics = all.filter((d) => !d.waiver);
    const waived = all.filter((d) => d.waiver);
    const reportedWaived = waived.length ? { waived: locate(text, waived) } : {};
    documents.push({ path: facts.path, kind: facts.kind, diagnostics: locate(text, diagnostics), ...reportedWaived });
    judged.push({ facts, diagnostics, waived, evidenceChecked: evidence !== undefined });
  }

  documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files = listing.files.map((file) => file.path);
  return { report: { root, documents, filesScanned }, problems, workspace: { documents: judged, index, files, config } };
}

/** The outcome of every candidate, in order: in worker threads when they pay off (or are asked for), else here. */
function analyse(candidates: readonly CandidateFile[], settings: AnalysisSettings, engine: Engine, jobs: number | undefined): Iterable<FileOutcome> | AsyncIterable<FileOutcome> {
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
 * given (so a link out of the workspace is refused, not taken as a new root); else the first
 * path's folder. Always a real path.
 */
async function chooseRoot(command: WorkspaceSelection, first: Target, cwd: string): Promise<string> {
  if (command.root !== undefined) {
    const root = await realTarget(command.root, cwd);
    if (!root.isFolder) throw new PathError(`--root ${command.root}: not a folder.`);
    return root.real;
  }
  const folder = first.isFolder ? first.resolved : path.dirname(first.resolved);
  return fs.realpath((await findConfigFolder(folder)) ?? folder);
}

/** genesis.config.yaml of the root, if any, with its own diagnostics as a document. */
async function readSettings(engine: Engine, root: string, problems: RunProblem[]): Promise<{ config: GenesisConfig; document?: ReportedDocument }> {
  const absolute = path.join(root, CONFIG_FILE_NAME);
  let content;
  try {
    content = await readTextFile(absolute, MAX_FILE_BYTES);
  } catch (error) {
    if (errorCode(error) !== "ENOENT") problems.push({ absolute, message: describeError(error) });
    return { config: DEFAULT_CONFIG };
  }
  if (content.kind === "too-large") {
    return { config: DEFAULT_CONFIG, document: { path: CONFIG_FILE_NAME, kind: "GenesisConfig", diagnostics: [tooLargeDiagnostic(CONFIG_FILE_NAME, content.bytes)] } };
  }
  const { config, diagnostics } = engine.readConfig({ path: CONFIG_FILE_NAME, text: content.text });
  return { config, document: { path: CONFIG_FILE_NAME, kind: "GenesisConfig", diagnostics: locate(content.text, diagnostics) } };
}

/** Offsets to 0-based positions, in position order. */
function locate(text: string, diagnostics: readonly Diagnostic[]): ReportedDiagnostic[] {
  const lines = new LineIndex(text);
  return diagnostics
    .map((d): ReportedDiagnostic => {
      const [start, end] = [lines.positionAt(d.span.start), lines.positionAt(d.span.end)];
      const located = { rule: d.rule, severity: d.severity, message: d.message, start, end, pointer: d.pointer };
      if (!d.waiver) return located;
      const { reason, until } = d.waiver;
      return { ...located, waiver: until === undefined ? { reason } : { reason, until } };
    })
    .sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
}

function tooLargeDiagnostic(relative: string, bytes: number): ReportedDiagnostic {
  const megabytes = (bytes / (1024 * 1024)).toFixed(1);
  const limit = MAX_FILE_BYTES / (1024 * 1024);
  return {
    rule: syntaxOf(relative) === "json" ? "syntax/json" : "syntax/yaml",
    severity: "warning",
    message: `This file is ${megabytes} MB, above the ${limit} MB limit for checking, so it was not checked; split it into smaller documents.`,
    start: { line: 0, character: 0 },
    end: { line: 0, character: 0 },
    pointer: "",
  };
}

/** The facts (a fresh object, given up to this call) with a `document` parsed again from their text when asked for. */
function withTree(facts: PortableFacts, trees: RecentParses): DocumentFacts {
  return Object.defineProperty(facts, "document", { get: trees.reparsing(facts), enumerable: true }) as DocumentFacts;
}
