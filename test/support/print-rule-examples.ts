/**
 * For whoever writes a rule page: prints what each example of the given rules' pages produces.
 * `npx tsx test/support/print-rule-examples.ts schema/enum ref/unresolved` (no ids: every rule).
 */
import { RULES } from "../../server/src/core/rules/catalog";
import { exampleFiles, readRuleSource } from "../../scripts/docs/rule-sources";
import { runExample } from "./rule-examples";

async function main(ids: string[]): Promise<void> {
  for (const rule of RULES.filter((r) => ids.length === 0 || ids.includes(r.id))) {
    const source = readRuleSource(rule.id);
    for (const section of ["Incorrect", "Correct"] as const) {
      const files = exampleFiles(source.file, source.sections.get(section)!);
      if (files.length === 0) continue;
      const findings = await runExample(files, rule.when === "io");
      const own = findings.some((f) => f.rule === rule.id);
      const verdict = section === "Incorrect" ? (own ? "ok" : "MISSING its rule") : own ? "STILL produces its rule" : "ok";
      console.log(`${rule.id} ${section}: ${verdict}`);
      for (const f of findings) console.log(`    ${f.path} ${f.severity} ${f.rule}: ${f.message}`);
    }
  }
}

void main(process.argv.slice(2));
