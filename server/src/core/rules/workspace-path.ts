/**
 * Where a path written in a document points, as a workspace-relative POSIX path (docs/formats/common.md#paths): relative to
 * the document's folder, or to the workspace root when it starts with `/`. Pure string work: nothing
 * is read, so a path that leaves the workspace is refused before any rule could open it.
 *
 * Backslashes are read as separators, so that `..\..\x` is caught on every system and a path
 * written on Windows finds its file on Linux too; `backslashes` tells the caller they were there
 * (the paths rule asks for forward slashes, which every tool reads the same way).
 */
export type WorkspacePath =
  | {
      readonly ok: true;
      /** Normalised and workspace-relative, without `.`/`..` segments; "" is the workspace root. */
      readonly path: string;
      readonly backslashes: boolean;
    }
  | {
      readonly ok: false;
      readonly problem: "empty" | "nul" | "home" | "drive" | "unc" | "uri" | "escapes";
      /** Why, phrased to follow the quoted path: `"~/x" starts with "~", ...`. */
      readonly reason: string;
      /** For `uri`: the scheme, lower case, without the colon (`https`, `s3`, `file`). */
      readonly scheme?: string;
      /** For `escapes`: where it leads, relative to the workspace root (`../secrets.csv`). */
      readonly resolved?: string;
    };

/**
 * Answers already given, by document path and declared path: the io rules resolve every path of a
 * document on each check, and a large manifest names thousands. Cleared whole when full.
 */
const resolved = new Map<string, WorkspacePath>();
const MAX_REMEMBERED = 50_000;

/** `documentPath` is the document's own workspace-relative POSIX path (`data/ocean.dataset.yaml`). */
export function resolveWorkspacePath(documentPath: string, declared: string): WorkspacePath {
  const key = `${documentPath}\u0000${declared}`;
  let answer = resolved.get(key);
  if (!answer) {
    if (resolved.size >= MAX_REMEMBERED) resolved.clear();
    answer = resolve(documentPath, declared);
    resolved.set(key, answer);
  }
  return answer;
}

function resolve(documentPath: string, declared: string): WorkspacePath {
  if (declared.trim() === "") return { ok: false, problem: "empty", reason: "is empty" };
  if (declared.includes("\0")) return { ok: false, problem: "nul", reason: "contains a NUL character, which no file name can hold" };
  if (declared.startsWith("~")) return { ok: false, problem: "home", reason: `starts with "~", a home folder outside the workspace` };
  const drive = /^([A-Za-z]):/.exec(declared);
  if (drive) return { ok: false, problem: "drive", reason: `is a Windows path on drive ${drive[1].toUpperCase()}:, outside the workspace` };
  if (/^[\\/]{2}/.test(declared)) return { ok: false, problem: "unc", reason: "is a network (UNC) path, outside the workspace" };
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]+):/.exec(declared);
  if (scheme) {
    const name = scheme[1].toLowerCase();
    const reason =
      name === "file" ? "is a file: URI, an absolute file-system path" : `is a URL with the ${name}: scheme, not a path in the workspace`;
    return { ok: false, problem: "uri", reason, scheme: name };
  }

  const backslashes = declared.includes("\\");
  const segments = declared.replace(/\\/g, "/");
  const fromRoot = segments.startsWith("/");
  const stack = fromRoot
    ? []
    : documentPath
        .split("/")
        .slice(0, -1)
        .filter((s) => s !== "" && s !== ".");
  let above = 0;
  let escaped = false;
  for (const segment of segments.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") stack.push(segment);
    else if (stack.length > 0) stack.pop();
    else {
      above++;
      escaped = true;
    }
  }
  if (!escaped) return { ok: true, path: stack.join("/"), backslashes };
  const resolved = [...Array<string>(above).fill(".."), ...stack].join("/");
  return { ok: false, problem: "escapes", reason: `leads to "${resolved}", above the workspace root`, resolved };
}
