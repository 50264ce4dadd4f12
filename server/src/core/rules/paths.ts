import { isRecord, parentPointer, select, valueAt } from "../pointer";
import type { DocumentCheck } from "./context";
import { pathPositions, type PathPosition } from "./path-positions";
import { resolveWorkspacePath } from "./workspace-path";

/**
 * `path/outside-workspace`: every file a document names stays inside the workspace (docs/formats/common.md#paths). A path
 * that stays inside but uses backslashes is resolved (see workspace-path.ts) and reported as
 * `schema/pattern` with the forward-slash form, since other tools read `\` as part of a file name.
 * An empty path and a path that is not a string are left to the schema and the io rules.
 */
const workspacePathCheck: DocumentCheck = {
  name: "workspace-paths",
  reports: ["path/outside-workspace", "schema/pattern"],
  check({ document, value, report }) {
    // Messages are worded only for a path that has a problem: most have none. At the workspace root the
    // document's folder is the root, and a leading "/" changes nothing: said once.
    const folder = document.path.includes("/") ? `"${document.path.slice(0, document.path.lastIndexOf("/") + 1)}"` : undefined;
    for (const position of pathPositions(document.kind)) {
      for (const { pointer, value: declared } of select(value, position.pattern)) {
        if (typeof declared !== "string" || skipped(value, pointer, position)) continue;
        const resolved = resolveWorkspacePath(document.path, declared);
        if (resolved.ok && !resolved.backslashes) continue;
        const shown = `"${declared.replace(/\0/g, "\\0")}"`;
        if (resolved.ok) {
          const replacement = declared.replace(/\\/g, "/");
          report({
            rule: "schema/pattern",
            pointer,
            message: `${shown} separates folders with backslashes; write "${replacement}": paths use "/" on every system.`,
            data: { replacement },
          });
          continue;
        }
        if (resolved.problem === "empty") continue;
        if (resolved.problem === "uri") {
          if (position.accepts === "path-or-uri" && resolved.scheme !== "file") continue;
          if (position.accepts === "path-or-https" && resolved.scheme === "https") continue;
        }
        const separators = resolved.problem === "escapes" && declared.includes("\\") ? ` (reading "\\" as "/")` : "";
        const remedy =
          resolved.problem === "uri" && resolved.scheme !== "file"
            ? position.accepts === "path-or-https"
              ? `${position.role} is a path in the workspace or an https: URL`
              : folder === undefined
                ? `${position.role} is a file in the workspace, named by a path relative to the workspace root, where this document is`
                : `${position.role} is a file in the workspace, named by a path relative to this document's folder (${folder}) ` +
                  'or, starting with "/", to the workspace root'
            : folder === undefined
              ? "paths must stay inside the workspace: relative to the workspace root, where this document is"
              : `paths must stay inside the workspace: relative to this document's folder (${folder}), ` +
                'or to the workspace root when they start with "/"';
        report({
          rule: "path/outside-workspace",
          pointer,
          message: `${shown} ${resolved.reason}${separators}; ${remedy}.`,
          data: { problem: resolved.problem, ...(resolved.resolved !== undefined ? { resolved: resolved.resolved } : {}) },
        });
      }
    }
  },
};

export const pathsChecks: readonly DocumentCheck[] = [workspacePathCheck];

function skipped(root: unknown, pointer: string, position: PathPosition): boolean {
  if (!position.unlessSibling) return false;
  const parent = valueAt(root, parentPointer(pointer));
  return isRecord(parent) && parent[position.unlessSibling.key] === position.unlessSibling.value;
}
