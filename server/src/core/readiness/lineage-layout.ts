import { forEachBackEdge } from "../graph";
import type { LineageEdge, LineageGraph, LineageNode } from "./lineage";

/**
 * A small layered layout of the lineage graph, left to right, for the HTML report's inline SVG:
 * each node goes one layer right of its furthest upstream node (links that close a cycle are
 * set aside for this), nodes within a layer are ordered by the mean position of their upstream
 * nodes (a few barycenter sweeps, to cut crossings), and links are cubic curves.
 */

export interface PlacedNode {
  readonly node: LineageNode;
  readonly layer: number;
  readonly x: number;
  readonly y: number;
}

export interface PlacedEdge {
  readonly edge: LineageEdge;
  /** SVG path data. */
  readonly path: string;
  /** A link that runs backwards (part of a cycle) or is unpinned or evaluation data. */
  readonly dashed: boolean;
}

export interface LineageLayout {
  readonly width: number;
  readonly height: number;
  readonly nodeWidth: number;
  readonly nodeHeight: number;
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly PlacedEdge[];
}

const NODE_WIDTH = 220;
/** Three lines: the kind, the label, the classification level. */
const NODE_HEIGHT = 60;
const GAP_X = 90;
const GAP_Y = 22;
const MARGIN = 20;
const SWEEPS = 4;

export function layoutLineage(graph: LineageGraph): LineageLayout {
  const ids = graph.nodes.map((n) => n.id);
  const known = new Set(ids);
  const edges = graph.edges.filter((e) => known.has(e.from) && known.has(e.to));
  const forward = withoutCycles(ids, edges);
  const layer = layers(ids, forward);
  const order = orderLayers(ids, forward, layer);

  const columns = Math.max(0, ...layer.values()) + 1;
  const tallest = Math.max(0, ...order.map((column) => column.length));
  const height = graph.nodes.length ? MARGIN * 2 + tallest * NODE_HEIGHT + (tallest - 1) * GAP_Y : 0;
  const width = graph.nodes.length ? MARGIN * 2 + columns * NODE_WIDTH + (columns - 1) * GAP_X : 0;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const placed = new Map<string, PlacedNode>();
  order.forEach((column, l) => {
    const columnHeight = column.length * NODE_HEIGHT + (column.length - 1) * GAP_Y;
    const top = (height - columnHeight) / 2;
    column.forEach((id, i) =>
      placed.set(id, { node: byId.get(id)!, layer: l, x: MARGIN + l * (NODE_WIDTH + GAP_X), y: top + i * (NODE_HEIGHT + GAP_Y) }),
    );
  });

  const routed = edges.map((edge) => {
    const from = placed.get(edge.from)!;
    const to = placed.get(edge.to)!;
    const backwards = to.layer <= from.layer;
    return {
      edge,
      path: backwards ? loopPath(from, to) : curvePath(from, to),
      dashed: backwards || !edge.pinned || edge.relation === "evaluationData",
    };
  });
  // Links that run backwards loop under the nodes: room for them below the lowest node.
  const loops = routed.some((r) => placed.get(r.edge.to)!.layer <= placed.get(r.edge.from)!.layer) ? GAP_Y + 40 : 0;
  return { width, height: height + loops, nodeWidth: NODE_WIDTH, nodeHeight: NODE_HEIGHT, nodes: [...placed.values()], edges: routed };
}

/** The edges minus those that close a cycle (found by a depth-first search in node order). */
function withoutCycles(ids: readonly string[], edges: readonly LineageEdge[]): LineageEdge[] {
  const out = new Map<string, LineageEdge[]>(ids.map((id) => [id, []]));
  edges.forEach((e) => out.get(e.from)!.push(e));
  const back = new Set<LineageEdge>();
  forEachBackEdge(
    ids,
    (id) => out.get(id) ?? [],
    (edge) => edge.to,
    (edge) => back.add(edge),
  );
  return edges.filter((e) => !back.has(e));
}

/** Longest path from a source: each node one layer right of its furthest upstream node. */
function layers(ids: readonly string[], edges: readonly LineageEdge[]): Map<string, number> {
  const indegree = new Map(ids.map((id) => [id, 0]));
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    indegree.set(e.to, indegree.get(e.to)! + 1);
    out.get(e.from)!.push(e.to);
  }
  const layer = new Map(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const next of out.get(id)!) {
      layer.set(next, Math.max(layer.get(next)!, layer.get(id)! + 1));
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) queue.push(next);
    }
  }
  return layer;
}

/** Nodes of each layer, ordered by barycenter sweeps (down, then up), starting from input order. */
function orderLayers(ids: readonly string[], edges: readonly LineageEdge[], layer: ReadonlyMap<string, number>): string[][] {
  const count = Math.max(0, ...layer.values()) + 1;
  const columns: string[][] = Array.from({ length: ids.length ? count : 0 }, () => []);
  ids.forEach((id) => columns[layer.get(id)!].push(id));
  const upstream = new Map<string, string[]>(ids.map((id) => [id, []]));
  const downstream = new Map<string, string[]>(ids.map((id) => [id, []]));
  edges.forEach((e) => {
    upstream.get(e.to)!.push(e.from);
    downstream.get(e.from)!.push(e.to);
  });
  const position = new Map<string, number>();
  const remember = () => columns.forEach((column) => column.forEach((id, i) => position.set(id, i / Math.max(1, column.length - 1))));
  remember();
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const down = sweep % 2 === 0;
    const neighbours = down ? upstream : downstream;
    const sequence = down ? columns.slice(1) : columns.slice(0, -1).reverse();
    for (const column of sequence) {
      const centre = new Map(
        column.map((id) => {
          const near = neighbours.get(id)!.filter((n) => position.has(n));
          return [id, near.length ? near.reduce((sum, n) => sum + position.get(n)!, 0) / near.length : position.get(id)!] as const;
        }),
      );
      column.sort((a, b) => centre.get(a)! - centre.get(b)!);
      column.forEach((id, i) => position.set(id, i / Math.max(1, column.length - 1)));
    }
  }
  return columns;
}

function curvePath(from: PlacedNode, to: PlacedNode): string {
  const x1 = from.x + NODE_WIDTH;
  const y1 = from.y + NODE_HEIGHT / 2;
  const x2 = to.x;
  const y2 = to.y + NODE_HEIGHT / 2;
  const bend = Math.max(30, (x2 - x1) / 2);
  return `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`;
}

/** A link to a node in the same or an earlier layer: under the nodes, from bottom to bottom. */
function loopPath(from: PlacedNode, to: PlacedNode): string {
  const x1 = from.x + NODE_WIDTH / 2;
  const y1 = from.y + NODE_HEIGHT;
  const x2 = to.x + NODE_WIDTH / 2 + (from === to ? 20 : 0);
  const y2 = to.y + NODE_HEIGHT;
  const depth = y1 + GAP_Y + 10;
  return `M${x1} ${y1} C${x1} ${depth + 20} ${x2} ${depth + 20} ${x2} ${y2}`;
}
