import { promises as fs } from "node:fs";
import * as path from "node:path";
import { declaredDataPaths, Engine, IMPORT_KIND, ImportError, importDocument, importFormatOf, isoDateOf, KIND_NAME } from "../core/index";
import { localFileFacts } from "../node/local-file";
import {
  describeError,
  errorCode,
  findConfigFolder,
  isInside,
  readTextFile,
  toWorkspacePath,
  type FileText,
} from "../node/workspace-files";
import type { ImportCommand } from "./args";
import { PathError, runCheck } from "./run";

export interface ImportIo {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** The largest source read: Croissant files of large datasets list many files, but stay far below this. */
const MAX_SOURCE_BYTES = 64 * 1024 * 1024;

/**
 * `import FILE [--out FILE]` (docs/cli.md): converts a file of the field into a new Genesis document.
 * The workspace root is `--root`, else the nearest folder holding genesis.config.yaml above the
 * source, else the current folder; nothing outside it is read, and no link out of it is followed.
 * The new document is never written over an existing file: exit 2, the file left as it was.
 */
export async function importCommand(command: ImportCommand, io: ImportIo): Promise<number> {
  const fail = (message: string) => (io.err(`genesis-readiness import: ${message}\n`), 2);
  const given = path.resolve(io.cwd, command.file);
  let source: string;
  try {
    source = await fs.realpath(given);
    if (!(await fs.stat(source)).isFile()) return fail(`${command.file}: not a file.`);
  } catch (error) {
    return fail(`${command.file}: ${describeError(error)}.`);
  }
  const root = await rootFor(command, given, io.cwd);
  if (!isInside(root, source))
    return fail(`${command.file}: outside the workspace root ${root}; pass --root to import from another workspace.`);

  const out = command.out === undefined ? undefined : path.resolve(io.cwd, command.out);
  if (out !== undefined) {
    const outFolder = await realFolder(path.dirname(out));
    if (outFolder === undefined || !isInside(root, outFolder))
      return fail(`--out ${command.out}: not in a folder of the workspace ${root}; the new document's paths are relative to it.`);
    if (await exists(out)) return fail(`${command.out} already exists; it was left as it is. Choose another --out.`);
  }

  let content: FileText;
  try {
    content = await readTextFile(source, MAX_SOURCE_BYTES);
  } catch (error) {
    return fail(`${command.file}: ${describeError(error)}.`);
  }
  if (content.kind !== "text") return fail(`${command.file}: larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MiB.`);
  const sourcePath = toWorkspacePath(root, source);
  const format = importFormatOf(sourcePath, content.text);
  const engine = new Engine({ today: () => isoDateOf(new Date()) });

  let declaredPaths: ReadonlyMap<string, string> = new Map();
  if (format && IMPORT_KIND[format] === "PipelineConfig") {
    // The manifests and model cards of the workspace say which references the pipeline's files are.
    try {
      const run = await runCheck({ paths: [root], root, noIo: true }, io.cwd, engine);
      declaredPaths = declaredDataPaths(run.workspace.host.allFacts());
    } catch (error) {
      if (!(error instanceof PathError)) throw error;
    }
  }

  let result;
  try {
    result = await importDocument(
      { path: sourcePath, text: content.text },
      {
        localFile: (workspacePath) => localFileFacts(root, workspacePath),
        declaredPaths,
        today: isoDateOf(new Date()),
        outputFolder: out === undefined ? undefined : toWorkspacePath(root, await fs.realpath(path.dirname(out))),
      },
      engine,
    );
  } catch (error) {
    if (error instanceof ImportError) return fail(`${command.file}: ${error.message}`);
    throw error;
  }

  const target = out ?? path.join(path.dirname(source), result.fileName);
  const shown = path.relative(io.cwd, target) || target;
  try {
    await fs.writeFile(target, result.text, { flag: "wx" });
  } catch (error) {
    if (errorCode(error) === "EEXIST") return fail(`${shown} already exists; it was left as it is. Choose another name with --out.`);
    return fail(`cannot write ${shown}: ${describeError(error)}.`);
  }
  for (const note of result.notes) io.err(`genesis-readiness import: note: ${note}\n`);
  io.out(
    `Wrote ${shown}: a ${KIND_NAME[result.kind]} made from ${command.file}. ` +
      `Fill in its placeholders (genesis-readiness check lists them as placeholder/value).\n`,
  );
  return 0;
}

async function rootFor(command: ImportCommand, source: string, cwd: string): Promise<string> {
  if (command.root !== undefined) return fs.realpath(path.resolve(cwd, command.root)).catch(() => path.resolve(cwd, command.root!));
  return fs.realpath((await findConfigFolder(path.dirname(source))) ?? cwd);
}

async function realFolder(folder: string): Promise<string | undefined> {
  try {
    const real = await fs.realpath(folder);
    return (await fs.stat(real)).isDirectory() ? real : undefined;
  } catch {
    return undefined;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.lstat(file);
    return true;
  } catch {
    return false;
  }
}
