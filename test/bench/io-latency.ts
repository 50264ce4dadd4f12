/**
 * Whether diagnostics keep arriving on time while a large file is hashed. The bundled server runs
 * over stdio on a workspace holding the large file and a manifest that declares its sha256; a
 * generated manifest is open in the "editor". Each keystroke (a digit typed after a `bytes:`
 * number) is timed from the change to the publishDiagnostics of its version: first with the
 * server idle, then while "Genesis: Verify Files" hashes the large file in the server's worker
 * thread. The file's mtime is moved before every Verify Files so that the server's cache (path,
 * size, mtime) cannot answer and each run hashes it again; only keystrokes answered before the
 * command returned count as "while hashing".
 */
import { utimesSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { LspTestClient, SERVER_PATH } from "../support/lsp-client";
import { editableLines, generateManifest } from "./generate";
import { median, percentile } from "./stats";

export interface LatencySample {
  readonly count: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

export interface LatencyMeasurement {
  readonly idle: LatencySample;
  readonly hashing: LatencySample;
  /** How many Verify Files runs the keystrokes overlapped, and their median duration. */
  readonly verifyRuns: number;
  readonly verifyMedianMs: number;
  readonly documentLines: number;
}

/** The pause between keystrokes: a fast typist's pace, so that keystrokes spread over the hash. */
const TYPING_GAP_MS = 20;
const MAX_VERIFY_RUNS = 20;
const MIN_VERIFY_RUNS = 3;
const ANSWER_TIMEOUT_MS = 60_000;

/** `root` holds the large file `blobName`; `digest` is its sha256, declared by a manifest written here. */
export async function measureLatencyWhileHashing(
  root: string,
  blobName: string,
  digest: string,
  keystrokes: number,
  documentLines = 1000,
): Promise<LatencyMeasurement> {
  writeFileSync(path.join(root, "hashed.dataset.yaml"), hashedManifest(blobName, digest));
  const text = generateManifest(documentLines);
  const uri = pathToFileURL(path.join(root, "typed.dataset.yaml")).toString();
  const client = new LspTestClient(pathToFileURL(root).toString());
  try {
    const indexed = client.indexed();
    await client.initialize();
    await indexed;
    let version = 1;
    const opened = client.diagnosticsFor(uri, (p) => p.version === version, ANSWER_TIMEOUT_MS);
    await client.open(uri, "yaml", text, version);
    await opened;

    const lines = text.split("\n");
    const targets = editableLines(text);
    let typed = 0;
    /** Types one digit and resolves with the milliseconds until the publish of that version. */
    const keystroke = async (): Promise<number> => {
      const line = targets[typed++ % targets.length];
      version++;
      const answered = client.diagnosticsFor(uri, (p) => p.version === version, ANSWER_TIMEOUT_MS);
      const started = performance.now();
      await client.changeRange(
        uri,
        version,
        { start: { line, character: lines[line].length }, end: { line, character: lines[line].length } },
        "7",
      );
      lines[line] += "7";
      await answered;
      return performance.now() - started;
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, TYPING_GAP_MS));

    for (let i = 0; i < 10; i++) await keystroke(); // warm-up: the server's first edits compile and cache
    const idle: number[] = [];
    for (let i = 0; i < keystrokes; i++) {
      idle.push(await keystroke());
      await pause();
    }

    const hashing: number[] = [];
    const verifyMs: number[] = [];
    for (let run = 0; run < MAX_VERIFY_RUNS && (run < MIN_VERIFY_RUNS || hashing.length < keystrokes); run++) {
      const moved = new Date(Date.now() + (run + 1) * 1000);
      utimesSync(path.join(root, blobName), moved, moved);
      let done = false;
      const started = performance.now();
      const verified = client.connection
        .sendRequest("workspace/executeCommand", { command: "genesis.verifyFiles", arguments: [] })
        .then(() => {
          done = true;
          verifyMs.push(performance.now() - started);
        });
      while (!done) {
        const ms = await keystroke();
        if (!done) hashing.push(ms);
        await pause();
      }
      await verified;
    }
    return {
      idle: sample(idle),
      hashing: sample(hashing),
      verifyRuns: verifyMs.length,
      verifyMedianMs: median(verifyMs),
      documentLines: lines.length - 1,
    };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)} (server: ${SERVER_PATH})`, { cause: error });
  } finally {
    await client.shutdown();
  }
}

function sample(values: readonly number[]): LatencySample {
  return { count: values.length, medianMs: median(values), p95Ms: percentile(values, 95) };
}

function hashedManifest(blobName: string, digest: string): string {
  return `apiVersion: genesis/v1
kind: DatasetManifest
id: large-file
version: 1.0.0
name: A large file
description: One large file whose sha256 the server verifies while the benchmark types elsewhere.
license: CC-BY-4.0
creators: [{ name: Bench Mark }]
datePublished: 2026-01-15
classification: { level: public }
distribution:
  - { id: blob, path: ${blobName}, format: other, sha256: ${digest} }
`;
}
