import type { LineageGraph } from "./lineage";
import { layoutLineage } from "./lineage-layout";
import type { ReadinessEvidence, ReadinessItem, ReadinessModel, ReadinessStatus } from "./model";
import {
  expiryText,
  readerFix,
  itemsWith,
  KIND_WORD,
  lineageLines,
  placeOf,
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

/**
 * The HTML report: one self-contained page (inline CSS, the lineage as inline SVG), with no
 * script and nothing fetched, so that it opens the same offline, in a binder or an archive.
 */
export function formatHtml(report: ReadinessReport): string {
  const { model } = report;
  const failing = itemsWith(model, "fail").map((i) => i.id);
  const warning = itemsWith(model, "warn").map((i) => i.id);
  const body: string[] = [
    `<h1>Genesis readiness: ${esc(report.root)}</h1>`,
    `<p class="score"><strong>Score: ${esc(scoreText(model))}</strong>` +
      `${report.generatedAt ? ` <span class="muted">· generated ${esc(report.generatedAt)}</span>` : ""}</p>`,
    `<p>Failing: ${failing.length ? failing.map((id) => `<code>${esc(id)}</code>`).join(", ") : "none"}. ` +
      `Warning: ${warning.length ? warning.map((id) => `<code>${esc(id)}</code>`).join(", ") : "none"}.</p>`,
    `<table class="summary"><thead><tr><th>Group</th><th>Passed</th><th>Items</th></tr></thead><tbody>`,
    ...model.groups.map(
      (g) =>
        `<tr><td>${esc(g.title)}</td><td>${g.passed}/${g.applicable}</td>` +
        `<td>${g.items.map((i) => badge(i.status, i.id)).join(" ")}</td></tr>`,
    ),
    `</tbody></table>`,
  ];
  for (const group of model.groups) {
    body.push(`<section><h2>${esc(group.title)} <span class="muted">${group.passed}/${group.applicable}</span></h2>`);
    for (const item of group.items) body.push(itemHtml(item));
    body.push(`</section>`);
  }
  body.push(waiversHtml(model));
  body.push(
    `<section><h2>Lineage</h2><p class="muted">Datasets, pipelines and models, in the direction data flows, ` +
      `each with its classification level. ${esc(LEVEL_NOTE)} ` +
      `Dashed: an unpinned reference, evaluation data, or a link that closes a cycle.</p>`,
  );
  body.push(lineageSvg(report.lineage));
  const lines = lineageLines(report.lineage);
  body.push(
    lines.length
      ? `<ul class="links">${lines.map((line) => `<li>${esc(line)}</li>`).join("")}</ul>`
      : `<p>No references between documents.</p>`,
    `</section>`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Genesis readiness: ${esc(report.root)}</title>
<style>${STYLE}</style>
</head>
<body>
${body.join("\n")}
</body>
</html>
`;
}

function itemHtml(item: ReadinessItem): string {
  const evidence = item.evidence.map(evidenceHtml).join("");
  const omitted = item.omittedEvidence ? `<li class="muted">and ${item.omittedEvidence} more</li>` : "";
  const fix = readerFix(item);
  const waivers = waiverCount(item);
  const list = evidence || omitted ? `<ul class="evidence">${evidence}${omitted}</ul>` : "";
  const fixLine = fix
    ? `<p class="fix"><strong>Fix:</strong> ${esc(fix.text)}` +
      (fix.place ? ` at <code>${esc(fix.place)}</code>` : "") +
      (fix.commandLine ? `: run <code>${esc(fix.commandLine)}</code>` : "") +
      // The page's address as text, not a link: the page links to nothing outside itself.
      (fix.page ? `; see the rule's page, <code>${esc(fix.page)}</code>` : "") +
      `</p>`
    : "";
  return `<article class="item ${cls(item.status)}" id="${esc(item.id)}">
<h3>${badge(item.status, STATUS_LABEL[item.status])} <code>${esc(item.id)}</code> ${esc(item.title)}${waiverLink(waivers)}</h3>
<p>${esc(item.reason)}</p>
<p class="muted">Passes when ${esc(item.criterion.replace(/`/g, ""))}.</p>
${list}${fixLine}
</article>`;
}

/** `2 waivers`, as a link to the Waivers section; nothing for an item without any. */
function waiverLink(waivers: string | undefined): string {
  return waivers ? ` <a class="waivers" href="#waivers">${esc(waivers)}</a>` : "";
}

/** The Waivers section: a table of rule, place, reason, expiry, item and the finding. */
function waiversHtml(model: ReadinessModel): string {
  const waivers = waiversOf(model);
  const heading = `<h2>Waivers <span class="muted">${waivers.length}</span></h2>`;
  const head = `<section id="waivers">${heading}<p class="muted">${esc(WAIVERS_INTRO)}</p>`;
  if (waivers.length === 0) return `${head}<p>None.</p></section>`;
  const columns = ["Rule", "Place", "Reason", "Expiry", "Item", "Finding"].map((c) => `<th>${c}</th>`).join("");
  const rows = waivers.map(
    (w) =>
      `<tr><td><code>${esc(w.rule)}</code></td><td><code>${esc(waiverPlace(w))}</code></td><td>${esc(reasonText(w))}</td>` +
      `<td>${esc(expiryText(w))}</td><td><code>${esc(w.item)}</code></td><td>${esc(w.message)}</td></tr>`,
  );
  return `${head}<table class="waivers"><thead><tr>${columns}</tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

function evidenceHtml(evidence: ReadinessEvidence): string {
  return (
    `<li>${badge(evidence.status, STATUS_LABEL[evidence.status])} <code>${esc(placeOf(evidence))}</code>` +
    `${evidence.rule ? ` <code>${esc(evidence.rule)}</code>` : ""} ${esc(evidence.message)}</li>`
  );
}

function badge(status: ReadinessStatus, text: string): string {
  return `<span class="badge ${cls(status)}">${esc(text)}</span>`;
}

function cls(status: ReadinessStatus): string {
  return status === "n/a" ? "na" : status;
}

const FILL: Readonly<Record<string, readonly [string, string]>> = {
  DatasetManifest: ["#e3f2fd", "#1565c0"],
  PipelineConfig: ["#fff8e1", "#ef6c00"],
  ModelCard: ["#e8f5e9", "#2e7d32"],
  missing: ["#fafafa", "#9e9e9e"],
};

/** The lineage as inline SVG, laid out by lineage-layout.ts. */
export function lineageSvg(lineage: LineageGraph): string {
  if (!lineage.nodes.length) return `<p>No Genesis documents.</p>`;
  const layout = layoutLineage(lineage);
  const parts = [
    `<svg class="lineage" role="img" aria-label="Lineage of datasets, pipelines and models" ` +
      `width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">` +
      `<path d="M0 0 L10 5 L0 10 z" fill="#555"/></marker></defs>`,
  ];
  for (const { edge, path, dashed } of layout.edges) {
    parts.push(
      `<path d="${path}" fill="none" stroke="#555" stroke-width="1.4"${dashed ? ` stroke-dasharray="5 4"` : ""} marker-end="url(#arrow)">` +
        `<title>${esc(`${edge.relation}${edge.pinned ? "" : " (unpinned)"}`)}</title></path>`,
    );
  }
  for (const { node, x, y } of layout.nodes) {
    const [fill, stroke] = FILL[node.kind];
    const caption = KIND_WORD[node.kind];
    const level = levelText(node);
    const levelClass = node.levelWritten === undefined ? "level" : "level marked";
    const levelLine =
      level === undefined ? "" : `<text x="${x + 10}" y="${y + 51}" class="${levelClass}">${esc(truncate(level, 34))}</text>`;
    const title = node.path ? `${node.label} (${node.path}), level ${level}` : `missing: ${node.label}`;
    parts.push(
      `<g><title>${esc(title)}</title>` +
        `<rect x="${x}" y="${y}" width="${layout.nodeWidth}" height="${layout.nodeHeight}" rx="${node.kind === "ModelCard" ? 22 : 6}" ` +
        `fill="${fill}" stroke="${stroke}" stroke-width="1.5"${node.kind === "missing" ? ` stroke-dasharray="4 3"` : ""}/>` +
        `<text x="${x + 10}" y="${y + 16}" class="caption">${esc(caption)}</text>` +
        `<text x="${x + 10}" y="${y + 34}" class="label">${esc(truncate(node.label, 30))}</text>${levelLine}</g>`,
    );
  }
  parts.push(`</svg>`);
  return `<div class="diagram">${parts.join("")}</div>`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** The page's CSS. A backslash at the end of a line continues that line: it adds no newline to the CSS. */
const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;max-width:1100px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}\
h3{font-size:1rem;margin:.2rem 0}
code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;padding:0 .25rem;border-radius:4px}
.muted{color:#656d76}.score{font-size:1.15rem}
table.summary{border-collapse:collapse;margin:1rem 0}\
table.summary td,table.summary th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
.item{border-left:4px solid #d0d7de;padding:.3rem .8rem;margin:.8rem 0;background:#fff}
.item.pass{border-color:#1a7f37}.item.warn{border-color:#bf8700}.item.fail{border-color:#cf222e}.item.na{border-color:#8c959f}
.item p{margin:.25rem 0}.evidence{margin:.3rem 0;padding-left:1.2rem}.evidence li{margin:.15rem 0}
.badge{display:inline-block;font-size:11px;font-weight:600;padding:0 .4rem;border-radius:8px;color:#fff;vertical-align:1px}
.badge.pass{background:#1a7f37}.badge.warn{background:#bf8700}.badge.fail{background:#cf222e}.badge.na{background:#8c959f}
.diagram{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px;padding:.5rem;background:#fff}
svg.lineage text.caption{font:10px system-ui,sans-serif;fill:#656d76;text-transform:uppercase;letter-spacing:.05em}
svg.lineage text.label{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;fill:#1f2328}
svg.lineage text.level{font:11px system-ui,sans-serif;fill:#656d76}svg.lineage text.level.marked{fill:#b35900;font-weight:600}
.links{font-size:13px;color:#656d76}
table.waivers{border-collapse:collapse;font-size:13px}
table.waivers td,table.waivers th{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
h3 a.waivers{font-size:12px;font-weight:normal;color:#656d76}
@media print{.item{break-inside:avoid}}
`;
