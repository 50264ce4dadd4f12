import { Engine, isoDateOf, LineIndex, ruleDocUrl, type Diagnostic } from "../core/index";
import { PathError, runCheck, type CheckRun, type RunProblem } from "../cli/run";
import type { ReportedDiagnostic } from "../cli/report";
import { toWorkspacePath } from "../node/workspace-files";
import type { ToolDiagnostic } from "./output-shapes";
import { ToolInputError } from "./workspace-paths";

/**
 * The workspace the agents' tools look at: the folder the server was started in. Each call loads
 * it afresh, as `genesis-readiness check` does (the same WorkspaceHost, configuration, size limit
 * and rules), so that an agent sees the files as they are now, edits by others included.
 */
export class McpWorkspace {
  constructor(
    /** A real path. */
    readonly root: string,
  ) {}

  /** The documents under `paths` (real paths inside the root) checked with the whole workspace loaded. */
  async load(paths: readonly string[], io: boolean): Promise<CheckRun> {
    try {
      return await runCheck({ paths, noIo: !io, root: this.root }, this.root, new Engine({ today: () => isoDateOf(new Date()) }));
    } catch (error) {
      if (error instanceof PathError) throw new ToolInputError(error.message);
      throw error;
    }
  }

  problems(run: CheckRun): { path: string; message: string }[] {
    return run.problems.map((problem) => ({ path: toWorkspacePath(this.root, problem.absolute), message: problem.message }));
  }
}

export type { RunProblem };

/** A diagnostic as the CLI located it, in the tools' shape. */
export function fromReported(d: ReportedDiagnostic): ToolDiagnostic {
  return {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    range: { start: d.start, end: d.end },
    pointer: d.pointer,
    docs: ruleDocUrl(d.rule),
  };
}

/** The core's diagnostics of `text` (offsets) in the tools' shape (0-based positions), in position order. */
export function located(text: string, diagnostics: readonly Diagnostic[]): ToolDiagnostic[] {
  const lines = new LineIndex(text);
  return diagnostics
    .map((d) => ({
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      range: { start: lines.positionAt(d.span.start), end: lines.positionAt(d.span.end) },
      pointer: d.pointer,
      docs: ruleDocUrl(d.rule),
    }))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
