import { promises as fs } from "node:fs";
import * as path from "node:path";
import { isInside, toWorkspacePath } from "../node/workspace-files";

/**
 * Where an agent may look and write: inside the workspace root the server was started in, and
 * nowhere else. A path is judged by where it really leads, every link followed, so that neither
 * `../` nor a symbolic link inside the workspace reaches a file outside it.
 */

/** A path an agent gave that the tools refuse: outside the workspace, or not there. */
export class ToolInputError extends Error {}

/** A path inside the workspace, as the real file system has it. */
export interface WorkspacePlace {
  /** With every link followed. */
  readonly real: string;
  /** Workspace-relative POSIX path ("" for the root). */
  readonly relative: string;
}

/** An existing file or folder inside `root` (a real path), given relative to the root or absolute. */
export async function existingPlace(root: string, given: string): Promise<WorkspacePlace> {
  const resolved = path.resolve(root, given);
  if (!isInside(root, resolved)) throw outside(given, root);
  let real: string;
  try {
    real = await fs.realpath(resolved);
  } catch {
    throw new ToolInputError(`${given}: no such file or folder in the workspace.`);
  }
  if (!isInside(root, real)) throw outside(given, root, true);
  return { real, relative: toWorkspacePath(root, real) };
}

/**
 * A file name inside `root` that may not exist yet (a text checked under that name): the name
 * itself and its nearest existing ancestor must both lie inside the workspace, links followed.
 */
export async function namedPlace(root: string, given: string): Promise<WorkspacePlace & { readonly existing: string }> {
  const resolved = path.resolve(root, given);
  if (!isInside(root, resolved) || resolved === root) throw outside(given, root);
  let existing = resolved;
  for (;;) {
    try {
      const real = await fs.realpath(existing);
      if (!isInside(root, real)) throw outside(given, root, true);
      const rest = path.relative(existing, resolved);
      const full = rest === "" ? real : path.join(real, rest);
      return { real: full, relative: toWorkspacePath(root, full), existing: real };
    } catch (error) {
      if (error instanceof ToolInputError) throw error;
      const parent = path.dirname(existing);
      if (parent === existing) throw outside(given, root);
      existing = parent;
    }
  }
}

function outside(given: string, root: string, throughLink = false): ToolInputError {
  return new ToolInputError(
    `${given}: outside the workspace ${root}${throughLink ? " (through a symbolic link)" : ""}; the tools read and write only inside it.`,
  );
}
