import * as assert from "node:assert/strict";
import { DEFAULT_CONFIG, type GenesisConfig } from "../../server/src/core/config";
import { addDays, isIsoDate, isoDateOf } from "../../server/src/core/dates";
import { Engine } from "../../server/src/core/engine";
import { parseGenesisDocument } from "../../server/src/core/parse/document";
import { LineIndex } from "../../server/src/core/text";
import type { Diagnostic } from "../../server/src/core/types";
import { configWith } from "./harness";
import { modelCard, workspaceOf } from "./workspace/harness";

const TODAY = "2026-06-15";
const engine = new Engine({ today: () => TODAY });
const RELEASE = configWith({ profile: "release" });

/** A manifest whose license (line 3) is a license/spdx error, with `comment` at the end of that line. */
const HEADER = "apiVersion: genesis/v1\nkind: DatasetManifest\nid: ocean\n";
const manifest = (comment: string) => `${HEADER}license: Apache 2 ${comment}\n`;

interface Seen {
  readonly line: number;
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly waiver?: Diagnostic["waiver"];
}

function seen(text: string, diagnostics: readonly Diagnostic[]): Seen[] {
  const lines = new LineIndex(text);
  return diagnostics
    .filter((d) => d.rule === "license/spdx" || d.rule.startsWith("suppress/"))
    .map((d) => ({
      line: lines.positionAt(d.span.start).line,
      rule: d.rule,
      severity: d.severity,
      message: d.message,
      ...(d.waiver ? { waiver: d.waiver } : {}),
    }));
}

/** The diagnostics of a manifest by default (unwaived) and with the waived ones. */
function check(text: string, config: GenesisConfig = DEFAULT_CONFIG, on: Engine = engine): { shown: Seen[]; all: Seen[] } {
  return {
    shown: seen(text, on.analyze({ path: "d.dataset.yaml", text }, config).diagnostics),
    all: seen(text, on.analyze({ path: "d.dataset.yaml", text }, config, { includeWaived: true }).diagnostics),
  };
}

describe("waivers (genesis-ignore, docs/rules.md#waivers)", function () {
  describe("an expiry (until YYYY-MM-DD)", function () {
    it("a future expiry waives the finding, which is kept with its reason, date and comment", function () {
      const text = manifest("# genesis-ignore license/spdx: vendor data, LIC-3 (until 2026-09-30)");
      const { shown, all } = check(text);
      assert.deepEqual(shown, []);
      assert.equal(all.length, 1);
      const [waived] = all;
      assert.equal(waived.rule, "license/spdx");
      assert.equal(waived.waiver?.reason, "vendor data, LIC-3");
      assert.equal(waived.waiver?.until, "2026-09-30");
      assert.equal(
        text.slice(waived.waiver!.span.start, waived.waiver!.span.end),
        "# genesis-ignore license/spdx: vendor data, LIC-3 (until 2026-09-30)",
      );
    });

    it("still applies on its last day", function () {
      assert.deepEqual(check(manifest(`# genesis-ignore license/spdx: vendor data (until ${TODAY})`)).shown, []);
    });

    it("an expired waiver suppresses nothing and is suppress/expired on the comment, naming the date", function () {
      const text = manifest("# genesis-ignore license/spdx: vendor data (until 2026-06-14)");
      const { shown, all } = check(text);
      assert.deepEqual(shown, all, "nothing is waived");
      assert.deepEqual(
        shown.map((d) => [d.line, d.rule, d.severity]),
        [
          [3, "license/spdx", "error"],
          [3, "suppress/expired", "warning"],
        ],
      );
      assert.match(shown[1].message, /ran until 2026-06-14, which has passed/);
      assert.equal(check(text, RELEASE).shown.find((d) => d.rule === "suppress/expired")?.severity, "error", "R: an error in release");
    });

    it("a comment alone on its line, and the Markdown form, take an expiry too", function () {
      const standalone = `${HEADER}# genesis-ignore license/spdx: vendor data (until 2027-01-01)\nlicense: Apache 2\n`;
      assert.deepEqual(check(standalone).shown, []);
      const card = (until: string) =>
        "---\napiVersion: genesis/v1\nkind: ModelCard\nid: m\n---\n" +
        `# M <!-- genesis-ignore modelcard/section-missing: draft, sections pending (until ${until}) -->\n`;
      const missing = (text: string, options = {}) =>
        engine
          .analyze({ path: "m.modelcard.md", text }, DEFAULT_CONFIG, options)
          .diagnostics.filter((d) => d.rule.startsWith("modelcard/section-missing"));
      assert.equal(missing(card("2026-07-01")).length, 0);
      const waived = missing(card("2026-07-01"), { includeWaived: true });
      assert.ok(
        waived.length > 0 && waived.every((d) => d.waiver?.until === "2026-07-01" && d.waiver.reason === "draft, sections pending"),
      );
      assert.ok(missing(card("2026-01-01")).length > 0, "expired in Markdown too");
      const expired = engine
        .analyze({ path: "m.modelcard.md", text: card("2026-01-01") })
        .diagnostics.filter((d) => d.rule === "suppress/expired");
      assert.equal(expired.length, 1);
    });

    for (const written of [
      "(until 2027-02-30)",
      "(until 2027-3-31)",
      "(until soon)",
      "(until: 2027-03-31)",
      "(until 2027-03-31",
      "(until 2027-03-31).",
    ]) {
      it(`a malformed expiry ${written} suppresses nothing and says the right form`, function () {
        const { shown } = check(manifest(`# genesis-ignore license/spdx: vendor data ${written}`));
        assert.deepEqual(shown.map((d) => d.rule).sort(), ["license/spdx", "suppress/expired"]);
        const problem = shown.find((d) => d.rule === "suppress/expired")!;
        assert.ok(problem.message.includes(`"${written}"`), problem.message);
        assert.match(problem.message, /is not a date.*`\(until YYYY-MM-DD\)`/);
      });
    }

    it("an expiry does not count as the reason", function () {
      const { shown, all } = check(manifest("# genesis-ignore license/spdx: (until 2027-03-31)"));
      assert.deepEqual(
        shown.map((d) => d.rule),
        ["suppress/no-reason"],
      );
      assert.deepEqual(all.find((d) => d.rule === "license/spdx")?.waiver?.reason, "");
      assert.deepEqual(
        check(manifest("# genesis-ignore license/spdx (until 2027-03-31)"), RELEASE)
          .shown.map((d) => d.rule)
          .sort(),
        ["license/spdx", "suppress/no-reason"],
      );
    });

    it("without a date to compare, an expiry is checked for its form only", function () {
      const undated = new Engine();
      assert.deepEqual(check(manifest("# genesis-ignore license/spdx: vendor data (until 2001-01-01)"), DEFAULT_CONFIG, undated).shown, []);
      assert.deepEqual(
        check(manifest("# genesis-ignore license/spdx: vendor data (until 2001-13-01)"), DEFAULT_CONFIG, undated)
          .shown.map((d) => d.rule)
          .sort(),
        ["license/spdx", "suppress/expired"],
      );
    });
  });

  describe("a waiver without a reason", function () {
    it("in dev it still waives, and is flagged", function () {
      const { shown, all } = check(manifest("# genesis-ignore license/spdx"));
      assert.deepEqual(
        shown.map((d) => [d.rule, d.severity]),
        [["suppress/no-reason", "warning"]],
      );
      assert.deepEqual(all.find((d) => d.rule === "license/spdx")?.waiver?.reason, "");
    });

    it("in release it waives nothing, and the message says so", function () {
      const { shown, all } = check(manifest("# genesis-ignore license/spdx"), RELEASE);
      assert.deepEqual(shown, all);
      assert.deepEqual(shown.map((d) => d.rule).sort(), ["license/spdx", "suppress/no-reason"]);
      assert.match(shown.find((d) => d.rule === "suppress/no-reason")!.message, /release profile it suppresses nothing/);
      assert.deepEqual(
        check(manifest("# genesis-ignore license/spdx: upstream data"), RELEASE).shown,
        [],
        "with a reason it waives in release",
      );
    });
  });

  describe("waived diagnostics", function () {
    it("are left out by default and come after the others with includeWaived", function () {
      const text = `${HEADER}version: 1.2 # genesis-ignore version/semver: legacy numbering\nlicense: Apache 2\n`;
      const all = engine.analyze({ path: "d.dataset.yaml", text }, DEFAULT_CONFIG, { includeWaived: true }).diagnostics;
      const shown = engine.analyze({ path: "d.dataset.yaml", text }).diagnostics;
      assert.deepEqual(
        all.filter((d) => !d.waiver),
        shown,
      );
      assert.deepEqual(
        all.slice(shown.length).map((d) => [d.rule, d.waiver?.reason]),
        [["version/semver", "legacy numbering"]],
      );
    });

    it("a rule set to off drops the finding, waived or not", function () {
      const text = manifest("# genesis-ignore license/spdx: vendor data");
      const off = configWith({ rules: { "license/spdx": "off" } });
      assert.deepEqual(check(text, off).all, []);
    });

    it("stay outside the cap on diagnostics", function () {
      const capped = new Engine({ maxDiagnostics: 1, today: () => TODAY });
      const text = `${HEADER}version: 1.2\nlicense: Apache 2 # genesis-ignore license/spdx: vendor data\n`;
      const all = capped.analyze({ path: "d.dataset.yaml", text }, DEFAULT_CONFIG, { includeWaived: true }).diagnostics;
      assert.equal(all.filter((d) => !d.waiver).length, 2, "one shown and the line that says how many more");
      assert.deepEqual(
        all.filter((d) => d.waiver).map((d) => d.rule),
        ["license/spdx"],
      );
    });

    it("the workspace rules honour the expiry too, and only the type pass reports it", function () {
      const expired = modelCard("m", "1.0.0", ["gone@1.0.0"]).replace(
        "datasets: [gone@1.0.0]",
        "datasets: [gone@1.0.0] # genesis-ignore ref/unresolved: moving (until 2026-01-31)",
      );
      const current = expired.replace("2026-01-31", "2026-12-31");
      for (const [text, waived] of [
        [expired, false],
        [current, true],
      ] as const) {
        const index = workspaceOf({ "models/m.model.yaml": text });
        const facts = index.get("models/m.model.yaml")!;
        const ws = engine.checkWorkspace(facts, index, DEFAULT_CONFIG, { includeWaived: true });
        const onLine = ws.filter(
          (d) =>
            d.rule === "ref/unresolved" &&
            text.slice(0, d.span.start).split("\n").length === text.slice(0, text.indexOf("# genesis")).split("\n").length,
        );
        assert.equal(onLine.length, 1);
        assert.equal(onLine[0].waiver !== undefined, waived);
        assert.ok(!ws.some((d) => d.rule.startsWith("suppress/")), "the ws pass does not repeat it");
        const typeFindings = engine
          .check(parseGenesisDocument({ path: "models/m.model.yaml", text })!)
          .filter((d) => d.rule === "suppress/expired");
        assert.equal(typeFindings.length, waived ? 0 : 1);
      }
    });
  });

  describe("dates", function () {
    it("isIsoDate accepts real calendar dates only", function () {
      for (const good of ["2026-06-15", "2028-02-29", "2000-02-29", "1999-12-31"]) assert.ok(isIsoDate(good), good);
      for (const bad of [
        "2027-02-29",
        "1900-02-29",
        "2026-04-31",
        "2026-13-01",
        "2026-00-10",
        "2026-6-15",
        "26-06-15",
        "2026-06-15T00:00",
        "",
      ])
        assert.ok(!isIsoDate(bad), bad);
    });

    it("addDays counts across months, years and leap days; isoDateOf is the local date", function () {
      assert.equal(addDays("2026-06-15", 90), "2026-09-13");
      assert.equal(addDays("2026-12-31", 1), "2027-01-01");
      assert.equal(addDays("2028-02-28", 1), "2028-02-29");
      assert.equal(addDays("2026-03-01", -1), "2026-02-28");
      assert.equal(isoDateOf(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
    });
  });
});
