import * as path from "node:path";

/**
 * How a document is named in the output a person reads in a terminal (text, GitHub annotations,
 * GitLab Code Quality, JUnit): relative to the folder the command was typed in, with `/`
 * separators, so that a click in the terminal (or the CI's own link) opens it. A document outside
 * that folder gets its absolute path: a `../../` chain is harder to read than the path itself.
 * JSON and SARIF keep their workspace-relative paths beside the root they name.
 */
export type DisplayPath = (workspacePath: string) => string;

export function displayPathFrom(cwd: string, root: string): DisplayPath {
  return (workspacePath) => {
    const absolute = path.join(root, ...workspacePath.split("/"));
    const relative = path.relative(cwd, absolute);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return absolute;
    return relative.split(path.sep).join("/");
  };
}
