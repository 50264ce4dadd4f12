import { parseReference } from "../../rules/reference-form";
import { resolveWorkspacePath } from "../../rules/workspace-path";
import type { DocumentKind } from "../../types";
import type { ExportDocument, ExportInput } from "./model";
import { text } from "./values";

/**
 * The documents of an export and the references between them, resolved once: `id@version` to the
 * document of the expected kind, paths written in a document to workspace paths.
 */
export class WorkspaceView {
  private readonly byLabel = new Map<string, ExportDocument>();

  constructor(readonly input: ExportInput) {
    for (const document of input.workspace) {
      if (document.id && document.version) this.byLabel.set(key(document.kind, document.id, document.version), document);
    }
  }

  get documents(): readonly ExportDocument[] {
    return this.input.documents;
  }

  ofKind(kind: DocumentKind): ExportDocument[] {
    return this.input.documents.filter((document) => document.kind === kind);
  }

  /** The document a reference names among `kinds`, when it resolves. */
  resolve(reference: unknown, kinds: readonly DocumentKind[]): ExportDocument | undefined {
    const parsed = typeof reference === "string" ? parseReference(reference.trim()) : undefined;
    if (parsed?.type !== "internal" || parsed.version === undefined) return undefined;
    for (const kind of kinds) {
      const found = this.byLabel.get(key(kind, parsed.id, parsed.version));
      if (found) return found;
    }
    return undefined;
  }
}

function key(kind: DocumentKind, id: string, version: string): string {
  return `${kind}\u0000${id}@${version}`;
}

/** `id@version`, or the id, or the path: how a document is named in outputs and messages. */
export function labelOf(document: ExportDocument): string {
  return document.id ? (document.version ? `${document.id}@${document.version}` : document.id) : document.path;
}

/** A stable name for a document: its id, else its file name without the Genesis suffixes. */
export function slugOf(document: ExportDocument): string {
  if (document.id) return document.id;
  const base = document.path.split("/").pop() ?? document.path;
  return base.replace(/\.(dataset|model|pipeline|modelcard)?\.?(ya?ml|json|md)$/, "") || "document";
}

/**
 * Where a path written in a document points, workspace-relative, or undefined when it is a URL or
 * leaves the workspace (such a path is never named as a file of the workspace).
 */
export function workspacePathOf(document: ExportDocument, written: unknown): string | undefined {
  const declared = text(written);
  if (declared === undefined) return undefined;
  const resolved = resolveWorkspacePath(document.path, declared);
  return resolved.ok && resolved.path !== "" ? resolved.path : undefined;
}

/** An `https:` URL written where a path may be, else undefined. */
export function urlOf(written: unknown): string | undefined {
  const declared = text(written);
  return declared && /^https:\/\/\S+$/i.test(declared) ? declared : undefined;
}
