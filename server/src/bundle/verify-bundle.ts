import type { KeyObject } from "node:crypto";
import { listedFiles, METADATA_FILE, readEnvelope, readStatement, STATEMENT_FILE, type DsseEnvelope } from "../core/index";
import type { EvidenceProgress } from "../io/evidence-service";
import { HashPool } from "../io/hash-pool";
import { openBundle, type BundleContents } from "./bundle-contents";
import { BundleError } from "./bundle-error";
import { envelopeSignedBy, keyIdOf } from "./signing";

export interface Verdict {
  /** One line per thing that does not hold, each naming its file; empty when the bundle verifies. */
  readonly problems: readonly string[];
  /** What the user should know that is not a failure (a signature left unchecked). */
  readonly notes: readonly string[];
  /** Files the bundle holds. */
  readonly files: number;
  readonly signed: boolean;
}

/**
 * Checks a bundle offline (docs/bundles.md#verifying): every file the crate metadata lists is
 * there with its sha256 and size, no other file is, and, when signed, the statement names exactly
 * the same files (the metadata among them) with the same digests. With a key, the envelope must
 * carry that key's signature over the statement; a key given for an unsigned bundle is a failure,
 * a signed bundle checked without a key is noted.
 */
export async function verifyBundle(
  location: string,
  key: KeyObject | undefined,
  onProgress?: (progress: EvidenceProgress) => void,
): Promise<Verdict> {
  const pool = new HashPool();
  try {
    let contents: BundleContents;
    try {
      contents = await openBundle(location, pool);
    } catch (error) {
      throw new BundleError(`${location}: not a bundle folder or zip (${error instanceof Error ? error.message : String(error)}).`, 2);
    }
    return await judge(contents, key, onProgress);
  } finally {
    pool.dispose();
  }
}

async function judge(contents: BundleContents, key: KeyObject | undefined, onProgress?: (p: EvidenceProgress) => void): Promise<Verdict> {
  const problems = [...contents.problems];
  const notes: string[] = [];
  const present = new Set(contents.paths);
  const signed = present.has(STATEMENT_FILE);
  if (!present.has(METADATA_FILE))
    return { problems: [...problems, `${METADATA_FILE}: missing; this is not a bundle`], notes, files: present.size, signed };

  // Every file is hashed once, the statement and the metadata checked against the same digests.
  const digests = await hashAll(contents, onProgress);
  let metadata: unknown;
  try {
    metadata = JSON.parse(await contents.text(METADATA_FILE));
  } catch (error) {
    problems.push(`${METADATA_FILE}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const listing = listedFiles(metadata);
  problems.push(...(metadata === undefined ? [] : listing.problems));
  const listed = new Set<string>();
  for (const file of listing.files) {
    listed.add(file.path);
    const actual = digests.get(file.path);
    if (actual === undefined) problems.push(`${file.path}: removed (the metadata lists it, the bundle does not hold it)`);
    else if (actual !== file.sha256) problems.push(`${file.path}: changed (sha256 ${actual}, the metadata records ${file.sha256})`);
    else if (file.bytes !== undefined && file.bytes !== contents.size(file.path))
      problems.push(`${file.path}: changed (${contents.size(file.path)} bytes, the metadata records ${file.bytes})`);
  }
  // Even metadata that lists nothing (emptied, or unreadable) cannot make the files it omits pass.
  for (const path of contents.paths) {
    if (path !== METADATA_FILE && path !== STATEMENT_FILE && !listed.has(path))
      problems.push(`${path}: added (the metadata does not list it)`);
  }

  if (signed) problems.push(...(await checkStatement(contents, digests, key, notes)));
  else if (key) problems.push(`${STATEMENT_FILE}: missing; the bundle is not signed, so --key cannot be checked`);
  return { problems, notes, files: present.size, signed };
}

async function hashAll(contents: BundleContents, onProgress?: (p: EvidenceProgress) => void): Promise<Map<string, string>> {
  const paths = contents.paths.filter((p) => p !== STATEMENT_FILE);
  const progress = {
    filesDone: 0,
    filesTotal: paths.length,
    bytesDone: 0,
    bytesTotal: paths.reduce((sum, p) => sum + contents.size(p), 0),
  };
  const digests = new Map<string, string>();
  let next = 0;
  const work = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      digests.set(
        path,
        await contents.sha256(path, (bytes) => {
          progress.bytesDone += bytes;
          onProgress?.({ ...progress });
        }),
      );
      progress.filesDone++;
      onProgress?.({ ...progress });
    }
  };
  await Promise.all([work(), work(), work()]);
  return digests;
}

/** The envelope's signature (with a key) and its statement's subjects against the files' digests. */
async function checkStatement(contents: BundleContents, digests: ReadonlyMap<string, string>, key: KeyObject | undefined, notes: string[]) {
  const problems: string[] = [];
  let envelope: DsseEnvelope;
  try {
    const read = readEnvelope(JSON.parse(await contents.text(STATEMENT_FILE)));
    if ("problem" in read) return [`${STATEMENT_FILE}: ${read.problem}`];
    envelope = read.envelope;
  } catch {
    return [`${STATEMENT_FILE}: not JSON`];
  }
  const keyid = envelope.signatures[0].keyid;
  if (!key) notes.push(`${STATEMENT_FILE}: the bundle is signed (key id ${keyid}), but no --key was given: the signature was not checked`);
  else if (!envelopeSignedBy(envelope, key))
    problems.push(`${STATEMENT_FILE}: the signature does not verify with the given key (key id ${keyIdOf(key)})`);
  let statement: unknown;
  try {
    statement = JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8"));
  } catch {
    return [...problems, `${STATEMENT_FILE}: the payload is not JSON`];
  }
  const read = readStatement(statement);
  if ("problem" in read) return [...problems, `${STATEMENT_FILE}: ${read.problem}`];
  const named = new Set<string>();
  for (const subject of read.subjects) {
    named.add(subject.name);
    const actual = digests.get(subject.name);
    if (actual === undefined) problems.push(`${subject.name}: removed (the statement names it, the bundle does not hold it)`);
    else if (actual !== subject.digest.sha256)
      problems.push(`${subject.name}: changed (sha256 ${actual}, the statement records ${subject.digest.sha256})`);
  }
  for (const path of digests.keys()) if (!named.has(path)) problems.push(`${path}: added (the statement does not name it)`);
  return problems;
}
