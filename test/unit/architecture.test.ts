import * as assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

const CORE = path.resolve(__dirname, "../../server/src/core");

/** The modules the core never imports: the editor's APIs, the file system, processes, the network. */
const FORBIDDEN_MODULES = [
  /vscode|vscode-languageserver(?:\/[\w-]+)?|vscode-languageclient(?:\/[\w-]+)?/,
  /fs|fs\/promises|node:fs|node:fs\/promises/,
  /child_process|node:child_process/,
  /http|https|node:http|node:https|net|node:net/,
];
const FORBIDDEN = new RegExp(
  /(?:from\s+|require\(\s*|import\(\s*)["']/.source + `(${FORBIDDEN_MODULES.map((modules) => modules.source).join("|")})` + /["']/.source,
);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith(".ts") ? [full] : [];
  });
}

const SERVER = path.resolve(__dirname, "../../server/src");
const CLIENT = path.resolve(__dirname, "../../client/src");

/** Every relative module a source file imports (static imports, re-exports, dynamic imports, require). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  const pattern = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\(\s*|^import\s+)["'](\.[^"']*)["']/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) found.push(path.resolve(path.dirname(file), match[1]));
  return found;
}

/** The core modules a front end may import: the public API and its two small named parts. */
const CORE_ENTRY_POINTS: Readonly<Record<string, readonly string[]>> = {
  lsp: ["index", "evidence-api", "client-api"],
  cli: ["index", "evidence-api", "client-api"],
  bundle: ["index", "evidence-api"],
  mcp: ["index", "evidence-api", "client-api"],
  io: ["evidence-api"],
  node: ["evidence-api"],
  top: ["index", "evidence-api", "client-api"],
  client: ["client-api"],
};

/** The core modules `file` imports that its area may not: anything past its entry points. */
function deepCoreImports(file: string, area: string): string[] {
  const allowed = new Set(CORE_ENTRY_POINTS[area].map((name) => path.join(CORE, name)));
  return importsOf(file)
    .filter((target) => target === CORE || target.startsWith(`${CORE}${path.sep}`))
    .filter((target) => !allowed.has(target.replace(/\.ts$/, "")))
    .map((target) => `${path.relative(path.resolve(__dirname, "../.."), file)} -> ${path.relative(CORE, target)}`);
}

describe("architecture", function () {
  it("the front ends and the file readers import the core only through its public entry points", function () {
    const areas: [string, string[]][] = [
      ["lsp", sources(path.join(SERVER, "lsp"))],
      ["cli", sources(path.join(SERVER, "cli"))],
      ["bundle", sources(path.join(SERVER, "bundle"))],
      ["mcp", sources(path.join(SERVER, "mcp"))],
      ["io", sources(path.join(SERVER, "io"))],
      ["node", sources(path.join(SERVER, "node"))],
      [
        "top",
        readdirSync(SERVER)
          .filter((name) => name.endsWith(".ts"))
          .map((name) => path.join(SERVER, name)),
      ],
      ["client", sources(CLIENT)],
    ];
    const offenders = areas.flatMap(([area, files]) => files.flatMap((file) => deepCoreImports(file, area)));
    assert.deepEqual(offenders, []);
  });

  it("the entry-point check would catch a deep import", function () {
    const file = path.join(SERVER, "lsp", "example.ts");
    assert.deepEqual(
      importsOf(path.join(SERVER, "lsp", "hover.ts")).filter((t) => t.startsWith(CORE)).length,
      0,
      "hover.ts asks the host and imports nothing of the core",
    );
    const deep = path.resolve(path.dirname(file), "../core/engine");
    assert.ok(deep.startsWith(CORE) && !new Set(CORE_ENTRY_POINTS.lsp.map((n) => path.join(CORE, n))).has(deep));
    assert.ok(
      new Set(CORE_ENTRY_POINTS.client).has("client-api") && !CORE_ENTRY_POINTS.client.includes("index"),
      "the client may not import the whole core",
    );
  });

  it("the core never imports upward (the front ends, the readers, the protocol)", function () {
    const outside = sources(CORE).flatMap((file) =>
      importsOf(file)
        .filter((target) => !(target === CORE || target.startsWith(`${CORE}${path.sep}`)) && target.startsWith(SERVER))
        .map((target) => `${path.relative(CORE, file)} -> ${path.relative(SERVER, target)}`),
    );
    assert.deepEqual(outside, []);
  });

  it("the core imports neither the editor, the LSP connection, the file system, processes nor the network", function () {
    const files = sources(CORE);
    assert.ok(files.length > 10, "the core has sources");
    const offenders = files.filter((file) => FORBIDDEN.test(readFileSync(file, "utf8"))).map((file) => path.relative(CORE, file));
    assert.deepEqual(offenders, []);
  });

  it("the check that guards the core would catch an offending import", function () {
    assert.ok(FORBIDDEN.test('import { readFile } from "node:fs";'));
    assert.ok(FORBIDDEN.test("import * as vscode from 'vscode';"));
    assert.ok(FORBIDDEN.test('import { createConnection } from "vscode-languageserver/node";'));
    assert.ok(!FORBIDDEN.test('import { parse } from "yaml";'));
  });
});
