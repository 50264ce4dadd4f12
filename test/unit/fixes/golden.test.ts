import * as assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { DEFAULT_CONFIG } from "../../../server/src/core/config";
import { fixesFor, type Fix } from "../../../server/src/core/fixes/fix-providers";
import { applyEdits, editsOverlap } from "../../../server/src/core/fixes/apply";
import { expandSnippet } from "../../../server/src/core/templates/snippet-syntax";
import { diagnosticsOf, evidenceOf, filesOf, FIXTURES, fixAllText, fixedName, workspaceOf } from "./support";

/**
 * Golden files: each folder of test/fixtures/fixes is named after a rule (`schema-required` for
 * `schema/required`) and holds cases (`x.dataset.yaml`) with their fixed form beside them
 * (`x.dataset.fixed.yaml`); its other Genesis files are the case's workspace. The fix applied to
 * every diagnostic of the rule is its first one, or the one whose title matches `title`; the
 * `suppress` folder applies "Suppress with a reason" to the rule named per case (with a `today`, the
 * waiver expires 90 days on).
 * A folder with an `evidence.json` (facts read from its files, keyed by path relative to the folder)
 * also gets the `io` diagnostics, and its fixes get that evidence.
 * `UPDATE_GOLDEN=1` writes the golden files instead of comparing (review them before committing).
 */
interface CaseOptions {
  readonly rule?: string;
  readonly title?: RegExp;
  readonly suppress?: boolean;
  /** Today's date as the editor passes it (the suppression then writes an expiry). */
  readonly today?: string;
}

const OPTIONS: Readonly<Record<string, CaseOptions>> = {
  "ref-version-mismatch/older.dataset.yaml": { title: /1\.1\.0/ },
  "suppress/case.dataset.yaml": { rule: "license/spdx", suppress: true, today: "2026-06-01" },
  "suppress/case.modelcard.md": { rule: "container/latest", suppress: true },
  "suppress/body.modelcard.md": { rule: "modelcard/section-placeholder", suppress: true },
  "license-spdx/choice.dataset.yaml": { title: /MIT OR Apache-2\.0/ },
  "schema-required/fields.dataset.yaml": { title: /^Generate fields from file/ },
  "integrity-checksum-mismatch/bytes.dataset.yaml": { title: /^Fill bytes from file/ },
};

const update = process.env.UPDATE_GOLDEN === "1";

function ruleOf(folder: string): string {
  return folder.replace("-", "/");
}

function isSuppression(fix: Fix): boolean {
  return fix.title.startsWith("Suppress ");
}

describe("quick fixes: golden files", function () {
  const folders = readdirSync(FIXTURES).filter((name) => !name.includes("."));
  it("has a golden case for every rule with a determinate fix", function () {
    const expected = [
      "schema-required",
      "schema-enum",
      "schema-unknown-property",
      "schema-header",
      "version-semver",
      "license-spdx",
      "ref-version-mismatch",
      "ref-unversioned",
      "classification-downgrade",
      "modelcard-section-missing",
      "integrity-checksum-format",
      "scheduler-walltime",
      "risk-rmf-id",
      "repro-run",
      "suppress",
      "integrity-checksum-mismatch",
      "integrity-checksum-missing",
      "data-schema-drift",
    ];
    assert.deepEqual(
      expected.filter((folder) => !folders.includes(folder)),
      [],
    );
  });

  for (const folder of folders) {
    describe(folder, function () {
      const files = filesOf(path.join(FIXTURES, folder));
      const evidence = evidenceOf(path.join(FIXTURES, folder));
      const cases = Object.keys(files).filter((name) =>
        update ? !name.startsWith("workspace-") : existsSync(path.join(FIXTURES, folder, fixedName(name))),
      );
      for (const name of cases) {
        const options = OPTIONS[`${folder}/${name}`] ?? {};
        const rule = options.rule ?? ruleOf(folder);
        const file = `${folder}/${name}`;
        const index = workspaceOf(Object.fromEntries(Object.entries(files).map(([n, t]) => [`${folder}/${n}`, t])));

        it(`${name}: the fix of ${rule} gives the golden file, byte for byte`, function () {
          const text = files[name];
          const { document, diagnostics } = diagnosticsOf(file, text, index, DEFAULT_CONFIG, evidence);
          const targets = diagnostics.filter((d) => d.rule === rule);
          assert.ok(
            targets.length > 0,
            `the case has no ${rule} diagnostic:\n${diagnostics.map((d) => `  ${d.rule}: ${d.message}`).join("\n")}`,
          );
          const edits = targets.flatMap((diagnostic) => {
            const fixes = fixesFor(document, diagnostic, { config: DEFAULT_CONFIG, index, evidence, today: options.today });
            const chosen = fixes.find((fix) =>
              options.suppress ? isSuppression(fix) : !isSuppression(fix) && (!options.title || options.title.test(fix.title)),
            );
            assert.ok(chosen, `no matching fix for "${diagnostic.message}"; fixes: ${fixes.map((f) => f.title).join(" | ")}`);
            return chosen.edits;
          });
          edits.forEach((a, i) =>
            edits.slice(i + 1).forEach((b) => assert.ok(!editsOverlap(a, b), `edits overlap: ${JSON.stringify([a, b])}`)),
          );
          const fixed = applyEdits(text, edits);
          const golden = path.join(FIXTURES, folder, fixedName(name));
          if (update) writeFileSync(golden, fixed);
          assert.equal(fixed, readFileSync(golden, "utf8"));
        });

        it(`${name}: the fixed text parses, and each fixed ${rule} diagnostic is gone`, function () {
          const before = diagnosticsOf(file, files[name], index, DEFAULT_CONFIG, evidence).diagnostics.filter((d) => d.rule === rule);
          const fixed = readFileSync(path.join(FIXTURES, folder, fixedName(name)), "utf8");
          const after = diagnosticsOf(file, fixed, index, DEFAULT_CONFIG, evidence).diagnostics;
          const left = after.filter(
            (d) =>
              (d.rule === rule && before.some((b) => b.message === d.message)) ||
              d.rule.startsWith("syntax/") ||
              d.rule === "internal/rule-error",
          );
          assert.deepEqual(
            left.map((d) => `${d.rule}: ${d.message}`),
            [],
          );
        });

        it(`${name}: fixing all twice changes nothing the second time`, function () {
          const once = fixAllText(file, files[name], index, DEFAULT_CONFIG, evidence);
          assert.equal(fixAllText(file, once, index, DEFAULT_CONFIG, evidence), once);
        });

        it(`${name}: each snippet fix expands to the same text as its plain form`, function () {
          const { document, diagnostics } = diagnosticsOf(file, files[name], index, DEFAULT_CONFIG, evidence);
          for (const diagnostic of diagnostics) {
            const plain = fixesFor(document, diagnostic, { config: DEFAULT_CONFIG, index, evidence }).filter((fix) => !isSuppression(fix));
            const snippets = fixesFor(document, diagnostic, { config: DEFAULT_CONFIG, index, evidence, snippets: true }).filter(
              (fix) => !isSuppression(fix),
            );
            assert.deepEqual(
              snippets.map((fix) => ({
                title: fix.title,
                edits: fix.edits.map((e) => ({ ...e, newText: fix.snippet ? expandSnippet(e.newText) : e.newText })),
              })),
              plain.map((fix) => ({ title: fix.title, edits: fix.edits })),
            );
          }
        });
      }
    });
  }
});
