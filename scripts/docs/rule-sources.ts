import { readFileSync } from "node:fs";
import * as path from "node:path";
import { markdownFilesUnder } from "./markdown-files";

/**
 * The hand-written part of each rule's page: scripts/docs/rules/<rule-id>.md (an id's `/` is a
 * folder), holding exactly the sections of SECTIONS, in that order, each under a `## ` heading.
 * Links in the prose are written relative to docs/ (`checklist.md#data-integrity`,
 * `rules/ref/unresolved.md`); the generator adjusts them for the page that shows them.
 *
 * The examples are the fenced blocks of the Incorrect and Correct sections, each with the file it
 * shows in its info string (```yaml title="cal.dataset.yaml"): together they are a small workspace,
 * which test/unit/rule-pages.test.ts checks through the engine.
 */

export const RULE_SOURCES_DIR = path.resolve(__dirname, "rules");

export const SECTIONS = ["What it checks", "Why it matters", "Incorrect", "Correct", "How to fix"] as const;
export type SectionTitle = (typeof SECTIONS)[number];

export interface ExampleFile {
  readonly path: string;
  readonly language: string;
  readonly text: string;
}

export interface RuleSource {
  readonly id: string;
  /** scripts/docs/rules/<id>.md, relative to the repository. */
  readonly file: string;
  readonly sections: ReadonlyMap<SectionTitle, string>;
}

/** The rule ids that have a source file, from the files under scripts/docs/rules/. */
export function ruleIdsWithSources(dir = RULE_SOURCES_DIR): string[] {
  return markdownFilesUnder(dir).map((file) => file.slice(0, -".md".length));
}

export function readRuleSource(id: string): RuleSource {
  const file = `scripts/docs/rules/${id}.md`;
  const text = readFileSync(path.join(RULE_SOURCES_DIR, `${id}.md`), "utf8");
  return { id, file, sections: parseSections(file, text) };
}

/** The `## ` sections of a source, outside fenced blocks; an error unless they are exactly SECTIONS. */
export function parseSections(file: string, text: string): Map<SectionTitle, string> {
  const found: { title: string; lines: string[] }[] = [];
  let fence: string | undefined;
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    const marks = /^(`{3,})/.exec(line)?.[1];
    if (marks && (fence === undefined || (marks.length >= fence.length && line.trim() === marks))) {
      fence = fence === undefined ? marks : undefined;
    }
    const heading = fence === undefined ? /^## (.+?)\s*$/.exec(line) : null;
    if (heading) found.push({ title: heading[1], lines: [] });
    else if (found.length) found[found.length - 1].lines.push(line);
  }
  const titles = found.map((section) => section.title);
  if (titles.join("\n") !== SECTIONS.join("\n")) {
    throw new Error(
      `${file}: the sections must be ${SECTIONS.map((s) => `"## ${s}"`).join(", ")}, in that order; found ${titles.join(", ")}`,
    );
  }
  const sections = new Map<SectionTitle, string>();
  for (const { title, lines } of found) {
    const body = lines.join("\n").trim();
    if (!body) throw new Error(`${file}: the section "${title}" is empty`);
    sections.set(title as SectionTitle, body);
  }
  return sections;
}

/**
 * The files of an example section: every fenced block, which must name its file (`title="..."`).
 * An error on a block without one, or on two blocks for one file.
 */
export function exampleFiles(file: string, section: string): ExampleFile[] {
  const files: ExampleFile[] = [];
  for (const [, , info, body] of section.matchAll(/^(`{3,})([^\n]*)\n([\s\S]*?)^\1[ \t]*$/gm)) {
    const named = /^(\w[\w-]*)?\s+title="([^"]+)"\s*$/.exec(info.trim());
    if (!named) throw new Error(`${file}: an example block without title="<file>": \`\`\`${info}`);
    const [, language = "text", examplePath] = named;
    if (files.some((f) => f.path === examplePath)) throw new Error(`${file}: two blocks for ${examplePath}`);
    files.push({ path: examplePath, language, text: body });
  }
  return files;
}
