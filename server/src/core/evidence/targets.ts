import type { GenesisDocument } from "../document";
import { isRecord, parentPointer, select, valueAt } from "../pointer";
import { pathPositions, type PathPosition } from "../rules/path-positions";
import { placeholderProblem } from "../rules/placeholder-text";
import { resolveWorkspacePath } from "../rules/workspace-path";

/** The rule that reports a file named at a position when it does not exist. */
export type ExistenceRule = "integrity/file-missing" | "repro/lockfile" | "governance/policy-missing";

/**
 * Which rule owns each path position of path-positions.ts. A position missing here is not checked
 * for existence. A local `/audit/log` must exist (docs/rules.md#governance-policy-missing): the
 * binder holds the log the platform audits; a URI there (`https://`, `s3://`) names no local file
 * and is never read (fileTargets leaves it out).
 */
const EXISTENCE_RULES: Readonly<Record<string, ExistenceRule>> = {
  "/distribution/*/path": "integrity/file-missing",
  "/artifacts/*/path": "integrity/file-missing",
  "/engine/entrypoint": "integrity/file-missing",
  "/reproducibility/lockfile": "repro/lockfile",
  "/training/environment/lockfile": "repro/lockfile",
  "/access/policy": "governance/policy-missing",
  "/governance/binder": "governance/policy-missing",
  "/ci/workflow": "governance/policy-missing",
  "/docs/dataFlowDiagram": "governance/policy-missing",
  "/docs/architectureDiagram": "governance/policy-missing",
  "/audit/log": "governance/policy-missing",
};

/** A file a document names, resolved inside the workspace. */
export interface FileTarget {
  /** Pointer of the path value. */
  readonly pointer: string;
  /** As written in the document. */
  readonly declared: string;
  /** Workspace-relative POSIX path: the evidence key. */
  readonly path: string;
  readonly rule: ExistenceRule;
  /** The pattern of the path position (path-positions.ts) it was found at, such as `/ci/workflow`. */
  readonly position: string;
  /** How the file reads in a message: "the lockfile". */
  readonly role: string;
  /** The distribution or artifact holding the path, for its sha256, format and signature. */
  readonly item?: { readonly pointer: string; readonly value: Readonly<Record<string, unknown>> };
}

/**
 * Every local file the document names at a position with an existence rule. URLs, paths that
 * leave the workspace, empty paths and placeholders are left out: they are never read
 * (`path/outside-workspace` reports the paths that leave, `placeholder/value` the placeholders, from the text alone).
 */
export function fileTargets(document: GenesisDocument): FileTarget[] {
  const root = document.tree.value;
  const targets: FileTarget[] = [];
  for (const { pointer, value, rule, position } of namedPaths(document)) {
    // A template's placeholder names no file of the project: `placeholder/value` reports it instead.
    if (placeholderProblem(value, { dataPath: rule === "integrity/file-missing" })) continue;
    const resolved = resolveWorkspacePath(document.path, value);
    if (!resolved.ok || resolved.path === "") continue;
    const itemPointer = parentPointer(pointer);
    const item = position.pattern.includes("*") ? valueAt(root, itemPointer) : undefined;
    targets.push({
      pointer,
      declared: value,
      path: resolved.path,
      rule,
      position: position.pattern,
      role: position.role,
      item: isRecord(item) ? { pointer: itemPointer, value: item } : undefined,
    });
  }
  return targets;
}

/** Pointers of the paths that name a data file, an artifact or an entrypoint (`integrity/file-missing`'s positions). */
export function dataPathPointers(document: GenesisDocument): Set<string> {
  return new Set(
    namedPaths(document)
      .filter((named) => named.rule === "integrity/file-missing")
      .map((named) => named.pointer),
  );
}

interface NamedPath {
  readonly pointer: string;
  readonly value: string;
  readonly rule: ExistenceRule;
  readonly position: PathPosition;
}

/** Every string at a path position with an existence rule, as written. */
function namedPaths(document: GenesisDocument): NamedPath[] {
  const root = document.tree.value;
  if (!isRecord(root)) return [];
  const named: NamedPath[] = [];
  for (const position of pathPositions(document.kind)) {
    const rule = EXISTENCE_RULES[position.pattern];
    if (!rule) continue;
    for (const { pointer, value } of select(root, position.pattern)) {
      if (typeof value === "string" && !skipped(root, pointer, position)) named.push({ pointer, value, rule, position });
    }
  }
  return named;
}

function skipped(root: unknown, pointer: string, position: PathPosition): boolean {
  if (!position.unlessSibling) return false;
  const parent = valueAt(root, parentPointer(pointer));
  return isRecord(parent) && parent[position.unlessSibling.key] === position.unlessSibling.value;
}
