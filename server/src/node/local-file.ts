import { promises as fs } from "node:fs";
import * as path from "node:path";
import { hashFile } from "../io/hash-file";
import { isInside } from "./workspace-files";

/**
 * The SHA-256 (streamed, as the io rules hash) and size of a file an imported source names, by its
 * workspace path; undefined when it is not a file inside `root` once every link is followed (a
 * missing file, a folder, a link that leads out of the workspace). `root` is a real path.
 */
export async function localFileFacts(root: string, workspacePath: string): Promise<{ sha256: string; bytes: number } | undefined> {
  try {
    const real = await fs.realpath(path.join(root, ...workspacePath.split("/")));
    if (!isInside(root, real)) return undefined;
    const stat = await fs.stat(real);
    return stat.isFile() ? { sha256: await hashFile(real), bytes: stat.size } : undefined;
  } catch {
    return undefined;
  }
}
