import * as assert from "node:assert/strict";
import { lineageOf } from "../../../server/src/core/readiness/lineage";
import { layoutLineage } from "../../../server/src/core/readiness/lineage-layout";
import { formatReadiness, REPORT_FORMATS, type ReadinessReport } from "../../../server/src/core/readiness/report";
import { mermaidLineage } from "../../../server/src/core/readiness/report-markdown";
import { dataset, modelCard, pipeline } from "../workspace/harness";
import { CLEAN, edit, inputOf, readinessOf, variant } from "./harness";
import { computeReadiness } from "../../../server/src/core/readiness/compute";
import { ruleDocUrl } from "../../../server/src/core/rules/rule-docs";

/** A workspace with failures, warnings, n/a items, an unpinned and an unresolved reference, and markup in messages. */
function reportOf(): ReadinessReport {
  const fixture = variant({
    evidence: null,
    files: {
      "data/clean.dataset.yaml": edit(CLEAN, "derivedFrom: [raw@1.0.0]", "derivedFrom: [raw, ghost@1.0.0]").replace(
        "license: CC-BY-4.0",
        'license: "<b>Apache 2</b>"',
      ),
      "models/m.model.yaml": undefined,
    },
  });
  const input = inputOf(fixture);
  return {
    root: "lab <workspace>",
    generatedAt: "2026-01-15T08:30:00Z",
    model: computeReadiness(input),
    lineage: lineageOf(
      input.documents.map((d) => d.facts),
      input.index,
    ),
  };
}

const unescapeMarkdown = (text: string) => text.replace(/\\(.)/g, "$1");
const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
const flat = (text: string) => text.replace(/\s*\r?\n\s*/g, " ");

describe("readiness: the report", function () {
  const report = reportOf();
  const items = report.model.groups.flatMap((g) => g.items);
  const outputs = Object.fromEntries(REPORT_FORMATS.map((format) => [format, formatReadiness(report, format)])) as Record<
    (typeof REPORT_FORMATS)[number],
    string
  >;

  it("the fixture has items in every status and evidence with markup", function () {
    assert.deepEqual([...new Set(items.map((i) => i.status))].sort(), ["fail", "n/a", "pass", "warn"]);
    assert.ok(items.flatMap((i) => i.evidence).some((e) => e.message.includes("<b>")));
  });

  for (const format of ["text", "markdown", "html"] as const) {
    it(`${format}: the score, every item with its status, reason and criterion, every piece of evidence and the fixes`, function () {
      const text =
        format === "markdown" ? unescapeMarkdown(outputs.markdown) : format === "html" ? unescapeHtml(outputs.html) : outputs.text;
      assert.ok(text.includes(`${report.model.score.passed}/${report.model.score.applicable} (`), "the score");
      assert.ok(text.includes("lab <workspace>"), "the root");
      assert.ok(text.includes("2026-01-15T08:30:00Z"), "the date");
      for (const item of items) {
        assert.ok(text.includes(item.id), `${format} lacks ${item.id}`);
        assert.ok(text.includes(item.reason), `${format} lacks the reason of ${item.id}: ${item.reason}`);
        assert.ok(
          text.includes(item.criterion.replace(/`/g, "")) || text.includes(item.criterion),
          `${format} lacks the criterion of ${item.id}`,
        );
        for (const evidence of item.evidence)
          assert.ok(text.includes(flat(evidence.message)), `${format} lacks evidence of ${item.id}: ${evidence.message}`);
        if (item.fix) {
          // Worded for a reader outside the editor: the command line to run, or the rule's page.
          const fix = item.fix;
          const wanted =
            fix.kind === "command"
              ? [fix.shell!.title, fix.shell!.commandLine]
              : fix.kind === "quickfix"
                ? [fix.target!.rule!, `${fix.target!.path}:${fix.target!.range.start.line + 1}`, ruleDocUrl(fix.target!.rule!)]
                : [fix.title];
          for (const words of wanted) assert.ok(text.includes(words), `${format} lacks the fix of ${item.id}: ${words}`);
        }
      }
      assert.ok(items.some((item) => item.fix?.kind === "quickfix") && items.some((item) => item.fix?.kind === "command"));
      assert.doesNotMatch(text, /Show the quick fixes|\(command genesis\./, "editor-only actions stay in the editor");
      const status = {
        text: /FAIL\s+data\.metadata/,
        markdown: /`data.metadata` Dataset metadata: FAIL/,
        html: /FAIL<\/span> <code>data.metadata<\/code>/,
      }[format];
      assert.match(format === "html" ? outputs.html : text, status);
      for (const node of report.lineage.nodes) assert.ok(text.includes(node.label), `${format} lacks the lineage node ${node.label}`);
    });
  }

  it("json: the model itself, with the score of docs/cli.md#json-output, and the lineage graph", function () {
    const json = JSON.parse(outputs.json);
    assert.deepEqual(Object.keys(json), ["version", "root", "generatedAt", "readiness", "lineage"]);
    assert.equal(json.readiness.score, Math.round((report.model.score.passed / report.model.score.applicable) * 1000) / 1000);
    assert.equal(json.readiness.passed, report.model.score.passed);
    assert.deepEqual(json.readiness.groups, JSON.parse(JSON.stringify(report.model.groups)));
    assert.deepEqual(json.lineage, JSON.parse(JSON.stringify(report.lineage)));
  });

  it("the text report names the failing and warning items up front", function () {
    const failing = items
      .filter((i) => i.status === "fail")
      .map((i) => i.id)
      .join(", ");
    assert.ok(outputs.text.split("\n").includes(`Failing: ${failing}`), outputs.text.split("\n").slice(0, 4).join("\n"));
  });

  it("html: self-contained, with no script and no http(s) URL in any src or href", function () {
    const html = outputs.html;
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /<link/i);
    assert.doesNotMatch(html, /\b(?:src|href|xlink:href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    assert.doesNotMatch(html, /@import|url\(\s*["']?https?:/i);
    assert.doesNotMatch(html, /<b>Apache/, "messages are escaped");
    assert.match(html, /<style>/);
  });

  it("html: the lineage is an inline SVG with one box per document and one path per link", function () {
    const svg = /<svg[\s\S]*<\/svg>/.exec(outputs.html)?.[0] ?? "";
    assert.ok(svg, "an inline svg");
    assert.equal((svg.match(/<rect /g) ?? []).length, report.lineage.nodes.length);
    assert.equal((svg.match(/<path d="M[^"]*" fill="none"/g) ?? []).length, report.lineage.edges.length);
    assert.ok(svg.includes("stroke-dasharray"), "the unpinned reference is dashed");
  });

  it("markdown: a valid-looking Mermaid flowchart of the lineage", function () {
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(outputs.markdown)?.[1];
    assert.ok(block, "a mermaid block");
    const lines = block.split("\n");
    assert.equal(lines[0], "flowchart LR");
    const declared = new Set<string>();
    for (const line of lines.slice(1)) {
      const node = /^ {2}(n\d+)(\[\("[^"\n]*"\)\]|\[\["[^"\n]*"\]\]|\(\["[^"\n]*"\]\)|\{\{"[^"\n]*"\}\})$/.exec(line);
      const edge = /^ {2}(n\d+) (-->|-\.->)(\|[a-z]+\|)? (n\d+)$/.exec(line);
      const style = /^ {2}(classDef [a-z]+ [a-z0-9#:,-]+(?: [a-z0-9#:,-]+)*|class (n\d+(?:,n\d+)*) [a-z]+)$/.exec(line);
      assert.ok(node || edge || style, `not Mermaid: ${JSON.stringify(line)}`);
      if (node) declared.add(node[1]);
      if (edge) assert.ok(declared.has(edge[1]) && declared.has(edge[4]), `an edge between undeclared nodes: ${line}`);
    }
    assert.equal(declared.size, report.lineage.nodes.length);
    assert.ok(
      lines.some((l) => /-\.->\|unpinned\|/.test(l)),
      "the unpinned derivedFrom is dashed and labelled",
    );
    assert.ok(
      lines.some((l) => l.includes('{{"missing: ghost@1.0.0"}}')),
      "the unresolved reference is a missing node",
    );
  });

  it("Mermaid labels escape quotes and angle brackets", function () {
    const lines = mermaidLineage({ nodes: [{ id: "a", label: 'x"<y>', kind: "DatasetManifest", path: "a" }], edges: [] });
    assert.equal(lines[1], '  n0[("x#quot;#lt;y#gt; · no level")]');
  });
});

describe("readiness: the lineage graph", function () {
  const files = {
    "data/raw.dataset.yaml": dataset("raw", "1.0.0"),
    "data/clean.dataset.yaml": dataset(
      "clean",
      "1.0.0",
      "lineage:\n  derivedFrom: [raw@1.0.0]\n  generatedBy: { pipeline: cleaning@1.0.0 }\n",
    ),
    "pipelines/cleaning.pipeline.yaml": pipeline("cleaning", "1.0.0", ["raw@1.0.0"], ["clean@1.0.0"]),
    "models/m.model.yaml": modelCard("m", "1.0.0", ["clean@1.0.0"], "public", "apache-2.0", "", { evaluation: ["raw"] }),
  };
  const input = inputOf({ files });
  const graph = lineageOf(
    input.documents.map((d) => d.facts),
    input.index,
  );
  const edge = (from: string, to: string) => graph.edges.find((e) => e.from === from && e.to === to);

  it("draws each link in the direction data flows, once", function () {
    assert.deepEqual(graph.nodes.map((n) => n.label).sort(), ["clean@1.0.0", "cleaning@1.0.0", "m@1.0.0", "raw@1.0.0"]);
    assert.equal(edge("data/raw.dataset.yaml", "data/clean.dataset.yaml")?.relation, "derivedFrom");
    assert.equal(edge("data/raw.dataset.yaml", "pipelines/cleaning.pipeline.yaml")?.relation, "input");
    assert.ok(
      edge("pipelines/cleaning.pipeline.yaml", "data/clean.dataset.yaml"),
      "the pipeline's output (and the dataset's generatedBy) is one link",
    );
    assert.equal(edge("data/clean.dataset.yaml", "models/m.model.yaml")?.relation, "trainingData");
    assert.equal(edge("data/raw.dataset.yaml", "models/m.model.yaml")?.pinned, false, "the unversioned evaluation dataset");
    assert.equal(graph.edges.length, 5);
  });

  it("lays it out left to right: every link goes to a later layer, and no two boxes overlap", function () {
    const layout = layoutLineage(graph);
    const at = new Map(layout.nodes.map((n) => [n.node.id, n]));
    for (const e of graph.edges) assert.ok(at.get(e.to)!.layer > at.get(e.from)!.layer, `${e.from} -> ${e.to}`);
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart =
          a.x + layout.nodeWidth <= b.x ||
          b.x + layout.nodeWidth <= a.x ||
          a.y + layout.nodeHeight <= b.y ||
          b.y + layout.nodeHeight <= a.y;
        assert.ok(apart, `${a.node.label} overlaps ${b.node.label}`);
      }
      assert.ok(a.x >= 0 && a.y >= 0 && a.x + layout.nodeWidth <= layout.width && a.y + layout.nodeHeight <= layout.height);
    }
  });

  it("lays out a cycle without looping forever, drawing the closing link as a dashed loop", function () {
    const cycle = lineageOf(
      inputOf({
        files: {
          "a.dataset.yaml": dataset("a", "1.0.0", "lineage:\n  derivedFrom: [b@1.0.0]\n"),
          "b.dataset.yaml": dataset("b", "1.0.0", "lineage:\n  derivedFrom: [a@1.0.0]\n"),
        },
      }).documents.map((d) => d.facts),
    );
    const layout = layoutLineage(cycle);
    assert.equal(layout.edges.length, 2);
    assert.equal(layout.edges.filter((e) => e.dashed).length, 1);
  });

  it("an empty workspace has an empty graph and an empty layout", function () {
    assert.deepEqual(lineageOf([]), { nodes: [], edges: [] });
    assert.equal(layoutLineage({ nodes: [], edges: [] }).width, 0);
    assert.match(
      formatReadiness({ root: "x", model: readinessOf({ files: {} }), lineage: { nodes: [], edges: [] } }, "html"),
      /No Genesis documents/,
    );
  });
});

describe("readiness: the lineage diagram shows levels and draws a model as its pipeline's output", function () {
  const files = {
    "data/raw.dataset.yaml": dataset("raw", "1.0.0", "", "CUI"),
    "data/open.dataset.yaml": dataset("open", "1.0.0"),
    "data/odd.dataset.yaml": dataset("odd", "1.0.0", "", "bogus"),
    "data/bare.dataset.yaml": dataset("bare", "1.0.0").replace("classification:\n  level: public\n", ""),
    "pipelines/training.pipeline.yaml": pipeline("training", "1.0.0", ["raw@1.0.0"], ["m@1.0.0", "n@1.0.0"], "cui"),
    "models/m.model.yaml": modelCard("m", "1.0.0", ["raw@1.0.0"], "cui").replace("training:\n", "training:\n  pipeline: training@1.0.0\n"),
    "models/n.model.yaml": modelCard("n", "1.0.0", ["raw@1.0.0"], "cui"),
  };
  const input = inputOf({ files });
  const graph = lineageOf(
    input.documents.map((d) => d.facts),
    input.index,
  );
  const node = (path: string) => graph.nodes.find((n) => n.id === path)!;
  const report: ReadinessReport = { root: "x", model: computeReadiness(input), lineage: graph };

  it("each node carries the level it counts as, and what was written when that is not a lattice value", function () {
    assert.deepEqual([node("data/raw.dataset.yaml").level, node("data/raw.dataset.yaml").levelWritten], ["cui", "CUI"]);
    assert.deepEqual([node("data/open.dataset.yaml").level, node("data/open.dataset.yaml").levelWritten], ["public", undefined]);
    assert.deepEqual([node("data/odd.dataset.yaml").level, node("data/odd.dataset.yaml").levelWritten], ["cui-specified", "bogus"]);
    assert.equal(node("data/bare.dataset.yaml").level, undefined);
    assert.equal(node("pipelines/training.pipeline.yaml").level, "cui");
  });

  it("every format shows the levels, marking the ones not written as a lattice value", function () {
    const mermaid = mermaidLineage(graph);
    assert.ok(
      mermaid.some((l) => l.endsWith('[("raw@1.0.0 · cui (written #quot;CUI#quot;)")]')),
      mermaid.join("\n"),
    );
    assert.ok(mermaid.some((l) => l.endsWith('[("open@1.0.0 · public")]')));
    assert.ok(mermaid.some((l) => l.endsWith('[("bare@1.0.0 · no level")]')));
    const text = formatReadiness(report, "text").split("\n");
    assert.ok(text.includes('  raw@1.0.0 (dataset): cui (written "CUI")'));
    assert.ok(text.includes('  odd@1.0.0 (dataset): cui-specified (written "bogus")'));
    assert.ok(text.includes("  training@1.0.0 (pipeline): cui"));
    const svg = /<svg[\s\S]*<\/svg>/.exec(formatReadiness(report, "html"))![0];
    assert.match(svg, /<text [^>]*class="level marked">cui \(written &quot;CUI&quot;\)<\/text>/);
    assert.match(svg, /<text [^>]*class="level">public<\/text>/);
    assert.equal((svg.match(/class="level/g) ?? []).length, graph.nodes.length);
  });

  it("a model is drawn as the output of the pipeline that trained it, once, whether named by outputs or training.pipeline", function () {
    const edges = (to: string) => graph.edges.filter((e) => e.to === to && e.from === "pipelines/training.pipeline.yaml");
    assert.equal(edges("models/m.model.yaml").length, 1, "outputs and training.pipeline make one link");
    assert.deepEqual(
      edges("models/n.model.yaml").map((e) => e.relation),
      ["output"],
      "outputs alone",
    );
    assert.ok(!graph.nodes.some((n) => n.kind === "missing"), "an output naming a card is no missing node");
    const layout = layoutLineage(graph);
    const layer = (id: string) => layout.nodes.find((n) => n.node.id === id)!.layer;
    assert.ok(layer("models/m.model.yaml") > layer("pipelines/training.pipeline.yaml"));
  });
});
