/**
 * Writes snippets/*.json (VS Code snippet files) from the templates in server/src/core/templates,
 * the single source that the "New ..." commands and `genesis-readiness init` also use.
 * `npm run docs:snippets`; a unit test fails when the files are stale.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { DOCUMENT_TEMPLATES } from "../server/src/core/templates/documents";
import { jsonTemplateFromYaml } from "../server/src/core/templates/json-form";
import { PARTIAL_TEMPLATES } from "../server/src/core/templates/partials";

interface SnippetEntry {
  prefix: string;
  description: string;
  body: string[];
}

export type SnippetFiles = Record<"yaml.json" | "json.json" | "markdown.json", Record<string, SnippetEntry>>;

export function snippetFiles(): SnippetFiles {
  const files: SnippetFiles = { "yaml.json": {}, "json.json": {}, "markdown.json": {} };
  for (const template of DOCUMENT_TEMPLATES) {
    const entry = { prefix: template.prefix, description: template.description, body: template.body.split("\n") };
    files[`${template.language}.json`][template.description] = entry;
    if (template.language === "yaml") {
      files["json.json"][`${template.description} (JSON)`] = { ...entry, body: jsonTemplateFromYaml(template.body).split("\n") };
    }
  }
  for (const partial of PARTIAL_TEMPLATES) {
    files["yaml.json"][partial.description] = { prefix: partial.prefix, description: partial.description, body: partial.body.split("\n") };
  }
  return files;
}

export function serialise(file: Record<string, SnippetEntry>): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "../snippets");
  for (const [name, content] of Object.entries(snippetFiles())) writeFileSync(path.join(dir, name), serialise(content));
  console.log(
    `wrote ${Object.keys(snippetFiles())
      .map((n) => `snippets/${n}`)
      .join(", ")}`,
  );
}
