import * as assert from "node:assert/strict";
import type { ReadinessItem, ReadinessModel, ReadinessWaiver } from "../../../server/src/core/readiness/model";
import { mergeReadiness } from "../../../server/src/core/readiness/merge";
import { formatReadiness, REPORT_FORMATS, type ReadinessReport } from "../../../server/src/core/readiness/report";

/** A hand-built model: one item carries two waivers, another none; one waiver has no expiry and no reason. */
function item(id: string, waivers?: number): ReadinessItem {
  return {
    id,
    title: `Title of ${id}`,
    status: "pass",
    reason: `Reason of ${id}.`,
    criterion: `criterion of ${id}`,
    evidence: [],
    ...(waivers === undefined ? {} : { waivers }),
  };
}

const WAIVERS: readonly ReadinessWaiver[] = [
  {
    rule: "container/unpinned",
    item: "infra.containers",
    path: "pipelines/train.pipeline.yaml",
    range: { start: { line: 11, character: 11 }, end: { line: 11, character: 30 } },
    message: 'The image "vendor/solver:4.2" has no digest.',
    reason: "vendor image <unsigned>, SEC-112",
    until: "2027-03-31",
  },
  {
    rule: "container/latest",
    item: "infra.containers",
    path: "pipelines/train.pipeline.yaml",
    range: { start: { line: 19, character: 11 }, end: { line: 19, character: 24 } },
    message: "The image uses the latest tag.",
    reason: "",
  },
];

function reportWith(waivers: readonly ReadinessWaiver[] | undefined): ReadinessReport {
  const model: ReadinessModel = {
    score: { passed: 2, applicable: 2 },
    groups: [
      {
        id: "infrastructure",
        title: "Infrastructure",
        passed: 2,
        applicable: 2,
        items: [item("infra.containers", waivers?.length), item("infra.ci")],
      },
    ],
    ...(waivers ? { waivers } : {}),
  };
  return { root: "lab", model, lineage: { nodes: [], edges: [] } };
}

const unescapeMarkdown = (text: string) => text.replace(/\\(.)/g, "$1");
const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** The part of a report from its Waivers heading to the next section's heading. */
function waiversSection(format: "text" | "markdown" | "html", output: string): string {
  const start = { text: /^Waivers \(/m, markdown: /^## Waivers/m, html: /<section id="waivers">/ }[format];
  const end = { text: /^Lineage \(/m, markdown: /^## Lineage/m, html: /<section><h2>Lineage/ }[format];
  const from = output.search(start);
  assert.ok(from >= 0, `${format}: no Waivers section`);
  const rest = output.slice(from);
  const to = rest.search(end);
  assert.ok(to > 0, `${format}: the Waivers section comes before the lineage`);
  const section = rest.slice(0, to);
  return format === "markdown" ? unescapeMarkdown(section) : format === "html" ? unescapeHtml(section) : section;
}

describe("readiness: the report's Waivers section", function () {
  const outputs = Object.fromEntries(REPORT_FORMATS.map((format) => [format, formatReadiness(reportWith(WAIVERS), format)])) as Record<
    (typeof REPORT_FORMATS)[number],
    string
  >;

  for (const format of ["text", "markdown", "html"] as const) {
    it(`${format}: every waiver with its rule, place (path:line), reason and expiry, and "no expiry" where there is none`, function () {
      const section = waiversSection(format, outputs[format]);
      assert.ok(section.includes("Waivers") && section.includes("2"), "the heading counts them");
      for (const waiver of WAIVERS) {
        for (const part of [waiver.rule, `${waiver.path}:${waiver.range.start.line + 1}`, waiver.item, waiver.message]) {
          assert.ok(section.includes(part), `${format} lacks ${part}`);
        }
      }
      assert.ok(section.includes("vendor image <unsigned>, SEC-112"), "the reason");
      assert.ok(section.includes("until 2027-03-31"), "the expiry");
      assert.ok(section.includes("no expiry"), "a waiver without an expiry says so");
      assert.ok(section.includes("(no reason given)"), "a waiver without a reason says so");
      assert.ok(section.indexOf("container/unpinned") < section.indexOf("container/latest"), "in the model's order");
    });

    it(`${format}: an item shows how many waivers it carries, and one with none shows nothing`, function () {
      const output =
        format === "markdown" ? unescapeMarkdown(outputs[format]) : format === "html" ? unescapeHtml(outputs[format]) : outputs[format];
      const before = output.slice(
        0,
        output.search({ text: /^Waivers \(/m, markdown: /^## Waivers/m, html: /<section id="waivers">/ }[format]),
      );
      assert.equal(before.split("2 waivers").length - 1, 1, "infra.containers says 2 waivers, once");
      assert.doesNotMatch(before.slice(before.lastIndexOf("infra.ci")), /waiver/i, "infra.ci, listed last, carries none");
    });

    it(`${format}: a model without waivers has the section, saying there are none`, function () {
      const section = waiversSection(format, formatReadiness(reportWith(undefined), format));
      assert.match(section, /\b(none|None)\b/);
      assert.ok(!section.includes("container/"));
    });
  }

  it("html: the place and the reason are escaped", function () {
    assert.ok(outputs.html.includes("vendor image &lt;unsigned&gt;, SEC-112"));
    assert.ok(!outputs.html.includes("<unsigned>"));
  });

  it("json: the model's waivers beside the groups, and each item's count in the groups", function () {
    const json = JSON.parse(outputs.json);
    assert.deepEqual(json.readiness.waivers, JSON.parse(JSON.stringify(WAIVERS)));
    assert.equal(json.readiness.groups[0].items[0].waivers, 2);
    assert.deepEqual(JSON.parse(formatReadiness(reportWith(undefined), "json")).readiness.waivers, []);
  });
});

describe("readiness: merging folders keeps their waivers", function () {
  it("sums each item's count and lists every folder's waivers, paths prefixed with the folder's name", function () {
    const merged = mergeReadiness([
      { name: "a", model: reportWith(WAIVERS).model },
      { name: "b", model: reportWith(WAIVERS.slice(0, 1)).model },
      { name: "c", model: reportWith(undefined).model },
    ]);
    assert.equal(merged.groups[0].items[0].waivers, 3);
    assert.equal(merged.groups[0].items[1].waivers, undefined);
    assert.deepEqual(
      merged.waivers?.map((w) => [w.path, w.rule]),
      [
        ["a/pipelines/train.pipeline.yaml", "container/unpinned"],
        ["a/pipelines/train.pipeline.yaml", "container/latest"],
        ["b/pipelines/train.pipeline.yaml", "container/unpinned"],
      ],
    );
  });
});
