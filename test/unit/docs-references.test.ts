import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";

/**
 * The reference for users lives in docs/, inside the repository: the sources point there, never to
 * sections of a contract kept outside it. Written without the characters it looks for, so that
 * this file does not find itself.
 */

const ROOT = path.resolve(__dirname, "../..");
const SECTION_SIGN = "\u00a7";
const OUTSIDE_CONTRACT = ["..", "shared", "spec"].join("/");
const ROOTS = ["server", "client", "test", "scripts", "examples", "schemas", "snippets", "syntaxes", "docs"];
const ROOT_FILES = ["README.md", "CHANGELOG.md", "package.json"];
const SKIPPED = new Set(["node_modules", "dist", ".cache", "test-results"]);
const TEXT = /\.(ts|mts|js|mjs|cjs|json|md|ya?ml|html|txt|csv)$/;

function textFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return TEXT.test(entry) ? [entry] : [];
  return readdirSync(full)
    .filter((name) => !SKIPPED.has(name))
    .flatMap((name) => textFiles(`${entry}/${name}`));
}

/** Headings' anchors as GitHub derives them, and explicit `<a id>` anchors. */
function anchorsOf(file: string): Set<string> {
  const text = readFileSync(file, "utf8");
  const anchors = new Set<string>();
  for (const [, id] of text.matchAll(/<a id="([^"]+)"><\/a>/g)) anchors.add(id);
  for (const [, heading] of text.matchAll(/^#{1,6} (.+)$/gm)) {
    anchors.add(
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .trim()
        .replace(/\s/g, "-"),
    );
  }
  return anchors;
}

describe("references to the documentation", function () {
  const files = [...ROOTS, ...ROOT_FILES].flatMap(textFiles);

  it("finds the sources it checks", function () {
    assert.ok(files.length > 100, `only ${files.length} files`);
    assert.ok(files.includes("README.md") && files.some((file) => file.startsWith("server/src/core/")));
  });

  it("no source or page refers to a section of a contract outside the repository", function () {
    const offenders = files.flatMap((file) => {
      const lines = readFileSync(path.join(ROOT, file), "utf8").split("\n");
      const refersOut = (line: string) => line.includes(SECTION_SIGN) || line.includes(OUTSIDE_CONTRACT);
      return lines.flatMap((line, i) => (refersOut(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));
    });
    assert.deepEqual(offenders, [], "point to the page of docs/ that holds the content instead");
  });

  it("every page and anchor of the reference that a source names exists", function () {
    // Examples and tests name docs/ folders of users' workspaces too; only the reference's own
    // pages (those the generator writes, and anything under docs/formats/) are checked.
    const pages = new Set(textFiles("scripts/docs/pages").map((file) => `docs/${file.slice("scripts/docs/pages/".length)}`));
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      for (const [whole, page, anchor] of text.matchAll(/(?<![\w./-])(?:\.\.\/)*(docs\/(?:[\w-]+\/)*(?:[\w-]+\.md)?)(?:#([\w-]+))?/g)) {
        if (!pages.has(page) && !page.startsWith("docs/formats/")) continue;
        const target = path.join(ROOT, page);
        if (!existsSync(target)) broken.push(`${file}: ${whole}`);
        else if (anchor && !anchorsOf(target).has(anchor)) broken.push(`${file}: ${whole}`);
      }
    }
    assert.deepEqual(broken, []);
  });
});
