import { distance } from "fastest-levenshtein";
import { rcompare, valid } from "semver";
import { referenceTargets } from "../hover";
import { allowedValues, schemaAt } from "../schema/navigate";
import { KIND_NAME, type DocumentKind, type Span } from "../types";
import type { DocumentFacts } from "../workspace/facts";
import type { WorkspaceIndex } from "../workspace/workspace-index";
import { ordered, type CompletionItem } from "./item";

export interface ValueRequest {
  readonly kind: DocumentKind;
  /** The document being completed, left out of reference proposals. */
  readonly path: string;
  readonly pointer: string;
  readonly typed: string;
  readonly replace: Span;
  readonly syntax: "yaml" | "json";
  /** The YAML quote the value was opened with (the value is then written inside it). */
  readonly quote?: string;
  /** A blank must precede the value (the cursor is right after `:`, `-`, `[` or `,`). */
  readonly needsBlank: boolean;
  readonly index?: WorkspaceIndex;
}

/**
 * The values the node at `pointer` may take: an enum's values (the nearest to what is typed
 * first), `true`/`false`, or at a reference position the `id@version` of every document of the
 * expected kind in the workspace (by id, newest version first).
 */
export function valueItems(request: ValueRequest): CompletionItem[] {
  const targets = referenceTargets(request.kind, request.pointer);
  if (targets) return referenceItems(request, targets);
  const schema = schemaAt(request.kind, request.pointer);
  if (!schema) return [];
  const documentation = typeof schema.description === "string" ? schema.description : undefined;
  const allowed = allowedValues(schema) ?? (schema.type === "boolean" ? [true, false] : undefined);
  if (!allowed) return [];
  const typed = request.typed.toLowerCase();
  const byNearness = allowed
    .map((value, order) => ({
      value,
      order,
      cost: typed ? distance(typed, String(value).toLowerCase().slice(0, Math.max(typed.length, 1))) : 0,
    }))
    .sort((a, b) => a.cost - b.cost || a.order - b.order);
  return ordered(
    byNearness.map(({ value }) => ({
      label: String(value),
      kind: "value" as const,
      documentation,
      insertText: write(value, request),
      filterText: request.syntax === "json" && request.replace.end > request.replace.start ? JSON.stringify(value) : undefined,
      replace: request.replace,
    })),
  );
}

function referenceItems(request: ValueRequest, targets: readonly DocumentKind[]): CompletionItem[] {
  if (!request.index) return [];
  const documents = [...request.index.all()].filter((facts) => targets.includes(facts.kind) && facts.id && facts.path !== request.path);
  documents.sort(newestFirst);
  return ordered(
    documents.map((facts) => {
      const label = facts.version ? `${facts.id}@${facts.version}` : facts.id!;
      return {
        label,
        kind: "reference" as const,
        detail: facts.name ? `${facts.name} · ${facts.path}` : facts.path,
        documentation: `The ${KIND_NAME[facts.kind]} \`${label}\` in \`${facts.path}\`.`,
        insertText: write(label, request),
        filterText: request.syntax === "json" && request.replace.end > request.replace.start ? JSON.stringify(label) : undefined,
        replace: request.replace,
      };
    }),
  );
}

/** By id, then the newest version first (semver order; other versions after, by text). */
function newestFirst(a: DocumentFacts, b: DocumentFacts): number {
  const byId = a.id!.localeCompare(b.id!);
  if (byId) return byId;
  const va = a.version && valid(a.version);
  const vb = b.version && valid(b.version);
  if (va && vb) return rcompare(va, vb);
  if (va || vb) return va ? -1 : 1;
  return (b.version ?? "").localeCompare(a.version ?? "", "en", { numeric: true });
}

/** The value as the cursor's syntax writes it. */
function write(value: unknown, request: ValueRequest): string {
  if (request.syntax === "json") return `${request.needsBlank ? " " : ""}${JSON.stringify(value)}`;
  const text = String(value);
  if (request.quote) return request.quote === '"' ? JSON.stringify(text).slice(1, -1) : text.replace(/'/g, "''");
  return `${request.needsBlank ? " " : ""}${typeof value === "string" && needsQuotes(text) ? JSON.stringify(text) : text}`;
}

/** Whether YAML would read the plain scalar as something else than this string. */
function needsQuotes(text: string): boolean {
  return (
    text === "" ||
    /^(true|false|yes|no|on|off|null|~|y|n)$/i.test(text) ||
    /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text) ||
    /^[-?:,[\]{}#&*!|>'"%@`\s]/.test(text) ||
    /: |\s#|\s$/.test(text)
  );
}
