import { promises as fs } from "node:fs";
import * as path from "node:path";
import { DEFAULT_CONFIG, ignoreMatcher, type GenesisConfig } from "../core/config";
import type { Analysis, Engine } from "../core/engine";
import type { ReadinessDocument } from "../core/readiness/model";
import { extractFacts } from "../core/workspace/facts";
import { WorkspaceIndex } from "../core/workspace/index";
import { CONFIG_FILE_NAME, syntaxOf } from "../core/kinds/recognise";
import { parseGenesisDocument } from "../core/parse/document";
import { LineIndex } from "../core/text";
import type { Diagnostic } from "../core/types";
import { describeError, errorCode, findConfigFolder, isInside, listWorkspaceFiles, readTextFile, toWorkspacePath, type FileProblem } from "../node/workspace-files";
import type { CheckCommand } from "./args";
import { gatherEvidence } from "./evidence";
import type { CheckReport, ReportedDiagnostic, ReportedDocument } from "./report";

/** Files above this size are not read whole; they get one warning instead of a check. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A command-line path that does not exist, cannot be read or lies outside the root: exit 2. */
export class PathError extends Error {}

export interface CheckRun {
  readonly report: CheckReport;
  /** Files or folders found on the way that could not be read: reported on stderr, exit 2. */
  readonly problems: readonly FileProblem[];
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
export type WorkspaceSelection = Pick<CheckCommand, "paths" | "profile" | "noIo" | "root">;

/** Runs `check`: finds the root and the files, reads them, and has the engine check each one. */
export async function runCheck(command: WorkspaceSelection, cwd: string, engine: Engine): Promise<CheckRun> {
  const targets = await Promise.all(command.paths.map((given) => realTarget(given, cwd)));
  const root = await chooseRoot(command, targets[0], cwd);
  for (const target of targets) {
    if (!isInside(root, target.real)) throw new PathError(`${target.given}: outside the workspace root ${root}; pass --root to check another workspace.`);
  }

  const problems: FileProblem[] = [];
  const documents: ReportedDocument[] = [];
  const settings = await readSettings(engine, root, problems);
  if (settings.document) documents.push(settings.document);
  const config = command.profile ? { ...settings.config, profile: command.profile } : settings.config;

  // Every document under the root is indexed, so that references resolve across the workspace;
  // only those under the given paths are reported.
  const ignored = ignoreMatcher(config);
  const listing = await listWorkspaceFiles(root, [root], { accept: (relative) => !ignored(relative) });
  const candidates = listing.files.filter((file) => file.path !== CONFIG_FILE_NAME && syntaxOf(file.path) !== undefined);
  problems.push(...listing.problems);
  const reported = targets.map((target) => toWorkspacePath(root, target.real));
  const isReported = (relative: string) => reported.some((start) => start === "" || relative === start || relative.startsWith(`${start}/`));

  const index = new WorkspaceIndex();
  const checked: { text: string; analysis: Analysis }[] = [];
  let filesScanned = settings.document ? 1 : 0;
  for (const file of candidates) {
    const inReport = isReported(file.path);
    let content;
    try {
      content = await readTextFile(file.absolute, MAX_FILE_BYTES);
    } catch (error) {
      if (inReport) problems.push({ absolute: file.absolute, message: describeError(error) });
      continue;
    }
    if (inReport) filesScanned++;
    if (content.kind === "too-large") {
      const kind = parseGenesisDocument({ path: file.path, text: content.head })?.kind;
      if (kind && inReport) documents.push({ path: file.path, kind, diagnostics: [tooLargeDiagnostic(file.path, content.bytes)] });
      continue;
    }
    const analysis = engine.analyze({ path: file.path, text: content.text }, config);
    if (!analysis.document) continue;
    index.load(extractFacts(analysis.document));
    if (inReport) checked.push({ text: content.text, analysis });
  }
  // The io rules read the data files, models and policies the reported documents name.
  const evidence = command.noIo ? undefined : await gatherEvidence(root, checked.map((c) => c.analysis.document!));
  const judged: ReadinessDocument[] = [];
  for (const { text, analysis } of checked) {
    const document = analysis.document!;
    const facts = index.get(document.path)!;
    const workspace = engine.checkWorkspace(facts, index, config);
    const io = evidence ? engine.checkEvidence(document, evidence.get(document.path) ?? new Map(), config) : [];
    const diagnostics = [...analysis.diagnostics, ...workspace, ...io];
    documents.push({ path: document.path, kind: document.kind, diagnostics: locate(text, diagnostics) });
    judged.push({ facts, diagnostics, evidenceChecked: evidence !== undefined });
  }

  documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files = listing.files.map((file) => file.path);
  return { report: { root, documents, filesScanned }, problems, workspace: { documents: judged, index, files, config } };
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
async function readSettings(engine: Engine, root: string, problems: FileProblem[]): Promise<{ config: GenesisConfig; document?: ReportedDocument }> {
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
    .map((d) => ({ rule: d.rule, severity: d.severity, message: d.message, start: lines.positionAt(d.span.start), end: lines.positionAt(d.span.end), pointer: d.pointer }))
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
