/**
 * SHA-256 throughput of this project's hashing against the system's tools, on one file in one run:
 * the hash pool with the bundled worker (dist/hash-worker.js, what the server and the CLI use),
 * the same streaming function in-process (the fallback when the worker is not built), GNU
 * coreutils' `sha256sum` (the target: at least 80% of it) and, when installed, `openssl dgst`
 * (the hardware-accelerated ceiling, for reference). The tools are spawned here, in the bench only.
 * Every hasher runs once per repetition, in a rotating order, and must agree on the digest.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { hashFile } from "../../server/src/io/hash-file";
import { HashPool } from "../../server/src/io/hash-pool";
import { median } from "./stats";

export const WORKER_FILE = path.resolve(__dirname, "../../dist/hash-worker.js");

export interface HasherResult {
  readonly name: string;
  /** Seconds per hash of the whole file, one per repetition. */
  readonly seconds: number[];
  readonly medianSeconds: number;
  /** MiB per second at the median time. */
  readonly mibPerSecond: number;
}

export interface HashMeasurement {
  readonly bytes: number;
  readonly digest: string;
  readonly project: HasherResult;
  readonly inProcess: HasherResult;
  readonly sha256sum: HasherResult;
  readonly openssl?: HasherResult;
}

interface Hasher {
  readonly name: string;
  hash(file: string): Promise<string>;
}

export async function measureHashing(file: string, repetitions: number): Promise<HashMeasurement> {
  if (!existsSync(WORKER_FILE)) throw new Error(`${WORKER_FILE} is missing: run "npm run build" first`);
  const pool = new HashPool(1, WORKER_FILE);
  const hashers: Hasher[] = [
    { name: "project: hash pool, worker thread (dist/hash-worker.js)", hash: (f) => pool.hash(f) },
    { name: "project: hashFile in-process", hash: (f) => hashFile(f) },
    { name: "sha256sum (GNU coreutils)", hash: (f) => tool("sha256sum", [f], /^([0-9a-f]{64})\s/) },
  ];
  if (hasOpenssl())
    hashers.push({
      name: "openssl dgst -sha256 (reference)",
      hash: (f) => tool("openssl", ["dgst", "-sha256", "-r", f], /^([0-9a-f]{64})\s/),
    });

  const seconds = hashers.map((): number[] => []);
  let digest: string | undefined;
  try {
    for (let round = 0; round < repetitions; round++) {
      for (let k = 0; k < hashers.length; k++) {
        const index = (round + k) % hashers.length;
        const started = performance.now();
        const found = await hashers[index].hash(file);
        seconds[index].push((performance.now() - started) / 1000);
        digest ??= found;
        if (found !== digest) throw new Error(`${hashers[index].name} gave ${found}, another hasher ${digest}`);
      }
    }
  } finally {
    pool.dispose();
  }
  const bytes = statSync(file).size;
  const results = hashers.map((hasher, i): HasherResult => {
    const medianSeconds = median(seconds[i]);
    return { name: hasher.name, seconds: seconds[i], medianSeconds, mibPerSecond: bytes / (1024 * 1024) / medianSeconds };
  });
  return { bytes, digest: digest!, project: results[0], inProcess: results[1], sha256sum: results[2], openssl: results[3] };
}

function hasOpenssl(): boolean {
  return spawnSync("openssl", ["version"], { stdio: "ignore" }).status === 0;
}

/** Runs a hashing tool and reads the digest from its output. */
function tool(command: string, args: readonly string[], digestPattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => (out += String(chunk)));
    child.stderr.on("data", (chunk) => (err += String(chunk)));
    child.on("error", reject);
    child.on("close", (code) => {
      const digest = digestPattern.exec(out)?.[1];
      if (code === 0 && digest) resolve(digest);
      else reject(new Error(`${command} ${args.join(" ")} failed (exit code ${code}): ${err || out}`));
    });
  });
}
