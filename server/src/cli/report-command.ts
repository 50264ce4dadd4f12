import * as path from "node:path";
import { formatReadiness, itemsWith, type ReadinessModel } from "../core/index";
import type { ReportCommand, ReportFailOn } from "./args";
import { checkForCommand, writeOutput, type CommandIO } from "./command-io";
import { displayPathFrom } from "./display-path";
import type { CheckedWorkspace } from "./run";

/**
 * Runs `report`: the readiness checklist (docs/checklist.md) of the documents under the paths, from the same
 * check as `check` (same documents, diagnostics and configuration), in the chosen format. Exit 0
 * when the report was written and no item reaches `--fail-on`, 1 when one does (a failing item,
 * by default: the report is a CI gate), 2 on an unreadable path or file.
 */
export async function reportCommand(command: ReportCommand, io: CommandIO & { readonly now?: () => Date }): Promise<number> {
  const run = await checkForCommand(command, io);
  if (run === 2) return 2;
  const model = readinessOf(run.workspace);
  const root = rootLabel(run.report.root, io.cwd);
  const lineage = run.workspace.host.lineage(run.workspace.isReported);
  const generatedAt = (io.now?.() ?? new Date()).toISOString();
  const placePath = displayPathFrom(io.cwd, run.report.root);
  const text = formatReadiness({ root, generatedAt, model, lineage, placePath }, command.format);
  if (!(await writeOutput(text, command.output, io))) return 2;
  return run.problems.length > 0 ? 2 : reportExitCode(model, command.failOn);
}

/** 1 when an item reaches the `--fail-on` status (`warn` counts failing items too), else 0. */
export function reportExitCode(model: ReadinessModel, failOn: ReportFailOn): 0 | 1 {
  if (failOn === "never") return 0;
  const reached = itemsWith(model, "fail").length + (failOn === "warn" ? itemsWith(model, "warn").length : 0);
  return reached > 0 ? 1 : 0;
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
