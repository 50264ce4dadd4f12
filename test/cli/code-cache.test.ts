import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CLI_PATH } from "./cli-harness";

const REPOSITORY = path.resolve(__dirname, "../..");
const CODE_CACHE = path.join(REPOSITORY, "server/src/node/code-cache.ts");

/** A bundle-like CommonJS file: it requires a module relative to itself, reads its own names, and prints. */
const BUNDLE = `const path = require("node:path");
const { answer } = require("./helper.js");
function greet(name) { return "hello " + name + " " + answer + " " + path.basename(__filename) + " " + path.basename(__dirname); }
module.exports.greeted = greet(process.argv[process.argv.length - 1]);
process.stdout.write(module.exports.greeted);
`;

describe("the CLI's code cache", function () {
  this.timeout(30_000);
  let folder: string;
  let bundle: string;
  let cache: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(tmpdir(), "genesis-code-cache-"));
    bundle = path.join(folder, "bundle.js");
    cache = path.join(folder, ".cache");
    writeFileSync(bundle, BUNDLE);
    writeFileSync(path.join(folder, "helper.js"), "exports.answer = 42;\n");
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  function run(remember: boolean, env: NodeJS.ProcessEnv = {}): string {
    const script =
      `require(${JSON.stringify(CODE_CACHE)}).runWithCodeCache(` + `${JSON.stringify(bundle)}, ${JSON.stringify(cache)}, ${remember})`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "-e", script, "world"], {
      cwd: REPOSITORY,
      encoding: "utf8",
      env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: undefined, ...env },
    });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  }

  const cacheFiles = () => (existsSync(cache) ? readdirSync(cache) : []);

  it("runs the bundle as require would, writes the cache once, and uses it afterwards", () => {
    assert.equal(run(true), "hello world 42 bundle.js " + path.basename(folder));
    const [written] = cacheFiles();
    assert.match(written, /^bundle-\d+-\d+-v\d+\.\d+\.\d+-\w+\.v8cache$/);
    const first = statSync(path.join(cache, written)).mtimeMs;
    assert.equal(run(true), "hello world 42 bundle.js " + path.basename(folder));
    assert.deepEqual(cacheFiles(), [written], "no second cache, no partial file left");
    assert.equal(statSync(path.join(cache, written)).mtimeMs, first, "an accepted cache is not written again");
  });

  it("replaces a cache V8 rejects, and the run is unaffected", () => {
    run(true);
    const [written] = cacheFiles();
    writeFileSync(path.join(cache, written), "not a code cache");
    assert.equal(run(true), "hello world 42 bundle.js " + path.basename(folder));
    assert.notEqual(readFileSync(path.join(cache, written), "utf8"), "not a code cache");
  });

  it("writes nothing unless asked to, or when NODE_DISABLE_COMPILE_CACHE is set", () => {
    run(false);
    run(true, { NODE_DISABLE_COMPILE_CACHE: "1" });
    assert.deepEqual(cacheFiles(), []);
  });

  it("runs without a cache where the cache folder cannot be made", () => {
    writeFileSync(path.join(folder, "occupied"), "a file where the folder would go");
    cache = path.join(folder, "occupied", ".cache");
    assert.equal(run(true), "hello world 42 bundle.js " + path.basename(folder));
    assert.deepEqual(readdirSync(folder).sort(), ["bundle.js", "helper.js", "occupied"]);
  });

  it("a check through the built launcher prints the same with and without a cache", () => {
    const examples = path.join(REPOSITORY, "examples");
    const check = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [CLI_PATH, "check", examples, "--format", "json", "--no-io", "--fail-on", "never"], {
        encoding: "utf8",
        env: { ...process.env, ...env },
      });
    const without = check({ NODE_DISABLE_COMPILE_CACHE: "1" });
    const first = check({});
    const second = check({});
    assert.equal(without.status, 0, without.stderr);
    assert.equal(first.stdout, without.stdout);
    assert.equal(second.stdout, without.stdout);
    assert.ok(readdirSync(path.join(path.dirname(CLI_PATH), ".cache")).some((name) => name.startsWith("cli-main-")));
  });
});
