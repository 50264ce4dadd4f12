/**
 * Writes the reference pages of docs/ from their templates (scripts/docs/pages/) and the sources:
 * the schemas, the rule catalog, the readiness checklist, the recognition patterns, package.json
 * and the CLI; and the rule pages' module the CLI carries (rule-pages.generated.ts). `--check`
 * writes nothing and exits 1 when a page differs from what it would write.
 * A unit test (test/unit/docs.test.ts) runs the same comparison.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { DOCS_DIR, GENERATED_MARK, generateDocs } from "./docs/generate";
import { markdownFilesUnder } from "./docs/markdown-files";
import { RULE_PAGES_MODULE, rulePagesModule } from "./docs/rule-pages";

/** The generated pages now in docs/ (those that start with the mark), relative to docs/. */
export function generatedPagesOnDisk(dir = DOCS_DIR): string[] {
  return markdownFilesUnder(dir).filter((page) => readFileSync(path.join(dir, page), "utf8").startsWith(GENERATED_MARK));
}

/** The pages that differ from what the generator writes now, are missing, or are no longer generated. */
export function stalePages(pages: ReadonlyMap<string, string>): string[] {
  const stale: string[] = [];
  for (const [page, text] of pages) {
    const file = path.join(DOCS_DIR, page);
    if (!existsSync(file) || readFileSync(file, "utf8") !== text) stale.push(page);
  }
  for (const page of generatedPagesOnDisk()) if (!pages.has(page)) stale.push(page);
  return stale;
}

if (require.main === module) {
  const pages = generateDocs();
  if (process.argv.includes("--check")) {
    const stale = stalePages(pages);
    if (!existsSync(RULE_PAGES_MODULE) || readFileSync(RULE_PAGES_MODULE, "utf8") !== rulePagesModule()) stale.push(RULE_PAGES_MODULE);
    if (stale.length) {
      console.error(`docs/ is not what \`npm run docs\` writes: ${stale.join(", ")}`);
      process.exitCode = 1;
    }
  } else {
    for (const page of generatedPagesOnDisk()) if (!pages.has(page)) rmSync(path.join(DOCS_DIR, page));
    for (const [page, text] of pages) {
      const file = path.join(DOCS_DIR, page);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
    writeFileSync(RULE_PAGES_MODULE, rulePagesModule());
    console.log(`Wrote ${pages.size} pages to docs/, and ${path.relative(process.cwd(), RULE_PAGES_MODULE)}.`);
  }
}
