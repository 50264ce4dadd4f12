import { createHash, randomBytes, type KeyObject } from "node:crypto";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  bundleStatement,
  crateMetadata,
  formatReadiness,
  METADATA_FILE,
  REPORT_HTML_FILE,
  REPORT_JSON_FILE,
  STATEMENT_FILE,
  WAIVERS_FILE,
  type BundledFile,
  type BundledRole,
  type WorkspaceHost,
} from "../core/index";
import type { EvidenceProgress } from "../io/evidence-service";
import { HashPool } from "../io/hash-pool";
import { errorCode } from "../node/workspace-files";
import { BundleError } from "./bundle-error";
import { collectSources } from "./collect";
import { keyIdOf, signStatement } from "./signing";
import { stageSources } from "./stage";
import { writeZip } from "./zip-write";

export interface BundleRequest {
  /** Real path of the workspace root. */
  readonly root: string;
  readonly host: WorkspaceHost;
  /** The documents to bundle (the CLI's paths, or every document of an editor's folder). */
  readonly isReported: (path: string) => boolean;
  /** How the report names the root (`examples`). */
  readonly name: string;
  /** Absolute; a folder to create, or a file when it ends in `.zip`. */
  readonly out: string;
  readonly key?: KeyObject;
  readonly generator: { readonly name: string; readonly version: string };
  readonly now: Date;
  readonly onProgress?: (progress: EvidenceProgress) => void;
  readonly signal?: AbortSignal;
}

export interface BundleSummary {
  readonly out: string;
  readonly zip: boolean;
  /** Files in the bundle, the metadata and the statement included. */
  readonly files: number;
  readonly bytes: number;
  /** The signing key's id (hex SHA-256 of its public key) when signed. */
  readonly keyid?: string;
}

/**
 * Writes a submission bundle (docs/bundles.md). Everything is made in a hidden staging folder
 * beside `out`, which becomes `out` only once every file has been copied and found to hold what
 * its documents declare: a failure (a missing file, a digest mismatch, a cancel) leaves nothing
 * behind. An existing `out` is never replaced.
 */
export async function writeBundle(request: BundleRequest): Promise<BundleSummary> {
  const zip = request.out.toLowerCase().endsWith(".zip");
  await refuseExisting(request.out);
  const parent = path.dirname(request.out);
  if (!(await isFolder(parent))) throw new BundleError(`${parent}: no such folder to write the bundle in.`, 2);
  const sources = await collectSources(request.root, request.host, request.isReported);
  const partial = path.join(parent, `.${path.basename(request.out)}.partial-${randomBytes(6).toString("hex")}`);
  const staging = zip ? `${partial}.d` : partial;
  await fs.mkdir(staging);
  const pool = new HashPool();
  try {
    const files = await stageSources(sources, staging, pool, request.onProgress, request.signal);
    files.push(...(await writeReports(staging, request)));
    const metadata = crateMetadata({
      name: request.name,
      created: request.now.toISOString(),
      generator: request.generator,
      files,
      signed: request.key !== undefined,
    });
    const all = [...files, await writeText(staging, METADATA_FILE, `${JSON.stringify(metadata, null, 2)}\n`, "report")];
    if (request.key) all.push(await writeText(staging, STATEMENT_FILE, `${JSON.stringify(signed(all, request), null, 2)}\n`, "report"));
    if (zip) {
      const order = [METADATA_FILE, ...all.map((file) => file.path).filter((p) => p !== METADATA_FILE)];
      const byPath = new Map(all.map((file) => [file.path, file]));
      const items = order.map((p) => ({ path: p, bytes: byPath.get(p)!.bytes, compress: byPath.get(p)!.role !== "file" }));
      await writeZip(staging, items, partial);
      await publishFile(partial, request.out);
    } else {
      await refuseExisting(request.out);
      await fs.rename(staging, request.out);
    }
    return {
      out: request.out,
      zip,
      files: all.length,
      bytes: all.reduce((sum, file) => sum + file.bytes, 0),
      ...(request.key ? { keyid: keyIdOf(request.key) } : {}),
    };
  } finally {
    pool.dispose();
    await fs.rm(staging, { recursive: true, force: true });
    if (zip) await fs.rm(partial, { force: true });
  }
}

/** The readiness report (HTML and JSON) and the waivers, as `report` writes them. */
async function writeReports(staging: string, request: BundleRequest): Promise<BundledFile[]> {
  const model = request.host.readiness(request.isReported);
  const lineage = request.host.lineage(request.isReported);
  const report = { root: request.name, generatedAt: request.now.toISOString(), model, lineage };
  const waivers = { version: 1, waivers: model.waivers ?? [] };
  return [
    await writeText(staging, REPORT_HTML_FILE, formatReadiness(report, "html"), "report"),
    await writeText(staging, REPORT_JSON_FILE, formatReadiness(report, "json"), "report"),
    await writeText(staging, WAIVERS_FILE, `${JSON.stringify(waivers, null, 2)}\n`, "waivers"),
  ];
}

/** The DSSE envelope of the statement naming every file but the envelope. */
function signed(files: readonly BundledFile[], request: BundleRequest & { key?: KeyObject }) {
  const { score } = request.host.readiness(request.isReported);
  const statement = bundleStatement(
    files.map((file) => ({ name: file.path, digest: { sha256: file.sha256 } })),
    {
      generator: request.generator,
      created: request.now.toISOString(),
      crateMetadata: METADATA_FILE,
      readiness: {
        score: score.applicable > 0 ? Math.round((score.passed / score.applicable) * 1000) / 1000 : 0,
        passed: score.passed,
        applicable: score.applicable,
      },
    },
  );
  return signStatement(statement, request.key!);
}

async function writeText(staging: string, relative: string, text: string, role: BundledRole): Promise<BundledFile> {
  const target = path.join(staging, ...relative.split("/"));
  await fs.mkdir(path.dirname(target), { recursive: true });
  const bytes = Buffer.from(text, "utf8");
  await fs.writeFile(target, bytes, { flag: "wx" });
  return { path: relative, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length, role };
}

/** Gives the finished zip its name without replacing a file that appeared meanwhile (a link fails on an existing name). */
async function publishFile(partial: string, out: string): Promise<void> {
  try {
    await fs.link(partial, out);
  } catch (error) {
    if (errorCode(error) === "EEXIST") throw new BundleError(`${out}: exists already; the bundle never replaces a file or folder.`, 2);
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS"].includes(errorCode(error) ?? "")) throw error;
    // A file system without hard links: checked once more, then renamed.
    await refuseExisting(out);
    await fs.rename(partial, out);
  }
}

async function refuseExisting(out: string): Promise<void> {
  try {
    await fs.lstat(out);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return;
    throw error;
  }
  throw new BundleError(`${out}: exists already; the bundle never replaces a file or folder.`, 2);
}

async function isFolder(absolute: string): Promise<boolean> {
  try {
    return (await fs.stat(absolute)).isDirectory();
  } catch {
    return false;
  }
}
