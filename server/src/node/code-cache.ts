import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { Script } from "node:vm";

/**
 * Runs a CommonJS bundle as `require` would, with a V8 code cache kept in `cacheFolder`: the
 * compiled form of the functions a previous run used, so that a short command does not spend a
 * third of its time compiling the bundle again (Node 22's module.enableCompileCache, which Node 20
 * lacks, does the same). The cache is an optimisation only: a missing, stale or unreadable cache
 * or folder means compiling as usual, and V8 rejects a cache made by another V8 or for another
 * text. NODE_DISABLE_COMPILE_CACHE (Node's own switch) turns it off.
 *
 * `remember`: write the cache when the process exits, if there was none or V8 rejected it. Only
 * runs that exercise the bundle should, since the cache holds what the run compiled.
 */
export function runWithCodeCache(file: string, cacheFolder: string, remember: boolean): void {
  const source = readFileSync(file, "utf8");
  const wrapper = `(function (exports, require, module, __filename, __dirname) { ${source}\n})`;
  const disabled = process.env.NODE_DISABLE_COMPILE_CACHE !== undefined;
  const cacheFile = disabled ? undefined : path.join(cacheFolder, cacheName(file, source));
  const cachedData = cacheFile === undefined ? undefined : readIfPresent(cacheFile);
  const script = new Script(wrapper, { filename: file, cachedData });
  if (cacheFile !== undefined && remember && (cachedData === undefined || script.cachedDataRejected)) {
    process.once("exit", () => writeQuietly(cacheFile, () => script.createCachedData()));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
}

/** One cache per bundle text (by size and time written) and per Node version and architecture. */
function cacheName(file: string, source: string): string {
  const { mtimeMs } = statSync(file);
  return `${path.basename(file, ".js")}-${source.length}-${Math.round(mtimeMs)}-${process.version}-${process.arch}.v8cache`;
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written beside, then renamed: a concurrent run reads a whole cache or none. */
function writeQuietly(file: string, data: () => Buffer): void {
  const partial = `${file}.${process.pid}.partial`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(partial, data());
    renameSync(partial, file);
  } catch {
    // A read-only installation: every run compiles, as without a cache.
  }
}
