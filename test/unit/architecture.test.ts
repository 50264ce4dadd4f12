import * as assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

const CORE = path.resolve(__dirname, "../../server/src/core");
const FORBIDDEN = /(?:from\s+|require\(\s*|import\(\s*)["'](vscode|vscode-languageserver(?:\/[\w-]+)?|vscode-languageclient(?:\/[\w-]+)?|fs|fs\/promises|node:fs|node:fs\/promises|child_process|node:child_process|http|https|node:http|node:https|net|node:net)["']/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : name.endsWith(".ts") ? [full] : [];
  });
}

describe("architecture", function () {
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
