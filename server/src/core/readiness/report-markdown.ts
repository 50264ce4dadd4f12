import type { LineageGraph, LineageNode } from "./lineage";
import type { ReadinessModel, ReadinessStatus } from "./model";
import {
  expiryText,
  itemsWith,
  lineageLines,
  placeOf,
  readerFix,
  reasonText,
  scoreText,
  STATUS_LABEL,
  WAIVERS_INTRO,
  waiverCount,
  waiverPlace,
  waiversOf,
  type ReadinessReport,
} from "./report-parts";
import { LEVEL_NOTE, levelText } from "./lineage-text";

const ICON: Readonly<Record<ReadinessStatus, string>> = { pass: "✅", warn: "⚠️", fail: "❌", "n/a": "➖" };

/** The Markdown report: GitHub and most viewers render its Mermaid block as the lineage diagram. */
export function formatMarkdown(report: ReadinessReport): string {
  const { model } = report;
  const out: string[] = [`# Genesis readiness: ${escape(report.root)}`, ""];
  out.push(`**Score: ${scoreText(model)}**${report.generatedAt ? ` · generated ${report.generatedAt}` : ""}`, "");
  const failing = itemsWith(model, "fail").map((i) => `\`${i.id}\``);
  const warning = itemsWith(model, "warn").map((i) => `\`${i.id}\``);
  out.push(`Failing: ${failing.length ? failing.join(", ") : "none"}. Warning: ${warning.length ? warning.join(", ") : "none"}.`, "");
  out.push("| Group | Passed | Items |", "|---|---|---|");
  for (const group of model.groups) {
    out.push(
      `| ${group.title} | ${group.passed}/${group.applicable} | ${group.items.map((i) => `${ICON[i.status]} \`${i.id}\``).join(" ")} |`,
    );
  }
  for (const group of model.groups) {
    out.push("", `## ${group.title} (${group.passed}/${group.applicable})`);
    for (const item of group.items) {
      out.push("", `### ${ICON[item.status]} \`${item.id}\` ${escape(item.title)}: ${STATUS_LABEL[item.status]}`, "");
      out.push(escape(item.reason), "", `*Passes when* ${escape(item.criterion.replace(/`/g, ""))}.`);
      const waivers = waiverCount(item);
      if (waivers) out.push("", `*Carries ${waivers}* (see Waivers).`);
      if (item.evidence.length) out.push("");
      for (const evidence of item.evidence) {
        out.push(
          `- ${ICON[evidence.status]} \`${placeOf(evidence)}\`` +
            `${evidence.rule ? ` \`${evidence.rule}\`` : ""}: ${escape(oneLine(evidence.message))}`,
        );
      }
      if (item.omittedEvidence) out.push(`- and ${item.omittedEvidence} more`);
      const fix = readerFix(item);
      if (fix) {
        const place = fix.place ? ` at \`${fix.place}\`` : "";
        const run = fix.commandLine ? `: run \`${fix.commandLine}\`` : "";
        const page = fix.page ? `; see [the rule's page](${fix.page})` : "";
        out.push("", `**Fix:** ${escape(fix.text)}${place}${run}${page}`);
      }
    }
  }
  out.push(...waiversMarkdown(model));
  const legend = `Datasets, pipelines and models, in the direction data flows, each with its classification level. ${LEVEL_NOTE}`;
  out.push("", "## Lineage", "", `${legend} Dashed: an unpinned reference or evaluation data.`, "");
  out.push("```mermaid", ...mermaidLineage(report.lineage), "```", "");
  const lines = lineageLines(report.lineage);
  out.push(...(lines.length ? lines.map((line) => `- ${escape(line)}`) : ["No references between documents."]));
  return out.join("\n") + "\n";
}

/** The Waivers section: a table of rule, place, reason, expiry, item and the finding. */
function waiversMarkdown(model: ReadinessModel): string[] {
  const waivers = waiversOf(model);
  const out = ["", `## Waivers (${waivers.length})`, "", WAIVERS_INTRO, ""];
  if (waivers.length === 0) return [...out, "None."];
  out.push("| Rule | Place | Reason | Expiry | Item | Finding |", "|---|---|---|---|---|---|");
  for (const w of waivers) {
    const code = (text: string) => `\`${text}\``;
    const cells = [code(w.rule), code(waiverPlace(w)), escape(oneLine(reasonText(w))), expiryText(w), code(w.item)];
    cells.push(escape(oneLine(w.message)));
    out.push(`| ${cells.join(" | ")} |`);
  }
  return out;
}

/** A Mermaid `flowchart LR` of the lineage: one node per document, one arrow per link. */
export function mermaidLineage(lineage: LineageGraph): string[] {
  const ids = new Map(lineage.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ["flowchart LR"];
  for (const node of lineage.nodes) lines.push(`  ${ids.get(node.id)}${shape(node)}`);
  for (const edge of lineage.edges) {
    const dashed = !edge.pinned || edge.relation === "evaluationData";
    const label = edge.relation === "evaluationData" ? "|evaluates|" : edge.pinned ? "" : "|unpinned|";
    lines.push(`  ${ids.get(edge.from)} ${dashed ? "-.->" : "-->"}${label} ${ids.get(edge.to)}`);
  }
  lines.push(
    "  classDef dataset fill:#e3f2fd,stroke:#1565c0",
    "  classDef pipeline fill:#fff8e1,stroke:#ef6c00",
    "  classDef model fill:#e8f5e9,stroke:#2e7d32",
    "  classDef missing fill:#fafafa,stroke:#9e9e9e,stroke-dasharray:4 3",
  );
  for (const [kind, cls] of [
    ["DatasetManifest", "dataset"],
    ["PipelineConfig", "pipeline"],
    ["ModelCard", "model"],
    ["missing", "missing"],
  ] as const) {
    const members = lineage.nodes.filter((n) => n.kind === kind).map((n) => ids.get(n.id));
    if (members.length) lines.push(`  class ${members.join(",")} ${cls}`);
  }
  return lines;
}

/** Datasets are cylinders, pipelines subroutines, models stadiums, missing documents hexagons. Each shows its level. */
function shape(node: LineageNode): string {
  const level = levelText(node);
  const text = `"${mermaidText(node.kind === "missing" ? `missing: ${node.label}` : `${node.label} · ${level}`)}"`;
  switch (node.kind) {
    case "DatasetManifest":
      return `[(${text})]`;
    case "PipelineConfig":
      return `[[${text}]]`;
    case "ModelCard":
      return `([${text}])`;
    case "missing":
      return `{{${text}}}`;
  }
}

/** Text inside a quoted Mermaid label: quotes and angle brackets as entity codes. */
function mermaidText(text: string): string {
  return text
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/[\r\n]+/g, " ");
}

/** Markdown inline text: characters that would start markup are escaped. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ");
}
