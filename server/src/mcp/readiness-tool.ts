import type { ReadinessModel } from "../core/index";
import type { ReadinessResult } from "./output-shapes";
import { existingPlace } from "./workspace-paths";
import type { McpWorkspace } from "./workspace-session";

/** The `readiness` tool: the checklist (docs/checklist.md) of the documents under the paths, judged against the whole workspace. */
export async function readinessOf(workspace: McpWorkspace, given: readonly string[]): Promise<ReadinessResult> {
  const places = await Promise.all((given.length > 0 ? given : ["."]).map((path) => existingPlace(workspace.root, path)));
  const run = await workspace.load(
    places.map((place) => place.real),
    true,
  );
  return { ...flatten(run.workspace.host.readiness(run.workspace.isReported)), problems: workspace.problems(run) };
}

/** The items of every group in one list, each naming its group; only what an agent acts on. */
function flatten(model: ReadinessModel): Omit<ReadinessResult, "problems"> {
  const items = model.groups.flatMap((group) =>
    group.items.map((item) => ({
      id: item.id,
      group: group.id,
      title: item.title,
      status: item.status,
      reason: item.reason,
      evidence: item.evidence.map((e) => ({
        path: e.path,
        ...(e.range ? { range: { start: e.range.start, end: e.range.end } } : {}),
        ...(e.rule ? { rule: e.rule } : {}),
        message: e.message,
        status: e.status,
      })),
    })),
  );
  return { score: { passed: model.score.passed, applicable: model.score.applicable }, items };
}

export function readinessSummaryText(result: ReadinessResult): string {
  const failing = result.items.filter((item) => item.status === "fail" || item.status === "warn");
  return [
    `Readiness ${result.score.passed}/${result.score.applicable} items pass.`,
    ...failing.map((item) => `${item.status.toUpperCase()} ${item.id} (${item.title}): ${item.reason}`),
  ].join("\n");
}
