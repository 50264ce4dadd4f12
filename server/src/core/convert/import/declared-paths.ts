import { isRecord } from "../../pointer";
import type { DocumentFacts } from "../../workspace/facts";
import { folderOf, resolveInWorkspace } from "./paths";

/**
 * Which Genesis document declares each data file of the workspace: a dataset manifest's
 * `distribution[].path`s and a model card's `artifacts[].path`s, by workspace path, to their
 * document's reference (`id@version`). An import names those documents instead of placeholders.
 */
export function declaredDataPaths(facts: Iterable<DocumentFacts>): Map<string, string> {
  const declared = new Map<string, string>();
  for (const document of facts) {
    if (!document.id || !document.version) continue;
    const list =
      document.kind === "DatasetManifest"
        ? document.value.distribution
        : document.kind === "ModelCard"
          ? document.value.artifacts
          : undefined;
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      const path = isRecord(entry) && typeof entry.path === "string" ? resolveInWorkspace(folderOf(document.path), entry.path) : undefined;
      if (path !== undefined && !declared.has(path)) declared.set(path, `${document.id}@${document.version}`);
    }
  }
  return declared;
}

/**
 * The reference of the document that declares `path`: the file itself, or, for a folder, the one
 * document that declares the files in it (a folder whose files several documents share names none).
 */
export function declaringReference(declared: ReadonlyMap<string, string>, path: string): string | undefined {
  const exact = declared.get(path);
  if (exact) return exact;
  const inside = new Set([...declared].filter(([file]) => file.startsWith(`${path}/`)).map(([, reference]) => reference));
  return inside.size === 1 ? [...inside][0] : undefined;
}
