import * as path from "node:path";
import { formatReadiness, type ReadinessModel } from "../core/index";
import type { ReportCommand } from "./args";
import { checkForCommand, writeOutput, type CommandIO } from "./command-io";
import type { CheckedWorkspace } from "./run";

/**
 * Runs `report`: the readiness checklist (docs/checklist.md) of the documents under the paths, from the same
 * check as `check` (same documents, diagnostics and configuration), in the chosen format. Exit 0
 * when the report was written, 2 on an unreadable path or file.
 */
export async function reportCommand(command: ReportCommand, io: CommandIO & { readonly now?: () => Date }): Promise<number> {
  const run = await checkForCommand(command, io);
  if (run === 2) return 2;
  const model = readinessOf(run.workspace);
  const root = rootLabel(run.report.root, io.cwd);
  const lineage = run.workspace.host.lineage(run.workspace.isReported);
  const text = formatReadiness({ root, generatedAt: (io.now?.() ?? new Date()).toISOString(), model, lineage }, command.format);
  if (!(await writeOutput(text, command.output, io))) return 2;
  return run.problems.length > 0 ? 2 : 0;
}

/** The readiness model of the reported documents (the CLI runs where its user trusts the files). */
export function readinessOf(workspace: CheckedWorkspace): ReadinessModel {
  return workspace.host.readiness(workspace.isReported);
}

/** How a report names its root: relative to the current folder when inside it, else absolute. */
export function rootLabel(root: string, cwd: string): string {
  const relative = path.relative(cwd, root);
  if (relative === "") return path.basename(root);
  return relative.startsWith("..") || path.isAbsolute(relative) ? root : relative.split(path.sep).join("/");
}
