import { MAX_EVIDENCE, type ReadinessGroup, type ReadinessItem, type ReadinessModel, type ReadinessStatus } from "./model";

/** How bad a status is, for the merge: the worst status of a folder is the workspace's. */
const SEVERITY: Readonly<Record<ReadinessStatus, number>> = { "n/a": 0, pass: 1, warn: 2, fail: 3 };

/**
 * One model for several workspace folders: each item takes the worst status any folder gives it
 * (`n/a` only when it is `n/a` everywhere), the reasons of the folders it applies to (prefixed
 * with the folder's name), and all their evidence, with paths prefixed by the folder's name; the
 * waivers of every folder, likewise. One folder is returned as it is.
 */
export function mergeReadiness(parts: readonly { readonly name: string; readonly model: ReadinessModel }[]): ReadinessModel {
  if (parts.length === 1) return parts[0].model;
  if (parts.length === 0) return { score: { passed: 0, applicable: 0 }, groups: [], waivers: [] };
  const groups: ReadinessGroup[] = parts[0].model.groups.map((group, g) => {
    const items = group.items.map((item, i) =>
      mergeItem(parts.map(({ name, model }) => ({ name, item: model.groups[g]?.items[i] ?? item }))),
    );
    return {
      id: group.id,
      title: group.title,
      passed: items.filter((item) => item.status === "pass").length,
      applicable: items.filter((item) => item.status !== "n/a").length,
      items,
    };
  });
  return {
    score: { passed: groups.reduce((n, g) => n + g.passed, 0), applicable: groups.reduce((n, g) => n + g.applicable, 0) },
    groups,
    // Folder by folder, each already in path then position order.
    waivers: parts.flatMap(({ name, model }) => (model.waivers ?? []).map((w) => ({ ...w, path: `${name}/${w.path}` }))),
  };
}

function mergeItem(parts: readonly { name: string; item: ReadinessItem }[]): ReadinessItem {
  const status = parts.reduce<ReadinessStatus>((worst, { item }) => (SEVERITY[item.status] > SEVERITY[worst] ? item.status : worst), "n/a");
  const applying = status === "n/a" ? parts : parts.filter(({ item }) => item.status !== "n/a");
  const rank = { fail: 0, warn: 1, pass: 2 } as const;
  const evidence = applying
    .flatMap(({ name, item }) => item.evidence.map((e) => ({ ...e, path: e.path ? `${name}/${e.path}` : name })))
    .sort((a, b) => rank[a.status] - rank[b.status]);
  const omitted = applying.reduce((n, { item }) => n + (item.omittedEvidence ?? 0), 0) + Math.max(0, evidence.length - MAX_EVIDENCE);
  const fix = parts.find(({ item }) => item.status === status && item.fix)?.item.fix;
  const first = parts[0].item;
  const waivers = parts.reduce((n, { item }) => n + (item.waivers ?? 0), 0);
  return {
    id: first.id,
    title: first.title,
    status,
    reason: applying.map(({ name, item }) => `${name}: ${item.reason}`).join(" "),
    criterion: first.criterion,
    evidence: evidence.slice(0, MAX_EVIDENCE),
    ...(omitted > 0 ? { omittedEvidence: omitted } : {}),
    ...(fix ? { fix } : {}),
    ...(waivers ? { waivers } : {}),
  };
}
