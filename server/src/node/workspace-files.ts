import type { Dirent, Stats } from "node:fs";
import { closeSync, fstatSync, openSync, promises as fs, readSync } from "node:fs";
import * as path from "node:path";
import { CONFIG_FILE_NAME } from "../core/evidence-api";
import { decodeText } from "./text-decoding";

/**
 * The file system side of a workspace, shared by the command line and the language server: which
 * files a check covers, and reading them as text. Paths given to the engine are relative to the
 * workspace root with `/` separators; nothing outside the root is ever listed or read.
 */

/** Folders never walked into: installed dependencies and version-control internals. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(["node_modules", ".git"]);

/** True when `candidate` is `root` itself or lies below it (both absolute, already resolved). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  if (relative === "") return true;
  const firstSegment = relative.split(path.sep, 1)[0];
  return firstSegment !== ".." && !path.isAbsolute(relative);
}

/** `absolute` relative to `root`, with `/` separators, as the engine and the reports name files. */
export function toWorkspacePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join("/");
}

/** The nearest folder at or above `start` (a folder) that holds `genesis.config.yaml`. */
export async function findConfigFolder(start: string): Promise<string | undefined> {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    if (await isFile(path.join(folder, CONFIG_FILE_NAME))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

export async function isFile(absolute: string): Promise<boolean> {
  try {
    return (await fs.stat(absolute)).isFile();
  } catch {
    return false;
  }
}

export interface WorkspaceFile {
  /** The file's real path (links resolved), always inside the root. */
  readonly absolute: string;
  /** `absolute` relative to the root, with `/` separators. */
  readonly path: string;
}

/** A file or folder that exists but could not be listed or read. */
export interface FileProblem {
  readonly absolute: string;
  readonly message: string;
}

export interface FileListing {
  /**
   * Sorted by `path`. Each file is named by its real path, so a file that links lead to is listed
   * once, under one name, whatever order the folders are read in.
   */
  readonly files: readonly WorkspaceFile[];
  readonly problems: readonly FileProblem[];
}

export interface ListOptions {
  /** Decides on a file from its workspace-relative POSIX path (extension, ignore globs...). */
  readonly accept: (path: string) => boolean;
}

/**
 * Lists the accepted files at or below each start (a file or a folder). `root` and every start
 * must be real paths (no links left in them) and each start must be inside `root`. Links are
 * followed only when they lead to a place inside the root; dangling links are passed over, and a
 * link back to a folder already walked is not walked again.
 */
export async function listWorkspaceFiles(root: string, starts: readonly string[], options: ListOptions): Promise<FileListing> {
  const walk = new Walk(root, options);
  for (const start of starts) await walk.visit(start);
  const files = [...walk.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems: walk.problems };
}

class Walk {
  readonly files: WorkspaceFile[] = [];
  readonly problems: FileProblem[] = [];
  private readonly seenFiles = new Set<string>();
  private readonly seenFolders = new Set<string>();

  constructor(
    private readonly root: string,
    private readonly options: ListOptions,
  ) {}

  /**
   * A start, or a link met on the way (`linkName` set): resolved before anything is decided. A
   * start is walked whatever its name; a link named like a skipped folder is not.
   */
  async visit(absolute: string, linkName?: string): Promise<void> {
    let real: string;
    let stats: Stats;
    try {
      real = await fs.realpath(absolute);
      stats = await fs.stat(real);
    } catch (error) {
      if (errorCode(error) !== "ENOENT" && errorCode(error) !== "ELOOP") this.problem(absolute, error);
      return; // a dangling or looping link leads nowhere
    }
    if (!isInside(this.root, real)) return; // never follow a link out of the workspace
    if (stats.isDirectory()) {
      if (linkName === undefined || !SKIPPED_FOLDERS.has(linkName)) await this.visitFolder(real);
    } else if (stats.isFile()) {
      this.addFile(real);
    }
  }

  /** A real folder: walked once, however many links lead to it. */
  private async visitFolder(real: string): Promise<void> {
    if (this.seenFolders.has(real)) return;
    this.seenFolders.add(real);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(real, { withFileTypes: true });
    } catch (error) {
      this.problem(real, error);
      return;
    }
    for (const entry of entries) {
      const child = path.join(real, entry.name);
      if (entry.isSymbolicLink()) await this.visit(child, entry.name);
      else if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) await this.visitFolder(child);
      } else if (entry.isFile()) this.addFile(child);
    }
  }

  private addFile(real: string): void {
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    const relative = toWorkspacePath(this.root, real);
    if (this.options.accept(relative)) this.files.push({ absolute: real, path: relative });
  }

  private problem(absolute: string, error: unknown): void {
    this.problems.push({ absolute, message: describeError(error) });
  }
}

export type FileText =
  | { readonly kind: "text"; readonly text: string }
  /** Not read whole: `head` is the decoded start of the file, enough to recognise it. */
  | { readonly kind: "too-large"; readonly bytes: number; readonly head: string };

/**
 * Reads a file as text (see decodeText). A file larger than `maxBytes` is not read whole: only its
 * first `headBytes`. Throws the file system's error when the file cannot be read.
 */
export async function readTextFile(absolute: string, maxBytes: number, headBytes = 4096): Promise<FileText> {
  const handle = await fs.open(absolute, "r");
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      const buffer = Buffer.alloc(Math.min(headBytes, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return { kind: "too-large", bytes: size, head: decodeText(buffer.subarray(0, bytesRead)) };
    }
    return { kind: "text", text: decodeText(await handle.readFile()) };
  } finally {
    await handle.close();
  }
}

/**
 * `readTextFile` without a trip through libuv's thread pool for each step: for a thread whose only
 * work is reading and checking many small files (the CLI's analysis), about ten times faster.
 * Never call it on the language server's main thread.
 */
export function readTextFileSync(absolute: string, maxBytes: number, headBytes = 4096): FileText {
  const fd = openSync(absolute, "r");
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) return { kind: "too-large", bytes: size, head: decodeText(readUpTo(fd, Math.min(headBytes, size))) };
    return { kind: "text", text: decodeText(readToEnd(fd, size)) };
  } finally {
    closeSync(fd);
  }
}

/** Up to `length` bytes from the start of the file. */
function readUpTo(fd: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, buffer, filled, length - filled, filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

/** Where readToEnd looks for bytes past the size a file had: reused, since it is almost always empty. */
const growth = Buffer.allocUnsafe(64 * 1024);

/** The whole file: `expected` bytes by its size, and whatever it grew by since. */
function readToEnd(fd: number, expected: number): Buffer {
  const chunks = [readUpTo(fd, expected)];
  let position = chunks[0].length;
  for (;;) {
    const read = readSync(fd, growth, 0, growth.length, position);
    if (read === 0) return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
    chunks.push(Buffer.from(growth.subarray(0, read)));
    position += read;
  }
}

export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
}

/** A file system error as a short phrase: "permission denied", "not a folder", or its message. */
export function describeError(error: unknown): string {
  switch (errorCode(error)) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
      return "not a folder";
    case "EISDIR":
      return "is a folder";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
